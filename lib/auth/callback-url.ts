/**
 * Returns `value` when it is a path on this site, else `fallback`. Only a single
 * leading slash followed by a non-slash, non-backslash character is accepted, and
 * the result must still resolve to the same origin: this rules out
 * `//evil.example`, `/\evil.example`, `https://…`, `javascript:` and control
 * characters that browsers strip before resolving.
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  // Browsers drop tabs and newlines inside URLs, so "/\t/evil.example" means "//evil.example".
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  try {
    const base = "http://gatehouse.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
