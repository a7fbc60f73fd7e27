/**
 * Names a definition derives from a table's names: labels from property keys,
 * URL parameters and resource names from keys and table names. Pure, so the
 * scaffold and the definitions agree on every name.
 */

/** `inStock` → `["in", "stock"]`, `owner_id` → `["owner", "id"]`. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** `inStock` → "In stock". */
export function labelFromKey(key: string): string {
  const text = words(key).join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `inStock` → `in_stock` (list filter parameters). */
export function snakeCase(name: string): string {
  return words(name).join("_");
}

/** `recovery_codes` → `recovery-codes` (resource names and file names). */
export function kebabCase(name: string): string {
  return words(name).join("-");
}

/** `recovery_codes` → `recoveryCodes`. */
export function camelCase(name: string): string {
  return words(name)
    .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join("");
}

/** "Categories" → "Category", "Items" → "Item"; a name it gets wrong is stated in the definition. */
export function singular(label: string): string {
  if (/ies$/.test(label)) return label.slice(0, -3) + "y";
  if (/(ss|us)$/.test(label)) return label;
  if (/(ss|x|z|ch|sh)es$/.test(label)) return label.slice(0, -2);
  return label.endsWith("s") ? label.slice(0, -1) : label;
}

/** Drops a suffix word (`ownerId` − `Id` → `owner`), or returns null when the name does not end in it. */
export function withoutSuffix(name: string, suffix: string): string | null {
  const parts = words(name);
  if (parts.length < 2 || parts.at(-1) !== suffix.toLowerCase()) return null;
  return camelCase(parts.slice(0, -1).join(" "));
}

/** Names that usually hold secrets (hashes, tokens, stamps): never a title, and the scaffold omits them. */
export function looksSecret(name: string): boolean {
  return /hash|secret|token|password|stamp|salt/i.test(name);
}

/** "Item" → "Items", "Audit entry" → "Audit entries", "Box" → "Boxes". */
export function plural(singular: string): string {
  if (/[^aeiou]y$/i.test(singular)) return singular.slice(0, -1) + "ies";
  if (/(s|x|z|ch|sh)$/i.test(singular)) return singular + "es";
  return singular + "s";
}

const COUNT = new Intl.NumberFormat("en-US");

/**
 * "1 item", "298 items", "10,000+ audit entries": a count in the resource's own
 * English noun, for a resource the catalogue has no words for. Pages call
 * localize.ts `countOf(resource, n, locale, capped)`, which uses the catalogue.
 */
export function countOf(n: number, singularName: string, capped = false): string {
  const noun = n === 1 && !capped ? singularName : plural(singularName);
  return `${COUNT.format(n)}${capped ? "+" : ""} ${noun.toLowerCase()}`;
}
