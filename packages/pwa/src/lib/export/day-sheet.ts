/**
 * A team's printed day sheet, the paper backup of a visit day: the day's route (schools in order,
 * travel, arrival and recording times), then per school its class groups' turns and the students
 * expected, numbered, with empty columns to tick and signature lines. Each school after the first
 * starts on a new page, so the sheet of one school can be left with it.
 */
import type { Locale } from '../i18n/format';
import { clockText } from './dates';
import type { TeamDayData } from './schedule';
import type { TargetCategory } from './school-targets';

/** One school in the day's route. */
export interface RouteLine {
  readonly order: number;
  readonly npsn: string;
  readonly nama: string;
  readonly kecamatan: string;
  readonly travelMinutes: number;
  readonly fromOffice: boolean;
  readonly arrival: string;
  readonly recording: string;
  readonly wajib: number;
  readonly dini: number;
}

/** A class group's turn; `kelas` is empty for students the list gives no class. */
export interface TurnLine {
  readonly time: string;
  readonly kelas: string;
  readonly wajib: number;
  readonly dini: number;
}

/** An expected student, numbered within the school. */
export interface StudentLine {
  readonly no: number;
  readonly nisn: string;
  readonly nama: string;
  readonly kelas: string;
  readonly category: TargetCategory;
  readonly time: string;
}

/** One school's part of the day sheet. */
export interface SchoolSection {
  readonly key: string;
  readonly route: RouteLine;
  readonly turns: readonly TurnLine[];
  readonly students: readonly StudentLine[];
  /** Starts on a new page (every school but the first, which follows the route). */
  readonly newPage: boolean;
}

/** A team's day sheet. */
export interface DaySheetModel {
  readonly key: string;
  readonly team: string;
  readonly date: string;
  readonly sets: number;
  readonly route: readonly RouteLine[];
  readonly sections: readonly SchoolSection[];
}

/** The day sheet of `day`, times written as `locale` writes them (08.10 / 08:10). */
export function daySheetModel(day: TeamDayData, locale: Locale): DaySheetModel {
  const time = (start: string, end: string) =>
    `${clockText(start, locale)}–${clockText(end, locale)}`;
  const route = day.stops.map((stop): RouteLine => ({
    order: stop.order,
    npsn: stop.npsn,
    nama: stop.nama,
    kecamatan: stop.kecamatan,
    travelMinutes: stop.travelMinutes,
    fromOffice: stop.fromOffice,
    arrival: clockText(stop.arrival, locale),
    recording: time(stop.start, stop.end),
    wajib: stop.wajib,
    dini: stop.dini,
  }));
  const sections = day.stops.map((stop, i): SchoolSection => ({
    key: `${stop.order}|${stop.npsn}`,
    route: route[i] as RouteLine,
    turns: stop.slots.map((slot) => ({
      time: time(slot.start, slot.end),
      kelas: slot.kelas,
      wajib: slot.wajib,
      dini: slot.dini,
    })),
    students: stop.students.map((s, n) => ({
      no: n + 1,
      nisn: s.nisn,
      nama: s.nama,
      kelas: s.kelas,
      category: s.category,
      time: s.start && s.end ? time(s.start, s.end) : '',
    })),
    newPage: i > 0,
  }));
  return {
    key: `${day.team}|${day.date}`,
    team: day.team,
    date: day.date,
    sets: day.sets,
    route,
    sections,
  };
}
