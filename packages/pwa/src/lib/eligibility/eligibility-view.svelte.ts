/**
 * The eligibility screen's state: the active programme's eligibility (computed from the stored matches,
 * kept in memory, computed again on demand or when the programme changes), its schools, and the
 * filters of the student list with the lists derived from them.
 */
import { formatIsoDate } from '@sahaja/core';
import type { School, StudentCategory } from '../core/types';
import { readRecords, type ProgrammeRow } from '../db';
import {
  evaluateProgramme,
  type EligibilityDependencies,
  type EligibilityError,
  type EligibilityProgress,
  type ProgrammeEligibility,
} from './programme';
import { followUpItems, followUpSections, followUpTotal } from './follow-up';
import type { PrintSource } from './follow-up-print.svelte';
import { nextTask } from './next-task';
import type { Translator } from './reason';
import {
  buildRows,
  categorySet,
  filterRows,
  rowsById,
  toggled,
  type CountKey,
  type EligibilityRow,
  type RowFilter,
  type StateFilter,
} from './rows';
import { schoolSummaries, summarise } from './school-summary';

/** Where the computation stands: not started, running, done, or failed (the error says why). */
export type EligibilityStage = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * What makes a programme's eligibility out of date: a different programme, other settings, or records
 * stored again (an import changes the counts).
 */
export function programmeKey(programme: ProgrammeRow): string {
  const { id, storedOn, counts, settings } = programme;
  const { referenceDate, regions, minimumAge } = settings;
  return JSON.stringify([id, storedOn, counts, referenceDate, regions, minimumAge]);
}

/** The error in the UI language, with what to do about it. */
export function errorText(error: EligibilityError, i18n: Translator): string {
  switch (error.code) {
    case 'settings':
      return i18n.t('eligibility.error.settings', {
        message: error.localized?.[i18n.locale] ?? error.message,
      });
    case 'storage':
      return i18n.t('eligibility.error.storage', { message: error.message });
    case 'quota':
      return i18n.t('eligibility.error.quota');
    case 'internal':
    case 'cancelled':
      return i18n.t('eligibility.error.internal', { message: error.message });
  }
}

export class EligibilityView {
  stage = $state<EligibilityStage>('idle');
  /** The programme the result (or the running computation) belongs to. */
  programme = $state.raw<ProgrammeRow | null>(null);
  /** The last computed eligibility of `programme`; kept while it is computed again. */
  result = $state.raw<ProgrammeEligibility | null>(null);
  schools = $state.raw<readonly School[]>([]);
  /** Every listed student of `result`, sorted: built once per result, in a task of its own. */
  rows = $state.raw<readonly EligibilityRow[]>([]);
  error = $state.raw<EligibilityError | null>(null);
  progress = $state.raw<EligibilityProgress | null>(null);

  /** Categories the list shows (none chosen: all). */
  categories = $state.raw<ReadonlySet<StudentCategory>>(categorySet());
  /** The chosen school's NPSN (the list and the follow-up show only its students), or null. */
  school = $state<string | null>(null);
  stateFilter = $state<StateFilter>('all');
  name = $state('');

  readonly busy = $derived(this.stage === 'loading');
  readonly filter = $derived<RowFilter>({
    categories: this.categories,
    school: this.school,
    state: this.stateFilter,
    name: this.name,
  });
  /** The rows the list shows. */
  readonly shown = $derived(filterRows(this.rows, this.filter));
  readonly filtered = $derived(this.shown.length !== this.rows.length);
  readonly schoolLines = $derived(this.result ? schoolSummaries(this.result, this.schools) : []);
  /** The programme's line: every column of the school table summed. */
  readonly totals = $derived(this.result ? summarise('', null, this.result.counts) : null);
  readonly followUp = $derived(followUpSections(this.rows, this.school));
  readonly followUpItems = $derived(followUpItems(this.followUp));
  readonly followUpCount = $derived(followUpTotal(this.followUp));
  /** The chosen school's line, or null. */
  readonly chosenSchool = $derived(
    this.school === null ? null : (this.schoolLines.find((s) => s.npsn === this.school) ?? null),
  );
  readonly #byId = $derived(rowsById(this.rows));

  #deps: EligibilityDependencies;
  #key: string | null = null;
  #abort: AbortController | null = null;
  /** Counts computations: only the latest one's outcome is kept. */
  #run = 0;

  constructor(deps: EligibilityDependencies) {
    this.#deps = deps;
  }

  /**
   * Shows `programme`: computes its eligibility unless the result (or the running computation) is
   * already of this programme as it is stored. Another programme starts with no result and no filters.
   */
  async show(programme: ProgrammeRow): Promise<void> {
    const key = programmeKey(programme);
    if (key === this.#key) return;
    this.#key = key;
    if (this.programme?.id !== programme.id) {
      this.result = null;
      this.rows = [];
      this.schools = [];
      this.clearFilters();
      this.school = null;
    }
    this.programme = programme;
    await this.#compute(programme);
  }

  /** Computes the shown programme's eligibility again (after reviews or imports elsewhere). */
  async recompute(): Promise<void> {
    if (this.programme) await this.#compute(this.programme);
  }

  /** The row of the listing a duplicate listing stands for, when it is in the result. */
  originalOf(row: EligibilityRow): EligibilityRow | null {
    const id = row.student.duplicateOf;
    return id ? (this.#byId.get(id) ?? null) : null;
  }

  /** What the follow-up printout holds now (the chosen school's, or every school's), or null. */
  printSource(): PrintSource | null {
    const { programme, result } = this;
    if (!programme || !result) return null;
    const chosen = this.chosenSchool;
    return {
      programme: programme.settings.name,
      // The date the result was computed on (the settings may have changed since).
      referenceDate: formatIsoDate(result.policy.referenceDate),
      policy: result.policy,
      school: chosen ? { npsn: chosen.npsn, nama: chosen.nama } : null,
      sections: this.followUp,
    };
  }

  /** Shows or hides a category in the list. */
  toggleCategory(category: StudentCategory, on: boolean = !this.categories.has(category)): void {
    this.categories = toggled(this.categories, category, on);
  }

  /**
   * Sets the list to exactly the students a programme count counts (every school, no name filter):
   * a category, the pending students of one kind, or the duplicate listings.
   */
  showOnly(key: CountKey): void {
    this.clearFilters();
    this.school = null;
    if (key === 'pendingMatch') this.stateFilter = 'not_matched';
    else if (key === 'pendingReview') this.stateFilter = 'review';
    else if (key === 'duplicates') this.stateFilter = 'duplicate';
    else this.categories = categorySet(key);
  }

  /** Chooses a school (or every school with null) for the list and the follow-up. */
  chooseSchool(npsn: string | null): void {
    this.school = npsn;
  }

  /** Clears the category, state and name filters (the chosen school stays). */
  clearFilters(): void {
    this.categories = categorySet();
    this.stateFilter = 'all';
    this.name = '';
  }

  async #compute(programme: ProgrammeRow): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const run = ++this.#run;
    this.stage = 'loading';
    this.error = null;
    this.progress = null;
    const deps = this.#deps;
    let outcome: Awaited<ReturnType<typeof evaluateProgramme>>;
    let schools: School[] | EligibilityError;
    try {
      [outcome, schools] = await Promise.all([
        evaluateProgramme(deps, programme, {
          signal: abort.signal,
          onProgress: (progress) => {
            if (run === this.#run) this.progress = progress;
          },
        }),
        readSchools(deps, programme.id),
      ]);
    } catch (thrown) {
      // Only a programmer error lands here: the reads and the worker call return their failures.
      outcome = {
        ok: false,
        error: {
          code: 'internal',
          message: thrown instanceof Error ? thrown.message : String(thrown),
        },
      };
      schools = [];
    }
    if (run !== this.#run) return;
    if (this.#abort === abort) this.#abort = null;
    this.progress = null;
    if (!outcome.ok) return this.#fail(outcome.error);
    if (!Array.isArray(schools)) return this.#fail(schools);
    // Sorting 20,000 rows and drawing the screen each get a task of their own, so neither adds to
    // the other (or to the last worker answer) in one long task.
    await nextTask();
    if (run !== this.#run) return;
    const rows = buildRows(outcome.value, schools);
    await nextTask();
    if (run !== this.#run) return;
    this.result = outcome.value;
    this.schools = schools;
    this.rows = rows;
    this.stage = 'ready';
  }

  /** Shows why; a result computed before (of the same programme) stays on screen. */
  #fail(error: EligibilityError): void {
    this.error = error;
    this.stage = 'failed';
    // Showing the same programme again must try again when nothing could be computed.
    if (!this.result) this.#key = null;
  }
}

async function readSchools(
  deps: EligibilityDependencies,
  id: string,
): Promise<School[] | EligibilityError> {
  try {
    const read = await readRecords(deps.db(), id, ['schools']);
    return read.ok ? read.value.schools : read.error;
  } catch (thrown) {
    return { code: 'storage', message: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}
