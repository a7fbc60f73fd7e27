import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createTranslator } from "next-intl";
import de from "../messages/de/index";
import { english } from "../lib/i18n/translator";
import { conflictMessages } from "../lib/resources/engine/version";
import { wordsOf } from "../lib/resources/engine/words";

/**
 * The engine's refusals in German. Outside a request the translator is
 * English, so the German catalogue is read here directly, with the arguments
 * the engine passes: plurals, names and field labels as given.
 */

const t = createTranslator({ locale: "de", messages: de, namespace: "engine" });
const words = wordsOf(t, "de");

describe("the engine's words in German", () => {
  it("says one and several missing records apart, with the resource's own nouns", () => {
    assert.equal(t("write.gone", { count: 1, singular: words.noun("Artikel"), plural: words.noun("Artikel") }), "Dieser Eintrag (Artikel) existiert nicht.");
    assert.equal(t("write.gone", { count: 3, singular: "Rolle", plural: "Rollen" }), "Einige der ausgewählten Einträge (Rollen) existieren nicht.");
  });

  it("formats counts in field rules, one and many", () => {
    assert.equal(t("field.tooLong", { field: "Name", max: 1 }), "Name darf höchstens 1 Zeichen lang sein.");
    assert.equal(t("field.tooLong", { field: "Beschreibung", max: 2000 }), "Beschreibung darf höchstens 2.000 Zeichen lang sein.");
    assert.equal(t("field.negative", { field: "Preis" }), "Preis darf nicht negativ sein.");
  });

  it("tells an edit conflict with the verb agreeing with who changed it, nouns keeping their capital", () => {
    const one = conflictMessages(words, "Artikel", ["ann@example.com"], false, ["Preis"]);
    assert.match(one.form, /^ann@example\.com hat diesen Eintrag \(Artikel\) geändert \(Felder: Preis\), nachdem Sie dieses Formular geöffnet haben\./);
    const two = conflictMessages(words, "Artikel", ["ann@example.com"], true, ["Preis", "Name"]);
    assert.match(two.list, /^ann@example\.com und jemand anderes haben diesen Eintrag \(Artikel\) geändert \(Felder: Preis, Name\), nachdem die Liste geladen wurde\./);
    assert.match(conflictMessages(words, "Rolle", [], true, []).form, /^Jemand anderes hat diesen Eintrag \(Rolle\) geändert, nachdem/);
  });

  it("lowers nouns in English sentences only", () => {
    const en = wordsOf(english("engine"), "en");
    assert.equal(en.t("field.existingOne", { singular: en.noun("Supplier") }), "Choose an existing supplier.");
    assert.equal(t("field.existingOne", { singular: words.noun("Lieferant") }), "Wählen Sie einen vorhandenen Eintrag (Lieferant).");
    assert.equal(words.or(["Name", "Kontakt-E-Mail"]), "Name oder Kontakt-E-Mail");
  });
});
