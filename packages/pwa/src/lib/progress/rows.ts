/**
 * The school table's orders: by name (the default), kecamatan, team, most remaining, lowest share
 * done, or last planned visit. Ties fall back to the school's name, then its NPSN, so that every order
 * is complete and the table never reshuffles equal rows.
 */
import type { SchoolProgressRow } from './dashboard';
import { percentDone } from './text';

/** The orders the school table offers. */
export const SCHOOL_ORDERS = [
  'name',
  'kecamatan',
  'team',
  'remaining',
  'percent',
  'finish',
] as const;
export type SchoolOrder = (typeof SCHOOL_ORDERS)[number];

const byText = (a: string, b: string) =>
  a.localeCompare(b, 'id', { numeric: true, sensitivity: 'base' });

/** Unknown values (no kecamatan, no team, no visit) after every known one. */
function knownFirst(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined || a === '') return 1;
  if (b === undefined || b === '') return -1;
  return byText(a, b);
}

const byName = (a: SchoolProgressRow, b: SchoolProgressRow) =>
  byText(a.nama, b.nama) || a.npsn.localeCompare(b.npsn);

const ORDERS: Readonly<
  Record<SchoolOrder, (a: SchoolProgressRow, b: SchoolProgressRow) => number>
> = {
  name: () => 0,
  kecamatan: (a, b) => knownFirst(a.kecamatanName, b.kecamatanName),
  team: (a, b) => knownFirst(a.team, b.team),
  remaining: (a, b) => b.remaining - a.remaining,
  // Schools without targets have no share: they come last.
  percent: (a, b) => {
    const [pa, pb] = [percentDone(a), percentDone(b)];
    return pa === pb ? 0 : pa === null ? 1 : pb === null ? -1 : pa - pb;
  },
  finish: (a, b) => knownFirst(a.plannedFinish, b.plannedFinish),
};

/** The rows in `order`, as a new array (the input is not changed). */
export function sortSchools(
  rows: readonly SchoolProgressRow[],
  order: SchoolOrder,
): SchoolProgressRow[] {
  const compare = ORDERS[order];
  return [...rows].sort((a, b) => compare(a, b) || byName(a, b));
}
