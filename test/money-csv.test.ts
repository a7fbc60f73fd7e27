import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { centsToDecimal, parseMoney } from "../lib/resources/money";
import { csvLines, neutralizeCell } from "../lib/resources/csv";

describe("money", () => {
  it("parses decimal text into integer cents", () => {
    assert.equal(parseMoney("12.3"), 1230);
    assert.equal(parseMoney("12.30"), 1230);
    assert.equal(parseMoney("12.05"), 1205);
    assert.equal(parseMoney("0.5"), 50);
    assert.equal(parseMoney("10"), 1000);
    assert.equal(parseMoney("0"), 0);
  });

  it("avoids float rounding errors", () => {
    // 0.29 * 100 is 28.999999999999996 in floating point
    assert.equal(parseMoney("0.29"), 29);
    assert.equal(parseMoney("1.15"), 115);
    assert.equal(parseMoney("999999999999.99"), 99_999_999_999_999);
  });

  it("tolerates a dollar sign, thousands separators and surrounding spaces", () => {
    assert.equal(parseMoney("$5"), 500);
    assert.equal(parseMoney("1,234.50"), 123_450);
    assert.equal(parseMoney("  7  "), 700);
  });

  it("refuses negatives, more than 2 decimals and non-numbers", () => {
    for (const bad of ["-1", "$-1", "12.345", "12.", ".5", "abc", "", "1e3", "1.2.3", "Infinity", "0x10", "１２", "9999999999999"]) {
      assert.equal(parseMoney(bad), null, JSON.stringify(bad));
    }
  });

  it("formats cents as decimal text with two decimals", () => {
    assert.equal(centsToDecimal(0), "0.00");
    assert.equal(centsToDecimal(5), "0.05");
    assert.equal(centsToDecimal(99), "0.99");
    assert.equal(centsToDecimal(100), "1.00");
    assert.equal(centsToDecimal(1230), "12.30");
    assert.equal(centsToDecimal(-5), "-0.05");
    assert.equal(centsToDecimal(-1230), "-12.30");
  });

  it("writes a form's amount with the locale's decimal mark, never grouped", () => {
    assert.equal(centsToDecimal(400, "de"), "4,00");
    assert.equal(centsToDecimal(123_456_789, "de"), "1234567,89");
    assert.equal(centsToDecimal(-5, "de"), "-0,05");
    assert.equal(centsToDecimal(123_456_789, "en"), "1234567.89");
  });

  it("round-trips between cents and decimal text, in English, German and a locale with another decimal mark", () => {
    for (const cents of [0, 1, 9, 10, 99, 100, 101, 1230, 123_456_789, 99_999_999_999_999]) {
      assert.equal(parseMoney(centsToDecimal(cents)), cents, String(cents));
      for (const locale of ["de", "fr", "ar-EG"]) assert.equal(parseMoney(centsToDecimal(cents, locale), locale), cents, `${locale} ${cents}`);
    }
  });
});

describe("csv", () => {
  it("neutralises cells a spreadsheet would run as a formula", () => {
    for (const cell of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://evil")']) {
      assert.equal(neutralizeCell(cell), `'${cell}`, JSON.stringify(cell));
    }
  });

  it("leaves ordinary cells alone", () => {
    for (const cell of ["", "a=b", "hello", "1", "x-1", "user@example.com", "'quoted"]) {
      assert.equal(neutralizeCell(cell), cell, JSON.stringify(cell));
    }
  });

  it("ends every record with CRLF", () => {
    assert.equal(csvLines([["a", "b"], ["c", "d"]]), "a,b\r\nc,d\r\n");
    assert.equal(csvLines([]), "");
  });

  it("quotes commas and doubles quotes", () => {
    assert.equal(csvLines([["a,b", 'say "hi"', "plain"]]), '"a,b","say ""hi""",plain\r\n');
  });

  it("quotes cells containing CRLF", () => {
    assert.equal(csvLines([["one\r\ntwo", "x"]]), '"one\r\ntwo",x\r\n');
  });

  it("quotes cells containing a bare LF or CR, which would otherwise split the record", () => {
    assert.equal(csvLines([["line\nbreak", "x"]]), '"line\nbreak",x\r\n');
    assert.equal(csvLines([["a\rb", "x"]]), '"a\rb",x\r\n');
  });

  it("neutralises formulas inside csvLines, before quoting", () => {
    assert.equal(csvLines([["=1+1", "-2", "ok"]]), "'=1+1,'-2,ok\r\n");
    assert.equal(csvLines([['=cmd|"/c calc"!A1']]), `"'=cmd|""/c calc""!A1"\r\n`);
  });
});
