/*
 * The one CSV writer of every export (server and client). Files are UTF-8 with a byte-order mark,
 * comma-separated, CRLF line ends (RFC 4180). Spreadsheets in Serbian or German locales split on
 * `;` instead, and some split on tabs, so a cell is quoted whenever it holds any of these
 * separators, a quote or a line break. A formula start (= + - @, or a tab/CR that a spreadsheet
 * may drop before one) is defused with an apostrophe wherever a spreadsheet could start a cell:
 * at the start of the cell and right after any separator or line break inside it.
 */

/** Characters a spreadsheet may treat as a cell boundary. */
const SEPARATORS = ',;\t\r\n';
/** Characters that make a spreadsheet read the rest of a cell as a formula. */
const FORMULA_START = /[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** The byte-order mark that tells spreadsheet programs the file is UTF-8. */
export const CSV_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';

/** Text with an apostrophe before every formula start at the start or after a separator. */
export function defuseFormulas(text: string): string {
  let out = '';
  let boundary = true;
  for (const char of text) {
    if (boundary && FORMULA_START.test(char)) out += "'";
    out += char;
    boundary = SEPARATORS.includes(char);
  }
  return out;
}

/**
 * One CSV cell, defused and quoted as needed. null/undefined become an empty cell. A finite
 * number is written as it is: `-3` is a number to a spreadsheet, not a formula, and an apostrophe
 * before it would turn a score into text that no column sum counts.
 */
export function csvCell(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = value === null || value === undefined ? '' : String(value);
  const safe = defuseFormulas(text);
  return NEEDS_QUOTES.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV row (without its line end). */
export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(',');
}
