import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getResource } from "../lib/resources/registry";
import {
  DEFAULT_PER,
  MAX_PAGE,
  MAX_POSITION,
  encodeCursor,
  MAX_QUERY_LENGTH,
  filterParams,
  listHref,
  parseListQuery,
  type ActiveFilter,
  type ListQuery,
  type RawParams,
} from "../lib/resources/engine/params";

const items = getResource("items")!;
const users = getResource("users")!;

const parse = (params: RawParams) => parseListQuery(items, params);
const filter = (query: ListQuery, param: string): ActiveFilter | undefined => query.filters.find((f) => f.def.param === param);

/** Parses the query string of an href the way Next.js hands it to a page (repeated keys become arrays). */
function paramsOf(href: string): RawParams {
  const sp = new URL(href, "http://localhost").searchParams;
  const out: RawParams = {};
  for (const key of new Set(sp.keys())) {
    const values = sp.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

describe("parseListQuery: paging", () => {
  it("defaults to page 1 with the default page size", () => {
    const q = parse({});
    assert.equal(q.page, 1);
    assert.equal(q.per, DEFAULT_PER);
    assert.equal(q.q, "");
    assert.deepEqual(q.filters, []);
  });

  it("clamps or ignores bad page numbers without throwing", () => {
    assert.equal(parse({ page: "-1" }).page, 1);
    assert.equal(parse({ page: "0" }).page, 1);
    assert.equal(parse({ page: "abc" }).page, 1);
    assert.equal(parse({ page: "" }).page, 1);
    assert.equal(parse({ page: "Infinity" }).page, 1);
    assert.equal(parse({ page: "1e9" }).page, MAX_PAGE);
    assert.equal(parse({ page: "99999999999999999999" }).page, MAX_PAGE);
    assert.equal(parse({ page: "7" }).page, 7);
    assert.equal(parse({ page: ["3", "9"] }).page, 3);
  });

  it("snaps the page size to an allowed one at or below the request", () => {
    assert.equal(parse({ per: "1e9" }).per, 100);
    assert.equal(parse({ per: "7" }).per, 10);
    assert.equal(parse({ per: "-5" }).per, 10);
    assert.equal(parse({ per: "30" }).per, 25);
    assert.equal(parse({ per: "50" }).per, 50);
    assert.equal(parse({ per: "abc" }).per, DEFAULT_PER);
  });
});

describe("parseListQuery: search text and sort", () => {
  it("truncates a huge q to the maximum length and trims it", () => {
    const q = parse({ q: "a".repeat(1_000_000) });
    assert.equal(MAX_QUERY_LENGTH, 200);
    assert.equal(q.q.length, 200);
    assert.equal(parse({ q: "  drill  " }).q, "drill");
    assert.equal(parse({ q: ["first", "second"] }).q, "first");
  });

  it("uses the resource's default sort when none or a bad one is given", () => {
    assert.deepEqual(parse({}).sort, { key: "createdAt", desc: true });
    assert.deepEqual(parseListQuery(users, {}).sort, { key: "email", desc: false });
    assert.deepEqual(parse({ sort: "nope" }).sort, { key: "createdAt", desc: true });
    assert.deepEqual(parse({ sort: "--name" }).sort, { key: "createdAt", desc: true });
    // description and owner are fields, but not sortable ones
    assert.deepEqual(parse({ sort: "-description" }).sort, { key: "createdAt", desc: true });
    assert.deepEqual(parse({ sort: "owner" }).sort, { key: "createdAt", desc: true });
    // users.password has no column at all
    assert.deepEqual(parseListQuery(users, { sort: "password" }).sort, { key: "email", desc: false });
  });

  it("accepts a sortable field in either direction", () => {
    assert.deepEqual(parse({ sort: "price" }).sort, { key: "price", desc: false });
    assert.deepEqual(parse({ sort: "-name" }).sort, { key: "name", desc: true });
    assert.deepEqual(parseListQuery(users, { sort: "-lastLoginAt" }).sort, { key: "lastLoginAt", desc: true });
  });
});

describe("parseListQuery: filters", () => {
  it("keeps only listed enum values, deduplicated, from repeated parameters", () => {
    const f = filter(parse({ category: ["books", "wizard", "tools", "books"] }), "category");
    assert.deepEqual(f && f.kind === "enum" && f.values, ["books", "tools"]);
    assert.equal(filter(parse({ category: "BOOKS" }), "category"), undefined);
    assert.equal(filter(parse({ category: ["wizard"] }), "category"), undefined);
  });

  it("reads a money range as cents and ignores bad amounts", () => {
    const f = filter(parse({ price_min: "10", price_max: "10.5" }), "price");
    assert.deepEqual(f && f.kind === "range" && [f.min, f.max], [1000, 1050]);
    const half = filter(parse({ price_min: "abc", price_max: "20" }), "price");
    assert.deepEqual(half && half.kind === "range" && [half.min, half.max], [undefined, 2000]);
    for (const bad of ["abc", "-1", "10.555", "1e3", ""]) {
      assert.equal(filter(parse({ price_min: bad, price_max: bad }), "price"), undefined, bad);
    }
  });

  it("accepts only true or false for a boolean filter", () => {
    const t = filter(parse({ in_stock: "true" }), "in_stock");
    const f = filter(parse({ in_stock: "false" }), "in_stock");
    assert.deepEqual(t && t.kind === "boolean" && t.value, true);
    assert.deepEqual(f && f.kind === "boolean" && f.value, false);
    for (const bad of ["yes", "1", "TRUE", "on", ""]) assert.equal(filter(parse({ in_stock: bad }), "in_stock"), undefined, bad);
    const u = filter(parseListQuery(users, { active: "false" }), "active");
    assert.deepEqual(u && u.kind === "boolean" && u.value, false);
  });

  it("reads a date range as whole UTC days, inclusive", () => {
    const f = filter(parse({ created_from: "2024-01-02", created_to: "2024-01-03" }), "created");
    assert.ok(f && f.kind === "date-range");
    assert.equal(f.from?.toISOString(), "2024-01-02T00:00:00.000Z");
    assert.equal(f.to?.toISOString(), "2024-01-03T23:59:59.999Z");
    const open = filter(parse({ created_to: "2024-05-06" }), "created");
    assert.ok(open && open.kind === "date-range");
    assert.equal(open.from, undefined);
  });

  it("drops malformed dates", () => {
    for (const bad of ["yesterday", "2024-13-45", "2024-1-2", "02/01/2024", "2024-01-02T00:00"]) {
      assert.equal(filter(parse({ created_from: bad }), "created"), undefined, bad);
    }
  });

  it("drops a calendar date that does not exist instead of rolling it over", () => {
    // Feb 30th does not exist: it must not silently become March 1st.
    assert.equal(filter(parse({ created_from: "2024-02-30" }), "created"), undefined);
  });

  it("never throws on junk, whatever the parameters", () => {
    const junk: RawParams = { page: ["x", "y"], per: "NaN", sort: "-", q: "\u0000%_", category: [], price_min: "$", created_from: "0000-00-00", owner: "" };
    const q = parse(junk);
    assert.equal(q.page, 1);
    assert.deepEqual(q.filters, []);
  });
});

describe("parseListQuery: keyset cursors", () => {
  const at = Date.UTC(2024, 0, 2);
  const cursor = encodeCursor({ value: at, id: 42 });
  const forged = (json: string) => Buffer.from(json).toString("base64url");

  it("reads `after` and `before` in the same encoding", () => {
    assert.deepEqual(parse({ after: cursor }).after, { value: at, id: 42 });
    assert.equal(parse({ after: cursor }).before, undefined);
    assert.deepEqual(parse({ before: cursor }).before, { value: at, id: 42 });
    assert.equal(parse({ before: cursor }).after, undefined);
  });

  it("honours one direction at a time: `after` wins over `before`", () => {
    const q = parse({ after: cursor, before: encodeCursor({ value: at, id: 7 }) });
    assert.deepEqual(q.after, { value: at, id: 42 });
    assert.equal(q.before, undefined);
  });

  it("ignores malformed, oversized or mistyped cursors instead of throwing", () => {
    for (const bad of ["", "!!!", "bm90LWpzb24", forged("{}"), forged("[1]"), forged("[1,2,3]"), forged("[null,1]"), forged('[1,"42"]'), forged("[1e999,1]"), forged(`["${"x".repeat(300)}",1]`), "A".repeat(600), forged("[[1],1]")]) {
      assert.equal(parse({ before: bad }).before, undefined, bad);
      assert.equal(parse({ after: bad }).after, undefined, bad);
    }
    // users have text ids: a number id is not one of theirs
    assert.equal(parseListQuery(users, { before: encodeCursor({ value: "a@example.com", id: 1 }) }).before, undefined);
    assert.deepEqual(parseListQuery(users, { before: encodeCursor({ value: "a@example.com", id: "u1" }) }).before, { value: "a@example.com", id: "u1" });
  });

  it("ignores a cursor on a sort column that may be null (a row-value comparison needs values)", () => {
    // users.name may be null; items.category may not
    assert.equal(parseListQuery(users, { sort: "name", before: encodeCursor({ value: "x", id: "u1" }) }).before, undefined);
    assert.deepEqual(parse({ sort: "category", before: encodeCursor({ value: "books", id: 3 }) }).before, { value: "books", id: 3 });
  });

  it("reads `pos` only on a cursor page, as a plain integer in range", () => {
    assert.equal(parse({ pos: "5001" }).pos, undefined);
    assert.equal(parse({ after: cursor, pos: "5001" }).pos, 5001);
    assert.equal(parse({ before: cursor, pos: "1" }).pos, 1);
    assert.equal(parse({ after: cursor, pos: "1" }).pos, undefined, "a row after a cursor is at least the second");
    for (const bad of ["0", "-5", "1e3", "12.5", "abc", "", " 7", String(MAX_POSITION + 1), "99999999999999999999"]) {
      assert.equal(parse({ after: cursor, pos: bad }).pos, undefined, bad);
    }
    assert.equal(parse({ after: cursor, pos: String(MAX_POSITION) }).pos, MAX_POSITION);
  });

  it("round-trips a cursor and its position through listHref; any other change drops them", () => {
    const back = parse(paramsOf(listHref("/admin/items", parse({ per: "50" }), { before: { value: at, id: 42 }, pos: 5001 })));
    assert.deepEqual([back.before, back.pos, back.per, back.after], [{ value: at, id: 42 }, 5001, 50, undefined]);
    const onCursor = parse({ before: cursor, pos: "5001" });
    assert.equal(listHref("/admin/items", onCursor, { per: 10 }), "/admin/items?per=10");
    assert.equal(listHref("/admin/items", onCursor, { page: 1 }), "/admin/items");
    assert.equal(listHref("/admin/items", onCursor, { after: { value: at, id: 1 } }), `/admin/items?after=${encodeCursor({ value: at, id: 1 })}`);
  });
});

describe("filterParams and listHref", () => {
  const full = parse({
    q: "red & blue",
    category: ["books", "tools"],
    in_stock: "false",
    created_from: "2024-01-02",
    created_to: "2024-01-03",
    sort: "price",
    per: "50",
    page: "3",
  });

  it("leaves defaults out of the link (the default sort too)", () => {
    assert.equal(listHref("/admin/items", parse({})), "/admin/items");
    assert.equal(listHref("/admin/items", parse({ sort: "-createdAt", per: "25", page: "1" })), "/admin/items");
    assert.equal(listHref("/admin/items", parse({ sort: "createdAt" })), "/admin/items?sort=createdAt");
  });

  it("applies changes and can replace the filters", () => {
    const href = listHref("/admin/items", full, { page: 1, filters: [] });
    assert.equal(href, "/admin/items?q=red+%26+blue&sort=price&per=50");
  });

  it("writes enum, boolean and date filters as URL parameters", () => {
    const params = filterParams(full);
    assert.deepEqual(params.filter(([k]) => k === "category"), [["category", "books"], ["category", "tools"]]);
    assert.deepEqual(params.filter(([k]) => k === "in_stock"), [["in_stock", "false"]]);
    assert.deepEqual(params.filter(([k]) => k.startsWith("created")), [["created_from", "2024-01-02"], ["created_to", "2024-01-03"]]);
  });

  it("round-trips q, paging, sort and enum/boolean/date filters through parseListQuery", () => {
    const back = parse(paramsOf(listHref("/admin/items", full)));
    assert.equal(back.q, full.q);
    assert.equal(back.page, 3);
    assert.equal(back.per, 50);
    assert.deepEqual(back.sort, full.sort);
    assert.deepEqual(back.filters, full.filters);
  });

  it("round-trips a money range (the link must not multiply it by 100)", () => {
    const q = parse({ price_min: "10", price_max: "20.5" });
    const f = filter(parse(paramsOf(listHref("/admin/items", q))), "price");
    assert.deepEqual(f && f.kind === "range" && [f.min, f.max], [1000, 2050]);
  });

  it("keeps a money range the same across many link hops", () => {
    let q = parse({ price_min: "10", price_max: "20.5" });
    for (let hop = 0; hop < 3; hop++) q = parse(paramsOf(listHref("/admin/items", q, { page: 2 })));
    const f = filter(q, "price");
    assert.deepEqual(f && f.kind === "range" && [f.min, f.max], [1000, 2050]);
  });
});

describe("text parameters", () => {
  it("lose control characters and lone surrogates, which break SQLite strings and full-text queries", async () => {
    const { cleanText } = await import("../lib/resources/engine/params");
    assert.equal(cleanText("abc\0"), "abc ");
    assert.equal(cleanText("a\u0001\u001f\u007f\u0085b"), "a    b");
    assert.equal(cleanText("x\ud800y"), "x\ufffdy");
    assert.equal(cleanText("😀 é"), "😀 é");
  });
});
