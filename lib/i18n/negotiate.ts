/**
 * The best of `supported` for an Accept-Language header (RFC 9110 §12.5.4):
 * ranges by quality, the first range wins on equal quality; a range matches a
 * locale of the same code, or, failing that, the locale that is its language
 * alone (`de-AT` → `de`). Null when nothing matches.
 */
export function negotiateLocale<L extends string>(header: string | null | undefined, supported: readonly L[]): L | null {
  if (!header) return null;
  const ranges = header
    .slice(0, 1000)
    .split(",")
    .slice(0, 50)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.tag !== "*" && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const byCode = new Map(supported.map((l) => [l.toLowerCase(), l]));
  for (const { tag } of ranges) {
    const found = byCode.get(tag) ?? byCode.get(tag.split("-")[0]!);
    if (found) return found;
  }
  return null;
}
