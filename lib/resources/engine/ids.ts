import type { Resource } from "../types";

/** A record's primary key: an integer or a text id (UUID), as the resource declares. */
export type RowId = string | number;

/** A record id from a URL segment; null (a 404) for anything that is not one, malformed escapes included. */
export function parseRouteId(resource: Resource, segment: string): RowId | null {
  try {
    return parseId(resource, decodeURIComponent(segment));
  } catch {
    return null;
  }
}

export function parseId(resource: Resource, raw: string): RowId | null {
  if (resource.idType === "int") return /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : null;
  return raw.length > 0 && raw.length <= 64 && /^[\w-]+$/.test(raw) ? raw : null;
}
