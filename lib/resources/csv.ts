import { stringify } from "csv-stringify/sync";

/**
 * Spreadsheet programs run a cell that starts with one of these as a formula
 * (CSV injection); such cells get a leading apostrophe so they open as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** CSV text for some rows of cells (RFC 4180 quoting, CRLF line ends). */
export function csvLines(rows: string[][]): string {
  // Quote any cell with a bare CR or LF too, or spreadsheets split the row.
  return stringify(rows.map((r) => r.map(neutralizeCell)), { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}
