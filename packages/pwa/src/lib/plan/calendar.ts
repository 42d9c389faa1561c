/**
 * A plan as a calendar: one row per week, Monday to Friday, from the week the programme starts to the
 * week of its last visit or lost day, each day with its visits, holidays and lost team-days.
 */
import { addDays, formatIsoDate, isoDayOfWeek, parseIsoDate, type PlainDate } from '@sahaja/core';
import type { Holiday } from '../core/types';
import type { LostDayRow, VisitRow } from '../db';

/** One weekday of the calendar. */
export interface CalendarDay {
  readonly date: string;
  /** Before the programme's first day: no visit can be there. */
  readonly beforeStart: boolean;
  /** Names of the holidays and cuti bersama on the day. */
  readonly holidays: readonly string[];
  /** The lost team-days on the day (of the team shown, or of every team). */
  readonly lost: readonly LostDayRow[];
  /** The visits on the day (of the team shown, or of every team), by team and place in the day. */
  readonly visits: readonly VisitRow[];
}

/** A week of the calendar: its Monday and its five weekdays. */
export interface CalendarWeek {
  readonly monday: string;
  readonly days: readonly CalendarDay[];
}

/** What {@link calendarWeeks} lays out. */
export interface CalendarInput {
  readonly visits: readonly VisitRow[];
  /** The team to show, or null for every team. */
  readonly team: string | null;
  readonly holidays: readonly Holiday[];
  readonly lostDays: readonly LostDayRow[];
  /** The programme's first day (`YYYY-MM-DD`). */
  readonly start: string;
}

/** Weeks shown at most, so that a stray far-off date cannot make a calendar of years. */
export const MAX_WEEKS = 104;

/**
 * The weeks from the programme's start (or an earlier visit or lost day) to the last visit or lost day
 * of the team shown; only the start's week when there is neither. Visits and lost days on a Saturday
 * or Sunday are not in the Monday–Friday grid. Returns no week when `start` is not a real date.
 */
export function calendarWeeks(input: CalendarInput): CalendarWeek[] {
  const { team } = input;
  const visits = input.visits.filter((v) => team === null || v.team === team);
  const lost = input.lostDays.filter((d) => team === null || d.team === team);
  const dates = [input.start, ...visits.map((v) => v.date), ...lost.map((d) => d.date)]
    .filter((d) => parseIsoDate(d) !== undefined)
    .sort();
  const first = parseIsoDate(dates[0] ?? '');
  const last = parseIsoDate(dates.at(-1) ?? '');
  if (!first || !last || !parseIsoDate(input.start)) return [];

  const visitsOn = groupBy(visits, (v) => v.date);
  const lostOn = groupBy(lost, (d) => d.date);
  const holidaysOn = groupBy(input.holidays, (h) => h.tanggal);
  const weeks: CalendarWeek[] = [];
  const lastIso = formatIsoDate(last);
  for (
    let monday = mondayOf(first);
    formatIsoDate(monday) <= lastIso && weeks.length < MAX_WEEKS;
    monday = addDays(monday, 7)
  ) {
    const days = [0, 1, 2, 3, 4].map((offset): CalendarDay => {
      const date = formatIsoDate(addDays(monday, offset));
      return {
        date,
        beforeStart: date < input.start,
        holidays: (holidaysOn.get(date) ?? []).map((h) => h.keterangan),
        lost: lostOn.get(date) ?? [],
        visits: [...(visitsOn.get(date) ?? [])].sort(
          (a, b) => a.team.localeCompare(b.team) || a.order - b.order,
        ),
      };
    });
    weeks.push({ monday: formatIsoDate(monday), days });
  }
  return weeks;
}

function mondayOf(date: PlainDate): PlainDate {
  return addDays(date, 1 - isoDayOfWeek(date));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
