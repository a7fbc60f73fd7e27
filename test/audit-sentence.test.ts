import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createTranslator } from "next-intl";
import de from "../messages/de/index";
import { localize } from "../lib/resources/localize";
import { getResource } from "../lib/resources/registry";
import { actionParts, actionSentence, changeParts, changeSentence, describeEntry, entryHeading, knownLabel, realChanges, type AuditWords, type LabelLookup, type SentenceEntry } from "../lib/audit/sentence";

/** Audit entries as the panel says them: labels, formatted values, names only where the reader may see them. */

const items = getResource("items")!;
const users = getResource("users")!;
const OWNER = "5f0c6a8e-8d1e-4d4e-9a57-0f4b6a1d2c3b";

const entry = (over: Partial<SentenceEntry>): SentenceEntry => ({ action: "update", resource: "items", recordId: "301", summary: null, actorEmail: "alice@example.com", changes: null, ...over });
/** A reader of users and roles. */
const NAMES: Record<string, Record<string, string>> = { users: { [OWNER]: "eddie@example.com" }, roles: { "1": "admin", "2": "editor", "3": "contributor" } };
const seesAll: LabelLookup = (resource, id) => NAMES[resource]?.[id];
/** A reader of neither. */
const seesNothing: LabelLookup = () => undefined;

describe("audit sentences", () => {
  it("spells out money from cents and names a changed free-text field", () => {
    const e = entry({ changes: { price: { before: 1999, after: 2450 }, name: { before: "Hammer", after: "Big hammer" } } });
    assert.equal(changeSentence(e, items, seesAll), "Changed price from $19.99 to $24.50 and name.");
  });

  it("says booleans as Yes/No and enum values as the panel shows them, in the form's field order", () => {
    const e = entry({ changes: { inStock: { before: false, after: true }, category: { before: "tools", after: "garden" } } });
    assert.equal(changeSentence(e, items, seesAll), "Changed category from tools to garden and in stock from No to Yes.");
  });

  it("names an owner only to a reader who may see them, and never shows the id", () => {
    const e = entry({ changes: { owner: { before: null, after: OWNER } } });
    assert.equal(changeSentence(e, items, seesAll), "Changed owner from empty to eddie@example.com.");
    const hidden = changeSentence(e, items, seesNothing);
    assert.equal(hidden, "Changed owner from empty to another user.");
    assert.ok(!hidden.includes(OWNER));
  });

  it("lists many-to-many choices by name, or neutrally", () => {
    const e = entry({ resource: "users", changes: { roles: { before: ["2"], after: ["2", "3"] } } });
    assert.equal(changeSentence(e, users, seesAll), "Changed roles from editor to editor, contributor.");
    assert.equal(changeSentence(e, users, seesNothing), "Changed roles from a record you cannot view to a record you cannot view, a record you cannot view.");
    assert.equal(changeSentence(entry({ resource: "users", changes: { roles: { before: [], after: ["1"] } } }), users, seesAll), "Changed roles from none to admin.");
  });

  it("leaves out changes that change nothing, also in old entries", () => {
    const e = entry({ changes: { category: { before: "garden", after: "garden" }, roles: { before: ["1", "2"], after: [2, 1] }, price: { before: 100, after: 200 } } });
    assert.deepEqual(realChanges(e.changes).map(([k]) => k), ["price"]);
    assert.equal(changeSentence(e, items, seesAll), "Changed price from $1.00 to $2.00.");
    assert.equal(changeSentence(entry({ changes: { category: { before: "garden", after: "garden" } } }), items, seesAll), "Saved without changes.");
  });

  it("summarises long text by its label instead of dumping it, and never spells out a password", () => {
    const long = "x".repeat(5000);
    const e = entry({ changes: { description: { before: "short", after: long }, price: { before: 1, after: 2 } } });
    const said = changeSentence(e, items, seesAll);
    assert.equal(said, "Changed price from $0.01 to $0.02 and description.");
    assert.equal(changeSentence(entry({ resource: "users", changes: { password: { before: "(hidden)", after: "(changed)" } } }), users, seesAll), "Changed password.");
  });

  it("says creations and deletions with the record's last known name", () => {
    const created = entry({ action: "create", changes: { name: { before: null, after: "Hammer" }, price: { before: null, after: 1999 } } });
    assert.equal(knownLabel(created, items), "Hammer");
    assert.equal(actionSentence(created, items, knownLabel(created, items)), "Created item “Hammer”.");
    assert.equal(describeEntry(created, items, "Hammer", seesAll).changes, null);
    const deleted = entry({ action: "delete", summary: "Acme", resource: "suppliers" });
    assert.equal(actionSentence(deleted, getResource("suppliers"), knownLabel(deleted, getResource("suppliers"))), "Deleted supplier “Acme”.");
    assert.equal(actionSentence(entry({ action: "delete" }), items, null), "Deleted item #301.");
  });

  it("heads an entry with who did what to which record", () => {
    assert.equal(entryHeading(entry({}), items, "Hammer"), "alice@example.com changed item “Hammer”");
    assert.equal(entryHeading(entry({ action: "create", actorEmail: null }), items, "Hammer"), "Someone created item “Hammer”");
    assert.equal(entryHeading(entry({ action: "sign-in", resource: null, recordId: null }), undefined, null), "alice@example.com signed in");
    assert.equal(entryHeading(entry({ action: "bulk:activate", resource: "users" }), users, "bob@example.com"), "alice@example.com activated user “bob@example.com”");
  });

  it("formats dates and numbers as the panel does", () => {
    const e = entry({ resource: "users", changes: { loginCount: { before: 999, after: 1000 }, confirmedAt: { before: null, after: "2025-01-05T14:30:00.000Z" } } });
    assert.equal(changeSentence(e, users, seesAll), "Changed confirmed from empty to 2025-01-05 14:30 UTC and sign-ins from 999 to 1,000.");
  });
});

/** The request's words for a German reader, as lib/audit/words.ts makes them from next-intl. */
const german: AuditWords = { locale: "de", t: createTranslator({ locale: "de", messages: de, namespace: "audit" }) as AuditWords["t"] };
/** Labels and nouns come from the resources' German words (nouns keep their capital letter in a German sentence). */
const label = (resource: typeof items, key: string) => localize(resource, "de").fieldMap.get(key)!.label;
const noun = (resource: typeof items) => localize(resource, "de").singular;

describe("audit sentences in German", () => {
  it("says changes with German values, numbers and money, the verb at the end", () => {
    const e = entry({ changes: { price: { before: 1999, after: 2450 }, name: { before: "Hammer", after: "Big hammer" }, inStock: { before: false, after: true } } });
    // Labels stay capitalised (nouns); the resources catalogue gives them in German.
    assert.match(changeSentence(e, items, seesAll, german), new RegExp(`^${label(items, "price")} von 19,99\\s\\$ auf 24,50\\s\\$, ${label(items, "inStock")} von Nein auf Ja und ${label(items, "name")} geändert\\.$`));
    assert.equal(changeSentence(entry({ changes: { category: { before: "garden", after: "garden" } } }), items, seesAll, german), "Ohne Änderungen gespeichert.");
    const count = entry({ resource: "users", changes: { loginCount: { before: 999, after: 1000 } } });
    assert.equal(changeSentence(count, users, seesAll, german), `${label(users, "loginCount")} von 999 auf 1.000 geändert.`);
  });

  it("uses neutral words for what the reader may not see", () => {
    const e = entry({ changes: { owner: { before: null, after: OWNER } } });
    assert.equal(changeSentence(e, items, seesNothing, german), `${label(items, "owner")} von (leer) auf (anderer Benutzer) geändert.`);
    assert.equal(changeSentence(entry({ resource: "users", changes: { roles: { before: [], after: ["1"] } } }), users, seesAll, german), `${label(users, "roles")} von (keine) auf admin geändert.`);
  });

  it("says what was done to which record, and who did it", () => {
    const created = entry({ action: "create", changes: { name: { before: null, after: "Hammer" } } });
    assert.equal(actionSentence(created, items, knownLabel(created, items), german), `${noun(items)} „Hammer“ erstellt.`);
    assert.equal(actionSentence(entry({ action: "delete" }), items, null, german), `${noun(items)} #301 gelöscht.`);
    assert.equal(entryHeading(entry({}), items, "Hammer", german), `alice@example.com hat ${noun(items)} „Hammer“ geändert`);
    assert.equal(entryHeading(entry({ action: "create", actorEmail: null }), items, "Hammer", german), `Jemand hat ${noun(items)} „Hammer“ erstellt`);
    assert.equal(entryHeading(entry({ action: "sign-in", resource: null, recordId: null }), undefined, null, german), "alice@example.com hat sich angemeldet");
    assert.equal(entryHeading(entry({ action: "bulk:activate", resource: "users" }), users, "bob@example.com", german), `alice@example.com hat ${noun(users)} „bob@example.com“ aktiviert`);
    assert.equal(describeEntry(entry({ action: "role-change", resource: "users" }), users, "bob@example.com", seesAll, german).action, `Rollen von ${noun(users)} „bob@example.com“ geändert.`);
  });

  it("keeps data values apart from the words, in every language", () => {
    const e = entry({ changes: { price: { before: 100, after: 200 } } });
    assert.deepEqual(changeParts(e, items, seesAll, german), [`${label(items, "price")} von `, { data: "1,00\u00a0$" }, " auf ", { data: "2,00\u00a0$" }, " geändert."]);
    assert.deepEqual(actionParts(entry({}), items, "Hammer", undefined, "/admin/items/301"), ["Changed ", "item “", { data: "Hammer", href: "/admin/items/301" }, "”", "."]);
  });
});
