import type { Locale } from "../i18n/locales";
import { localize } from "../resources/localize";
import { formatMoney } from "../resources/money";
import type { FieldDef, Resource } from "../resources/types";
import { actionKey as keyOf, AUDIT_ACTIONS } from "./actions";
import { englishAuditWords, inSentence, joinAnd, lowerFirst, plain, say, type AuditWords, type Part } from "./words";
import { formatNumber } from "../i18n/numbers";

/**
 * Audit entries as sentences a person reads ("Changed price from $19.99 to
 * $24.50 and name."): field labels, values formatted as the panel shows them,
 * references named only where the reader may see them, in the language of
 * the words passed (English by default). Pure: the caller resolves reference
 * labels first and passes a lookup. The `…Parts` forms keep data values apart
 * from the words, for components that mark them `translate="no"`.
 */

export type { AuditWords, Part } from "./words";
export { auditWords, englishAuditWords, plain } from "./words";

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

/** Account events: said without the record (the user) they are filed under. */
const ACCOUNT = new Set(["sign-in", "sign-in-failed", "password-change", "sign-out-everywhere", "denied", "two-factor-enable", "two-factor-disable", "two-factor-reset", "recovery-codes-regenerate", "passkey-added", "passkey-renamed", "passkey-removed", "passkey-used", "passkey-failed"]);
/** Record actions with their own sentence in the catalogue (`did.*`, `by.*`). */
const RECORD = new Set(["create", "update", "delete", "bulk:set", "role-change", "bulk:activate", "bulk:deactivate"]);
/** Actions with a label in the catalogue (`action.*`). */
const LABELLED = new Set<string>(AUDIT_ACTIONS);

/** Field types whose before and after are spelled out; the others (free text, secrets) are only named. */
const SPELLED = new Set(["money", "number", "boolean", "enum", "reference", "many", "datetime", "permissions"]);

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

/** The resource in the words' language (its labels, singular, field labels). */
function local(resource: Resource | undefined, words: AuditWords): Resource | undefined {
  return resource && localize(resource, words.locale as Locale);
}

function refLabel(target: string, id: unknown, lookup: LabelLookup, words: AuditWords): Part {
  const label = lookup(target, String(id));
  return label !== undefined ? { data: label } : words.t(target === "users" ? "values.anotherUser" : "values.anotherRecord");
}

/** One value as the panel shows it: a word ("empty", "Yes") or data. */
export function formatPart(field: FieldDef, value: unknown, lookup: LabelLookup, words: AuditWords = englishAuditWords()): Part {
  if (field.type === "many" || field.type === "permissions") {
    const list = Array.isArray(value) ? value : [];
    if (!list.length) return words.t("values.none");
    return { data: plain(list.map((v) => (field.type === "many" && field.many ? refLabel(field.many.resource, v, lookup, words) : String(v))).flatMap((p, i) => (i ? [", ", p] : [p]))) };
  }
  if (value === null || value === undefined || value === "") return words.t("values.empty");
  switch (field.type) {
    case "boolean":
      return words.t(value === true || value === 1 || value === "true" ? "values.yes" : "values.no");
    case "money":
      return { data: formatMoney(Number(value), words.locale) };
    case "number":
      return { data: formatNumber(Number(value), words.locale) };
    case "datetime": {
      const d = new Date(value as string);
      return { data: Number.isNaN(d.getTime()) ? String(value) : `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC` };
    }
    case "reference":
      return field.reference ? refLabel(field.reference.resource, value, lookup, words) : { data: String(value) };
    default:
      return { data: String(value) };
  }
}

/** One value as the panel shows it, as text. */
export function formatText(field: FieldDef, value: unknown, lookup: LabelLookup, words: AuditWords = englishAuditWords()): string {
  return plain([formatPart(field, value, lookup, words)]);
}

/** "price from $19.99 to $24.50", or just "name" for free text. */
function changePart(resource: Resource | undefined, key: string, change: { before: unknown; after: unknown }, lookup: LabelLookup, words: AuditWords): Part[] {
  const field = resource?.fieldMap.get(key);
  const label = inSentence(words, field?.label ?? key);
  if (!field || !SPELLED.has(field.type)) return [label];
  return say(words, "changes.field", { field: label, before: formatPart(field, change.before, lookup, words), after: formatPart(field, change.after, lookup, words) });
}

/** "Changed price from $19.99 to $24.50 and name.": spelled-out values first, then the fields only named, each in the definition's order. */
export function changeParts(entry: SentenceEntry, resource: Resource | undefined, lookup: LabelLookup, words: AuditWords = englishAuditWords()): Part[] {
  const here = local(resource, words);
  const order = here ? [...here.fieldMap.keys()] : [];
  const spelled = (k: string) => SPELLED.has(here?.fieldMap.get(k)?.type ?? "");
  const rank = (k: string) => (spelled(k) ? 0 : 1000) + (order.includes(k) ? order.indexOf(k) : order.length);
  const changes = realChanges(entry.changes).sort(([a], [b]) => rank(a) - rank(b));
  if (!changes.length) return say(words, "changes.nothing");
  return say(words, "changes.changed", { fields: joinAnd(words, changes.map(([k, c]) => changePart(here, k, c, lookup, words))) });
}

export function changeSentence(entry: SentenceEntry, resource: Resource | undefined, lookup: LabelLookup, words?: AuditWords): string {
  return plain(changeParts(entry, resource, lookup, words));
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

/** "Created", "Deleted", "Activated": what was done to the record, as the audit log names it. */
export function verbOf(action: string, words: AuditWords = englishAuditWords()): string {
  if (LABELLED.has(action)) return words.t(`action.${keyOf(action)}`);
  if (action.startsWith("bulk:")) {
    const name = action.slice(5);
    return `${name.charAt(0).toUpperCase()}${name.slice(1)}${name.endsWith("e") ? "d" : "ed"}`;
  }
  return `${action.charAt(0).toUpperCase()}${action.slice(1).replaceAll("-", " ")}`;
}

/** The record part: "item “Hammer”" (label given by the caller: the current title or knownLabel), "item #301" without one; `href` links the title. */
export function recordParts(entry: SentenceEntry, resource: Resource | undefined, label: string | null, words: AuditWords = englishAuditWords(), href?: string): Part[] {
  const noun = inSentence(words, local(resource, words)?.singular ?? entry.resource ?? "");
  return label ? say(words, "record.named", { noun, label: href ? { data: label, href } : { data: label } }) : say(words, "record.numbered", { noun, id: { data: String(entry.recordId) } });
}

export function recordPhrase(entry: SentenceEntry, resource: Resource | undefined, label: string | null, words?: AuditWords): string {
  return plain(recordParts(entry, resource, label, words));
}

/** Said without the record: account events, and entries about no record. */
const alone = (entry: SentenceEntry) => !entry.resource || !entry.recordId || ACCOUNT.has(entry.action);

/** "Created item “Hammer”." / "Signed in." */
export function actionParts(entry: SentenceEntry, resource: Resource | undefined, label: string | null, words: AuditWords = englishAuditWords(), href?: string): Part[] {
  if (alone(entry)) return say(words, "alone", { action: verbOf(entry.action, words) });
  const record = recordParts(entry, resource, label, words, href);
  return RECORD.has(entry.action) ? say(words, `did.${keyOf(entry.action)}`, { record }) : say(words, "did.other", { action: verbOf(entry.action, words), record });
}

export function actionSentence(entry: SentenceEntry, resource: Resource | undefined, label: string | null, words?: AuditWords): string {
  return plain(actionParts(entry, resource, label, words));
}

/** An entry's heading: "alice@example.com changed item “Hammer”" / "Someone signed in". */
export function headingParts(entry: SentenceEntry, resource: Resource | undefined, label: string | null, words: AuditWords = englishAuditWords()): Part[] {
  const actor: Part = entry.actorEmail ? { data: entry.actorEmail } : words.t("someone");
  if (alone(entry)) {
    return ACCOUNT.has(entry.action) ? say(words, `byAlone.${keyOf(entry.action)}`, { actor }) : say(words, "byAlone.other", { actor, action: lowerFirst(words, verbOf(entry.action, words)) });
  }
  const record = recordParts(entry, resource, label, words);
  return RECORD.has(entry.action) ? say(words, `by.${keyOf(entry.action)}`, { actor, record }) : say(words, "by.other", { actor, action: lowerFirst(words, verbOf(entry.action, words)), record });
}

export function entryHeading(entry: SentenceEntry, resource: Resource | undefined, label: string | null, words?: AuditWords): string {
  return plain(headingParts(entry, resource, label, words));
}

/** Everything an entry says: the action with its record, and for changes, which fields and how. */
export function describeParts(entry: SentenceEntry, resource: Resource | undefined, label: string | null, lookup: LabelLookup, words: AuditWords = englishAuditWords(), href?: string): { action: Part[]; changes: Part[] | null } {
  const hasChanges = entry.action !== "create" && entry.action !== "delete" && realChanges(entry.changes).length > 0;
  const isChange = entry.action === "update" || entry.action === "bulk:set";
  return { action: actionParts(entry, resource, label, words, href), changes: hasChanges || isChange ? changeParts(entry, resource, lookup, words) : null };
}

export function describeEntry(entry: SentenceEntry, resource: Resource | undefined, label: string | null, lookup: LabelLookup, words?: AuditWords): { action: string; changes: string | null } {
  const said = describeParts(entry, resource, label, lookup, words);
  return { action: plain(said.action), changes: said.changes && plain(said.changes) };
}
