import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createTranslator, type Messages } from "next-intl";
import { LOCALES } from "../lib/i18n/locales";
import { messagesFor } from "../lib/i18n/messages";
import { wordsIn } from "../lib/i18n/server";
import { flatten, sampleValues } from "./support/messages";

/**
 * The server's translator (lib/i18n/server.ts) keeps compiled messages for the
 * process; whatever it formats itself must read exactly as next-intl's own
 * translator would, in every locale and time zone, for every message.
 */

type Call = (key: string, values?: Record<string, unknown>) => unknown;

const ZONES = ["UTC", "Asia/Tokyo", "America/Los_Angeles"];

describe("server words", () => {
  for (const locale of [...LOCALES, "en-XA" as const]) {
    it(`${locale}: every message reads as next-intl formats it, with and without arguments, in three zones`, async () => {
      const messages = (await messagesFor(locale)) as Messages;
      const differences: string[] = [];
      for (const timeZone of ZONES) {
        const reference = createTranslator({ locale, timeZone, messages, onError: () => undefined }) as unknown as Call;
        for (const [path, message] of flatten(messages as never)) {
          if (message.includes("<")) continue; // rich text: always next-intl's own
          const [namespace, ...rest] = path.split(".");
          const ours = wordsIn(locale, timeZone, messages, namespace as never) as unknown as Call;
          for (const n of [0, 1, 2, 1234.5]) {
            const values = sampleValues(message, n);
            const expected = reference(path, values);
            // Twice: the first call compiles, the second reads the kept format.
            for (const round of [1, 2]) {
              const got = ours(rest.join("."), values);
              if (got !== expected) differences.push(`${timeZone} ${path} (${n}, call ${round}): ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
            }
          }
          if (!/\{/.test(message) && ours(rest.join(".")) !== reference(path)) differences.push(`${path} without arguments`);
        }
      }
      assert.deepEqual(differences, []);
    });
  }

  it("plain {name} arguments read as next-intl writes them, whatever the value", async () => {
    const messages = (await messagesFor("de")) as Messages;
    const reference = createTranslator({ locale: "de", timeZone: "UTC", messages, onError: () => undefined }) as unknown as Call;
    const differences: string[] = [];
    let plain = 0;
    for (const [path, message] of flatten(messages as never)) {
      const args = [...message.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1]!);
      if (!args.length || /[<']/.test(message) || /[{}]/.test(message.replace(/\{\s*\w+\s*\}/g, ""))) continue;
      plain++;
      const [namespace, ...rest] = path.split(".");
      const ours = wordsIn("de", "UTC", messages, namespace as never) as unknown as Call;
      for (const value of ["x", 0, 1234.5, -2, true, false, null, new Date(Date.UTC(2026, 0, 2))]) {
        const values = Object.fromEntries(args.map((a) => [a, value]));
        if (ours(rest.join("."), values) !== reference(path, values)) differences.push(`${path} with ${String(value)}`);
      }
      // A missing argument, after the message was formatted once.
      if (ours(rest.join("."), {}) !== reference(path, {})) differences.push(`${path} without its arguments`);
    }
    assert.ok(plain > 20, `only ${plain} messages with plain arguments`);
    assert.deepEqual(differences, []);
  });

  it("keeps one translator per locale, zone and namespace", () => {
    const messages = { list: { table: { selectRow: "Select {row}" } } } as unknown as Messages;
    const a = wordsIn("en", "UTC", messages, "list" as never);
    assert.equal(wordsIn("en", "UTC", messages, "list" as never), a);
    assert.notEqual(wordsIn("en", "Asia/Tokyo", messages, "list" as never), a);
  });

  it("a missing argument gets next-intl's answer, not an exception", () => {
    const messages = { t: { hi: "Hi {name}" } } as unknown as Messages;
    const ours = wordsIn("de", "UTC", messages, "t" as never) as unknown as Call;
    const reference = createTranslator({ locale: "de", timeZone: "UTC", messages, onError: () => undefined }) as unknown as Call;
    assert.equal(ours("hi", {}), reference("t.hi", {}));
  });
});
