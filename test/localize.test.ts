import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PSEUDO_LOCALE } from "../lib/i18n/locales";
import { countOf, getLocalResource, localize, optionLabel } from "../lib/resources/localize";
import { noticeText } from "../lib/resources/notice-text";
import { permissionLabelIn, permissionMatrix } from "../lib/resources/permission-catalog";
import { formatMoney, parseMoney } from "../lib/resources/money";
import { RESOURCES } from "../lib/resources/registry";
import { resourceFor } from "../lib/resources/scope";
import { itemsResource } from "../lib/resources/defs/items";
import type { Resource } from "../lib/resources/types";

const NBSP = /\u00a0/g;

/** Every word a resource shows, to compare a localized copy with its definition. */
function wordsOf(r: Resource) {
  return {
    label: r.label,
    singular: r.singular,
    fields: r.fields.map((f) => [f.key, f.label, f.help, f.pattern?.message, f.related, f.options?.map((o) => optionLabel(f, o))]),
    filters: r.filters?.map((f) => f.label),
    permissions: r.permissions?.map((p) => p.label),
    bulk: r.bulkActions?.map((a) => a.label),
  };
}

describe("a resource's words in the user's language", () => {
  it("English reproduces every definition's own words, derived labels included", () => {
    for (const r of RESOURCES) assert.deepEqual(wordsOf(localize(r, "en")), wordsOf(r), r.name);
    assert.equal(countOf(itemsResource, 10_000, "en", true), "10,000+ items");
    assert.equal(countOf(itemsResource, 1, "en"), "1 item");
    assert.equal(countOf(getLocalResource("audit", "en")!, 2, "en"), "2 audit entries");
  });

  it("German: labels, field labels, options and counts of items", () => {
    const items = getLocalResource("items", "de")!;
    assert.equal(items.label, "Artikel");
    assert.equal(items.fieldMap.get("inStock")?.label, "Auf Lager");
    assert.equal(items.fieldMap.get("price")?.label, "Preis");
    assert.equal(optionLabel(items.fieldMap.get("category")!, "books"), "Bücher");
    assert.deepEqual(items.fieldMap.get("category")?.options, itemsResource.fieldMap.get("category")?.options, "the stored values stay");
    assert.equal(items.permissions?.[0]?.label, "Preise ändern");
    assert.equal(countOf(items, 1, "de"), "1 Artikel");
    assert.equal(countOf(items, 2, "de"), "2 Artikel");
    assert.equal(countOf(items, 10_000, "de", true), "10.000+ Artikel");
    assert.equal(countOf(getLocalResource("audit", "de")!, 3, "de"), "3 Protokolleinträge");
    assert.equal(getLocalResource("users", "de")?.fieldMap.get("roles")?.related, "Benutzer mit dieser Rolle");
    assert.equal(getLocalResource("audit", "de")?.filters?.find((f) => f.param === "at")?.label, "Zeitraum");
  });

  it("falls back to the definition's words for a resource or key the catalogue lacks", () => {
    const own = { ...itemsResource, name: "gadgets", label: "Gadgets", singular: "Gadget" } as Resource;
    const german = localize(own, "de");
    assert.equal(german.label, "Gadgets");
    assert.equal(german.fieldMap.get("name")?.label, "Name");
    assert.equal(countOf(german, 1, "de"), "1 gadget");
    assert.equal(countOf(german, 1200, "de"), "1.200 gadgets");
  });

  it("is memoized: the same object per resource and locale", () => {
    assert.equal(localize(itemsResource, "de"), localize(itemsResource, "de"));
    assert.equal(getLocalResource("items", "de"), localize(itemsResource, "de"));
    assert.notEqual(localize(itemsResource, "de"), localize(itemsResource, "en"));
  });

  it("keeps a narrowed copy narrowed, and narrowing a localized copy keeps its words", () => {
    // Items whose price only `items:price` may see.
    const fields = itemsResource.fields.map((f) => (f.key === "price" ? { ...f, access: { view: "items:price" } } : f));
    const guarded: Resource = { ...itemsResource, fields, fieldMap: new Map(fields.map((f) => [f.key, f])) };
    const access = { isAdmin: false, permissions: new Set(["items:view"]) } as never;
    const narrowed = resourceFor(guarded, access);
    assert.equal(narrowed.fieldMap.has("price"), false);
    const german = localize(narrowed, "de");
    assert.deepEqual(german.fields.map((f) => f.key), narrowed.fields.map((f) => f.key));
    assert.equal(german.fieldMap.has("price"), false);
    assert.equal(german.fieldMap.get("inStock")?.label, "Auf Lager");
    assert.equal(german.filters?.some((f) => f.field === "price"), false);
    const again = resourceFor(localize(guarded, "de"), access);
    assert.equal(again.label, "Artikel");
    assert.equal(again.fieldMap.has("price"), false);
    assert.equal(resourceFor(guarded, access).label, "Items", "the English copy is not the German one");
  });

  it("pseudo-locale: bracketed words", () => {
    const items = getLocalResource("items", PSEUDO_LOCALE)!;
    assert.match(items.label, /^［.*］$/);
    assert.match(items.fieldMap.get("name")!.label, /^［.*］$/);
    assert.match(countOf(items, 2, PSEUDO_LOCALE), /^［2 .*］$/);
  });

  it("notices in German, right for every noun", () => {
    const roles = getLocalResource("roles", "de")!;
    const items = getLocalResource("items", "de")!;
    assert.equal(noticeText("created", roles, { title: "editor" }, "de"), "Rolle „editor“ erstellt.");
    assert.equal(noticeText("updated", items, { title: "Red drum" }, "de"), "Artikel „Red drum“ gespeichert.");
    assert.equal(noticeText("deleted", items, { count: 1 }, "de"), "Artikel gelöscht.");
    assert.equal(noticeText("deleted", items, { count: 1200 }, "de"), "1.200 Artikel gelöscht.");
    assert.equal(noticeText("bulk", getLocalResource("users", "de")!, { count: 3 }, "de"), "3 Benutzer geändert.");
    assert.equal(noticeText("deleted", getLocalResource("items", "en")!, { count: 3 }), "3 items deleted.");
  });

  it("permissions and money in the locale", () => {
    assert.equal(permissionLabelIn("de")("items:view"), "Artikel anzeigen");
    assert.equal(permissionLabelIn("de")("items:update:own"), "Eigene Artikel ändern");
    assert.equal(permissionLabelIn("de")("items:price"), "Artikel: Preise ändern");
    assert.equal(permissionLabelIn("en")("audit:export"), "Export audit log");
    assert.equal(permissionLabelIn("en")("items:update:own"), "Update own items");
    assert.equal(permissionMatrix(RESOURCES, "de").find((r) => r.resource === "audit")?.cells[0]?.label, "Anzeigen");
    assert.equal(formatMoney(123456, "de").replace(NBSP, " "), "1.234,56 $");
    assert.equal(formatMoney(1230, "en", "EUR"), "€12.30");
    assert.equal(parseMoney("1.234,56", "de"), 123456);
    assert.equal(parseMoney("12.30", "de"), 1230);
    assert.equal(parseMoney("1,234.56"), 123456);
  });
});
