/**
 * A plan's inputs as plain data with ISO dates, as the app stores them and sends them to the worker,
 * checked and turned into what the planner takes. Bad input is an issue naming the field, not a throw.
 */
import { parseIsoDate } from '../dates/plain-date.js';
import type { Holiday, IsoDate, Team } from '../domain/records.js';
import type { Issue, Result } from '../domain/result.js';
import type { LostDay, PinnedVisit, PlanMode, PlanSchool, PlanSetup } from './types.js';

/** What a plan is made with, in plain data (see {@link readPlanRequest}). */
export interface PlanRequest {
  /** The schools with their targets (`jumlahWajib`, `jumlahDini`), travel and blackout days. */
  readonly schools: readonly PlanSchool[];
  readonly teams: readonly Team[];
  readonly holidays: readonly Holiday[];
  /** The first day visits may take place. */
  readonly start: IsoDate;
  /** The last day visits may take place; null or absent when the plan may run as long as it needs. */
  readonly end?: IsoDate | null | undefined;
  /** Minutes of a team's working day, travel included (default 480). */
  readonly dayMinutes?: number | undefined;
  /** Minutes of a shorter Friday; null or absent when Friday is like the other days. */
  readonly fridayMinutes?: number | null | undefined;
  /** Working weekdays, ISO numbering (default Monday–Friday). */
  readonly weekdays?: readonly number[] | undefined;
  readonly mode?: PlanMode | undefined;
  /** Visits a person placed: they stay as they are. */
  readonly pinned?: readonly PinnedVisit[] | undefined;
  /** Team-days that will not happen. */
  readonly lostDays?: readonly LostDay[] | undefined;
}

/** Why a plan request cannot be planned. */
export type PlanRequestIssueCode =
  | 'invalid_start'
  | 'invalid_end'
  | 'end_before_start'
  | 'invalid_minutes'
  | 'invalid_weekdays'
  | 'invalid_holiday'
  | 'invalid_school'
  | 'duplicate_school'
  | 'invalid_team'
  | 'duplicate_team'
  | 'no_team';

export type PlanRequestIssue = Issue<PlanRequestIssueCode>;

const issue = (code: PlanRequestIssueCode, id: string, en: string): PlanRequestIssue => ({
  code,
  message: { id, en },
});

const isMinutes = (n: unknown): boolean =>
  Number.isInteger(n) && (n as number) >= 60 && (n as number) <= 1440;
const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0;

/**
 * Checks a plan request and turns it into the planner's setup, or lists every problem: dates that are
 * not real `YYYY-MM-DD` dates (start, end, holidays), an end before the start, day lengths outside
 * 60–1440 minutes, schools or teams listed twice or with impossible numbers, and no team that can
 * record anyone. Does not modify its input.
 */
export function readPlanRequest(request: PlanRequest): Result<PlanSetup, PlanRequestIssue> {
  const issues: PlanRequestIssue[] = [];
  const start = parseIsoDate(request.start);
  if (!start) {
    issues.push(
      issue(
        'invalid_start',
        `Tanggal mulai "${request.start}" bukan tanggal YYYY-MM-DD yang valid.`,
        `The start date "${request.start}" is not a valid YYYY-MM-DD date.`,
      ),
    );
  }
  const end = request.end ? parseIsoDate(request.end) : undefined;
  if (request.end && !end) {
    issues.push(
      issue(
        'invalid_end',
        `Tanggal akhir "${request.end}" bukan tanggal YYYY-MM-DD yang valid.`,
        `The end date "${request.end}" is not a valid YYYY-MM-DD date.`,
      ),
    );
  }
  if (start && end && (request.end as string) < request.start) {
    issues.push(
      issue(
        'end_before_start',
        `Tanggal akhir ${request.end} sebelum tanggal mulai ${request.start}.`,
        `The end date ${request.end} is before the start date ${request.start}.`,
      ),
    );
  }
  for (const [name, value] of [
    ['dayMinutes', request.dayMinutes],
    ['fridayMinutes', request.fridayMinutes],
  ] as const) {
    if (value !== undefined && value !== null && !isMinutes(value)) {
      issues.push(
        issue(
          'invalid_minutes',
          `${name} harus menit bulat antara 60 dan 1440 (bukan ${String(value)}).`,
          `${name} must be whole minutes between 60 and 1440 (not ${String(value)}).`,
        ),
      );
    }
  }
  const weekdays = request.weekdays;
  if (
    weekdays &&
    (weekdays.length === 0 || weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
  ) {
    issues.push(
      issue(
        'invalid_weekdays',
        'Hari kerja harus berisi paling sedikit satu hari, dengan nomor 1 (Senin) sampai 7 (Minggu).',
        'Working weekdays must hold at least one day, numbered 1 (Monday) to 7 (Sunday).',
      ),
    );
  }
  request.holidays.forEach((h, i) => {
    if (!parseIsoDate(h.tanggal)) {
      issues.push(
        issue(
          'invalid_holiday',
          `Hari libur ke-${i + 1} ("${h.keterangan}") bertanggal "${h.tanggal}", bukan tanggal YYYY-MM-DD yang valid.`,
          `Holiday ${i + 1} ("${h.keterangan}") is dated "${h.tanggal}", not a valid YYYY-MM-DD date.`,
        ),
      );
    }
  });
  issues.push(...schoolIssues(request.schools), ...teamIssues(request.teams));
  if (issues.length > 0 || !start) {
    return { ok: false, issues: issues as [PlanRequestIssue, ...PlanRequestIssue[]] };
  }
  return {
    ok: true,
    value: {
      schools: request.schools,
      teams: request.teams,
      calendar: {
        start,
        end,
        holidays: request.holidays,
        weekdays: request.weekdays,
        dayMinutes: request.dayMinutes,
        fridayMinutes: request.fridayMinutes ?? undefined,
      },
      options: {
        mode: request.mode,
        pinned: request.pinned,
        lostDays: request.lostDays,
      },
    },
  };
}

function schoolIssues(schools: readonly PlanSchool[]): PlanRequestIssue[] {
  const issues: PlanRequestIssue[] = [];
  const seen = new Set<string>();
  for (const s of schools) {
    if (seen.has(s.npsn)) {
      issues.push(
        issue(
          'duplicate_school',
          `NPSN ${s.npsn} tercantum dua kali di daftar sekolah.`,
          `NPSN ${s.npsn} is listed twice in the schools.`,
        ),
      );
    }
    seen.add(s.npsn);
    const bad = [
      ['jumlahWajib', s.jumlahWajib],
      ['jumlahDini', s.jumlahDini],
      ['waktuTempuhMenit', s.waktuTempuhMenit],
    ].filter(([, n]) => !isCount(n as number));
    if (bad.length > 0) {
      const fields = bad.map(([name]) => name).join(', ');
      issues.push(
        issue(
          'invalid_school',
          `${s.nama} (NPSN ${s.npsn}): ${fields} harus bilangan bulat 0 atau lebih.`,
          `${s.nama} (NPSN ${s.npsn}): ${fields} must be whole numbers, 0 or more.`,
        ),
      );
    }
  }
  return issues;
}

function teamIssues(teams: readonly Team[]): PlanRequestIssue[] {
  const issues: PlanRequestIssue[] = [];
  const seen = new Set<string>();
  for (const t of teams) {
    if (seen.has(t.tim)) {
      issues.push(
        issue(
          'duplicate_team',
          `Tim "${t.tim}" tercantum dua kali.`,
          `Team "${t.tim}" is listed twice.`,
        ),
      );
    }
    seen.add(t.tim);
    if (!isCount(t.jumlahAlat) || !isCount(t.kapasitasPerAlat)) {
      issues.push(
        issue(
          'invalid_team',
          `Tim "${t.tim}": jumlah alat dan kapasitas per alat harus bilangan bulat 0 atau lebih.`,
          `Team "${t.tim}": the number of sets and the capacity per set must be whole numbers, 0 or more.`,
        ),
      );
    }
  }
  if (!teams.some((t) => t.jumlahAlat * t.kapasitasPerAlat > 0)) {
    issues.push(
      issue(
        'no_team',
        'Tidak ada tim yang dapat merekam: tambahkan tim dengan paling sedikit satu alat.',
        'No team can record anyone: add a team with at least one recording set.',
      ),
    );
  }
  return issues;
}
