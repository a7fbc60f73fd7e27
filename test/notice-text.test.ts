import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noticeParts, noticeText, parseNoticeCount, parseNoticeKind } from "../lib/resources/notice-text";
import { getLocalResource } from "../lib/resources/localize";
import { getResource } from "../lib/resources/registry";

const items = { singular: "Item", label: "Items" };

describe("notices after a write", () => {
  it("names the record saved or created", () => {
    assert.equal(noticeText("updated", items, { title: "Red drum 300" }), "Item “Red drum 300” saved.");
    assert.equal(noticeText("created", items, { title: "Red drum 300" }), "Item “Red drum 300” created.");
    assert.equal(noticeText("created", items), "Item created.");
  });

  it("counts what was deleted or updated in bulk", () => {
    assert.equal(noticeText("deleted", items, { count: 1 }), "Item deleted.");
    assert.equal(noticeText("deleted", items, { count: 3 }), "3 items deleted.");
    assert.equal(noticeText("bulk", items, { count: 1200 }), "1,200 items updated.");
    assert.equal(noticeText("deleted", items, { count: null }), "Items deleted.");
  });

  it("knows only its own kinds", () => {
    assert.equal(parseNoticeKind("deleted"), "deleted");
    for (const raw of ["<script>", "Deleted", "", undefined, ["deleted"]]) assert.equal(parseNoticeKind(raw), null);
  });

  it("reads the count as a bounded whole number", () => {
    assert.equal(parseNoticeCount("3"), 3);
    assert.equal(parseNoticeCount("100000"), 100_000);
    for (const raw of ["0", "-1", "1e3", "3 items", "3.5", "100001", "9999999", " 3", "", undefined, ["3"]]) assert.equal(parseNoticeCount(raw), null, String(raw));
  });
});

describe("a notice's parts", () => {
  it("the record's title is data (shown translate=no), the rest words, in either language", () => {
    const items = getResource("items")!;
    assert.deepEqual(noticeParts("updated", items, { title: "Red drum" }), ["Item “", { data: "Red drum" }, "” saved."]);
    assert.deepEqual(noticeParts("created", getLocalResource("roles", "de")!, { title: "editor" }, "de"), ["Rolle „", { data: "editor" }, "“ erstellt."]);
  });
});
