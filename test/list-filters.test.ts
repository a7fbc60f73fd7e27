import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getResource } from "../lib/resources/registry";
import { listHref, parseListQuery, withoutEmptyParams, type RawParams } from "../lib/resources/engine/params";
import { DATE_PRESETS, parsePreset, presetRange } from "../lib/resources/engine/param-values";
import { boundFacet, FACET_CAP } from "../lib/resources/engine/facets";

const items = getResource("items")!;
const parse = (params: RawParams) => parseListQuery(items, params);
const day = (d: Date) => d.toISOString();

describe("quick date ranges", () => {
  const now = new Date("2026-03-04T15:30:00.000Z");

  it("cover whole UTC days, ending with the period's last millisecond", () => {
    const range = (p: (typeof DATE_PRESETS)[number]) => Object.values(presetRange(p, now)).map(day);
    assert.deepEqual(range("today"), ["2026-03-04T00:00:00.000Z", "2026-03-04T23:59:59.999Z"]);
    assert.deepEqual(range("7d"), ["2026-02-26T00:00:00.000Z", "2026-03-04T23:59:59.999Z"]);
    assert.deepEqual(range("month"), ["2026-03-01T00:00:00.000Z", "2026-03-31T23:59:59.999Z"]);
    assert.deepEqual(range("year"), ["2026-01-01T00:00:00.000Z", "2026-12-31T23:59:59.999Z"]);
  });

  it("roll over month and year ends", () => {
    const first = new Date("2026-01-01T00:10:00.000Z");
    assert.deepEqual(Object.values(presetRange("7d", first)).map(day), ["2025-12-26T00:00:00.000Z", "2026-01-01T23:59:59.999Z"]);
    assert.deepEqual(Object.values(presetRange("month", new Date("2026-12-31T23:00:00Z"))).map(day), ["2026-12-01T00:00:00.000Z", "2026-12-31T23:59:59.999Z"]);
  });

  it("are the viewer's days in the viewer's time zone, across a daylight-saving change", () => {
    // 20:00 UTC on 4 December is already 5 December in Tokyo (UTC+9).
    const late = new Date("2026-12-04T20:00:00.000Z");
    assert.deepEqual(Object.values(presetRange("today", late, "Asia/Tokyo")).map(day), ["2026-12-04T15:00:00.000Z", "2026-12-05T14:59:59.999Z"]);
    // Berlin's March: the month starts at UTC+1 and ends at UTC+2.
    assert.deepEqual(Object.values(presetRange("month", now, "Europe/Berlin")).map(day), ["2026-02-28T23:00:00.000Z", "2026-03-31T21:59:59.999Z"]);
    // Concrete days too, and the link keeps the days as given.
    const q = parseListQuery(items, { created_from: "2026-03-29", created_to: "2026-03-29" }, "Europe/Berlin");
    const f = q.filters.find((x) => x.def.param === "created");
    assert.deepEqual(f?.kind === "date-range" ? [f.from, f.to].map((d) => d!.toISOString()) : [], ["2026-03-28T23:00:00.000Z", "2026-03-29T21:59:59.999Z"]);
    assert.equal(listHref("/admin/items", q), "/admin/items?created_from=2026-03-29&created_to=2026-03-29");
  });

  it("take only known tokens", () => {
    for (const bad of ["", "7", "7D", "week", "today ", undefined]) assert.equal(parsePreset(bad), undefined, String(bad));
    for (const p of DATE_PRESETS) assert.equal(parsePreset(p), p);
  });

  it("go into the URL as their token and win over concrete days", () => {
    const q = parse({ created: "7d", created_from: "2020-01-01" });
    const f = q.filters.find((x) => x.def.param === "created");
    assert.equal(f?.kind === "date-range" && f.preset, "7d");
    assert.equal(listHref("/admin/items", q), "/admin/items?created=7d");
  });

  it("leave bookmarked concrete days working", () => {
    const q = parse({ created_from: "2025-01-01", created_to: "2025-12-31" });
    const f = q.filters.find((x) => x.def.param === "created");
    assert.deepEqual(f?.kind === "date-range" && [f.preset, f.from && day(f.from), f.to && day(f.to)], [undefined, "2025-01-01T00:00:00.000Z", "2025-12-31T23:59:59.999Z"]);
    assert.equal(listHref("/admin/items", q), "/admin/items?created_from=2025-01-01&created_to=2025-12-31");
    assert.equal(parse({ created: "nope" }).filters.length, 0);
  });
});

describe("clean addresses", () => {
  it("drop empty parameters, keeping the rest in order", () => {
    assert.equal(withoutEmptyParams({ q: "lamp", price_min: "", price_max: "", category: ["books", ""], sort: "name" }), "q=lamp&category=books&sort=name");
    assert.equal(withoutEmptyParams({ q: " ", created_from: "" }), "");
  });

  it("leave an address without empty parameters alone", () => {
    assert.equal(withoutEmptyParams({ q: "lamp", category: ["books", "tools"] }), null);
    assert.equal(withoutEmptyParams({}), null);
  });

  it("keep `facets=1` in links, and nothing for it when off", () => {
    assert.equal(listHref("/admin/items", parse({ facets: "1", category: "books" }), { page: 2 }), "/admin/items?category=books&page=2&facets=1");
    assert.equal(listHref("/admin/items", parse({ facets: "1" }), { facets: false }), "/admin/items");
    assert.equal(parse({ facets: "yes" }).facets, undefined);
  });
});

describe("facet counts", () => {
  it("are exact up to the cap and shown as the cap with a plus beyond it", () => {
    assert.deepEqual(boundFacet(0), { count: 0, capped: false });
    assert.deepEqual(boundFacet(FACET_CAP), { count: FACET_CAP, capped: false });
    assert.deepEqual(boundFacet(FACET_CAP + 1), { count: FACET_CAP, capped: true });
    assert.equal(FACET_CAP, 1_000);
  });
});
