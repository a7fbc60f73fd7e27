import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sql, type Table } from "drizzle-orm";
import { boolean, index, integer as pgInteger, jsonb, pgTable, serial, text as pgText, timestamp, varchar } from "drizzle-orm/pg-core";
import { index as sqliteIndex, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { defineResource } from "../lib/resources/define";
import { deriveResource } from "../lib/resources/derive";
import { itemsResource } from "../lib/resources/defs/items";

const STATUSES = ["active", "paused"] as const;

const sqliteUsers = sqliteTable("users", { id: text("id").primaryKey() });
const sqliteSuppliers = sqliteTable(
  "suppliers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name", { length: 80 }).notNull(),
    status: text("status", { enum: STATUSES }).notNull().default("active"),
    creditCents: integer("credit_cents").notNull(),
    rating: integer("rating"),
    preferred: integer("preferred", { mode: "boolean" }).notNull(),
    notes: text("notes", { length: 2000 }),
    extra: text("extra", { mode: "json" }),
    ownerId: text("owner_id").references(() => sqliteUsers.id),
    contactEmail: text("contact_email").unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [sqliteIndex("suppliers_name_idx").on(t.name), sqliteIndex("suppliers_owner_idx").on(t.ownerId, t.rating)],
);

const pgUsers = pgTable("users", { id: pgText("id").primaryKey() });
const pgSuppliers = pgTable(
  "suppliers",
  {
    id: serial("id").primaryKey(),
    name: varchar("name", { length: 80 }).notNull(),
    status: pgText("status", { enum: STATUSES }).notNull().default("active"),
    creditCents: pgInteger("credit_cents").notNull(),
    rating: pgInteger("rating"),
    preferred: boolean("preferred").notNull(),
    notes: varchar("notes", { length: 2000 }),
    extra: jsonb("extra"),
    ownerId: pgText("owner_id").references(() => pgUsers.id),
    contactEmail: pgText("contact_email").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("suppliers_name_idx").on(t.name), index("suppliers_owner_idx").on(t.ownerId, t.rating)],
);

const byKey = (config: ReturnType<typeof deriveResource>) => new Map(config.fields.map((f) => [f.key, f]));

for (const [dialect, table] of [["SQLite", sqliteSuppliers], ["PostgreSQL", pgSuppliers]] as const) {
  const columns = table as unknown as Record<string, unknown>;

  describe(`deriveResource on a ${dialect} table`, () => {
    it("derives names, id, title and owner from the table", () => {
      const config = deriveResource(table);
      assert.deepEqual([config.name, config.label, config.singular], ["suppliers", "Suppliers", "Supplier"]);
      assert.equal(config.id, columns.id);
      assert.equal(config.title, columns.name);
      assert.equal(config.owner, columns.ownerId, "a foreign key to users named ownerId");
    });

    it("derives one field per column, typed from the column", () => {
      const config = deriveResource(table);
      assert.deepEqual(
        config.fields.map((f) => `${f.key}:${f.type}`),
        ["name:text", "status:enum", "credit:money", "rating:number", "preferred:boolean", "notes:longtext", "extra:json", "owner:reference", "contactEmail:text", "createdAt:datetime"],
      );
      const f = byKey(config);
      assert.deepEqual([f.get("name")?.label, f.get("credit")?.label, f.get("contactEmail")?.label, f.get("createdAt")?.label], ["Name", "Credit", "Contact email", "Created"]);
      assert.equal(f.get("credit")?.column, columns.creditCents);
      assert.deepEqual(f.get("status")?.options, ["active", "paused"]);
      assert.deepEqual(f.get("owner")?.reference, { resource: "users" });
      assert.equal(f.get("owner")?.related, true);
      assert.equal(f.get("name")?.maxLength, 80);
    });

    it("derives required, sortable, list and read-only from constraints and indexes", () => {
      const f = byKey(deriveResource(table));
      const keys = (pick: (x: NonNullable<ReturnType<typeof f.get>>) => unknown) => [...f.values()].filter((x) => pick(x)).map((x) => x.key);
      assert.deepEqual(keys((x) => x.required), ["name", "credit"], "NOT NULL without a default; a boolean is never required");
      assert.deepEqual(keys((x) => x.sortable), ["name", "contactEmail"], "columns leading an index or unique, not a reference");
      assert.deepEqual(keys((x) => !x.list), ["notes", "extra"]);
      assert.deepEqual(keys((x) => x.form === false), ["createdAt"], "a timestamp the database sets");
    });

    it("derives enum, boolean and reference filters in field order", () => {
      assert.deepEqual(deriveResource(table).filters, [
        { field: "status", param: "status", type: "enum" },
        { field: "preferred", param: "preferred", type: "boolean" },
        { field: "owner", param: "owner", type: "reference" },
      ]);
    });

    it("takes what the definition states over what it derives", () => {
      const config = deriveResource(table, {
        name: "vendors",
        label: "Vendors",
        fields: {
          credit: { label: "Credit limit", filter: "range" },
          notes: { maxLength: 100 },
          createdAt: { filter: { type: "date-range", param: "created" } },
          owner: { filter: false, related: false },
          secret: { type: "password", hidden: true },
        },
        omit: ["extra", "contactEmail"],
        order: ["owner", "name"],
        owner: null,
        defaultSort: "-createdAt",
      });
      assert.deepEqual([config.name, config.singular, config.owner, config.defaultSort], ["vendors", "Vendor", undefined, "-createdAt"]);
      assert.deepEqual(config.fields.map((f) => f.key), ["owner", "name", "status", "credit", "rating", "preferred", "notes", "createdAt", "secret"]);
      const f = byKey(config);
      assert.equal(f.get("credit")?.label, "Credit limit");
      assert.equal(f.get("notes")?.type, "text", "a stated length of 100 makes it short text");
      assert.deepEqual(config.filters?.map((x) => `${x.param}:${x.type}`), ["status:enum", "credit:range", "preferred:boolean", "created:date-range"]);
      assert.doesNotThrow(() => defineResource(config));
    });

    it("refuses an override or omission that names no column, at start-up", () => {
      assert.throws(() => deriveResource(table, { omit: ["creditCents"] }), /omit names creditCents/);
      assert.throws(() => deriveResource(table, { fields: { nmae: { label: "Name" } } }), /suppliers\.nmae: no column/);
    });
  });
}

describe("deriveResource", () => {
  it("needs the id stated for a table without a single-column primary key", () => {
    const links = sqliteTable("links", { a: text("a").notNull(), b: text("b").notNull() }, (t) => [primaryKey({ columns: [t.a, t.b] })]);
    assert.throws(() => deriveResource(links as Table), /state the id column/);
  });

  it("keeps the items definition's list parameters, sort keys and owner", () => {
    assert.deepEqual(itemsResource.filters?.map((f) => `${f.field}:${f.param}:${f.type}`), ["category:category:enum", "price:price:range", "inStock:in_stock:boolean", "owner:owner:reference", "supplier:supplier:reference", "createdAt:created:date-range"]);
    assert.deepEqual(itemsResource.fields.filter((f) => f.sortable).map((f) => f.key), ["name", "category", "price", "inStock", "createdAt"]);
    assert.deepEqual(itemsResource.fields.filter((f) => f.list).map((f) => f.key), ["name", "category", "price", "inStock", "owner", "supplier", "createdAt"]);
    assert.equal(itemsResource.owner?.name, "owner_id");
  });
});
