import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and } from "drizzle-orm";
import type { Db } from "../lib/db";
import { items, users } from "../lib/db/schema";
import { constraintViolation, escapeLike } from "../lib/db/dialect";
import { getResource } from "../lib/resources/registry";
import { encodeCursor, parseListQuery, type Cursor, type RawParams } from "../lib/resources/engine/params";
import { buildAfter, buildBefore, buildOrderBy, buildWhere } from "../lib/resources/engine/query";
import { tempDb } from "./helpers";

const resource = getResource("items")!;
const userResource = getResource("users")!;

describe("list query SQL", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  before(() => {
    ({ db, cleanup } = tempDb());
    const day = (d: string) => new Date(`${d}T12:00:00.000Z`);
    db.insert(items)
      .values([
        { name: "Alpha Widget", category: "books", priceCents: 500, inStock: true, createdAt: day("2024-01-01") },
        { name: "50% off", category: "tools", priceCents: 1500, inStock: false, createdAt: day("2024-01-02") },
        { name: "a_b", category: "toys", priceCents: 2500, inStock: true, createdAt: day("2024-01-03") },
        { name: "axb", category: "books", priceCents: 1000, inStock: true, createdAt: day("2024-01-03") },
        { name: "back\\slash", category: "garden", priceCents: 1000, inStock: false, createdAt: day("2024-01-04") },
      ])
      .run();
  });
  after(() => cleanup());

  const select = (params: RawParams) => {
    const query = parseListQuery(resource, params);
    return db.select().from(items).where(buildWhere(resource, query)).orderBy(...buildOrderBy(resource, query.sort));
  };
  const names = (params: RawParams) => select(params).all().map((r) => r.name);
  const sorted = (params: RawParams) => names(params).sort();

  describe("generated SQL", () => {
    it("binds user text as parameters, never inlined into the SQL", () => {
      const evil = "x'); DROP TABLE items; --";
      const { sql, params } = select({ q: evil, owner: "o'wner", category: ["books", "tools"] }).toSQL();
      assert.ok(!sql.includes("DROP"), sql);
      assert.ok(!sql.includes("o'wner"), sql);
      assert.ok(!sql.includes("books"), sql);
      assert.ok(params.includes(`%${evil}%`));
      assert.ok(params.includes("o'wner"));
      assert.ok(params.includes("books") && params.includes("tools"));
    });

    it("escapes LIKE wildcards typed by the user", () => {
      const { sql, params } = select({ q: "50%_off" }).toSQL();
      assert.match(sql, /LIKE \? ESCAPE '\\'/);
      assert.ok(params.includes("%50\\%\\_off%"), String(params));
      assert.ok(!params.includes("%50%_off%"));
    });

    it("adds no WHERE for an empty query", () => {
      const { sql, params } = select({}).toSQL();
      assert.ok(!/ where /i.test(sql), sql);
      assert.deepEqual(params, []);
    });

    it("always ends the sort with the primary key as a tie-break, in the same direction", () => {
      assert.match(select({ sort: "-price" }).toSQL().sql, /order by "items"\."price_cents" desc, "items"\."id" desc$/);
      assert.match(select({ sort: "name" }).toSQL().sql, /order by "items"\."name" asc, "items"\."id" asc$/);
      assert.match(select({}).toSQL().sql, /order by "items"\."created_at" desc, "items"\."id" desc$/);
    });

    it("does not repeat the primary key when sorting by it", () => {
      const order = buildOrderBy(resource, { key: "id", desc: false });
      assert.equal(order.length, 1);
      const { sql } = db.select().from(items).orderBy(...order).toSQL();
      assert.match(sql, /order by "items"\."id" asc$/);
    });

    it("orders users by a text primary key tie-break", () => {
      const query = parseListQuery(userResource, { sort: "-createdAt" });
      const { sql } = db.select().from(users).orderBy(...buildOrderBy(userResource, query.sort)).toSQL();
      assert.match(sql, /order by "users"\."created_at" desc, "users"\."id" desc$/);
    });
  });

  describe("results", () => {
    it("searches case-insensitively", () => {
      assert.deepEqual(names({ q: "ALPHA" }), ["Alpha Widget"]);
      assert.deepEqual(names({ q: "wIdGeT" }), ["Alpha Widget"]);
    });

    it("also searches the category column", () => {
      assert.deepEqual(sorted({ q: "garden" }), ["back\\slash"]);
    });

    it("matches % and _ literally", () => {
      assert.deepEqual(names({ q: "%" }), ["50% off"]);
      assert.deepEqual(names({ q: "_" }), ["a_b"]);
      assert.deepEqual(names({ q: "a_b" }), ["a_b"], "_ must not match the x in axb");
      assert.deepEqual(names({ q: "\\" }), ["back\\slash"]);
    });

    it("filters by several enum values", () => {
      assert.deepEqual(sorted({ category: ["books", "toys"] }), ["Alpha Widget", "a_b", "axb"]);
      assert.deepEqual(sorted({ category: "tools" }), ["50% off"]);
    });

    it("filters by an inclusive money range given in dollars", () => {
      assert.deepEqual(names({ price_min: "10", price_max: "25", sort: "price" }), ["axb", "back\\slash", "50% off", "a_b"]);
      assert.deepEqual(sorted({ price_max: "10" }), ["Alpha Widget", "axb", "back\\slash"]);
      assert.deepEqual(sorted({ price_min: "15.01" }), ["a_b"]);
    });

    it("filters by a boolean", () => {
      assert.deepEqual(sorted({ in_stock: "false" }), ["50% off", "back\\slash"]);
      assert.equal(names({ in_stock: "true" }).length, 3);
    });

    it("filters by a date range covering whole days", () => {
      assert.deepEqual(sorted({ created_from: "2024-01-02", created_to: "2024-01-03" }), ["50% off", "a_b", "axb"]);
    });

    it("combines search, filters and sort with the id tie-break", () => {
      assert.deepEqual(names({ q: "a", category: ["books", "toys"], sort: "-price" }), ["a_b", "axb", "Alpha Widget"]);
      // axb and back\slash share a price: the id decides, ascending with the sort
      assert.deepEqual(names({ price_min: "10", price_max: "10", sort: "price" }), ["axb", "back\\slash"]);
      assert.deepEqual(names({ price_min: "10", price_max: "10", sort: "-price" }), ["back\\slash", "axb"]);
    });
  });

  describe("keyset pages", () => {
    // As the engine reads them: backwards in reverse order from the cursor, then turned round.
    const page = (params: RawParams, limit: number) => {
      const query = parseListQuery(resource, params);
      const order = query.before ? { ...query.sort, desc: !query.sort.desc } : query.sort;
      const cursor = query.before ? buildBefore(resource, query) : buildAfter(resource, query);
      const rows = db.select().from(items).where(and(buildWhere(resource, query), cursor)).orderBy(...buildOrderBy(resource, order)).limit(limit).all().map((r) => r.name);
      return query.before ? rows.reverse() : rows;
    };
    const cursorOf = (name: string, key: string): Cursor => {
      const row = db.select().from(items).all().find((r) => r.name === name)!;
      const value = { name: row.name, price: row.priceCents, createdAt: row.createdAt.getTime(), category: row.category }[key]!;
      return { value, id: row.id };
    };

    it("`before` gives the rows just before the cursor, in list order, ties broken by id", () => {
      const at = Date.parse("2024-01-03T12:00:00.000Z");
      assert.deepEqual(page({ sort: "createdAt", before: encodeCursor({ value: at, id: 4 }) }, 2), ["50% off", "a_b"]);
      assert.deepEqual(page({ sort: "createdAt", before: encodeCursor({ value: at, id: 3 }) }, 10), ["Alpha Widget", "50% off"]);
      assert.deepEqual(page({ sort: "-createdAt", before: encodeCursor({ value: at, id: 3 }) }, 2), ["back\\slash", "axb"]);
      assert.deepEqual(page({ sort: "createdAt", before: encodeCursor({ value: Date.parse("2024-01-01T12:00:00.000Z"), id: 1 }) }, 2), []);
    });

    it("going back from any row, in every order, gives the slice of the full list before it; forward again gives what follows", () => {
      for (const sort of ["name", "-name", "price", "-price", "createdAt", "-createdAt", "category", "-category"]) {
        const full = names({ sort });
        const key = sort.replace(/^-/, "");
        for (let k = 0; k < full.length; k++) {
          const at = encodeCursor(cursorOf(full[k]!, key));
          assert.deepEqual(page({ sort, before: at }, 2), full.slice(Math.max(0, k - 2), k), `${sort} before ${full[k]}`);
          assert.deepEqual(page({ sort, after: at }, 2), full.slice(k + 1, k + 3), `${sort} after ${full[k]}`);
        }
      }
    });

    it("keeps the filters on a page before the cursor", () => {
      const at = encodeCursor(cursorOf("back\\slash", "price"));
      assert.deepEqual(page({ sort: "price", in_stock: "true", before: at }, 10), ["Alpha Widget", "axb"]);
    });
  });

  describe("dialect helpers", () => {
    it("escapeLike escapes %, _ and the escape character itself", () => {
      assert.equal(escapeLike("50%_a\\b"), "50\\%\\_a\\\\b");
      assert.equal(escapeLike("plain text"), "plain text");
    });

    it("constraintViolation translates a real SQLite unique violation", () => {
      db.insert(users).values({ email: "dup@example.com" }).run();
      let caught: unknown;
      try {
        db.insert(users).values({ email: "dup@example.com" }).run();
      } catch (e) {
        caught = e;
      }
      assert.ok(caught, "the second insert must fail");
      assert.deepEqual(constraintViolation(caught), { kind: "unique", columns: ["email"] });
      assert.deepEqual(constraintViolation(new Error("wrapped", { cause: caught })), { kind: "unique", columns: ["email"] });
    });

    it("constraintViolation recognises not-null and foreign-key failures", () => {
      const fail = (fn: () => unknown) => {
        try {
          fn();
        } catch (e) {
          return e;
        }
        assert.fail("expected the statement to fail");
      };
      const notNull = fail(() => db.insert(items).values({ name: null as unknown as string, category: "books" }).run());
      assert.deepEqual(constraintViolation(notNull), { kind: "not-null", columns: ["name"] });
      const fk = fail(() => db.insert(items).values({ name: "x", category: "books", ownerId: "no-such-user" }).run());
      assert.equal(constraintViolation(fk)?.kind, "foreign-key");
    });

    it("constraintViolation returns null for other errors", () => {
      assert.equal(constraintViolation(new Error("boom")), null);
      assert.equal(constraintViolation({ code: "SQLITE_BUSY", message: "database is locked" }), null);
      assert.equal(constraintViolation(null), null);
      assert.equal(constraintViolation(undefined), null);
    });
  });
});
