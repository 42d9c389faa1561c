/**
 * A school's timetable for its visit days: which class comes at what time, so the school can send its
 * students in groups. WAJIB students come first within a visit (SPEC §5), class by class — the classes
 * with the most WAJIB students first — then the REKAM_DINI students; a class's group may be split across
 * days when a day is full.
 */
import type { Team } from '../domain/records.js';
import { dailyCapacity, travelBetween } from './planner.js';
import type { PlanSchool, Visit } from './types.js';

/** The target students of one class. */
export interface ClassGroup {
  readonly kelas: string;
  readonly wajib: number;
  readonly dini: number;
}

/** One class group's turn on a visit day. */
export interface TimetableSlot {
  readonly date: string;
  readonly team: string;
  readonly kelas: string;
  readonly wajib: number;
  readonly dini: number;
  /** `HH:MM`, local time. */
  readonly start: string;
  readonly end: string;
}

/** Options of {@link schoolTimetable}. */
export interface TimetableOptions {
  /** When teams leave the office, in minutes after midnight (default 450: 07:30). */
  readonly leave?: number | undefined;
  /** Minutes to set up at each school (default 20, as the planner). */
  readonly setupMinutes?: number | undefined;
  /** Minutes in which a set records its daily capacity (default 360, as the planner). */
  readonly recordingMinutes?: number | undefined;
}

/** `HH:MM` of a time in minutes after midnight, rounded to the minute first (539.6 is 09:00, not 08:60). */
const clock = (minutes: number): string => {
  const whole = Math.round(minutes);
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
};

/**
 * The timetable of school `npsn` from the plan's visits: for each of its visit days, the class groups in
 * order with their times. `visits` is the whole plan (the schools a team visits before this one the
 * same day decide when it arrives). Classes' counts should add up to the school's planned students;
 * students the plan does not hold are left out, and students of the plan beyond the classes' counts
 * come as a group without a class ("").
 */
export function schoolTimetable(
  npsn: string,
  visits: readonly Visit[],
  classes: readonly ClassGroup[],
  schools: readonly PlanSchool[],
  teams: readonly Team[],
  options: TimetableOptions = {},
): TimetableSlot[] {
  const leave = options.leave ?? 450;
  const setup = options.setupMinutes ?? 20;
  const recording = options.recordingMinutes ?? 360;
  const schoolOf = new Map(schools.map((s) => [s.npsn, s]));
  const teamOf = new Map(teams.map((t) => [t.tim, t]));
  const order = [...classes].sort(
    (a, b) => b.wajib - a.wajib || a.kelas.localeCompare(b.kelas, 'id', { numeric: true }),
  );
  const queues = {
    wajib: order.map((c) => ({ kelas: c.kelas, left: c.wajib })),
    dini: order.map((c) => ({ kelas: c.kelas, left: c.dini })),
  };
  const take = (kind: 'wajib' | 'dini', count: number): { kelas: string; n: number }[] => {
    const out: { kelas: string; n: number }[] = [];
    for (const q of queues[kind]) {
      if (count === 0) break;
      const n = Math.min(q.left, count);
      if (n === 0) continue;
      q.left -= n;
      count -= n;
      out.push({ kelas: q.kelas, n });
    }
    if (count > 0) out.push({ kelas: '', n: count });
    return out;
  };

  const slots: TimetableSlot[] = [];
  const mine = visits
    .filter((v) => v.npsn === npsn)
    .sort((a, b) => a.date.localeCompare(b.date) || a.team.localeCompare(b.team));
  for (const visit of mine) {
    const team = teamOf.get(visit.team);
    const school = schoolOf.get(npsn);
    if (!team || !school || dailyCapacity(team) === 0) continue;
    const perStudent = recording / dailyCapacity(team);
    // Arrival: from the office, or after the schools the team visits first that day.
    const before = visits
      .filter((v) => v.team === visit.team && v.date === visit.date && v.order < visit.order)
      .sort((a, b) => a.order - b.order);
    let at = leave;
    let from: PlanSchool | undefined;
    for (const v of before) {
      const s = schoolOf.get(v.npsn);
      if (!s) continue;
      at +=
        (from ? travelBetween(from, s) : s.waktuTempuhMenit) +
        setup +
        (v.wajib + v.dini) * perStudent;
      from = s;
    }
    at += (from ? travelBetween(from, school) : school.waktuTempuhMenit) + setup;
    // WAJIB students first, class by class; then the REKAM_DINI students, class by class.
    for (const kind of ['wajib', 'dini'] as const) {
      for (const { kelas, n } of take(kind, visit[kind])) {
        const end = at + n * perStudent;
        slots.push({
          date: visit.date,
          team: visit.team,
          kelas,
          wajib: kind === 'wajib' ? n : 0,
          dini: kind === 'dini' ? n : 0,
          start: clock(at),
          end: clock(end),
        });
        at = end;
      }
    }
  }
  return slots;
}
