import type { Table } from "drizzle-orm";
import { baseKey, deriveField, virtualField, type DerivedField, type FieldOverride } from "./derive-field";
import { readTable, type ColumnMeta, type TableMeta } from "./table-meta";
import type { ResourceConfig } from "./types";
import { kebabCase, labelFromKey, looksSecret, singular } from "./words";

export type { FieldOverride } from "./derive-field";

/** What a definition states about a table: only what differs from what the table says. */
export interface DeriveSpec extends Partial<Omit<ResourceConfig, "table" | "fields" | "filters" | "owner">> {
  /** Per field key (as derived: `price` for `priceCents`, `owner` for `ownerId`): what differs. A key no column derives adds a virtual field (many, password). */
  fields?: Record<string, FieldOverride>;
  /** Field keys never shown anywhere (secrets, bookkeeping columns). */
  omit?: readonly string[];
  /** Field keys to put first, in this order; the rest follow in column order. */
  order?: readonly string[];
  /** The owner column; null for none when the table has an `ownerId` referencing users. */
  owner?: ResourceConfig["owner"] | null;
}

type Column = ColumnMeta["column"];

/** A primary key the database or the app fills in: not a field anyone edits or reads. */
const isGeneratedKey = (c: ColumnMeta) => c.column.primary && c.column.hasDefault;

const TITLE_NAMES = ["name", "title", "label", "email"];

function pickTitle(meta: TableMeta, id: Column): Column {
  const strings = meta.columns.filter((c) => c.column.dataType === "string" && !c.references && !isGeneratedKey(c) && !looksSecret(c.property));
  return (strings.find((c) => TITLE_NAMES.includes(c.property)) ?? strings.find((c) => c.column.notNull))?.column ?? id;
}

function primaryKey(meta: TableMeta): Column {
  const keys = meta.columns.filter((c) => c.column.primary);
  if (keys.length !== 1) throw new Error(`${meta.name}: state the id column (the table has no single-column primary key)`);
  return keys[0]!.column;
}

/** A foreign key to users named ownerId / owner_id makes per-record (`:own`) permissions possible. */
function ownerColumn(meta: TableMeta): Column | undefined {
  return meta.columns.find((c) => c.references === "users" && (c.property === "ownerId" || c.column.name === "owner_id"))?.column;
}

function deriveFields(meta: TableMeta, spec: DeriveSpec, name: string): DerivedField[] {
  const { fields: stated = {}, omit = [], order = [] } = spec;
  const derived = new Map<string, ColumnMeta>();
  for (const c of meta.columns) if (!isGeneratedKey(c)) derived.set(baseKey(c), c);
  for (const key of omit) if (!derived.has(key)) throw new Error(`${name}: omit names ${key}, which no column of ${meta.name} derives`);
  const out: DerivedField[] = [];
  for (const [key, c] of derived) {
    if (omit.includes(key)) continue;
    const field = deriveField(c, stated[key]);
    if (field) out.push(field);
  }
  for (const [key, o] of Object.entries(stated)) {
    if (derived.has(key)) continue;
    if (o.type !== "many" && o.type !== "password") throw new Error(`${name}.${key}: no column of ${meta.name} derives this field (a field without a column is a many or password field)`);
    out.push(virtualField(key, { ...o, type: o.type }));
  }
  const rank = (f: DerivedField) => (order.includes(f.field.key) ? order.indexOf(f.field.key) : order.length);
  return out.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
}

/**
 * A resource configuration derived from a Drizzle table (SQLite or PostgreSQL)
 * and the few things the definition states. Pass it to `defineResource`.
 *
 * Derived: the name (the table's SQL name in kebab-case), label and singular;
 * the id (the single primary key); the title (a name/title/label/email
 * column, else the first required text column not named like a secret); one
 * field per column except a generated primary key (see `deriveField`);
 * filters for enum, boolean and reference fields, in field order; the owner.
 */
export function deriveResource(table: Table, spec: DeriveSpec = {}): ResourceConfig {
  const meta = readTable(table);
  const { fields: _fields, omit: _omit, order: _order, owner, ...rest } = spec;
  const name = spec.name ?? kebabCase(meta.name);
  const label = spec.label ?? labelFromKey(name);
  const id = spec.id ?? (primaryKey(meta) as ResourceConfig["id"]);
  const derived = deriveFields(meta, spec, name);
  const filters = derived.flatMap((d) => (d.filter ? [d.filter] : []));
  return {
    singular: singular(label),
    title: pickTitle(meta, id) as ResourceConfig["title"],
    ...rest,
    name,
    label,
    id,
    table: table as ResourceConfig["table"],
    fields: derived.map((d) => d.field),
    ...(filters.length ? { filters } : {}),
    owner: owner === null ? undefined : (owner ?? (ownerColumn(meta) as ResourceConfig["owner"])),
  };
}
