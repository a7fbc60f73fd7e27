import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { english } from "../lib/i18n/translator";
import { inSentence, sentenceCase } from "../lib/i18n/noun";
import { labelCaseOf } from "../lib/resources/catalogue";
import { parseNumber } from "../lib/resources/engine/param-values";
import { parseListQuery } from "../lib/resources/engine/params";
import { wordsOf } from "../lib/resources/engine/words";
import { getResource } from "../lib/resources/registry";
import { parseMoney } from "../lib/resources/money";

describe("amounts as the user's language writes them", () => {
  it("English: a point for decimals, commas group digits", () => {
    assert.equal(parseMoney("12.30", "en"), 1230);
    assert.equal(parseMoney("1,234.56", "en"), 123456);
    assert.equal(parseMoney("1,234,567", "en"), 123456700);
  });

  it("a separator out of place is refused, never read as another amount", () => {
    for (const text of ["12,30", "1,00", "1,5", "1,2,3", "1234,56", "12.345", "12."]) assert.equal(parseMoney(text, "en"), null, `en ${text}`);
    for (const text of ["1,2,3", "1,,5", "1.2,5", "1.00,5", "1.234", "12,345"]) assert.equal(parseMoney(text, "de"), null, `de ${text}`);
    assert.equal(parseMoney("9999999999999", "en"), null);
    assert.equal(parseMoney("999,999,999,999.99", "en"), 99999999999999);
  });

  it("German: a comma for decimals, points group digits; the form's own 12.30 still reads", () => {
    assert.equal(parseMoney("12,30", "de"), 1230);
    assert.equal(parseMoney("4,50", "de"), 450);
    assert.equal(parseMoney("1.234,56", "de"), 123456);
    assert.equal(parseMoney("12.30", "de"), 1230);
    assert.equal(parseMoney("0,5", "de"), 50);
    assert.equal(parseMoney("12,345", "de"), null);
  });

  it("range filters read the viewer's amounts", () => {
    assert.equal(parseNumber("12,30", true, "de"), 1230);
    assert.equal(parseNumber("12.30", true, "en"), 1230);
    const de = parseListQuery(getResource("items")!, { price_min: "1,50", price_max: "1.000,00" }, "UTC", "de");
    const en = parseListQuery(getResource("items")!, { price_min: "1.50", price_max: "1,000.00" });
    for (const query of [de, en]) {
      const range = query.filters.find((f) => f.kind === "range");
      assert.deepEqual(range && { min: range.min, max: range.max }, { min: 150, max: 100000 });
    }
  });

  it("the engine's words carry their locale, which the form reads amounts in", () => {
    assert.equal(wordsOf(english("engine"), "de").locale, "de");
  });
});

describe("a label inside a sentence: one rule, from the catalogue", () => {
  it("English lowercases, German keeps the capital", () => {
    assert.equal(labelCaseOf("en"), "lower");
    assert.equal(labelCaseOf("de"), "keep");
    assert.equal(inSentence("Audit entry", labelCaseOf("en")), "audit entry");
    assert.equal(inSentence("Artikel", labelCaseOf("de")), "Artikel");
    assert.equal(sentenceCase("keep")("Preis"), "Preis");
    assert.equal(wordsOf(english("engine"), "en").noun("Supplier"), "supplier");
    assert.equal(wordsOf(english("engine"), "de").noun("Lieferant"), "Lieferant");
  });
});
