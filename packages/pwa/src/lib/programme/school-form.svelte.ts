/**
 * Editing one school's visit details: its kecamatan, its travel time from the office and the dates it
 * cannot host a visit. Saving writes that one school.
 */
import { saveSchool, type SchoolWithCount } from '../db';
import { DraftForm, type DraftCheck, type DraftWrite } from './draft-form.svelte';
import type { FieldError, SetupDependencies } from './form';
import {
  checkSchoolDraft,
  draftFromSchool,
  type SchoolDraft,
  type SchoolField,
} from './school-draft';
import type { SchoolChanges } from './records';
import { isoDate } from './settings';

/** One school being edited. */
export class SchoolForm extends DraftForm<
  SchoolDraft,
  SchoolField,
  SchoolChanges,
  SchoolWithCount
> {
  /** Why the date in `newDate` was not added, or null. */
  dateError = $state.raw<FieldError | null>(null);

  readonly school: SchoolWithCount;
  #programmeId: string;
  #deps: SetupDependencies;

  constructor(deps: SetupDependencies, programmeId: string, school: SchoolWithCount) {
    super(draftFromSchool(school));
    this.#deps = deps;
    this.#programmeId = programmeId;
    this.school = school;
  }

  /** Adds the date in `newDate` to the blackout dates (kept sorted); says why when it cannot. */
  addDate(): boolean {
    const date = this.draft.newDate.trim();
    if (date === '') return this.#refuse({ key: 'programme.error.dateRequired' });
    if (!isoDate.safeParse(date).success) return this.#refuse({ key: 'programme.error.date' });
    if (this.draft.tanggalTidakBisa.includes(date)) {
      return this.#refuse({ key: 'schools.error.dateRepeated' });
    }
    this.draft.tanggalTidakBisa = [...this.draft.tanggalTidakBisa, date].sort();
    this.draft.newDate = '';
    this.dateError = null;
    return true;
  }

  /** Removes a blackout date. */
  removeDate(date: string): void {
    this.draft.tanggalTidakBisa = this.draft.tanggalTidakBisa.filter((d) => d !== date);
  }

  protected checkDraft(draft: SchoolDraft): DraftCheck<SchoolField, SchoolChanges> {
    return checkSchoolDraft(draft);
  }

  /** A date typed in the "add" box but not added is no edit. */
  protected override comparable(draft: SchoolDraft): unknown {
    return { ...draft, newDate: '' };
  }

  protected async write(changes: SchoolChanges): Promise<DraftWrite<SchoolWithCount>> {
    const saved = await saveSchool(this.#deps.db(), this.#programmeId, this.school.npsn, changes);
    if (!saved.ok) return saved;
    return { ok: true, value: { ...saved.value, students: this.school.students } };
  }

  #refuse(error: FieldError): false {
    this.dateError = error;
    return false;
  }
}
