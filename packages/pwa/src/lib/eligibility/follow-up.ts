/**
 * The people who need something done before, or instead of, being recorded at school ("perlu tindak
 * lanjut"), grouped by what must be done: a recording status to resolve, registry data to correct, a
 * family card to update, a referral to the home Dukcapil, a date to wait for, or a match to review.
 */
import type { CountKey, EligibilityRow } from './rows';

/** The follow-up groups, in the order the screen and the printed list show them. */
export const FOLLOW_UP_GROUPS = [
  'PERLU_TINDAK_LANJUT',
  'DATA_TIDAK_VALID',
  'TIDAK_DITEMUKAN',
  'LUAR_WILAYAH',
  'BELUM_CUKUP_UMUR',
  'review',
] as const;

/** A follow-up group: a category, or `review` for the students whose match waits for a reviewer. */
export type FollowUpGroup = (typeof FOLLOW_UP_GROUPS)[number];

const GROUP_OF: Partial<Record<CountKey, FollowUpGroup>> = {
  PERLU_TINDAK_LANJUT: 'PERLU_TINDAK_LANJUT',
  DATA_TIDAK_VALID: 'DATA_TIDAK_VALID',
  TIDAK_DITEMUKAN: 'TIDAK_DITEMUKAN',
  LUAR_WILAYAH: 'LUAR_WILAYAH',
  BELUM_CUKUP_UMUR: 'BELUM_CUKUP_UMUR',
  pendingReview: 'review',
};

/**
 * The follow-up group of a row, or null when nothing needs doing first: targets and recorded students,
 * foreigners (out of scope), duplicate listings (their original is listed) and students not matched
 * yet (the office runs pemadanan; nothing to do per person).
 */
export function followUpGroupOf(row: EligibilityRow): FollowUpGroup | null {
  return GROUP_OF[row.key] ?? null;
}

/** One group and its people, in the order of the rows given. */
export interface FollowUpSection {
  readonly group: FollowUpGroup;
  readonly rows: readonly EligibilityRow[];
}

/**
 * Every follow-up group (empty ones too, so the screen can say "none") with its people among `rows`,
 * of one school when `school` is an NPSN. Does not modify `rows`.
 */
export function followUpSections(
  rows: readonly EligibilityRow[],
  school: string | null = null,
): FollowUpSection[] {
  const groups = new Map<FollowUpGroup, EligibilityRow[]>(FOLLOW_UP_GROUPS.map((g) => [g, []]));
  for (const row of rows) {
    if (school !== null && row.student.npsn !== school) continue;
    const group = followUpGroupOf(row);
    if (group) groups.get(group)?.push(row);
  }
  return FOLLOW_UP_GROUPS.map((group) => ({ group, rows: groups.get(group) ?? [] }));
}

/** A line of the follow-up list: a group's heading, or one person in it (numbered from 1 per group). */
export type FollowUpItem =
  | { readonly kind: 'group'; readonly group: FollowUpGroup; readonly count: number }
  | {
      readonly kind: 'person';
      readonly group: FollowUpGroup;
      readonly row: EligibilityRow;
      readonly number: number;
    };

/** The sections as one list (headings before their people; empty groups left out). */
export function followUpItems(sections: readonly FollowUpSection[]): FollowUpItem[] {
  const items: FollowUpItem[] = [];
  for (const { group, rows } of sections) {
    if (rows.length === 0) continue;
    items.push({ kind: 'group', group, count: rows.length });
    rows.forEach((row, i) => items.push({ kind: 'person', group, row, number: i + 1 }));
  }
  return items;
}

/** How many people need follow-up over all the sections. */
export function followUpTotal(sections: readonly FollowUpSection[]): number {
  return sections.reduce((sum, s) => sum + s.rows.length, 0);
}
