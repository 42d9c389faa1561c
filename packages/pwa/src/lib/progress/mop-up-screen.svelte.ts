/**
 * The mop-up section's state: the form (start date, threshold), the plan the export worker computed
 * from it, and its workbook download. The form is checked here before anything is sent, and again
 * in the worker; every refusal is kept as issues naming the field, every failure as data.
 */
import type { IsoDate } from '../db';
import type { ExportClient, ExportFailure } from '../export/export-client.svelte';
import type { Locale } from '../i18n/format';
import type { ExportFile } from '../worker/exports';
import {
  DEFAULT_MIN_FOR_VISIT,
  readMopUpChoice,
  type MopUpIssue,
  type MopUpPlan,
  type MopUpStart,
} from './mop-up';
import type { DownloadNotice } from './progress-screen.svelte';

export interface MopUpScreenDependencies {
  readonly client: Pick<ExportClient, 'progressMopUp' | 'progressMopUpWorkbook'>;
  /** Offers a made file to the user (the browser's download). */
  readonly save: (file: ExportFile) => void;
}

export class MopUpScreen {
  /** The date field (`YYYY-MM-DD`, or empty while the browser holds no whole date). */
  start = $state('');
  /** The threshold field: a number input's value (null when empty). */
  minForVisit = $state<number | string | null>(DEFAULT_MIN_FOR_VISIT);
  /** The start proposed for the programme shown, and what it follows from. */
  proposed = $state.raw<MopUpStart | null>(null);
  /** Why the last computation was refused: the form's fields, or the programme's setup. */
  issues = $state.raw<readonly MopUpIssue[]>([]);
  computing = $state(false);
  /** The plan shown; null before the first computation. */
  plan = $state.raw<MopUpPlan | null>(null);
  /** The worker's failure of the last computation. */
  error = $state.raw<ExportFailure | null>(null);
  downloading = $state(false);
  notice = $state.raw<DownloadNotice | null>(null);

  /** The fields no longer say what the plan shown was computed with. */
  readonly changed = $derived(
    this.plan !== null &&
      (this.start !== this.plan.start ||
        String(this.minForVisit) !== String(this.plan.minForVisit)),
  );

  #deps: MopUpScreenDependencies;
  #programmeId: string | null = null;
  #run = 0;

  constructor(deps: MopUpScreenDependencies) {
    this.#deps = deps;
  }

  /** The issue of form field `field`, if any. */
  issueOf(field: MopUpIssue['field']): MopUpIssue | undefined {
    return this.issues.find((i) => i.field === field);
  }

  /**
   * Follows the programme shown and its proposed start: another programme starts afresh (its
   * proposed start, the default threshold, no plan); for the same programme, a date field still
   * holding the earlier proposal takes the new one, and a date the user typed is kept.
   */
  prepare(programmeId: string, proposed: MopUpStart): void {
    if (programmeId !== this.#programmeId) {
      this.#programmeId = programmeId;
      this.#run++;
      this.start = proposed.date;
      this.minForVisit = DEFAULT_MIN_FOR_VISIT;
      this.plan = null;
      this.issues = [];
      this.error = null;
      this.notice = null;
      this.computing = false;
    } else if (this.start === this.proposed?.date) {
      this.start = proposed.date;
    }
    this.proposed = proposed;
  }

  /**
   * Computes the mop-up plan from the fields, with the outcomes as of `today`. Fields the form
   * refuses are not sent; a later call wins over an earlier one.
   */
  async compute(today: IsoDate): Promise<void> {
    const programmeId = this.#programmeId;
    if (programmeId === null) return;
    const choice = readMopUpChoice({ start: this.start, minForVisit: this.minForVisit });
    this.notice = null;
    if (!choice.ok) {
      this.issues = choice.issues;
      return;
    }
    const run = ++this.#run;
    this.issues = [];
    this.error = null;
    this.computing = true;
    try {
      const result = await this.#deps.client.progressMopUp({
        programmeId,
        today,
        ...choice.value,
      });
      if (run !== this.#run) return;
      if (!result.ok) this.error = result.error;
      else if (!result.value.ok) this.issues = result.value.issues;
      else this.plan = result.value.value;
    } finally {
      if (run === this.#run) this.computing = false;
    }
  }

  /** The plan shown, as an XLSX workbook in `locale`, offered as a download. One at a time. */
  async download(locale: Locale): Promise<void> {
    const plan = this.plan;
    const programmeId = this.#programmeId;
    if (this.downloading || !plan || programmeId === null) return;
    this.downloading = true;
    this.notice = null;
    try {
      const result = await this.#deps.client.progressMopUpWorkbook({
        programmeId,
        today: plan.today,
        start: plan.start,
        minForVisit: plan.minForVisit,
        locale,
      });
      if (programmeId !== this.#programmeId) return;
      if (!result.ok) {
        this.notice = { kind: 'failed', error: result.error };
        return;
      }
      if (!result.value.ok) {
        this.issues = result.value.issues;
        return;
      }
      this.#deps.save(result.value.value);
      this.notice = { kind: 'done', fileName: result.value.value.fileName };
    } finally {
      this.downloading = false;
    }
  }
}
