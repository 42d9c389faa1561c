/**
 * The working calendar's holidays as the user edits them: public holidays and cuti bersama, each a date
 * and a description. The national lists of 2023 and 2024 (SPEC §5) can be added as a starting point and
 * then edited; adding a list skips the holidays already there.
 */
import type { Holiday } from '../core/types';
import { readHolidays, saveHolidays } from '../db';
import type { SetupDependencies } from './form';
import {
  checkHolidays,
  inKeyOrder,
  mergeHolidays,
  type AddedList,
  type HolidayDraft,
  type HolidayField,
} from './holiday-rows';
import { RecordListForm } from './record-list.svelte';

/** The holidays of the programme being set up. */
export class HolidaysForm extends RecordListForm<HolidayDraft, HolidayField, Holiday> {
  constructor(deps: SetupDependencies) {
    super(deps, {
      read: readHolidays,
      write: saveHolidays,
      draft: (holiday, key) => ({ key, tanggal: holiday.tanggal, keterangan: holiday.keterangan }),
      check: checkHolidays,
      order: inKeyOrder,
    });
  }

  /** Adds an empty row at the end, for the user to fill in. */
  add(): HolidayDraft {
    const row: HolidayDraft = { key: this.nextKey(), tanggal: '', keterangan: '' };
    this.rows.push(row);
    // The row as stored in the state (a proxy): changes to it show on screen.
    return this.rows[this.rows.length - 1] ?? row;
  }

  /**
   * Adds the holidays of `list` that are not in the form yet (same date and description, case and
   * spacing ignored), then orders the rows by date (rows without a date last). Does not modify `list`.
   */
  addList(list: readonly Holiday[]): AddedList {
    const merged = mergeHolidays(this.rows, list, (holiday) => ({
      key: this.nextKey(),
      tanggal: holiday.tanggal,
      keterangan: holiday.keterangan,
    }));
    this.rows = merged.rows;
    return { added: merged.added, present: merged.present };
  }
}
