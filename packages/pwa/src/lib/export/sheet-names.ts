/**
 * Names of a workbook's sheets. Excel refuses a workbook whose sheet names are longer than 31
 * characters, hold one of `[ ] : * ? / \`, begin or end with an apostrophe, repeat (case ignored), or
 * are "History" (reserved); school and team names break every one of these rules in practice.
 */

/** The longest sheet name Excel accepts. */
export const SHEET_NAME_MAX = 31;

const FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * `text` as a sheet name: forbidden characters become spaces, spaces are collapsed, apostrophes at
 * either end are dropped, and the name is cut to {@link SHEET_NAME_MAX} characters. An empty result
 * gives `fallback`.
 *
 * @example cleanSheetName('SMA N 1 Kediri [IPA/IPS]', 'Sekolah') // 'SMA N 1 Kediri IPA IPS'
 */
export function cleanSheetName(text: string, fallback: string): string {
  const clean = (value: string) =>
    value
      .replace(FORBIDDEN, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .slice(0, SHEET_NAME_MAX)
      .trim();
  return clean(text) || clean(fallback) || 'Sheet';
}

/**
 * Gives each sheet of one workbook a valid name that no other sheet has: the cleaned name, or, when it
 * is taken, the name cut shorter with " (2)", " (3)"… so that it still fits in 31 characters.
 */
export class SheetNames {
  // Lower case: Excel compares sheet names without case.
  readonly #used = new Set<string>(['history']);

  /** A unique sheet name for `text` (see {@link cleanSheetName}); remembers it. */
  name(text: string, fallback: string): string {
    const base = cleanSheetName(text, fallback);
    let name = base;
    for (let n = 2; this.#used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    }
    this.#used.add(name.toLowerCase());
    return name;
  }
}
