import type { FilterDef, Resource } from "../types";
import { centsToDecimal } from "../money";
import { encodeCursor, parseCursor, parsePosition, type Cursor } from "./cursor";
import { clampInt, MAX_PAGE, parseDay, parseNumber, parsePreset, presetRange, type DatePreset } from "./param-values";

/**
 * The whole list state lives in the URL: q, page, per, sort and filters. This
 * parses it once into a typed object. Bad values are clamped or dropped, never
 * thrown: a shared link with `page=-1` or `per=1e9` still opens.
 */

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PER = 25;
export const MAX_QUERY_LENGTH = 200;
export { MAX_PAGE, MAX_POSITION } from "./param-values";
export { encodeCursor, type Cursor } from "./cursor";

export type RawParams = Record<string, string | string[] | undefined>;

export type ActiveFilter =
  | { def: FilterDef; kind: "enum"; values: string[] }
  | { def: FilterDef; kind: "boolean"; value: boolean }
  | { def: FilterDef; kind: "range"; min?: number; max?: number; money: boolean }
  | { def: FilterDef; kind: "date-range"; from?: Date; to?: Date; preset?: DatePreset; /** The days as given (`YYYY-MM-DD`), for links and chips. */ days?: { from?: string; to?: string } }
  | { def: FilterDef; kind: "reference"; value: string | number };

export interface ListQuery {
  q: string;
  page: number;
  per: number;
  sort: { key: string; desc: boolean };
  filters: ActiveFilter[];
  /** Keyset paging: the page starts after the row with this sort value and id. */
  after?: Cursor;
  /** Keyset paging backwards: the page ends before the row with this sort value and id. */
  before?: Cursor;
  /** On a keyset page, the 1-based position of its first row, as the link that led here said (not verified). */
  pos?: number;
  /** `facets=1`: the filter sidebar shows how many rows each choice would list (Django's "Show counts"). */
  facets?: boolean;
  /** The resource's default order (`-createdAt`): links leave `sort` out when it is this. */
  defaultSort?: string;
}

/**
 * User text as the database may see it: no control characters (a NUL ends an
 * SQLite string early and breaks a full-text query) and no lone surrogates.
 */
export function cleanText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

function all(params: RawParams, key: string): string[] {
  const v = params[key];
  return (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(cleanText);
}
function first(params: RawParams, key: string): string | undefined {
  return all(params, key)[0];
}

/** The allowed page size nearest below the requested one. */
function pageSize(raw: string | undefined): number {
  const n = clampInt(raw, PAGE_SIZES[0], PAGE_SIZES[PAGE_SIZES.length - 1]!, DEFAULT_PER);
  return [...PAGE_SIZES].reverse().find((s) => s <= n) ?? DEFAULT_PER;
}

function parseFilter(resource: Resource, def: FilterDef, params: RawParams, timeZone: string, locale: string): ActiveFilter | null {
  const field = resource.fieldMap.get(def.field)!;
  switch (def.type) {
    case "enum": {
      const allowed = new Set(field.options ?? []);
      const values = [...new Set(all(params, def.param).filter((v) => allowed.has(v)))];
      return values.length ? { def, kind: "enum", values } : null;
    }
    case "boolean": {
      const v = first(params, def.param);
      return v === "true" || v === "false" ? { def, kind: "boolean", value: v === "true" } : null;
    }
    case "range": {
      const money = field.type === "money";
      const min = parseNumber(first(params, `${def.param}_min`), money, locale);
      const max = parseNumber(first(params, `${def.param}_max`), money, locale);
      return min === undefined && max === undefined ? null : { def, kind: "range", min, max, money };
    }
    case "date-range": {
      // A quick range (`created=7d`) wins over concrete days.
      const preset = parsePreset(first(params, def.param));
      if (preset) return { def, kind: "date-range", ...presetRange(preset, new Date(), timeZone), preset };
      const [fromDay, toDay] = [first(params, `${def.param}_from`), first(params, `${def.param}_to`)];
      const from = parseDay(fromDay, false, timeZone);
      const to = parseDay(toDay, true, timeZone);
      return from === undefined && to === undefined ? null : { def, kind: "date-range", from, to, days: { from: from && fromDay, to: to && toDay } };
    }
    case "reference": {
      const v = first(params, def.param)?.trim();
      if (!v || v.length > 64) return null;
      return { def, kind: "reference", value: /^\d{1,15}$/.test(v) ? Number(v) : v };
    }
  }
}

/** The list state from its URL; days in date filters are the viewer's (`timeZone`, as the panel shows times), amounts as the viewer's `locale` writes them. */
export function parseListQuery(resource: Resource, params: RawParams, timeZone = "UTC", locale = "en"): ListQuery {
  const q = (first(params, "q") ?? "").slice(0, MAX_QUERY_LENGTH).trim();
  const rawSort = first(params, "sort") ?? "";
  const desc = rawSort.startsWith("-");
  const key = rawSort.replace(/^-/, "");
  const sortable = resource.fieldMap.get(key)?.sortable;
  const fallback = resource.defaultSort ?? `-${resource.fields.find((f) => f.sortable)?.key ?? ""}`;
  const sort = sortable ? { key, desc } : { key: fallback.replace(/^-/, ""), desc: fallback.startsWith("-") };
  const facets = first(params, "facets") === "1";
  const filters = (resource.filters ?? []).map((def) => parseFilter(resource, def, params, timeZone, locale)).filter((f): f is ActiveFilter => f !== null);
  const after = parseCursor(resource, sort.key, first(params, "after"));
  // One direction at a time: with both, `after` wins.
  const before = after ? undefined : parseCursor(resource, sort.key, first(params, "before"));
  const pos = after || before ? parsePosition(first(params, "pos"), !!after) : undefined;
  return { q, page: clampInt(first(params, "page"), 1, MAX_PAGE, 1), per: pageSize(first(params, "per")), sort, filters, after, before, pos, ...(facets ? { facets } : {}), defaultSort: fallback };
}

/** URL parameters of the active filters (to keep them in links). */
export function filterParams(query: ListQuery): [string, string][] {
  const out: [string, string][] = [];
  for (const f of query.filters) {
    const p = f.def.param;
    if (f.kind === "enum") for (const v of f.values) out.push([p, v]);
    if (f.kind === "boolean") out.push([p, String(f.value)]);
    if (f.kind === "reference") out.push([p, String(f.value)]);
    if (f.kind === "range") {
      const show = (n: number) => (f.money ? centsToDecimal(n) : String(n));
      if (f.min !== undefined) out.push([`${p}_min`, show(f.min)]);
      if (f.max !== undefined) out.push([`${p}_max`, show(f.max)]);
    }
    if (f.kind === "date-range" && f.preset) out.push([p, f.preset]);
    else if (f.kind === "date-range") {
      if (f.days?.from) out.push([`${p}_from`, f.days.from]);
      if (f.days?.to) out.push([`${p}_to`, f.days.to]);
    }
  }
  return out;
}

/** Serialises a list state back into a query string, with some values changed. */
export function listHref(base: string, query: ListQuery, change: Partial<Pick<ListQuery, "q" | "page" | "per" | "sort" | "after" | "before" | "pos" | "facets">> & { filters?: [string, string][] } = {}): string {
  // A cursor belongs to one position; any other change starts from page numbers again.
  const next = { ...query, after: undefined, before: undefined, pos: undefined, ...change };
  const sp = new URLSearchParams();
  if (next.q) sp.set("q", next.q);
  for (const [k, v] of change.filters ?? filterParams(query)) sp.append(k, v);
  const sort = sortToken(next.sort);
  if (sort !== next.defaultSort) sp.set("sort", sort);
  if (next.per !== DEFAULT_PER) sp.set("per", String(next.per));
  if (next.after) sp.set("after", encodeCursor(next.after));
  else if (next.before) sp.set("before", encodeCursor(next.before));
  else if (next.page > 1) sp.set("page", String(next.page));
  if ((next.after || next.before) && next.pos) sp.set("pos", String(next.pos));
  if (next.facets) sp.set("facets", "1");
  const s = sp.toString();
  return s ? `${base}?${s}` : base;
}

export function sortToken(sort: ListQuery["sort"]): string {
  return `${sort.desc ? "-" : ""}${sort.key}`;
}

/**
 * A query string without its empty parameters (`price_min=&q=`), as a GET form
 * without JavaScript sends them; null when there is none to drop. The page
 * redirects to the cleaned address, so shared links stay short.
 */
export function withoutEmptyParams(params: RawParams): string | null {
  const sp = new URLSearchParams();
  let dropped = false;
  for (const [key, value] of Object.entries(params)) {
    for (const v of value === undefined ? [] : Array.isArray(value) ? value : [value]) {
      if (v.trim() === "") dropped = true;
      else sp.append(key, v);
    }
  }
  return dropped ? sp.toString() : null;
}
