import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createTranslator } from "next-intl";
import en from "../messages/en/index";
import { negotiateLocale } from "../lib/i18n/negotiate";
import { pickMessages } from "../lib/i18n/messages";
import { pseudoMessage, pseudoMessages, type Messages } from "../lib/i18n/pseudo";

const SERVED = ["en", "de"] as const;

describe("Accept-Language negotiation", () => {
  it("takes a regional variant's language", () => {
    assert.equal(negotiateLocale("de-AT,de;q=0.9", SERVED), "de");
    assert.equal(negotiateLocale("en-GB", SERVED), "en");
    assert.equal(negotiateLocale("DE-ch", SERVED), "de");
  });

  it("goes by quality, then by order", () => {
    assert.equal(negotiateLocale("fr-FR, de;q=0.5, en;q=0.8", SERVED), "en");
    assert.equal(negotiateLocale("de, en", SERVED), "de");
    assert.equal(negotiateLocale("en;q=0.5, de;q=0.5", SERVED), "en");
    assert.equal(negotiateLocale("de;q=0, en;q=0.1", SERVED), "en");
  });

  it("answers null when nothing is served", () => {
    assert.equal(negotiateLocale("fr, *;q=0.1", SERVED), null);
    assert.equal(negotiateLocale("", SERVED), null);
    assert.equal(negotiateLocale(null, SERVED), null);
    assert.equal(negotiateLocale("q=;;,,;", SERVED), null);
  });

  it("matches the pseudo-locale only by its code, and only when served", () => {
    assert.equal(negotiateLocale("en-XA", [...SERVED, "en-XA"]), "en-XA");
    assert.equal(negotiateLocale("en-XA", SERVED), "en");
    assert.equal(negotiateLocale("en-US", [...SERVED, "en-XA"]), "en");
  });
});

describe("the pseudo-locale", () => {
  it("brackets and accents every message", () => {
    assert.equal(pseudoMessage("Sign in"), "［Šígñ íñ］");
  });

  it("leaves ICU arguments, plural keywords, # and tags as they are", () => {
    assert.equal(pseudoMessage("Hi {name}, see <link>here</link>"), "［Hí {name}, šéé <link>héré</link>］");
    assert.equal(pseudoMessage("{count, plural, =0 {none} one {# item} other {# items}}"), "［{count, plural, =0 {ñóñé} one {# ítém} other {# ítémš}}］");
    assert.equal(pseudoMessage("{n, number, integer} and '{literal}'"), "［{n, number, integer} áñd '{literal}'］");
  });

  it("keeps every key of English and every message still formats", () => {
    const pseudo = pseudoMessages(en as Messages);
    const keys = (m: Messages): string[] => Object.entries(m).flatMap(([k, v]) => (typeof v === "string" ? [k] : keys(v).map((s) => `${k}.${s}`)));
    assert.deepEqual(keys(pseudo), keys(en as Messages));
    const t = createTranslator({ locale: "en-XA", messages: pseudo, onError: (e) => assert.fail(e.message) }) as unknown as (k: string, v?: object) => string;
    assert.equal(t("errors.failure.reference", { digest: "ada@example.com" }), "［Référéñçé: ada@example.com.］");
    assert.equal(t("login.form.submit"), "［Šígñ íñ］");
  });
});

describe("messages for the browser", () => {
  it("are only the namespaces asked for", () => {
    const picked = pickMessages(en as Messages, ["login.form", "errors.failure", "no.such"]);
    assert.deepEqual(Object.keys(picked), ["login", "errors"]);
    assert.deepEqual(picked.login, { form: en.login.form });
    assert.deepEqual(picked.errors, { failure: en.errors.failure });
  });
});
