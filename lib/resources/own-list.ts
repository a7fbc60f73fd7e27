/**
 * The list a bulk form was on, or null: `back` (from the form, so anything)
 * must name exactly `/admin/<resource>` once resolved: no `/../` out of it, no
 * other host. Bulk actions go back there, and "all matching" reads its query.
 */
export function ownList(resource: string, back: string): URL | null {
  const list = `/admin/${resource}`;
  if (!back.startsWith(list)) return null;
  try {
    const url = new URL(back, "http://x");
    return url.host === "x" && url.pathname === list ? url : null;
  } catch {
    return null;
  }
}
