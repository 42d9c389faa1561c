/**
 * The exports, made in the worker next to the data: the page sends a programme id, the UI language and
 * its choices, and receives a file's bytes (XLSX, .ics) or the few hundred rows one letter or one
 * team-day needs. Reading 20,000 students and deciding their eligibility here keeps the page free.
 */
import Dexie from 'dexie';
import { visitsToIcs, type IcsSchool, type Message } from '@sahaja/core';
import { tablesToXlsx } from '@sahaja/core/io';
import type { School, Team } from '../core/types';
import {
  readPlan,
  readTeams,
  rowsOf,
  type ProgrammeRow,
  type SahajaDatabase,
  type StoredPlan,
  type VisitRow,
} from '../db';
import { planTables, type PlanSchoolInfo } from '../export/plan-sheets';
import {
  letterData,
  kecamatanLabel,
  teamDayData,
  type LetterData,
  type ScheduleSource,
  type TeamDayData,
} from '../export/schedule';
import { eligibilityPolicy, readSchoolTargets, type SchoolTargets } from '../export/school-targets';
import { targetTables, type TargetSchool } from '../export/target-sheets';
import { exportText } from '../export/text';
import type { Locale } from '../i18n/format';

/** Why an export could not be made; nothing is written by an export, so nothing is lost. */
export interface ExportError {
  /**
   * `missing`: the programme is not stored; `no_plan`: it has no visit plan; `unknown_school` /
   * `unknown_team`: the chosen school or team is not in it; `settings`: the core refused the
   * programme's eligibility settings (see `localized`); `storage`: IndexedDB failed; `internal`.
   */
  readonly code:
    'missing' | 'no_plan' | 'unknown_school' | 'unknown_team' | 'settings' | 'storage' | 'internal';
  readonly message: string;
  /** The reason in both UI languages, when the core wrote one. */
  readonly localized?: Message;
}

export type ExportOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ExportError };

/** A file to save. */
export interface ExportFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** Its media type. */
  readonly type: string;
}

/** The target-list workbook and what it holds. */
export interface TargetWorkbook extends ExportFile {
  /** Schools with a sheet (schools without target students are only in the summary). */
  readonly schools: number;
  readonly students: number;
  /** Students of these schools with no category yet (not matched, or waiting for review). */
  readonly pending: number;
}

/** What the page asks of a file: the programme, and the language of its headers and words. */
export interface ExportRequest {
  readonly programmeId: string;
  readonly locale: Locale;
}

export interface TargetWorkbookRequest extends ExportRequest {
  /** One school's list (no summary), or every school's. */
  readonly npsn?: string | null;
}

export interface CalendarRequest extends ExportRequest {
  /** One team's visits, or every team's. */
  readonly team?: string | null;
}

/** Progress of a workbook over many schools. */
export interface ExportProgress {
  readonly done: number;
  readonly total: number;
}

/** The exports the worker makes (one group of the worker's API). */
export interface ExportsApi {
  /**
   * The target lists (XLSX): a summary sheet, then one sheet per school with target students; or one
   * school's sheet. `onProgress` follows the schools read.
   */
  targetWorkbook(
    request: TargetWorkbookRequest,
    onProgress?: (progress: ExportProgress) => void,
  ): Promise<ExportOutcome<TargetWorkbook>>;
  /** The visit plan (XLSX): summary of its figures, every visit, a sheet per team, unserved. */
  planWorkbook(request: ExportRequest): Promise<ExportOutcome<ExportFile>>;
  /** The visit plan as an iCalendar file, all teams or one. */
  planCalendar(request: CalendarRequest): Promise<ExportOutcome<ExportFile>>;
  /** What the letters of schools `npsns` say (a few schools per call: a few hundred rows each). */
  schoolLetters(request: {
    readonly programmeId: string;
    readonly npsns: readonly string[];
  }): Promise<ExportOutcome<LetterData[]>>;
  /** Team `team`'s days `dates`: schools in order, times, turns and expected students. */
  teamDays(request: {
    readonly programmeId: string;
    readonly team: string;
    readonly dates: readonly string[];
  }): Promise<ExportOutcome<TeamDayData[]>>;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ICS_TYPE = 'text/calendar;charset=utf-8';

/** An expected refusal, carried out of the work to become an {@link ExportError}. */
export class Refusal extends Error {
  constructor(
    readonly code: ExportError['code'],
    readonly localized?: Message,
  ) {
    super(code);
  }
}

/** The exports over the database `db()` opens (the app's, or a test's fake one). */
export function createExportsApi(db: () => SahajaDatabase): ExportsApi {
  return {
    targetWorkbook: (request, onProgress) =>
      attempt(async () => {
        const data = await programmeData(db(), request.programmeId);
        const policy = eligibilityPolicy(data.programme.settings);
        if (!policy.ok) throw new Refusal('settings', policy.message);
        const text = exportText(request.locale);
        const one = request.npsn ?? null;
        const chosen = one === null ? data.schools : data.schools.filter((s) => s.npsn === one);
        if (one !== null && chosen.length === 0) throw new Refusal('unknown_school');
        const schools: TargetSchool[] = [];
        for (const school of chosen) {
          const targets = await readSchoolTargets(
            data.db,
            data.programme.id,
            school.npsn,
            policy.value,
          );
          schools.push({
            school,
            kecamatan: kecamatanLabel(school.kecamatan),
            targets,
            visitDates: [
              ...new Set(data.plan.visits.filter((v) => v.npsn === school.npsn).map((v) => v.date)),
            ],
          });
          onProgress?.({ done: schools.length, total: chosen.length });
        }
        const summary = one === null;
        const bytes = await tablesToXlsx(targetTables(schools, text, { summary }));
        const sheets = summary ? schools.filter((s) => s.targets.students.length > 0) : schools;
        const name = summary
          ? slug(data.programme.settings.name)
          : `${one}-${slug(chosen[0]?.nama ?? '')}`;
        return {
          bytes,
          fileName: `${text.t('export.file.targets')}-${name}.xlsx`,
          type: XLSX_TYPE,
          schools: sheets.length,
          students: sheets.reduce((sum, s) => sum + s.targets.students.length, 0),
          pending: schools.reduce((sum, s) => sum + s.targets.pending, 0),
        };
      }),

    planWorkbook: (request) =>
      attempt(async () => {
        const data = await programmeData(db(), request.programmeId);
        const plan = planOf(data);
        const text = exportText(request.locale);
        const bytes = await tablesToXlsx(
          planTables(
            {
              programme: data.programme.settings.name,
              visits: plan.visits,
              figures: plan.figures,
              schools: schoolInfo(data.schools),
              teams: data.teams.map((t) => t.tim),
            },
            text,
          ),
        );
        return {
          bytes,
          fileName: `${text.t('export.file.plan')}-${slug(data.programme.settings.name)}.xlsx`,
          type: XLSX_TYPE,
        };
      }),

    planCalendar: (request) =>
      attempt(async () => {
        const data = await programmeData(db(), request.programmeId);
        const plan = planOf(data);
        const team = request.team ?? null;
        const visits = team === null ? plan.visits : plan.visits.filter((v) => v.team === team);
        if (team !== null && visits.length === 0 && !data.teams.some((t) => t.tim === team)) {
          throw new Refusal('unknown_team');
        }
        const text = exportText(request.locale);
        const schools = new Map<string, IcsSchool>(
          [...schoolInfo(data.schools)].map(([npsn, s]) => [
            npsn,
            { nama: s.nama, kecamatan: s.kecamatan || undefined },
          ]),
        );
        const ics = visitsToIcs(visits, schools, {
          name: text.t('export.calendar.name', { programme: data.programme.settings.name }),
          stamp: new Date().toISOString(),
          lang: request.locale,
        });
        const suffix = team === null ? '' : `-${slug(team)}`;
        return {
          bytes: new TextEncoder().encode(ics),
          fileName: `${text.t('export.file.plan')}-${slug(data.programme.settings.name)}${suffix}.ics`,
          type: ICS_TYPE,
        };
      }),

    schoolLetters: (request) =>
      attempt(async () => {
        const data = await programmeData(db(), request.programmeId);
        const plan = planOf(data);
        const policy = eligibilityPolicy(data.programme.settings);
        if (!policy.ok) throw new Refusal('settings', policy.message);
        const source = scheduleSource(data, plan.visits);
        const letters: LetterData[] = [];
        for (const npsn of request.npsns) {
          const known =
            data.schools.some((s) => s.npsn === npsn) || plan.visits.some((v) => v.npsn === npsn);
          if (!known) throw new Refusal('unknown_school');
          const targets = await readSchoolTargets(data.db, data.programme.id, npsn, policy.value);
          letters.push(letterData(npsn, source, targets));
        }
        return letters;
      }),

    teamDays: (request) =>
      attempt(async () => {
        const data = await programmeData(db(), request.programmeId);
        const plan = planOf(data);
        const { team } = request;
        if (!data.teams.some((t) => t.tim === team) && !plan.visits.some((v) => v.team === team)) {
          throw new Refusal('unknown_team');
        }
        const policy = eligibilityPolicy(data.programme.settings);
        if (!policy.ok) throw new Refusal('settings', policy.message);
        const source = scheduleSource(data, plan.visits);
        const days: TeamDayData[] = [];
        const targets = new Map<string, SchoolTargets>();
        for (const date of request.dates) {
          const npsns = plan.visits
            .filter((v) => v.team === team && v.date === date)
            .map((v) => v.npsn);
          for (const npsn of npsns) {
            if (!targets.has(npsn)) {
              targets.set(
                npsn,
                await readSchoolTargets(data.db, data.programme.id, npsn, policy.value),
              );
            }
          }
          days.push(teamDayData(team, date, source, targets));
        }
        return days;
      }),
  };
}

/** A programme with its schools (by name) and teams, and its plan's visits (none without a plan). */
interface ProgrammeData {
  readonly db: SahajaDatabase;
  readonly programme: ProgrammeRow;
  readonly schools: readonly School[];
  readonly teams: readonly Team[];
  /** The stored plan (no visits when none was made). */
  readonly plan: StoredPlan;
}

async function programmeData(db: SahajaDatabase, id: string): Promise<ProgrammeData> {
  const programme = await db.programmes.get(id);
  if (!programme) throw new Refusal('missing');
  const rows: (School & { programmeId: string })[] = await rowsOf(db, 'schools', id).toArray();
  const schools = rows
    .map(({ programmeId: _programmeId, ...school }) => school)
    .sort(
      (a, b) =>
        a.nama.localeCompare(b.nama, 'id', { numeric: true }) || a.npsn.localeCompare(b.npsn),
    );
  const teams = await readTeams(db, id);
  if (!teams.ok) throw teams.error;
  const plan = await readPlan(db, id);
  if (!plan.ok) throw plan.error;
  return { db, programme, schools, teams: teams.value, plan: plan.value };
}

/** The programme's stored plan; refuses (`no_plan`) when it has no visit. */
function planOf(data: ProgrammeData): StoredPlan {
  if (data.plan.visits.length === 0) throw new Refusal('no_plan');
  return data.plan;
}

function scheduleSource(data: ProgrammeData, visits: readonly VisitRow[]): ScheduleSource {
  return { visits, schools: data.schools, teams: data.teams };
}

function schoolInfo(schools: readonly School[]): Map<string, PlanSchoolInfo> {
  return new Map(
    schools.map((s) => [s.npsn, { nama: s.nama, kecamatan: kecamatanLabel(s.kecamatan) }]),
  );
}

/** A name as part of a file name: lower case letters and digits, words joined by `-`. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'program'
  );
}

/** Runs an export, turning refusals and failures into error values (nothing crosses as a throw). */
export async function attempt<T>(work: () => Promise<T>): Promise<ExportOutcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (thrown) {
    if (thrown instanceof Refusal) {
      const { code, localized } = thrown;
      return {
        ok: false,
        error: { code, message: localized?.en ?? code, ...(localized && { localized }) },
      };
    }
    // The database's failures: Dexie's errors, and the store helpers' error values.
    if (thrown instanceof Dexie.DexieError || isStoreError(thrown)) {
      return { ok: false, error: { code: 'storage', message: thrown.message } };
    }
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, error: { code: 'internal', message } };
  }
}

/** A `{ code, message }` value as the database helpers return on failure. */
function isStoreError(value: unknown): value is { code: string; message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Error) &&
    typeof (value as { message?: unknown }).message === 'string' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
