import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RESOURCES, getResource } from "../lib/resources/registry";
import { itemsResource } from "../lib/resources/defs/items";
import { isWritable } from "../lib/resources/writable";

const audit = getResource("audit")!;
const resourceChoices = () => audit.fieldMap.get("resource")?.options;

describe("what generic pages learn from definitions", () => {
  it("the audit log's resource filter lists the registered resources the panel writes", () => {
    assert.deepEqual(resourceChoices(), ["users", "roles", "items", "suppliers"]);
  });

  it("a resource added to the registry becomes a choice of that filter", () => {
    const vendors = { ...itemsResource, name: "vendors" };
    try {
      audit.registered?.([...RESOURCES, vendors]);
      assert.deepEqual(resourceChoices(), ["users", "roles", "items", "suppliers", "vendors"]);
    } finally {
      audit.registered?.(RESOURCES);
    }
  });

  it("a resource with no write action keeps no history; the others do", () => {
    assert.deepEqual(RESOURCES.filter(isWritable).map((r) => r.name), ["users", "roles", "items", "suppliers"]);
    assert.equal(isWritable({ actions: ["view", "export"] }), false);
    assert.equal(isWritable({ actions: ["view", "delete"] }), true);
  });

  it("only the users definition (two-factor) and the audit log (what happened) add a panel to their details page", () => {
    assert.deepEqual(RESOURCES.filter((r) => r.detailsPanel).map((r) => [r.name, r.detailsPanel]), [["users", "two-factor"], ["audit", "audit-entry"]]);
  });
});
