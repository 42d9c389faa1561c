/**
 * Editing one school's visit details: its kecamatan, its travel time from the office and the dates it
 * cannot host a visit. Saving writes that one school.
 */
import { saveSchool, type SchoolWithCount } from '../db';
import {
  failedSave,
  IDLE,
  liveStatus,
  type FieldError,
  type FieldErrors,
  type SaveStatus,
  type SetupDependencies,
} from './form';
import {
  checkSchoolDraft,
  draftFromSchool,
  EMPTY_SCHOOL_DRAFT,
  type SchoolDraft,
  type SchoolField,
} from './school-draft';
import { isoDate } from './settings';

/** One school being edited. */
export class SchoolForm {
  draft = $state<SchoolDraft>({ ...EMPTY_SCHOOL_DRAFT });
  status = $state.raw<SaveStatus>(IDLE);
  /** Why the date in `newDate` was not added, or null. */
  dateError = $state.raw<FieldError | null>(null);
  #attempted = $state(false);
  #initial = $state.raw<SchoolDraft>(EMPTY_SCHOOL_DRAFT);

  readonly check = $derived(checkSchoolDraft(this.draft));
  readonly errors = $derived<FieldErrors<SchoolField>>(
    this.#attempted && !this.check.ok ? this.check.errors : {},
  );
  /** The save status to show: a refusal's count follows the corrections. */
  readonly feedback = $derived(liveStatus(this.status, Object.keys(this.errors).length));
  readonly dirty = $derived(
    JSON.stringify({ ...this.draft, newDate: '' }) !== JSON.stringify(this.#initial),
  );

  readonly school: SchoolWithCount;
  #programmeId: string;
  #deps: SetupDependencies;

  constructor(deps: SetupDependencies, programmeId: string, school: SchoolWithCount) {
    this.#deps = deps;
    this.#programmeId = programmeId;
    this.school = school;
    this.#initial = draftFromSchool(school);
    this.draft = draftFromSchool(school);
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

  /**
   * Saves the school when every field is valid (a date typed but not added is not saved). Returns the
   * school as stored, or null (see `errors` and `status`).
   */
  async save(): Promise<SchoolWithCount | null> {
    if (this.status.state === 'saving') return null;
    this.#attempted = true;
    const check = this.check;
    if (!check.ok) {
      this.status = { state: 'invalid', count: Object.keys(check.errors).length };
      return null;
    }
    this.status = { state: 'saving' };
    try {
      const db = this.#deps.db();
      const saved = await saveSchool(db, this.#programmeId, this.school.npsn, check.value);
      if (!saved.ok) {
        this.status = { state: 'failed', error: saved.error };
        return null;
      }
      this.status = { state: 'saved' };
      return { ...saved.value, students: this.school.students };
    } catch (thrown) {
      this.status = failedSave(thrown);
      return null;
    }
  }

  #refuse(error: FieldError): false {
    this.dateError = error;
    return false;
  }
}
