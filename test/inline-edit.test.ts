import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { items } from "../lib/db/schema";
import { defineResource } from "../lib/resources/define";
import { parseInlineValue } from "../lib/resources/engine/form";
import { listConflictMessage } from "../lib/resources/engine/version";
import { editText, textFromDisplay } from "../lib/resources/inline-edit";
import { getResource } from "../lib/resources/registry";
import type { FieldDef } from "../lib/resources/types";

const resource = getResource("items")!;

function value(key: string, text: string): unknown {
  const parsed = parseInlineValue(resource, key, text);
  if (!parsed.ok) assert.fail(`expected ${key}=${JSON.stringify(text)} to parse, got ${parsed.error}`);
  return parsed.value;
}
function error(key: string, text: string): string {
  const parsed = parseInlineValue(resource, key, text);
  if (parsed.ok) assert.fail(`expected ${key}=${JSON.stringify(text)} to be refused, got ${JSON.stringify(parsed.value)}`);
  return parsed.error;
}

describe("parseInlineValue: one list cell, checked as the edit form checks it", () => {
  it("reads a price as integer cents and refuses anything else", () => {
    assert.equal(value("price", "12.5"), 1250);
    assert.equal(value("price", " $1,234.56 "), 123456);
    assert.equal(value("price", "0"), 0);
    for (const bad of ["abc", "12.345", "1e3"]) assert.match(error("price", bad), /amount like 12\.50/, bad);
    // The form's own message, not the format hint.
    assert.equal(error("price", "-3"), "Price cannot be negative.");
    assert.match(error("price", ""), /Price is required/);
  });

  it("takes a category only from the list", () => {
    assert.equal(value("category", "garden"), "garden");
    assert.match(error("category", "wizard"), /Choose one of the listed category values/);
    assert.match(error("category", ""), /required/);
  });

  it("reads in stock as the form's checkbox does", () => {
    assert.equal(value("inStock", "true"), true);
    assert.equal(value("inStock", "on"), true);
    assert.equal(value("inStock", "false"), false);
    assert.equal(value("inStock", ""), false);
  });

  it("refuses fields not marked inlineEdit, and unknown ones", () => {
    for (const key of ["name", "description", "owner", "createdAt", "updatedAt", "id", "nope", "__proto__"]) {
      assert.equal(error(key, "x"), "This field cannot be changed here.", key);
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

  it("accepts boolean, enum, number, money and short text fields", () => {
    define({ inlineEdit: true });
    define({ key: "price", type: "money", column: items.priceCents, inlineEdit: true });
    define({ key: "n", type: "number", column: items.priceCents, inlineEdit: true });
    define({ key: "inStock", type: "boolean", column: items.inStock, inlineEdit: true });
    define({ key: "category", type: "enum", column: items.category, options: ["a"], inlineEdit: true });
  });

  it("throws at start-up for any other type", () => {
    for (const type of ["longtext", "email", "datetime", "reference", "many", "password", "permissions", "json"] as const) {
      assert.throws(() => define({ type, inlineEdit: true, reference: { resource: "users" }, many: {} as FieldDef["many"] }), new RegExp(`things\\.name: inlineEdit is for .* not ${type}`), type);
    }
  });

  it("throws for a field without a column or one the edit form lacks", () => {
    assert.throws(() => define({ column: undefined, inlineEdit: true }), /needs a column/);
    assert.throws(() => define({ form: false, inlineEdit: true }), /edit form/);
    assert.throws(() => define({ form: "create", inlineEdit: true }), /edit form/);
    define({ form: "edit", inlineEdit: true });
  });

  it("marks items' category, price and in stock, and nothing else", () => {
    assert.deepEqual(resource.fields.filter((f) => f.inlineEdit).map((f) => f.key), ["category", "price", "inStock"]);
  });
});

describe("inline editor text", () => {
  it("starts from the stored value", () => {
    assert.equal(editText("money", 123456), "1234.56");
    assert.equal(editText("money", null), "");
    assert.equal(editText("boolean", true), "true");
    assert.equal(editText("boolean", null), "false");
    assert.equal(editText("number", 1234), "1234");
    assert.equal(editText("enum", "books"), "books");
  });

  it("reads the same text back from what a cell shows", () => {
    assert.equal(textFromDisplay("money", "$1,234.56"), "1234.56");
    assert.equal(textFromDisplay("number", "1,234"), "1234");
    assert.equal(textFromDisplay("boolean", "Yes"), "true");
    assert.equal(textFromDisplay("boolean", "No"), "false");
    assert.equal(textFromDisplay("enum", "—"), "");
    assert.equal(textFromDisplay("text", "—"), "");
    assert.equal(textFromDisplay("text", "  spaced "), "  spaced ");
  });
});

describe("listConflictMessage", () => {
  it("keeps who changed what, and says what happened in list terms", () => {
    const form = "ann@example.com changed this item (Price) after you opened this form. Nothing was saved; your entries are kept below. Check them and save again to overwrite.";
    assert.equal(listConflictMessage(form), "ann@example.com changed this item (Price) after the list was loaded. Nothing was saved; the list now shows the current value.");
    assert.match(listConflictMessage("other"), /^Someone else changed this record after the list was loaded/);
  });
});
