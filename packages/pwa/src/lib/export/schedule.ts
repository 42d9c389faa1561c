/**
 * Who comes when, for the letters and the day sheets: a school's timetable from the plan (the core's
 * `schoolTimetable`: WAJIB students first, class by class), each target student placed in their
 * class group's turn, and a team's day as a route of schools with travel and arrival times. Pure
 * functions on plain data; the worker reads the data and calls them.
 */
import {
  dailyCapacity,
  parseRegionCode,
  regionNames,
  schoolTimetable,
  travelBetween,
  type ClassGroup,
  type PlanSchool,
  type TimetableSlot,
  type Visit,
} from '@sahaja/core';
import type { School, Team } from '../core/types';
import { clock, minutesOf } from './dates';
import {
  compareTargets,
  type SchoolTargets,
  type TargetCategory,
  type TargetStudent,
} from './school-targets';

/** When teams leave the office (07:30, the start of the planner's working day), minutes after midnight. */
export const DAY_START = 450;
/** Minutes to set up the recording sets at a school (as the planner). */
export const SETUP_MINUTES = 20;
/** Minutes in which one set records its daily capacity (as the planner). */
export const RECORDING_MINUTES = 360;

const TIMETABLE_OPTIONS = {
  leave: DAY_START,
  setupMinutes: SETUP_MINUTES,
  recordingMinutes: RECORDING_MINUTES,
} as const;

/** A student in a class group's turn: when they come. */
export interface ScheduledStudent {
  readonly nisn: string;
  readonly nama: string;
  readonly kelas: string;
  readonly category: TargetCategory;
  /** The visit day and team of their turn; null when the plan holds no turn for them. */
  readonly date: string | null;
  readonly team: string | null;
  /** `HH:MM` of their group's turn; null with `date`. */
  readonly start: string | null;
  readonly end: string | null;
}

/** A school's visit as the letter states it. */
export interface LetterVisit {
  readonly date: string;
  readonly team: string;
  /** The team's recording sets (how many tables and sockets the school prepares). */
  readonly sets: number;
  /** When the team arrives, when recording starts and ends (`HH:MM`). */
  readonly arrival: string;
  readonly start: string;
  readonly end: string;
  readonly wajib: number;
  readonly dini: number;
}

/** Everything a school's letter says: its visits, timetable and students (see `letter.ts`). */
export interface LetterData {
  readonly school: { readonly npsn: string; readonly nama: string; readonly kecamatan: string };
  /** In date and team order. */
  readonly visits: readonly LetterVisit[];
  /** The class groups' turns, in time order. */
  readonly slots: readonly TimetableSlot[];
  /** The target students by class, then name, each with their turn. */
  readonly students: readonly ScheduledStudent[];
  /** Students the plan's visits hold, and the school's target students now. */
  readonly planned: { readonly wajib: number; readonly dini: number };
  readonly targets: { readonly wajib: number; readonly dini: number; readonly pending: number };
}

/** One school of a team's day. */
export interface DayStop {
  /** 1 for the first school of the day. */
  readonly order: number;
  readonly npsn: string;
  readonly nama: string;
  readonly kecamatan: string;
  /** Minutes of travel to this school, from the office or from the previous school. */
  readonly travelMinutes: number;
  readonly fromOffice: boolean;
  readonly arrival: string;
  readonly start: string;
  readonly end: string;
  readonly wajib: number;
  readonly dini: number;
  /** This day's class group turns at the school. */
  readonly slots: readonly TimetableSlot[];
  /** The students expected this day, in the order of their turns, then class and name. */
  readonly students: readonly ScheduledStudent[];
}

/** A team's day: its schools in order. */
export interface TeamDayData {
  readonly team: string;
  readonly sets: number;
  readonly date: string;
  readonly stops: readonly DayStop[];
}

/** The plan's data the letters and day sheets are made from. */
export interface ScheduleSource {
  readonly visits: readonly Visit[];
  readonly schools: readonly School[];
  readonly teams: readonly Team[];
}

/** A kecamatan code as people read it: its name ("Pare"), else the code; empty stays empty. */
export function kecamatanLabel(code: string): string {
  const parsed = parseRegionCode(code);
  return (parsed.ok && regionNames(parsed.value).kecamatan) || code;
}

/** A school's targets counted per class, for the timetable. */
export function classGroups(students: readonly TargetStudent[]): ClassGroup[] {
  const groups = new Map<string, { kelas: string; wajib: number; dini: number }>();
  for (const s of students) {
    let group = groups.get(s.kelas);
    if (!group) {
      group = { kelas: s.kelas, wajib: 0, dini: 0 };
      groups.set(s.kelas, group);
    }
    if (s.category === 'WAJIB') group.wajib++;
    else group.dini++;
  }
  return [...groups.values()];
}

/**
 * Places each student in a turn of the timetable: a turn of class `k` with `n` WAJIB (or REKAM_DINI)
 * students takes the next `n` such students of class `k`, in the list's order (class, then name).
 * Students left over (the school has more targets than the plan holds) have no turn. Does not modify
 * its inputs.
 */
export function placeStudents(
  slots: readonly TimetableSlot[],
  students: readonly TargetStudent[],
): ScheduledStudent[] {
  const queues = new Map<string, TargetStudent[]>();
  for (const s of students) {
    const key = `${s.category}|${s.kelas}`;
    const queue = queues.get(key);
    if (queue) queue.push(s);
    else queues.set(key, [s]);
  }
  const placed: ScheduledStudent[] = [];
  for (const slot of slots) {
    const category: TargetCategory = slot.wajib > 0 ? 'WAJIB' : 'REKAM_DINI';
    const queue = queues.get(`${category}|${slot.kelas}`) ?? [];
    for (const s of queue.splice(0, slot.wajib + slot.dini)) {
      placed.push({ ...scheduled(s), date: slot.date, team: slot.team, ...times(slot) });
    }
  }
  for (const queue of queues.values()) for (const s of queue) placed.push(scheduled(s));
  return placed;
}

function scheduled(s: TargetStudent): ScheduledStudent {
  const { nisn, nama, kelas, category } = s;
  return { nisn, nama, kelas, category, date: null, team: null, start: null, end: null };
}

const times = (slot: TimetableSlot) => ({ start: slot.start, end: slot.end });

function planSchoolOf(school: School): PlanSchool {
  return { ...school, jumlahWajib: 0, jumlahDini: 0 };
}

/** A school the plan visits that is no longer stored: named by its NPSN, no travel known. */
function unknownSchool(npsn: string): PlanSchool {
  return {
    npsn,
    nama: npsn,
    kecamatan: '',
    waktuTempuhMenit: 0,
    jumlahWajib: 0,
    jumlahDini: 0,
    tanggalTidakBisa: [],
  };
}

/** The times of one team's day: each stop's travel, arrival, and recording start and end. */
interface Leg {
  readonly visit: Visit;
  readonly travelMinutes: number;
  readonly arrival: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The team's route on a day, with the planner's arithmetic (as `schoolTimetable`): leave at
 * {@link DAY_START}, travel, set up for {@link SETUP_MINUTES}, record each student in
 * {@link RECORDING_MINUTES} ÷ the team's daily capacity.
 */
function dayLegs(
  dayVisits: readonly Visit[],
  schools: ReadonlyMap<string, PlanSchool>,
  team: Team | undefined,
): Leg[] {
  const capacity = team ? dailyCapacity(team) : 0;
  const perStudent = capacity > 0 ? RECORDING_MINUTES / capacity : 0;
  const legs: Leg[] = [];
  let at = DAY_START;
  let from: PlanSchool | undefined;
  for (const visit of [...dayVisits].sort((a, b) => a.order - b.order)) {
    const school = schools.get(visit.npsn) ?? unknownSchool(visit.npsn);
    const travelMinutes = Math.round(from ? travelBetween(from, school) : school.waktuTempuhMenit);
    const arrival = at + travelMinutes;
    const start = arrival + SETUP_MINUTES;
    const end = start + (visit.wajib + visit.dini) * perStudent;
    legs.push({ visit, travelMinutes, arrival, start, end });
    at = end;
    from = school;
  }
  return legs;
}

/**
 * A timetable time as a clock shows it: the core rounds the minutes on their own, which can give
 * `09:60` for 09:59.6; that is 10:00.
 */
export function normalClock(time: string): string {
  const minutes = minutesOf(time);
  return minutes === null ? time : clock(minutes);
}

/** Stored schools by NPSN, as the planner takes them. */
function schoolMap(schools: readonly School[]): Map<string, PlanSchool> {
  return new Map(schools.map((s) => [s.npsn, planSchoolOf(s)]));
}

/** School `npsn`'s timetable and its students placed in it. */
function schoolSchedule(
  npsn: string,
  source: ScheduleSource,
  targets: SchoolTargets,
): { slots: TimetableSlot[]; students: ScheduledStudent[] } {
  const planSchools = [...schoolMap(source.schools).values()];
  if (!planSchools.some((s) => s.npsn === npsn)) planSchools.push(unknownSchool(npsn));
  const slots = schoolTimetable(
    npsn,
    source.visits,
    classGroups(targets.students),
    planSchools,
    source.teams,
    TIMETABLE_OPTIONS,
  ).map((slot) => ({ ...slot, start: normalClock(slot.start), end: normalClock(slot.end) }));
  return { slots, students: placeStudents(slots, targets.students) };
}

/** What school `npsn`'s letter says, from the plan and the school's target students. */
export function letterData(
  npsn: string,
  source: ScheduleSource,
  targets: SchoolTargets,
): LetterData {
  const schools = schoolMap(source.schools);
  const school = schools.get(npsn) ?? unknownSchool(npsn);
  const teamOf = new Map(source.teams.map((t) => [t.tim, t]));
  const mine = source.visits
    .filter((v) => v.npsn === npsn)
    .sort((a, b) => a.date.localeCompare(b.date) || a.team.localeCompare(b.team));
  const visits = mine.map((visit): LetterVisit => {
    const day = source.visits.filter((v) => v.team === visit.team && v.date === visit.date);
    const leg = dayLegs(day, schools, teamOf.get(visit.team)).find((l) => l.visit.npsn === npsn);
    return {
      date: visit.date,
      team: visit.team,
      sets: teamOf.get(visit.team)?.jumlahAlat ?? 0,
      arrival: clock(leg?.arrival ?? DAY_START),
      start: clock(leg?.start ?? DAY_START),
      end: clock(leg?.end ?? DAY_START),
      wajib: visit.wajib,
      dini: visit.dini,
    };
  });
  const { slots, students } = schoolSchedule(npsn, source, targets);
  return {
    school: { npsn, nama: school.nama, kecamatan: kecamatanLabel(school.kecamatan) },
    visits,
    slots,
    students: [...students].sort(compareTargets),
    planned: {
      wajib: mine.reduce((sum, v) => sum + v.wajib, 0),
      dini: mine.reduce((sum, v) => sum + v.dini, 0),
    },
    targets: { wajib: targets.wajib, dini: targets.dini, pending: targets.pending },
  };
}

/**
 * Team `team`'s day `date`: its schools in order with travel and times, each school's turns that day
 * and the students expected in them. `targets` holds the target students of the day's schools.
 */
export function teamDayData(
  team: string,
  date: string,
  source: ScheduleSource,
  targets: ReadonlyMap<string, SchoolTargets>,
): TeamDayData {
  const schools = schoolMap(source.schools);
  const teamRow = source.teams.find((t) => t.tim === team);
  const day = source.visits.filter((v) => v.team === team && v.date === date);
  const stops = dayLegs(day, schools, teamRow).map((leg, i): DayStop => {
    const { visit } = leg;
    const school = schools.get(visit.npsn) ?? unknownSchool(visit.npsn);
    const own = targets.get(visit.npsn) ?? {
      npsn: visit.npsn,
      students: [],
      wajib: 0,
      dini: 0,
      pending: 0,
    };
    const schedule = schoolSchedule(visit.npsn, source, own);
    return {
      order: i + 1,
      npsn: visit.npsn,
      nama: school.nama,
      kecamatan: kecamatanLabel(school.kecamatan),
      travelMinutes: leg.travelMinutes,
      fromOffice: i === 0,
      arrival: clock(leg.arrival),
      start: clock(leg.start),
      end: clock(leg.end),
      wajib: visit.wajib,
      dini: visit.dini,
      slots: schedule.slots.filter((s) => s.date === date && s.team === team),
      students: schedule.students.filter((s) => s.date === date && s.team === team),
    };
  });
  return { team, sets: teamRow?.jumlahAlat ?? 0, date, stops };
}
