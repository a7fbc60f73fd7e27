import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getResource } from "../lib/resources/registry";
import { formFields, parseForm, type FormMode, type ParsedForm } from "../lib/resources/engine/form";
import { isKnownPermission } from "../lib/resources/permission-catalog";

const KNOWN = isKnownPermission;
const items = getResource("items")!;
const users = getResource("users")!;
const roles = getResource("roles")!;

function formData(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(key, v);
  return form;
}
const parse = (name: "items" | "users" | "roles", fields: Record<string, string | string[]>, mode: FormMode = "create"): Promise<ParsedForm> =>
  parseForm({ items, users, roles }[name], mode, formData(fields), KNOWN);

function ok(result: ParsedForm): Record<string, unknown> {
  if (!result.ok) assert.fail(`expected success, got ${JSON.stringify(result.fieldErrors)}`);
  return result.values;
}
function errors(result: ParsedForm): Record<string, string> {
  if (result.ok) assert.fail(`expected errors, got ${JSON.stringify(result.values)}`);
  return result.fieldErrors;
}

const item = (extra: Record<string, string | string[]> = {}) => ({ name: "Hammer", category: "tools", price: "12.5", ...extra });

describe("parseForm: items", () => {
  it("converts a valid item", async () => {
    const values = ok(await parse("items", item({ inStock: "on", description: "", owner: "", supplier: "3" })));
    assert.deepEqual(values, { name: "Hammer", category: "tools", price: 1250, inStock: true, description: null, owner: null, supplier: 3 });
  });

  it("requires the required fields", async () => {
    const e = errors(await parse("items", {}));
    assert.deepEqual(Object.keys(e).sort(), ["category", "name", "price"]);
    assert.match(e.name!, /required/);
    assert.match(errors(await parse("items", item({ name: "   " }))).name!, /required/);
  });

  it("limits the item name to 64 characters", async () => {
    assert.equal(ok(await parse("items", item({ name: "x".repeat(64) }))).name, "x".repeat(64));
    const e = errors(await parse("items", item({ name: "x".repeat(65) })));
    assert.match(e.name!, /64/);
    // counted in characters, not UTF-16 units
    assert.equal(ok(await parse("items", item({ name: "😀".repeat(64) }))).name, "😀".repeat(64));
  });

  it("reads money as integer cents and refuses anything else", async () => {
    assert.equal(ok(await parse("items", item({ price: "12.5" }))).price, 1250);
    assert.equal(ok(await parse("items", item({ price: "0" }))).price, 0);
    for (const bad of ["12.345", "abc", "1e3"]) {
      assert.match(errors(await parse("items", item({ price: bad }))).price!, /amount/, bad);
    }
    assert.equal(errors(await parse("items", item({ price: "-1" }))).price, "Price cannot be negative.");
  });

  it("refuses a category outside the list", async () => {
    assert.ok(errors(await parse("items", item({ category: "wizard" }))).category);
    assert.ok(errors(await parse("items", item({ category: "Tools" }))).category);
  });

  it("reads a checkbox as on or absent", async () => {
    assert.equal(ok(await parse("items", item({ inStock: "on" }))).inStock, true);
    assert.equal(ok(await parse("items", item())).inStock, false);
  });

  it("stores empty optional text as null and normalises line ends of long text", async () => {
    assert.equal(ok(await parse("items", item({ description: "" }))).description, null);
    assert.equal(ok(await parse("items", item({ description: "one\r\ntwo" }))).description, "one\ntwo");
  });

  it("ignores fields that are not in the form", async () => {
    const values = ok(await parse("items", item({ id: "99", createdAt: "2000-01-01", updatedAt: "x", evil: "1", priceCents: "1" })));
    for (const key of ["id", "createdAt", "updatedAt", "evil", "priceCents"]) assert.equal(key in values, false, key);
  });

  it("returns what was typed, to fill the form again after an error", async () => {
    const result = await parse("items", { name: "  Saw  ", category: "wizard", price: "12.345", inStock: "on" });
    assert.equal(result.ok, false);
    assert.deepEqual(result.raw, { name: "  Saw  ", category: "wizard", price: "12.345", inStock: "on", description: "", owner: "", supplier: "" });
  });

  it("lists only the editable fields", async () => {
    assert.deepEqual(formFields(items, "create").map((f) => f.key), ["name", "category", "price", "inStock", "description", "owner", "supplier"]);
  });
});

describe("parseForm: roles", () => {
  it("accepts permissions on registered resources, deduplicated and sorted", async () => {
    const values = ok(await parse("roles", { name: "editor", permissions: ["items:view", "users:export", "items:view", "roles:create"] }));
    assert.deepEqual(values.permissions, ["items:view", "roles:create", "users:export"]);
    assert.deepEqual(ok(await parse("roles", { name: "nobody" })).permissions, []);
  });

  it("accepts own-records forms where the resource has an owner, and declared extra permissions", async () => {
    const values = ok(await parse("roles", { name: "contributor", permissions: ["items:update:own", "items:view:own", "items:price"] }));
    assert.deepEqual(values.permissions, ["items:price", "items:update:own", "items:view:own"]);
  });

  it("refuses permissions on unknown resources or actions", async () => {
    // users have no owner column; audit supports no create; roles declare no extra permissions.
    for (const bad of ["invoices:view", "items:fly", "items", "ITEMS:view", ":view", "items:view:x", "users:view:own", "audit:create", "roles:price", "items:price:own"]) {
      const e = errors(await parse("roles", { name: "editor", permissions: ["items:view", bad] }));
      assert.match(e.permissions!, /Unknown permission/, bad);
    }
  });

  it("applies the name pattern", async () => {
    assert.ok(errors(await parse("roles", { name: "Editor" })).name);
    assert.equal(ok(await parse("roles", { name: "shop-editor-2" })).name, "shop-editor-2");
  });
});

describe("parseForm: users", () => {
  const password = "Correct-Horse-Battery-42";

  it("normalises the email to lower case", async () => {
    const values = ok(await parse("users", { email: "  Boss@Example.COM ", password }));
    assert.equal(values.email, "boss@example.com");
  });

  it("refuses an invalid email", async () => {
    for (const bad of ["not-an-email", "a@", "@b.co", "a b@c.de"]) {
      assert.ok(errors(await parse("users", { email: bad, password })).email, bad);
    }
  });

  it("refuses an email longer than its 254-character limit", async () => {
    const label = "d".repeat(60);
    const email = `${"a".repeat(60)}@${label}.${label}.${label}.${label}.com`;
    assert.ok(email.length > 254);
    assert.ok(errors(await parse("users", { email, password })).email);
  });

  it("passes the password through but never echoes it in raw", async () => {
    const good = await parse("users", { email: "a@b.co", password, active: "on" });
    assert.equal(ok(good).password, password);
    assert.equal("password" in good.raw, false);
    const bad = await parse("users", { email: "nope", password });
    assert.equal(bad.ok, false);
    assert.equal("password" in bad.raw, false);
    assert.ok(!JSON.stringify(bad.raw).includes(password));
  });

  it("leaves an empty password out on update and refuses an absurdly long one", async () => {
    assert.equal(ok(await parse("users", { email: "a@b.co", password: "" }, "update")).password, undefined);
    assert.match(errors(await parse("users", { email: "a@b.co", password: "x".repeat(1025) })).password!, /too long/);
  });

  it("reads roles as a deduplicated list", async () => {
    assert.deepEqual(ok(await parse("users", { email: "a@b.co", roles: ["1", "2", "1", ""] })).roles, ["1", "2"]);
  });
});
