/**
 * The rows of a visit's list as the screen draws them: students by class with a heading above each
 * class, and the walk-ins apart after every class.
 */
import type { OutcomeMark } from '@sahaja/core/field';
import type { SearchRange } from '@sahaja/core/search';

/** A row of the visit's list: a listed student or a walk-in, with the current outcome. */
export interface VisitStudentRow {
  readonly id: string;
  readonly nama: string;
  readonly kelas: string;
  readonly nisn: string;
  readonly nik: string;
  /** Null for a walk-in: decided after matching in the office. */
  readonly category: 'WAJIB' | 'REKAM_DINI' | null;
  readonly walkIn: boolean;
  /** The current outcome, wherever it was marked (null: none yet). */
  readonly mark: OutcomeMark | null;
  /** True when that outcome was marked at another visit of the school. */
  readonly elsewhere: boolean;
  /** What the search matched in the name, to highlight. */
  readonly ranges: readonly SearchRange[];
}

/** What the list shows: class headings between students when not searching. */
export type VisitListItem =
  | {
      readonly type: 'class';
      readonly kelas: string;
      readonly count: number;
      /** The heading of the walk-ins, who come after every class. */
      readonly walkIns: boolean;
    }
  | { readonly type: 'student'; readonly row: VisitStudentRow };

/** Headings between the classes of `rows` (in list order); walk-ins grouped last under their own. */
export function groupByClass(rows: readonly VisitStudentRow[]): VisitListItem[] {
  const group = (row: VisitStudentRow) => (row.walkIn ? '\u0000walk-in' : row.kelas);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(group(row), (counts.get(group(row)) ?? 0) + 1);
  const ordered = [...rows.filter((r) => !r.walkIn), ...rows.filter((r) => r.walkIn)];
  const items: VisitListItem[] = [];
  let current: string | null = null;
  for (const row of ordered) {
    if (group(row) !== current) {
      current = group(row);
      items.push({
        type: 'class',
        kelas: row.walkIn ? '' : row.kelas,
        count: counts.get(current) ?? 0,
        walkIns: row.walkIn,
      });
    }
    items.push({ type: 'student', row });
  }
  return items;
}
