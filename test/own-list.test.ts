import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ownList } from "../lib/resources/own-list";

describe("the list a bulk form goes back to", () => {
  it("is the resource's own list, with its query", () => {
    assert.equal(ownList("items", "/admin/items?q=lamp&category=books")?.search, "?q=lamp&category=books");
    assert.equal(ownList("items", "/admin/items")?.pathname, "/admin/items");
  });

  it("is nothing for another list, a record, a way out with dot segments or another host", () => {
    for (const forged of ["/admin/users?q=a", "/admin/items/12", "/admin/itemsx", "/admin/items/../..//evil.com", "/admin/items/..%2f..%2f/evil.com", "/admin/items\\..\\..\\/evil.com", "/admin/items/%2e%2e/%2e%2e//evil.com", "//evil.com/admin/items", "https://evil.com/admin/items", ""]) {
      assert.equal(ownList("items", forged), null, forged);
    }
  });
});
