import { RESOURCES } from "./registry";

/** Names and labels of the registered resources (navigation, middleware, permission matrix). */
export const RESOURCE_CATALOG: ReadonlyArray<{ name: string; label: string }> = RESOURCES.map((r) => ({ name: r.name, label: r.label }));

export function findResourceEntry(name: string) {
  return RESOURCE_CATALOG.find((r) => r.name === name);
}
