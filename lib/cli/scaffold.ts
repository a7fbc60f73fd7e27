import { getTableColumns, getTableName, type Table } from "drizzle-orm";
import { deriveResource } from "../resources/derive";
import type { FieldDef, ResourceConfig } from "../resources/types";
import { camelCase, looksSecret } from "../resources/words";

export interface Scaffold {
  /** The resource name, also the definition's file name (`<name>.ts`). */
  name: string;
  /** The definition's exported constant, e.g. `suppliersResource`. */
  exportName: string;
  source: string;
  /** What the developer should review, one line each. */
  review: string[];
}

function describe(field: FieldDef, config: ResourceConfig): string {
  const property = Object.entries(getTableColumns(config.table)).find(([, c]) => c === field.column)?.[0];
  const facts = [
    field.type + (field.reference ? ` → ${field.reference.resource}` : "") + (field.options ? ` (${field.options.join(", ")})` : ""),
    field.required && "required",
    field.maxLength && `at most ${field.maxLength}`,
    field.list && "listed",
    field.sortable && "sortable",
    field.form === false && "read-only",
    config.filters?.some((f) => f.field === field.key) && "filter",
    field.related && `related on ${field.reference?.resource}`,
  ].filter(Boolean);
  return ` *   ${field.key}${property && property !== field.key ? ` (${property})` : ""}: "${field.label}", ${facts.join(", ")}`;
}

/**
 * The definition file for a table exported as `tableExport` from the module
 * `from` (relative to lib/resources/defs): a short call that relies on derivation, with what was
 * derived written out in a comment for review.
 */
export function scaffoldDefinition(tableExport: string, table: Table, from = "../../db/schema"): Scaffold {
  const config = deriveResource(table);
  const exportName = `${camelCase(config.name)}Resource`;
  const titleField = config.fields.find((f) => f.column === config.title);
  const secrets = config.fields.filter((f) => looksSecret(f.key)).map((f) => f.key);
  const searchable = titleField && !secrets.includes(titleField.key) && (titleField.type === "text" || titleField.type === "email") ? `    search: ["${titleField.key}"],\n` : "";
  const source = `import { ${tableExport} } from "${from}";
import { defineResource } from "../define";
import { deriveResource } from "../derive";

/*
 * Derived from the ${getTableName(table)} table; state below only what differs
 * (fields: { key: { label, list, form, hidden, help, access, inlineEdit, filter } }, omit: [keys]).
 * "${config.label}" / "${config.singular}", titled by ${titleField?.key ?? "its id"}${config.owner ? ", owned through " + config.owner.name : ""}.
${config.fields.map((f) => describe(f, config)).join("\n")}
 */
export const ${exportName} = defineResource(
  deriveResource(${tableExport}, {
${secrets.length ? `    omit: [${secrets.map((k) => `"${k}"`).join(", ")}],\n` : ""}${searchable}  }),
);
`;
  const review = [
    `labels: "${config.label}" / "${config.singular}" and each field's label (listed in the file's comment)`,
    `fields: which ones the list shows (list: false), which are read-only (form: false), which to omit${secrets.length ? `; omitted as secrets: ${secrets.join(", ")}` : ""}`,
    `permissions: ${config.name}:view|create|update|delete|export now appear in the role matrix; admins hold them, grant them to other roles${config.owner ? ` (or their :own forms, by ${config.owner.name})` : ""}`,
    `search: ${searchable ? `searches ${titleField?.key}; ` : ""}for a large table declare a search index (searchIndex) so search does not scan it`,
  ];
  return { name: config.name, exportName, source, review };
}

/**
 * The registry's source with the definition imported and appended to
 * RESOURCES, or null when the registry no longer has the expected shape.
 */
export function addToRegistry(registry: string, scaffold: Pick<Scaffold, "name" | "exportName">): string | null {
  const list = /(export const RESOURCES[^=]*=\s*\[)([^\]]*)\]/;
  const imports = [...registry.matchAll(/^import .* from "\.\/defs\/(.*)";\n/gm)];
  if (!list.test(registry) || !imports.length) return null;
  // Before the first definition that sorts after it, to keep the imports in order.
  const next = imports.find((m) => m[1]! > scaffold.name);
  const at = next ? next.index : imports.at(-1)!.index + imports.at(-1)![0].length;
  const withImport = `${registry.slice(0, at)}import { ${scaffold.exportName} } from "./defs/${scaffold.name}";\n${registry.slice(at)}`;
  return withImport.replace(list, (_, head: string, items: string) => `${head}${items.trimEnd()}, ${scaffold.exportName}]`);
}
