import type { SQL } from "drizzle-orm";
import type { Column, Table } from "drizzle-orm";
import type { Action } from "../permissions";
import type { BulkActionDef, EditPolicyFn, ResourceHooks } from "./hooks";

export type { BulkActionDef, Editor, EditPolicy, EditPolicyFn, ResourceHooks, WriteContext, WriteGuard } from "./hooks";
import type { Editor } from "./hooks";

export type FieldType =
  | "text"
  | "email"
  | "longtext"
  | "number"
  | "money"
  | "boolean"
  | "enum"
  | "datetime"
  | "reference"
  | "many"
  | "password"
  | "permissions"
  | "json";

/** A reference to another resource's row (a foreign key). */
export interface ReferenceSpec {
  resource: string;
}

/** A many-to-many relation through a join table (a user's roles). */
export interface ManySpec {
  resource: string;
  through: Table;
  /** Join-table column pointing at this resource's row. */
  left: Column;
  /** Join-table column pointing at the other resource's row. */
  right: Column;
}

export interface FieldDef {
  /** Name in URLs (sort, filters) and in forms. */
  key: string;
  label: string;
  type: FieldType;
  /** The table column behind the field; virtual fields (password, many) have none. */
  column?: Column;
  /** Shown as a list column. */
  list?: boolean;
  /** The list may be sorted by it (needs an index on big tables). */
  sortable?: boolean;
  /** In the create and/or edit form; false keeps it out of both (read-only). */
  form?: boolean | "create" | "edit";
  required?: boolean;
  maxLength?: number;
  /** A format the value must match, with the message shown when it does not. */
  pattern?: { regex: RegExp; message: string };
  options?: readonly string[];
  /** How each option reads (set by localize(): the catalogue's `options.<key>.<value>`, else the value). */
  optionLabels?: Readonly<Record<string, string>>;
  /** Where each option's label lives in the catalogue when not under the resource's `options` (the audit log's actions: `audit.action.*`). */
  optionWords?: (value: string) => readonly string[];
  /** money: the ISO 4217 currency of the amounts (default USD). */
  currency?: string;
  reference?: ReferenceSpec;
  many?: ManySpec;
  help?: string;
  /** Not shown on the details page (write-only fields). */
  hidden?: boolean;
  /** false: left out of the details page's field list (the resource's details panel shows it), still read and exported. */
  details?: boolean;
  /**
   * May be changed from the list, in place, and with the bulk "Set field…"
   * action: boolean, enum, number, money and (short) text fields only.
   */
  inlineEdit?: boolean;
  /**
   * Permissions the field needs beyond the resource's: `view` to see it at all
   * (list, details, filters, sort, search, export, forms), `change` to change
   * it on an existing record (without it the field is read-only and a
   * submitted value is ignored). Each is `<resource>:<action>` or an extra
   * permission the resource declares in `permissions`.
   */
  access?: { view?: string; change?: string };
  /**
   * reference / many: list the records that point at a record of the target
   * resource on its details page (the first 10, and "View all (N)" leading to
   * this resource's list filtered by it). A string is the section's heading.
   * Needs a `reference` filter on this field.
   */
  related?: boolean | string;
}

/** An extra permission a resource declares for its fields, shown in the role form's matrix. */
export interface ExtraPermission {
  /** `<resource>:<name>`, e.g. `items:price`. */
  name: string;
  /** What it allows, e.g. "Change prices". */
  label: string;
}

export type FilterType = "enum" | "boolean" | "range" | "date-range" | "reference";

export interface FilterDef {
  /** The field it filters (a column field, or for `reference`, also a many field); its URL parameter(s) derive from `param`. */
  field: string;
  /** URL parameter: `param` (enum, boolean, reference) or `param_min`/`param_max` (ranges). */
  param: string;
  type: FilterType;
  label?: string;
}

export interface ResourceConfig {
  name: string;
  label: string;
  singular: string;
  table: Table;
  /** The primary key column. */
  id: Column;
  /** Column shown as the row's name (headings, references, pickers). */
  title: Column;
  fields: FieldDef[];
  /** Field keys searched by `q` (case-insensitive substring). */
  search?: string[];
  /**
   * A full-text (trigram) index over exactly the `search` columns, kept by a
   * migration (see drizzle/sqlite/0004_items_search.sql; on PostgreSQL, pg_trgm indexes from drizzle/postgres/0001_items_search.sql). With it, rare terms are
   * found without scanning the table.
   */
  searchIndex?: string;
  filters?: FilterDef[];
  /** Default sort, e.g. "-createdAt". */
  defaultSort?: string;
  bulkActions?: BulkActionDef[];
  hooks?: ResourceHooks;
  /** Fields shown but not editable for this record (e.g. the admin role's name and permissions). */
  lockedFields?: (values: Record<string, unknown>) => string[];
  /** The actions this resource supports at all (default: every one); others are 404 even for admins. */
  actions?: readonly Action[];
  /** Delegation rules: what an editor may not change (see EditPolicy). */
  policy?: EditPolicyFn;
  /** Extra WHERE condition always applied (e.g. soft delete). */
  scope?: () => SQL | undefined;
  /**
   * The column holding the id of the user who owns a row. With it, each
   * action can be granted on the user's own rows only (`<resource>:<action>:own`).
   */
  owner?: Column;
  /** Extra permissions the resource's fields need (see FieldDef.access). */
  permissions?: ExtraPermission[];
  /**
   * A section of the resource's own under the details page's fields (a user's
   * two-factor state), by its name in components/resource/details-panels.tsx.
   * A name, not a component: definitions are read by the CLI and tests, and
   * stay free of page code (and of the import cycle page code would close).
   */
  detailsPanel?: string;
  /** Likewise, a section above the list (the users' invitations), by its name in components/resource/list-panels.tsx. */
  listPanel?: string;
  /** Called once by the registry with every registered resource, for choices that list them (the audit log's resource filter). */
  registered?: (resources: readonly Resource[]) => void;
}

/** What a definition's details panel is given: the record's id, who is looking, and the page's notice. */
export interface DetailsPanelProps {
  recordId: string;
  viewer: Editor;
  notice?: string;
}

export type Resource = ResourceConfig & {
  idType: "int" | "text";
  fieldMap: Map<string, FieldDef>;
};
