/**
 * The export screen: what can be exported now (a plan? any student decided?), the choices it offers
 * (schools, teams, days) and the file exports, run in the export worker one at a time and saved
 * through the browser's download.
 */
import type { Locale } from '../i18n/format';
import { readPlan, readTeams, rowsOf, type ProgrammeRow, type SahajaDatabase } from '../db';
import type { ExportFile, ExportProgress } from '../worker/exports';
import type { ExportClient, ExportFailure, ExportResult } from './export-client.svelte';
import { datesOf, schoolsByFirstVisit, teamsOf } from './print-plan';
import type { School } from '../core/types';

/** The file exports of the screen. */
export type FileExport = 'targets' | 'plan' | 'calendar';

/** A school to choose. */
export interface SchoolChoice {
  readonly npsn: string;
  readonly nama: string;
}

/** What the screen offers for the active programme. */
export interface ExportChoices {
  /** Every school, by name (target lists). */
  readonly schools: readonly SchoolChoice[];
  /** The schools the plan visits, by first visit (letters). */
  readonly visited: readonly SchoolChoice[];
  /** The teams with visits, and each one's visit days (calendar, day sheets). */
  readonly teams: readonly string[];
  readonly days: Readonly<Record<string, readonly string[]>>;
  /** True once pemadanan has run: some students can have a category. */
  readonly matched: boolean;
  readonly planned: boolean;
}

/** What the target lists hold: schools with a sheet, their students, students left pending. */
export interface TargetCounts {
  readonly schools: number;
  readonly students: number;
  readonly pending: number;
}

/** What the last export did. */
export type ExportNotice =
  | {
      readonly kind: 'done';
      readonly export: FileExport;
      readonly fileName: string;
      /** The target lists' counts. */
      readonly counts?: TargetCounts;
    }
  | { readonly kind: 'failed'; readonly export: FileExport; readonly error: ExportFailure };

export interface ExportScreenDependencies {
  readonly db: () => SahajaDatabase;
  readonly client: Pick<ExportClient, 'targetWorkbook' | 'planWorkbook' | 'planCalendar'>;
  /** Offers a made file to the user (the browser's download). */
  readonly save: (file: ExportFile) => void;
}

export class ExportScreen {
  stage = $state<'loading' | 'ready' | 'failed'>('loading');
  loadError = $state<string | null>(null);
  choices = $state.raw<ExportChoices | null>(null);
  /** The export being made, or null. */
  running = $state<FileExport | null>(null);
  progress = $state.raw<ExportProgress | null>(null);
  notice = $state.raw<ExportNotice | null>(null);

  #deps: ExportScreenDependencies;
  #shown = 0;

  constructor(deps: ExportScreenDependencies) {
    this.#deps = deps;
  }

  /** Reads what programme `row` can export: its schools, teams, plan and whether it was matched. */
  async show(row: ProgrammeRow): Promise<void> {
    const shown = ++this.#shown;
    this.stage = 'loading';
    this.notice = null;
    try {
      const db = this.#deps.db();
      const [schoolRows, matches, plan, teams] = await Promise.all([
        rowsOf(db, 'schools', row.id).toArray() as Promise<School[]>,
        rowsOf(db, 'matches', row.id).count(),
        readPlan(db, row.id),
        readTeams(db, row.id),
      ]);
      if (!plan.ok) throw new Error(plan.error.message);
      if (!teams.ok) throw new Error(teams.error.message);
      if (shown !== this.#shown) return;
      const schools = schoolRows
        .map(({ npsn, nama }) => ({ npsn, nama }))
        .sort((a, b) => a.nama.localeCompare(b.nama, 'id', { numeric: true }));
      const { visits } = plan.value;
      const teamNames = teamsOf(visits);
      this.choices = {
        schools,
        visited: schoolsByFirstVisit(visits).map((npsn) => ({
          npsn,
          nama: schoolRows.find((s) => s.npsn === npsn)?.nama ?? npsn,
        })),
        teams: teamNames,
        days: Object.fromEntries(teamNames.map((team) => [team, datesOf(visits, team)])),
        matched: matches > 0,
        planned: visits.length > 0,
      };
      this.loadError = null;
      this.stage = 'ready';
    } catch (thrown) {
      if (shown !== this.#shown) return;
      this.loadError = thrown instanceof Error ? thrown.message : String(thrown);
      this.stage = 'failed';
    }
  }

  /** The target lists (XLSX): every school, or school `npsn`. */
  targets(programmeId: string, locale: Locale, npsn: string | null): Promise<void> {
    return this.#make(
      'targets',
      (onProgress) => this.#deps.client.targetWorkbook({ programmeId, locale, npsn }, onProgress),
      ({ schools, students, pending }) => ({ schools, students, pending }),
    );
  }

  /** The visit plan (XLSX). */
  plan(programmeId: string, locale: Locale): Promise<void> {
    return this.#make('plan', () => this.#deps.client.planWorkbook({ programmeId, locale }));
  }

  /** The visit calendar (.ics): every team, or team `team`. */
  calendar(programmeId: string, locale: Locale, team: string | null): Promise<void> {
    return this.#make('calendar', () =>
      this.#deps.client.planCalendar({ programmeId, locale, team }),
    );
  }

  async #make<F extends ExportFile>(
    kind: FileExport,
    run: (onProgress: (progress: ExportProgress) => void) => Promise<ExportResult<F>>,
    countsOf?: (file: F) => TargetCounts,
  ): Promise<void> {
    if (this.running !== null) return;
    this.running = kind;
    this.progress = null;
    this.notice = null;
    try {
      // A report can arrive after the answer (it has a channel of its own): ignore it then.
      const result = await run((progress) => {
        if (this.running === kind) this.progress = progress;
      });
      if (!result.ok) {
        this.notice = { kind: 'failed', export: kind, error: result.error };
        return;
      }
      this.#deps.save(result.value);
      this.notice = {
        kind: 'done',
        export: kind,
        fileName: result.value.fileName,
        ...(countsOf && { counts: countsOf(result.value) }),
      };
    } finally {
      this.running = null;
      this.progress = null;
    }
  }
}
