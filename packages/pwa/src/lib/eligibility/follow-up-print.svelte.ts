/**
 * The printed follow-up list a staff member takes along (A4): a heading that says which programme and
 * school it is for, then per group its people with name, class, school and what to do. The lines are
 * written a chunk at a time ({@link ChunkedList}), so a list of thousands never blocks the page.
 */
import type { EligibilityPolicy } from '../core/types';
import { localToday } from '../db';
import { ChunkedList, type FillOptions } from './chunked-list.svelte';
import {
  followUpItems,
  followUpTotal,
  type FollowUpGroup,
  type FollowUpItem,
  type FollowUpSection,
} from './follow-up';
import { reasonText, type Translator } from './reason';

/** What a printout is made of: the programme, the chosen school (or null: all) and its follow-up. */
export interface PrintSource {
  readonly programme: string;
  /** `YYYY-MM-DD`. */
  readonly referenceDate: string;
  readonly policy: EligibilityPolicy;
  readonly school: { readonly npsn: string; readonly nama: string | null } | null;
  readonly sections: readonly FollowUpSection[];
}

/** The top of the printout. */
export interface PrintHeading {
  readonly programme: string;
  readonly referenceDate: string;
  readonly school: PrintSource['school'];
  readonly printedOn: string;
  readonly total: number;
  readonly groups: readonly { readonly group: FollowUpGroup; readonly count: number }[];
}

/** One line of the printout: a group's heading, or a person with what to do. */
export type PrintLine =
  | {
      readonly kind: 'group';
      readonly key: string;
      readonly group: FollowUpGroup;
      readonly count: number;
    }
  | {
      readonly kind: 'person';
      readonly key: string;
      readonly number: number;
      readonly nama: string;
      readonly kelas: string;
      readonly school: string;
      readonly todo: string;
    };

/** The printed line of a follow-up item, its reason written in `i18n.locale`. */
export function printLine(
  item: FollowUpItem,
  policy: EligibilityPolicy,
  i18n: Translator,
): PrintLine {
  if (item.kind === 'group') {
    return { kind: 'group', key: `g:${item.group}`, group: item.group, count: item.count };
  }
  const { row } = item;
  return {
    kind: 'person',
    key: `p:${row.student.idSiswa}`,
    number: item.number,
    nama: row.student.nama,
    kelas: row.student.kelas,
    school: row.schoolName || row.student.npsn,
    todo: reasonText(row, policy, i18n),
  };
}

export class FollowUpPrinter {
  readonly lines = new ChunkedList<PrintLine>();
  heading = $state.raw<PrintHeading | null>(null);

  /** True while the lines are being written. */
  readonly preparing = $derived(this.lines.stage === 'filling');
  /** True once every line is in: the page can be printed. */
  readonly ready = $derived(this.lines.stage === 'full');

  /** Writes the printout of `source`, a chunk per task; resolves false when cleared before the end. */
  async prepare(
    source: PrintSource,
    i18n: Translator,
    options: FillOptions = {},
  ): Promise<boolean> {
    this.heading = headingOf(source);
    return this.lines.fill(
      followUpItems(source.sections),
      (item) => printLine(item, source.policy, i18n),
      options,
    );
  }

  /** Writes the printout at once: the browser is printing (Ctrl+P) and cannot wait. */
  prepareNow(source: PrintSource, i18n: Translator): void {
    this.heading = headingOf(source);
    this.lines.fillNow(followUpItems(source.sections), (item) =>
      printLine(item, source.policy, i18n),
    );
  }

  /** Drops the printout (printing is over). */
  clear(): void {
    this.lines.clear();
    this.heading = null;
  }
}

function headingOf(source: PrintSource): PrintHeading {
  return {
    programme: source.programme,
    referenceDate: source.referenceDate,
    school: source.school,
    printedOn: localToday(),
    total: followUpTotal(source.sections),
    groups: source.sections.map((s) => ({ group: s.group, count: s.rows.length })),
  };
}
