import { formatMoney } from "../resources/money";
import type { FieldDef, Resource } from "../resources/types";

/**
 * Audit entries as sentences a person reads ("Changed price from $19.99 to
 * $24.50 and name."): field labels, values formatted as the panel shows them,
 * references named only where the reader may see them. Pure: the caller
 * resolves reference labels first and passes a lookup.
 */

export interface SentenceEntry {
  action: string;
  resource: string | null;
  recordId: string | null;
  summary: string | null;
  actorEmail?: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
}

/** The label of a referenced row the reader may see, or undefined (then a neutral word is shown). */
export type LabelLookup = (resource: string, id: string) => string | undefined;

const WORDS = {
  empty: "empty",
  none: "none",
  yes: "Yes",
  no: "No",
  anotherUser: "another user",
  anotherRecord: "a record you cannot view",
  changed: "Changed",
  nothing: "Saved without changes.",
  and: "and",
  someone: "Someone",
  actions: {
    "sign-in": "Signed in",
    "sign-in-failed": "Failed to sign in",
    "password-change": "Changed password",
    "sign-out-everywhere": "Signed out everywhere",
    denied: "Was refused access",
    "two-factor-enable": "Turned on two-factor sign-in",
    "two-factor-disable": "Turned off two-factor sign-in",
    "two-factor-reset": "Reset two-factor sign-in",
    "recovery-codes-regenerate": "Made new recovery codes",
  } as Record<string, string>,
  verbs: { create: "Created", update: "Changed", delete: "Deleted", "bulk:set": "Changed", "role-change": "Changed the roles of" } as Record<string, string>,
};

/** Field types whose before and after are spelled out; the others (free text, secrets) are only named. */
const SPELLED = new Set(["money", "number", "boolean", "enum", "reference", "many", "datetime", "permissions"]);
const NUMBER = new Intl.NumberFormat("en-US");

/** The same value, however stored (arrays in any order, numbers as text). */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): string => {
    if (v === undefined || v === null || v === "") return "null";
    if (Array.isArray(v)) return JSON.stringify(v.map(String).sort());
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  };
  return norm(a) === norm(b);
}

/** The changed fields of an entry, no-op pairs (`garden→garden`) left out. */
export function realChanges(changes: SentenceEntry["changes"]): [string, { before: unknown; after: unknown }][] {
  return Object.entries(changes ?? {}).filter(([, c]) => c && !sameValue(c.before, c.after));
}

function refLabel(target: string, id: unknown, lookup: LabelLookup): string {
  return lookup(target, String(id)) ?? (target === "users" ? WORDS.anotherUser : WORDS.anotherRecord);
}

/** One value as the panel shows it, as text. */
export function formatText(field: FieldDef, value: unknown, lookup: LabelLookup): string {
  if (field.type === "many" || field.type === "permissions") {
    const list = Array.isArray(value) ? value : [];
    if (!list.length) return WORDS.none;
    return list.map((v) => (field.type === "many" && field.many ? refLabel(field.many.resource, v, lookup) : String(v))).join(", ");
  }
  if (value === null || value === undefined || value === "") return WORDS.empty;
  switch (field.type) {
    case "boolean":
      return value === true || value === 1 || value === "true" ? WORDS.yes : WORDS.no;
    case "money":
      return formatMoney(Number(value));
    case "number":
      return NUMBER.format(Number(value));
    case "datetime": {
      const d = new Date(value as string);
      return Number.isNaN(d.getTime()) ? String(value) : `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
    }
    case "reference":
      return field.reference ? refLabel(field.reference.resource, value, lookup) : String(value);
    default:
      return String(value);
  }
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} ${WORDS.and} ${parts.at(-1)}`;
}

/** "price from $19.99 to $24.50", or just "name" for free text. */
function changePart(resource: Resource | undefined, key: string, change: { before: unknown; after: unknown }, lookup: LabelLookup): string {
  const field = resource?.fieldMap.get(key);
  const label = (field?.label ?? key).toLowerCase();
  if (!field || !SPELLED.has(field.type)) return label;
  return `${label} from ${formatText(field, change.before, lookup)} to ${formatText(field, change.after, lookup)}`;
}

/** "Changed price from $19.99 to $24.50 and name.": spelled-out values first, then the fields only named, each in the definition's order. */
export function changeSentence(entry: SentenceEntry, resource: Resource | undefined, lookup: LabelLookup): string {
  const order = resource ? [...resource.fieldMap.keys()] : [];
  const spelled = (k: string) => SPELLED.has(resource?.fieldMap.get(k)?.type ?? "");
  const rank = (k: string) => (spelled(k) ? 0 : 1000) + (order.includes(k) ? order.indexOf(k) : order.length);
  const changes = realChanges(entry.changes).sort(([a], [b]) => rank(a) - rank(b));
  if (!changes.length) return WORDS.nothing;
  return `${WORDS.changed} ${joinAnd(changes.map(([k, c]) => changePart(resource, k, c, lookup)))}.`;
}

/** The key of the field whose column is the resource's title. */
function titleKey(resource: Resource): string | undefined {
  return resource.fields.find((f) => f.column === resource.title)?.key;
}

/** The record's name as the entry last knew it: its summary, else the title field's value in its changes. */
export function knownLabel(entry: SentenceEntry, resource: Resource | undefined): string | null {
  if (entry.summary) return entry.summary;
  const key = resource ? titleKey(resource) : undefined;
  const change = key ? entry.changes?.[key] : undefined;
  const value = change ? (entry.action === "delete" ? change.before : (change.after ?? change.before)) : null;
  return value === null || value === undefined || value === "" ? null : String(value);
}

/** "Created", "Deleted", "Activated": what was done to the record. */
export function verbOf(action: string): string {
  if (WORDS.verbs[action]) return WORDS.verbs[action]!;
  if (action.startsWith("bulk:")) {
    const name = action.slice(5);
    return `${name.charAt(0).toUpperCase()}${name.slice(1)}${name.endsWith("e") ? "d" : "ed"}`;
  }
  return WORDS.actions[action] ?? `${action.charAt(0).toUpperCase()}${action.slice(1).replaceAll("-", " ")}`;
}

/** The record part: "item “Hammer”" (label given by the caller: the current title or knownLabel), "item #301" without one. */
export function recordPhrase(entry: SentenceEntry, resource: Resource | undefined, label: string | null): string {
  const noun = (resource?.singular ?? entry.resource ?? "").toLowerCase();
  return label ? `${noun} “${label}”` : `${noun} #${entry.recordId}`;
}

/** "Created item “Hammer”." / "Signed in." */
export function actionSentence(entry: SentenceEntry, resource: Resource | undefined, label: string | null): string {
  if (!entry.resource || !entry.recordId || WORDS.actions[entry.action]) return `${verbOf(entry.action)}.`;
  return `${verbOf(entry.action)} ${recordPhrase(entry, resource, label)}.`;
}

/** An entry's heading: "alice@example.com changed item “Hammer”" / "Someone signed in". */
export function entryHeading(entry: SentenceEntry, resource: Resource | undefined, label: string | null): string {
  const who = entry.actorEmail || WORDS.someone;
  const what = actionSentence(entry, resource, label).slice(0, -1);
  return `${who} ${what.charAt(0).toLowerCase()}${what.slice(1)}`;
}

/** Everything an entry says: the action with its record, and for changes, which fields and how. */
export function describeEntry(entry: SentenceEntry, resource: Resource | undefined, label: string | null, lookup: LabelLookup): { action: string; changes: string | null } {
  const hasChanges = entry.action !== "create" && entry.action !== "delete" && realChanges(entry.changes).length > 0;
  const isChange = entry.action === "update" || entry.action === "bulk:set";
  return { action: actionSentence(entry, resource, label), changes: hasChanges || isChange ? changeSentence(entry, resource, lookup) : null };
}
