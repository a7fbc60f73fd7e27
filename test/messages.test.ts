import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import { createTranslator } from "next-intl";
import { LOCALES } from "../lib/i18n/locales";
import { messagesFor } from "../lib/i18n/messages";
import type { Messages } from "../lib/i18n/pseudo";
import { catalogue, flatten, icuArguments } from "./support/messages";

/**
 * Every locale of lib/i18n/locales.ts has a catalogue in messages/<code>/ with exactly
 * the keys of every other, and each message asks for the same ICU arguments
 * (names, and their kinds: plural, select, number…) as English, and formats.
 */

const english = flatten(catalogue("en"));

describe("the message catalogues", () => {
  it("exist for every locale in lib/i18n/locales.ts", () => {
    for (const code of LOCALES) assert.ok(fs.existsSync(`messages/${code}/index.ts`), `messages/${code}/index.ts is missing`);
  });

  for (const code of LOCALES) {
    it(`${code}: the index loads every namespace file, and only those`, async () => {
      const loaded = (await messagesFor(code)) as Messages;
      assert.deepEqual(Object.keys(loaded).sort(), Object.keys(catalogue(code)).sort());
    });
  }

  for (const code of LOCALES.filter((c) => c !== "en")) {
    const other = flatten(catalogue(code));
    it(`${code} has every key of en and no other`, () => {
      assert.deepEqual([...english.keys()].filter((k) => !other.has(k)), [], `missing in ${code}`);
      assert.deepEqual([...other.keys()].filter((k) => !english.has(k)), [], `only in ${code}, not in en`);
    });

    it(`${code} asks for the same ICU arguments as en`, () => {
      for (const [key, message] of other) {
        if (english.has(key)) assert.deepEqual(icuArguments(message), icuArguments(english.get(key)!), `${code}: ${key}`);
      }
    });
  }

  for (const code of LOCALES) {
    it(`${code}: every message is valid ICU and formats`, () => {
      const messages = catalogue(code);
      const problems: string[] = [];
      const t = createTranslator({ locale: code, messages, onError: (e) => problems.push(e.message) });
      for (const [key, message] of flatten(messages)) {
        const values = Object.fromEntries(icuArguments(message).map((a) => (a.startsWith("<") ? [a.slice(1, -1), (c: unknown) => c] : [a.split(":")[0], a.includes(":") ? 1 : "x"])));
        const out = (t as unknown as (k: string, v: object) => unknown)(key, values);
        if (typeof out === "string" && out === key) problems.push(`${key} did not format`);
      }
      assert.deepEqual(problems, []);
    });
  }
});

describe("icuArguments", () => {
  it("finds simple and plural arguments, inside branches too", () => {
    assert.deepEqual(icuArguments("Hi {name}"), ["name"]);
    assert.deepEqual(icuArguments("{count, plural, one {# item in {place}} other {# items}}"), ["count:plural", "place"]);
    assert.deepEqual(icuArguments("A <b>bold</b> '{literal}' move"), ["<b>"]);
  });
});
