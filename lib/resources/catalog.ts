/**
 * Names and labels of the registered resources: the light part of the registry
 * that middleware and navigation need, without tables or forms.
 */
export const RESOURCE_CATALOG = [
  { name: "users", label: "Users" },
  { name: "roles", label: "Roles" },
  { name: "items", label: "Items" },
] as const satisfies ReadonlyArray<{ name: string; label: string }>;

export type ResourceName = (typeof RESOURCE_CATALOG)[number]["name"];

export function findResourceEntry(name: string) {
  return RESOURCE_CATALOG.find((r) => r.name === name);
}
