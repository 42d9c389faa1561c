/**
 * Whether one visit can take place where it is proposed, against a schedule that holds the other
 * visits: every hard constraint of SPEC §5 that it breaks, each with a message in both languages. The
 * capacity check is the planner's own arithmetic (`Schedule.room`): what a team records at a school on
 * a day after travel, setting up and the visits already planned that day.
 */
import { workingCalendar, type WorkingCalendar } from '../calendar/working-days.js';
import { formatDate } from '../dates/format.js';
import { formatIsoDate, isoDayOfWeek, parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import type { Message } from '../domain/result.js';
import type { Schedule } from './planner.js';
import type {
  LostDay,
  PinnedVisit,
  PlanCalendar,
  PlanSchool,
  VisitIssue,
  VisitIssueCode,
} from './types.js';

/** Where a visit that breaks nothing goes in the schedule. */
export interface VisitPlace {
  readonly team: number;
  readonly day: number;
  readonly school: number;
}

/** The issues of a proposed visit, and its place in the schedule when it has none. */
export type VisitVerdict =
  | { readonly ok: true; readonly place: VisitPlace }
  | { readonly ok: false; readonly issues: readonly [VisitIssue, ...VisitIssue[]] };

const issue = (code: VisitIssueCode, id: string, en: string): VisitIssue => ({
  code,
  message: { id, en } satisfies Message,
});

const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0;

/** A school as messages name it: its name and NPSN (never a student). */
export function schoolLabel(school: PlanSchool | undefined, npsn: string): string {
  return school ? `${school.nama} (NPSN ${school.npsn})` : `NPSN ${npsn}`;
}

/** Checks proposed visits against one schedule (its calendar, schools, teams and what it holds). */
export class VisitChecker {
  readonly #schedule: Schedule;
  readonly #dayOf: ReadonlyMap<string, number>;
  readonly #calendar: PlanCalendar;
  readonly #working: WorkingCalendar;
  readonly #lost: ReadonlySet<string>;
  readonly #schoolOf: ReadonlyMap<string, number>;
  readonly #teamOf: ReadonlyMap<string, number>;

  constructor(
    schedule: Schedule,
    dayOf: ReadonlyMap<string, number>,
    calendar: PlanCalendar,
    lostDays: readonly LostDay[],
  ) {
    this.#schedule = schedule;
    this.#dayOf = dayOf;
    this.#calendar = calendar;
    this.#working = workingCalendar({
      holidays: calendar.holidays,
      ...(calendar.weekdays && { weekdays: calendar.weekdays }),
    });
    this.#lost = new Set(lostDays.map((l) => `${l.team}|${l.date}`));
    this.#schoolOf = new Map(schedule.schools.map((s, i) => [s.npsn, i]));
    this.#teamOf = new Map(schedule.teams.map((t, i) => [t.tim, i]));
  }

  /** Every constraint `visit` breaks, or where it goes. Does not change the schedule. */
  check(visit: PinnedVisit): VisitVerdict {
    const issues: VisitIssue[] = [];
    const school = this.#schoolOf.get(visit.npsn);
    const team = this.#teamOf.get(visit.team);
    const s = school === undefined ? undefined : this.#schedule.schools[school];
    const where = schoolLabel(s, visit.npsn);
    const date = parseIsoDate(visit.date);
    const day = this.#dayOf.get(visit.date);

    if (!isCount(visit.wajib) || !isCount(visit.dini)) {
      issues.push(
        issue(
          'invalid_count',
          `Jumlah siswa kunjungan ke ${where} harus bilangan bulat 0 atau lebih.`,
          `The visit to ${where} must count its students in whole numbers, 0 or more.`,
        ),
      );
    } else if (visit.wajib + visit.dini === 0) {
      issues.push(
        issue(
          'no_students',
          `Kunjungan ke ${where} tidak berisi siswa: semua siswa sasaran sekolah ini sudah ada di kunjungan lain.`,
          `The visit to ${where} holds no students: every target student of the school is already in another visit.`,
        ),
      );
    }
    if (school === undefined) {
      issues.push(
        issue(
          'unknown_school',
          `Sekolah dengan NPSN ${visit.npsn} tidak ada di daftar sekolah program.`,
          `No school with NPSN ${visit.npsn} is in the programme's school list.`,
        ),
      );
    }
    if (team === undefined) {
      issues.push(
        issue(
          'unknown_team',
          `Tim "${visit.team}" tidak ada di program.`,
          `There is no team "${visit.team}" in the programme.`,
        ),
      );
    }
    if (!date) {
      issues.push(
        issue(
          'invalid_date',
          `Tanggal "${visit.date}" tidak valid; tulis sebagai YYYY-MM-DD.`,
          `"${visit.date}" is not a valid date; write it as YYYY-MM-DD.`,
        ),
      );
      return { ok: false, issues: issues as [VisitIssue, ...VisitIssue[]] };
    }
    issues.push(...this.#dateIssues(date, visit, where, s));
    const lost = this.#lost.has(`${visit.team}|${visit.date}`);
    if (lost) {
      issues.push(
        issue(
          'lost_day',
          `Hari ${visit.team} pada ${long(date, 'id')} ditandai hilang.`,
          `${visit.team}'s day on ${long(date, 'en')} is marked lost.`,
        ),
      );
    }
    // Capacity is only worth checking on a day the team can work at all.
    if (issues.length === 0 && school !== undefined && team !== undefined && day !== undefined) {
      const need = visit.wajib + visit.dini;
      const room = this.#schedule.room(team, day, school);
      if (room < need) issues.push(this.#capacityIssue(team, day, school, where, date, room, need));
    }
    if (issues.length > 0) return { ok: false, issues: issues as [VisitIssue, ...VisitIssue[]] };
    return {
      ok: true,
      place: { team: team as number, day: day as number, school: school as number },
    };
  }

  #dateIssues(
    date: PlainDate,
    visit: PinnedVisit,
    where: string,
    school: PlanSchool | undefined,
  ): VisitIssue[] {
    const issues: VisitIssue[] = [];
    const { start, end } = this.#calendar;
    if (visit.date < formatIsoDate(start)) {
      issues.push(
        issue(
          'before_start',
          `${long(date, 'id')} sebelum awal program (${long(start, 'id')}).`,
          `${long(date, 'en')} is before the programme starts (${long(start, 'en')}).`,
        ),
      );
    }
    if (end && visit.date > formatIsoDate(end)) {
      issues.push(
        issue(
          'after_end',
          `${long(date, 'id')} setelah akhir program (${long(end, 'id')}).`,
          `${long(date, 'en')} is after the programme ends (${long(end, 'en')}).`,
        ),
      );
    }
    if (!this.#working.weekdays.has(isoDayOfWeek(date))) {
      issues.push(
        issue(
          'not_working_day',
          `${formatDate(date, 'full', 'id')} bukan hari kerja.`,
          `${formatDate(date, 'full', 'en')} is not a working day.`,
        ),
      );
    }
    const holidays = this.#calendar.holidays.filter((h) => h.tanggal === visit.date);
    if (holidays.length > 0) {
      const names = holidays.map((h) => h.keterangan).join(', ');
      issues.push(
        issue(
          'holiday',
          `${long(date, 'id')} adalah hari libur: ${names}.`,
          `${long(date, 'en')} is a holiday: ${names}.`,
        ),
      );
    }
    const index = school ? this.#schoolOf.get(school.npsn) : undefined;
    const day = this.#dayOf.get(visit.date);
    const closed =
      school !== undefined &&
      (school.tanggalTidakBisa.includes(visit.date) ||
        (index !== undefined &&
          day !== undefined &&
          (this.#schedule.blackout[index] as ReadonlySet<number>).has(day)));
    if (closed) {
      issues.push(
        issue(
          'blackout',
          `${where} tidak bisa menerima kunjungan pada ${long(date, 'id')}.`,
          `${where} cannot host a visit on ${long(date, 'en')}.`,
        ),
      );
    }
    return issues;
  }

  #capacityIssue(
    team: number,
    day: number,
    school: number,
    where: string,
    date: PlainDate,
    room: number,
    need: number,
  ): VisitIssue {
    const name = this.#schedule.teams[team]?.tim ?? '';
    const load = this.#schedule.loads[team]?.[day];
    const others = (load?.schools ?? []).filter((i) => i !== school).length;
    if (room === 0 && others === 0 && (load?.recording ?? 0) === 0) {
      return issue(
        'too_far',
        `Perjalanan dan persiapan di ${where} menghabiskan hari kerja ${name} pada ${long(date, 'id')}: tidak ada waktu untuk merekam.`,
        `Travel and setting up at ${where} take all of ${name}'s working day on ${long(date, 'en')}: no time is left to record.`,
      );
    }
    return issue(
      'day_full',
      `Pada ${long(date, 'id')} ${name} hanya dapat merekam ${room} siswa lagi di ${where} setelah perjalanan, persiapan, dan kunjungan lain hari itu; kunjungan ini berisi ${need} siswa.`,
      `On ${long(date, 'en')} ${name} can record only ${room} more students at ${where} after travel, setting up and the day's other visits; this visit has ${need}.`,
    );
  }
}

function long(date: PlainDate, locale: 'id' | 'en'): string {
  return formatDate(date, 'long', locale);
}
