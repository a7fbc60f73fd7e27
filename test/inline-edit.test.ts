import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { items } from "../lib/db/schema";
import { defineResource } from "../lib/resources/define";
import { parseInlineValue } from "../lib/resources/engine/form";
import { conflictMessages } from "../lib/resources/engine/version";
import { wordsOf } from "../lib/resources/engine/words";
import { english } from "../lib/i18n/translator";
import { editText, textFromDisplay } from "../lib/resources/inline-edit";
import { getResource } from "../lib/resources/registry";
import type { FieldDef } from "../lib/resources/types";

const resource = getResource("items")!;

async function value(key: string, text: string): Promise<unknown> {
  const parsed = await parseInlineValue(resource, key, text);
  if (!parsed.ok) assert.fail(`expected ${key}=${JSON.stringify(text)} to parse, got ${parsed.error}`);
  return parsed.value;
}
async function error(key: string, text: string): Promise<string> {
  const parsed = await parseInlineValue(resource, key, text);
  if (parsed.ok) assert.fail(`expected ${key}=${JSON.stringify(text)} to be refused, got ${JSON.stringify(parsed.value)}`);
  return parsed.error;
}

describe("parseInlineValue: one list cell, checked as the edit form checks it", () => {
  it("reads a price as integer cents and refuses anything else", async () => {
    assert.equal(await value("price", "12.5"), 1250);
    assert.equal(await value("price", " $1,234.56 "), 123456);
    assert.equal(await value("price", "0"), 0);
    for (const bad of ["abc", "12.345", "1e3"]) assert.match(await error("price", bad), /amount like 12\.50/, bad);
    // The form's own message, not the format hint.
    assert.equal(await error("price", "-3"), "Price cannot be negative.");
    assert.match(await error("price", ""), /Price is required/);
  });

  it("takes a category only from the list", async () => {
    assert.equal(await value("category", "garden"), "garden");
    assert.match(await error("category", "wizard"), /Choose one of the listed category values/);
    assert.match(await error("category", ""), /required/);
  });

  it("reads in stock as the form's checkbox does", async () => {
    assert.equal(await value("inStock", "true"), true);
    assert.equal(await value("inStock", "on"), true);
    assert.equal(await value("inStock", "false"), false);
    assert.equal(await value("inStock", ""), false);
  });

  it("refuses fields not marked inlineEdit, and unknown ones", async () => {
    for (const key of ["name", "description", "owner", "createdAt", "updatedAt", "id", "nope", "__proto__"]) {
      assert.equal(await error(key, "x"), "This field cannot be changed here.", key);
    }
  });
});

describe("defineResource and inlineEdit", () => {
  const define = (field: Partial<FieldDef>) =>
    defineResource({
      name: "things",
      label: "Things",
      singular: "Thing",
      table: items,
      id: items.id,
      title: items.name,
      fields: [{ key: "name", label: "Name", type: "text", column: items.name, ...field } as FieldDef],
    });

  it("accepts boolean, enum, number, money and short text fields", async () => {
    define({ inlineEdit: true });
    define({ key: "price", type: "money", column: items.priceCents, inlineEdit: true });
    define({ key: "n", type: "number", column: items.priceCents, inlineEdit: true });
    define({ key: "inStock", type: "boolean", column: items.inStock, inlineEdit: true });
    define({ key: "category", type: "enum", column: items.category, options: ["a"], inlineEdit: true });
  });

  it("throws at start-up for any other type", async () => {
    for (const type of ["longtext", "email", "datetime", "reference", "many", "password", "permissions", "json"] as const) {
      assert.throws(() => define({ type, inlineEdit: true, reference: { resource: "users" }, many: {} as FieldDef["many"] }), new RegExp(`things\\.name: inlineEdit is for .* not ${type}`), type);
    }
  });

  it("throws for a field without a column or one the edit form lacks", async () => {
    assert.throws(() => define({ column: undefined, inlineEdit: true }), /needs a column/);
    assert.throws(() => define({ form: false, inlineEdit: true }), /edit form/);
    assert.throws(() => define({ form: "create", inlineEdit: true }), /edit form/);
    define({ form: "edit", inlineEdit: true });
  });

  it("marks items' category, price and in stock, and nothing else", async () => {
    assert.deepEqual(resource.fields.filter((f) => f.inlineEdit).map((f) => f.key), ["category", "price", "inStock"]);
  });
});

describe("inline editor text", () => {
  it("starts from the stored value", async () => {
    assert.equal(editText("money", 123456), "1234.56");
    assert.equal(editText("money", 123456, "de"), "1234,56");
    assert.equal(editText("money", null), "");
    assert.equal(editText("boolean", true), "true");
    assert.equal(editText("boolean", null), "false");
    assert.equal(editText("number", 1234), "1234");
    assert.equal(editText("enum", "books"), "books");
  });

  it("reads the same text back from what a cell shows", async () => {
    assert.equal(textFromDisplay("money", "$1,234.56"), "1234.56");
    assert.equal(textFromDisplay("number", "1,234"), "1234");
    assert.equal(textFromDisplay("boolean", "Yes"), "true");
    assert.equal(textFromDisplay("boolean", "No"), "false");
    assert.equal(textFromDisplay("enum", "—"), "");
    assert.equal(textFromDisplay("text", "—"), "");
    assert.equal(textFromDisplay("text", "  spaced "), "  spaced ");
  });
});

describe("conflictMessages", () => {
  it("keeps who changed what, and says what happened in form and in list terms", () => {
    const words = wordsOf(english("engine"), "en");
    const { form, list } = conflictMessages(words, "Item", ["ann@example.com"], false, ["Price"]);
    assert.equal(form, "ann@example.com changed this item (Price) after you opened this form. Nothing was saved; your entries are kept below. Check them and save again to overwrite.");
    assert.equal(list, "ann@example.com changed this item (Price) after the list was loaded. Nothing was saved; the list now shows the current value.");
    assert.match(conflictMessages(words, "Record", [], true, []).list, /^Someone else changed this record after the list was loaded/);
    assert.match(conflictMessages(words, "Item", ["ann@example.com"], true, ["Price", "Name"]).form, /^ann@example\.com and someone else changed this item \(Price, Name\) after/);
  });
});
