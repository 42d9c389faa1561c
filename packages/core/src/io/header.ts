import { cellText, isNumberCell, type Cell } from './cells.js';
import { normaliseHeader, type FieldSpec } from './fields.js';

/** Which column holds each field (0-based column indexes). */
export type ColumnMapping = Readonly<Record<string, number>>;

/** The header row(s) found in a sheet and what they mean. */
export interface HeaderMatch {
  /** 0-based index of the (first) header row. */
  readonly row: number;
  /** 2 when a second row names the columns under merged group headers (Dapodik's "Data Ibu"). */
  readonly depth: 1 | 2;
  /** Each column's header text; for two-row headers the group and the column ("Data Ibu Nama"). */
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  /** Columns whose header also names a field already mapped to an earlier column (left unused). */
  readonly duplicates: readonly { readonly field: string; readonly column: number }[];
  /** Required fields, and `oneOf` groups, that no column provides. */
  readonly missing: readonly string[];
}

const SEARCH_ROWS = 30;

/**
 * Guesses which column holds each field from header texts: an exact spelling first; then a header that
 * begins with a spelling ("Nama Ibu Kandung Siswa" → `nama_ibu`), the longest spelling winning. Each
 * column serves one field, and the first column wins when several mean the same field.
 */
export function guessMapping(
  headers: readonly string[],
  fields: readonly FieldSpec[],
): { mapping: Record<string, number>; duplicates: { field: string; column: number }[] } {
  const normalised = headers.map(normaliseHeader);
  const mapping: Record<string, number> = {};
  const used = new Set<number>();
  const duplicates: { field: string; column: number }[] = [];
  normalised.forEach((h, column) => {
    if (h === '') return;
    const field = fields.find((spec) => spec.aliases.includes(h));
    if (!field) return;
    if (mapping[field.key] === undefined) {
      mapping[field.key] = column;
      used.add(column);
    } else {
      duplicates.push({ field: field.key, column });
      used.add(column);
    }
  });
  normalised.forEach((h, column) => {
    if (h === '' || used.has(column)) return;
    let best: { key: string; length: number } | undefined;
    for (const spec of fields) {
      if (mapping[spec.key] !== undefined) continue;
      for (const alias of spec.aliases) {
        if (
          alias.length >= 3 &&
          h.startsWith(`${alias}_`) &&
          (!best || alias.length > best.length)
        ) {
          best = { key: spec.key, length: alias.length };
        }
      }
    }
    if (best) {
      mapping[best.key] = column;
      used.add(column);
    }
  });
  return { mapping, duplicates };
}

/** Required fields and `oneOf` groups that a mapping lacks. */
export function missingFields(mapping: ColumnMapping, fields: readonly FieldSpec[]): string[] {
  const missing = fields
    .filter((s) => s.required && mapping[s.key] === undefined)
    .map((s) => s.key);
  const groups = new Map<string, FieldSpec[]>();
  for (const s of fields) if (s.oneOf) groups.set(s.oneOf, [...(groups.get(s.oneOf) ?? []), s]);
  for (const members of groups.values()) {
    if (members.every((s) => mapping[s.key] === undefined)) {
      missing.push(members.map((s) => s.key).join(' / '));
    }
  }
  return missing;
}

/** A row that can only be a header: text with letters in at least two cells, no numbers or dates. */
function headerLike(row: readonly Cell[] | undefined): boolean {
  if (!row) return false;
  let texts = 0;
  for (const cell of row) {
    if (cell === null || cell === undefined) continue;
    if (isNumberCell(cell) || cell instanceof Date || typeof cell === 'boolean') return false;
    const text = cell.trim();
    if (text === '') continue;
    if (!/[a-z]/i.test(text) || /^\d[\d\s./-]*$/.test(text)) return false;
    texts++;
  }
  return texts >= 2;
}

/**
 * Column headers of a two-row header: the top row's text, or — under a merged group cell, which leaves
 * the cells to its right empty — the group's text followed by the second row's.
 */
function combinedHeaders(top: readonly Cell[], sub: readonly Cell[]): string[] {
  const width = Math.max(top.length, sub.length);
  const headers: string[] = [];
  let group = '';
  for (let c = 0; c < width; c++) {
    const t = cellText(top[c]);
    const s = cellText(sub[c]);
    if (t !== '') group = s !== '' ? t : '';
    else if (s === '') group = '';
    if (s === '') headers.push(t);
    else if (t !== '') headers.push(`${t} ${s}`);
    else headers.push(group !== '' ? `${group} ${s}` : s);
  }
  return headers;
}

/**
 * Finds the header row of a sheet below any title rows (within the first 30 rows): the row, or pair of
 * rows, whose headers name the most fields. Returns the best candidate even when required fields are
 * missing (see `missing`), or `undefined` when no row names any field.
 */
export function findHeader(
  rows: readonly (readonly Cell[])[],
  fields: readonly FieldSpec[],
): HeaderMatch | undefined {
  let best: (HeaderMatch & { score: number }) | undefined;
  for (let r = 0; r < Math.min(rows.length, SEARCH_ROWS); r++) {
    const top = rows[r] ?? [];
    const candidates: { depth: 1 | 2; headers: string[] }[] = [
      { depth: 1, headers: top.map(cellText) },
    ];
    const topCells = top.filter((c) => cellText(c) !== '').length;
    if (topCells >= 2 && headerLike(rows[r + 1]))
      candidates.push({ depth: 2, headers: combinedHeaders(top, rows[r + 1] ?? []) });
    for (const { depth, headers } of candidates) {
      const { mapping, duplicates } = guessMapping(headers, fields);
      const missing = missingFields(mapping, fields);
      const mapped = Object.keys(mapping).length;
      if (mapped === 0) continue;
      const score = mapped * 10 - missing.length * 5;
      if (!best || score > best.score)
        best = { row: r, depth, headers, mapping, duplicates, missing, score };
    }
  }
  if (!best) return undefined;
  const { score: _score, ...match } = best;
  return match;
}
