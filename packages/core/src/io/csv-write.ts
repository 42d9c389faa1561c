/** Options of {@link formatCsv}. */
export interface CsvWriteOptions {
  /** Field separator (default `,`). */
  readonly delimiter?: ',' | ';' | '\t';
  /** Line ending (default CRLF, as RFC 4180 and Excel write). */
  readonly newline?: '\r\n' | '\n';
  /**
   * Prefix cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR)
   * with an apostrophe (default true). Turn off only for files that no spreadsheet opens.
   */
  readonly neutraliseFormulas?: boolean;
}

/** Text a spreadsheet would run as a formula, or such text already behind apostrophes (escaped again). */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Quotes one cell when it holds the delimiter, a quote or a line break (RFC 4180). */
function csvCell(value: string, delimiter: string, neutralise: boolean): string {
  let text = value;
  if (neutralise && FORMULA_START.test(text) && !/^[-+]?\d+([.,]\d+)?$/.test(text))
    text = `'${text}`;
  return text.includes(delimiter) || /["\r\n]/.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/**
 * Formats rows as CSV text. Numbers are written as they print; `null` and `undefined` as empty cells.
 * Plain negative numbers are not treated as formulas.
 */
export function formatCsv(
  rows: readonly (readonly (string | number | null | undefined)[])[],
  options: CsvWriteOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\r\n';
  const neutralise = options.neutraliseFormulas ?? true;
  let out = '';
  for (const row of rows) {
    out += row
      .map((v) => (v === null || v === undefined ? '' : csvCell(String(v), delimiter, neutralise)))
      .join(delimiter);
    out += newline;
  }
  return out;
}
