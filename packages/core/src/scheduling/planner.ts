/**
 * The visit planner (SPEC §5). Teams take turns, the one whose work ends earliest first. Each takes
 * the school that loses the least recording time where the team stands — a nearby school that fits
 * the rest of its day, or on a fresh day any school, most WAJIB students first — as one visit: a run
 * of consecutive working days that holds all the school's students after travel, within the team's
 * capacity and outside the school's blackout days. Within a visit WAJIB students come first. The plan
 * states its lower bounds so that its quality can be checked.
 */
import {
  compareDates,
  formatIsoDate,
  isoDayOfWeek,
  parseIsoDate,
  type PlainDate,
} from '../dates/plain-date.js';
import {
  isWorkingDay,
  nextWorkingDay,
  addWorkingDays,
  workingCalendar,
} from '../calendar/working-days.js';
import type { Team } from '../domain/records.js';
import { placePinned } from './pinned.js';
import type {
  Plan,
  PlanCalendar,
  PlanMode,
  PlanOptions,
  PlanSchool,
  ReleasedVisit,
  TeamUse,
  Unserved,
  Visit,
} from './types.js';

/** Fewest students worth starting a school with at the end of a day already used by another. */
const MIN_SHARED_STUDENTS = 10;

/** Minutes between two schools: by road from their coordinates, else by kecamatan. */
export function travelBetween(a: PlanSchool, b: PlanSchool): number {
  if (a === b) return 0;
  if (
    a.latitude !== undefined &&
    a.longitude !== undefined &&
    b.latitude !== undefined &&
    b.longitude !== undefined
  ) {
    // Great-circle distance, 1.3 for the roads' detours, 40 km/h.
    const rad = Math.PI / 180;
    const dLat = (b.latitude - a.latitude) * rad;
    const dLon = (b.longitude - a.longitude) * rad;
    const h =
      Math.sin(dLat / 2) ** 2 +
      Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
    const km = 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
    return Math.ceil(((km * 1.3) / 40) * 60);
  }
  // Without coordinates: a short hop inside one kecamatan, otherwise back through the office.
  return a.kecamatan !== '' && a.kecamatan === b.kecamatan
    ? 15
    : a.waktuTempuhMenit + b.waktuTempuhMenit;
}

/** Students a team records in a day of full recording time. */
export const dailyCapacity = (team: Team): number => team.jumlahAlat * team.kapasitasPerAlat;

/** The two lower bounds on working days: all students, and WAJIB students only. */
export function lowerBounds(
  schools: readonly PlanSchool[],
  teams: readonly Team[],
): { all: number; wajib: number } {
  const capacity = teams.reduce((sum, t) => sum + dailyCapacity(t), 0);
  const wajib = schools.reduce((sum, s) => sum + s.jumlahWajib, 0);
  const all = wajib + schools.reduce((sum, s) => sum + s.jumlahDini, 0);
  if (capacity <= 0) return { all: all > 0 ? Infinity : 0, wajib: wajib > 0 ? Infinity : 0 };
  return { all: Math.ceil(all / capacity), wajib: Math.ceil(wajib / capacity) };
}

export interface DayLoad {
  /** Schools visited that day, in order (indices into the school list). */
  readonly schools: number[];
  /** Recording minutes already planned that day. */
  recording: number;
}

export interface Placement {
  readonly team: number;
  readonly days: readonly (readonly [day: number, students: number])[];
}

export interface Item {
  readonly school: number;
  readonly students: number;
  readonly kind: 'wajib' | 'dini' | 'both';
}

export class Schedule {
  /** loads[team][day] */
  readonly loads: (DayLoad | undefined)[][];
  /** Team-days that will not happen (`team:day`). */
  readonly closed = new Set<string>();
  /** Pinned visits (`team:day:school`): they stay as they are, so no student is added to them. */
  readonly fixed = new Set<string>();
  /** No work is planned before this day (days before it have passed). */
  notBefore = 0;
  /** Per school, the days each team is there and how many it records: [team, day, students, kind]. */
  readonly work: [number, number, number, Item['kind']][][];

  constructor(
    readonly schools: readonly PlanSchool[],
    readonly teams: readonly Team[],
    readonly days: readonly PlainDate[],
    readonly dayMinutes: readonly number[],
    readonly setup: number,
    readonly recordingMinutes: number,
    readonly blackout: readonly ReadonlySet<number>[],
  ) {
    this.loads = teams.map(() => new Array<DayLoad | undefined>(days.length));
    this.work = schools.map(() => []);
  }

  /** Minutes to record one student for a team (its sets work in parallel). */
  minutesPerStudent(team: number): number {
    return this.recordingMinutes / dailyCapacity(this.teams[team] as Team);
  }

  /** Travel of a day's round: office, the schools in order, office. */
  travel(sequence: readonly number[]): number {
    if (sequence.length === 0) return 0;
    const at = (i: number): PlanSchool => this.schools[sequence[i] as number] as PlanSchool;
    let minutes = at(0).waktuTempuhMenit + at(sequence.length - 1).waktuTempuhMenit;
    for (let i = 1; i < sequence.length; i++) minutes += travelBetween(at(i - 1), at(i));
    return minutes;
  }

  /** Students the team can still record at `school` on `day` after what is planned there. */
  room(team: number, day: number, school: number): number {
    if (day < this.notBefore || this.closed.has(`${team}:${day}`)) return 0;
    const load = this.loads[team]?.[day];
    const sequence = load ? load.schools : [];
    const already = sequence.includes(school);
    if (already && this.fixed.has(`${team}:${day}:${school}`)) return 0;
    const round = already ? sequence : [...sequence, school];
    const recorded = load?.recording ?? 0;
    // The sets record at most their daily capacity, and only in the time travel and setting up leave.
    const free = Math.min(
      this.recordingMinutes - recorded,
      (this.dayMinutes[day] as number) - this.travel(round) - this.setup * round.length - recorded,
    );
    return Math.max(0, Math.floor(free / this.minutesPerStudent(team) + 1e-9));
  }

  /**
   * The run of consecutive working days from `start` that records `students` at `school` for `team`, or
   * undefined when a blackout day or a day without room breaks it.
   */
  tryRun(team: number, school: number, students: number, start: number): Placement | undefined {
    const days: [number, number][] = [];
    let left = students;
    for (let day = start; left > 0; day++) {
      if (day >= this.days.length) return undefined;
      if ((this.blackout[school] as ReadonlySet<number>).has(day)) return undefined;
      const room = this.room(team, day, school);
      const shared = (this.loads[team]?.[day]?.schools.length ?? 0) > 0;
      if (room <= 0) return undefined;
      if (day === start && shared && room < Math.min(left, MIN_SHARED_STUDENTS)) return undefined;
      const take = Math.min(room, left);
      days.push([day, take]);
      left -= take;
    }
    return { team, days };
  }

  commit(item: Item, placement: Placement): void {
    const mps = this.minutesPerStudent(placement.team);
    for (const [day, students] of placement.days) {
      const loads = this.loads[placement.team] as (DayLoad | undefined)[];
      const load = loads[day] ?? { schools: [], recording: 0 };
      if (!load.schools.includes(item.school)) load.schools.push(item.school);
      load.recording += students * mps;
      loads[day] = load;
      (this.work[item.school] as [number, number, number, Item['kind']][]).push([
        placement.team,
        day,
        students,
        item.kind,
      ]);
    }
  }

  /**
   * Puts one visit in the schedule as it is: its WAJIB and REKAM_DINI students, each counted as such
   * (not re-split), on `day` for `team` at `school`.
   */
  commitVisit(team: number, day: number, school: number, wajib: number, dini: number): void {
    for (const [students, kind] of [
      [wajib, 'wajib'],
      [dini, 'dini'],
    ] as const) {
      if (students > 0) this.commit({ school, students, kind }, { team, days: [[day, students]] });
    }
  }

  /** Places what no single run can hold (blackouts everywhere): any room on any day, earliest first. */
  scatter(item: Item): number {
    let left = item.students;
    for (let day = 0; day < this.days.length && left > 0; day++) {
      if ((this.blackout[item.school] as ReadonlySet<number>).has(day)) continue;
      for (let team = 0; team < this.teams.length && left > 0; team++) {
        const room = this.room(team, day, item.school);
        if (room <= 0) continue;
        const take = Math.min(room, left);
        this.commit({ ...item, students: take }, { team, days: [[day, take]] });
        left -= take;
      }
    }
    return left;
  }
}

export function resolveCalendar(
  calendar: PlanCalendar,
  horizon: number,
): { days: PlainDate[]; minutes: number[] } {
  const cal = workingCalendar({
    holidays: calendar.holidays,
    ...(calendar.weekdays && { weekdays: calendar.weekdays }),
  });
  const dayMinutes = calendar.dayMinutes ?? 480;
  const fridayMinutes = calendar.fridayMinutes ?? dayMinutes;
  const days: PlainDate[] = [];
  let day = nextWorkingDay(cal, calendar.start);
  while (days.length < horizon && (!calendar.end || compareDates(day, calendar.end) <= 0)) {
    if (isWorkingDay(cal, day)) days.push(day);
    day = addWorkingDays(cal, day, 1);
  }
  return { days, minutes: days.map((d) => (isoDayOfWeek(d) === 5 ? fridayMinutes : dayMinutes)) };
}

/** The order schools are served in: most WAJIB students first, then the largest, then by NPSN. */
function priority(schools: readonly PlanSchool[]): number[] {
  return schools
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (schools[b] as PlanSchool).jumlahWajib - (schools[a] as PlanSchool).jumlahWajib ||
        total(schools[b] as PlanSchool) - total(schools[a] as PlanSchool) ||
        (schools[a] as PlanSchool).npsn.localeCompare((schools[b] as PlanSchool).npsn),
    );
}

const total = (s: PlanSchool): number => s.jumlahWajib + s.jumlahDini;

function itemsFor(schools: readonly PlanSchool[], mode: PlanMode): Item[] {
  const order = priority(schools);
  if (mode === 'normal') {
    return order
      .map((school) => ({
        school,
        students: total(schools[school] as PlanSchool),
        kind: 'both' as const,
      }))
      .filter((i) => i.students > 0);
  }
  return [
    ...order.map((school) => ({
      school,
      students: (schools[school] as PlanSchool).jumlahWajib,
      kind: 'wajib' as const,
    })),
    ...order.map((school) => ({
      school,
      students: (schools[school] as PlanSchool).jumlahDini,
      kind: 'dini' as const,
    })),
  ].filter((i) => i.students > 0);
}

/**
 * A schedule with nothing planned over the calendar's working days, with each school's blackout days
 * (and the `extra` ones) and the options' lost team-days closed, and the index of each working day by
 * its ISO date. Without an end date the days reach at least the last pinned visit.
 */
export function newSchedule(
  schools: readonly PlanSchool[],
  teams: readonly Team[],
  calendar: PlanCalendar,
  options: PlanOptions,
  extra: readonly { readonly npsn: string; readonly date: string }[] = [],
): { schedule: Schedule; dayOf: Map<string, number> } {
  let horizon = options.horizon ?? 400;
  const lastPin = (options.pinned ?? []).reduce((last, p) => (p.date > last ? p.date : last), '');
  const pinEnd = parseIsoDate(lastPin);
  if (!calendar.end && pinEnd) {
    horizon = Math.max(
      horizon,
      resolveCalendar({ ...calendar, end: pinEnd }, Infinity).days.length,
    );
  }
  const { days, minutes } = resolveCalendar(calendar, horizon);
  const dayOf = new Map(days.map((d, i) => [formatIsoDate(d), i]));
  const blackout = schools.map(
    (s) =>
      new Set(
        [...s.tanggalTidakBisa, ...extra.filter((b) => b.npsn === s.npsn).map((b) => b.date)]
          .map((iso) => dayOf.get(iso))
          .filter((i): i is number => i !== undefined),
      ),
  );
  const schedule = new Schedule(
    schools,
    teams,
    days,
    minutes,
    options.setupMinutes ?? 20,
    options.recordingMinutes ?? 360,
    blackout,
  );
  const teamOf = new Map(teams.map((t, i) => [t.tim, i]));
  for (const lost of options.lostDays ?? []) {
    const team = teamOf.get(lost.team);
    const day = dayOf.get(lost.date);
    if (team !== undefined && day !== undefined) schedule.closed.add(`${team}:${day}`);
  }
  return { schedule, dayOf };
}

/**
 * Plans the visits: every school's students on working days, within each team's daily capacity after
 * travel, outside blackout days and lost team-days, before the end date when there is one. Pinned
 * visits (`options.pinned`) stay exactly as they are and count against their team's day; only the
 * students they leave are planned, around them; a pinned visit that breaks a hard constraint is
 * released with every reason (`Plan.released`) and its students planned like the others. Students that
 * cannot be served are listed with the reason, and with an end date that is too early the plan says the
 * earliest end that works. Deterministic; does not modify its inputs.
 */
export function planVisits(
  schools: readonly PlanSchool[],
  teams: readonly Team[],
  calendar: PlanCalendar,
  options: PlanOptions = {},
): Plan {
  const mode = options.mode ?? 'normal';
  const { schedule, dayOf } = newSchedule(schools, teams, calendar, options);
  const days = schedule.days;
  // What the pinned visits leave of each school is what the planner plans.
  const rest = schools.map((s) => ({ wajib: s.jumlahWajib, dini: s.jumlahDini }));
  const released = placePinned(
    { schedule, dayOf, calendar, lostDays: options.lostDays ?? [] },
    options.pinned ?? [],
    rest,
  );
  const remaining = schools.map((s, i) => ({
    ...s,
    jumlahWajib: (rest[i] as { wajib: number }).wajib,
    jumlahDini: (rest[i] as { dini: number }).dini,
  }));
  const unserved: Unserved[] = [];
  const usable = teams.some((t) => dailyCapacity(t) > 0);
  const unservedOf = (item: Item, left: number, reason: Unserved['reason']): void => {
    const school = remaining[item.school] as PlanSchool;
    // What was planned took the WAJIB students first.
    const planned = item.students - left;
    const wajib =
      item.kind === 'dini'
        ? 0
        : item.kind === 'wajib'
          ? left
          : Math.max(0, school.jumlahWajib - planned);
    unserved.push({ npsn: school.npsn, wajib, dini: left - wajib, reason });
  };
  const items = itemsFor(remaining, mode);
  const reachable = items.map(
    (item) =>
      usable && days.length > 0 && teams.some((_, t) => maxRoom(schedule, t, item.school) > 0),
  );
  const open = new Set(items.map((_, i) => i).filter((i) => reachable[i]));
  for (const i of placeInTurn(schedule, items, open)) {
    const item = items[i] as Item;
    const left = schedule.scatter(item);
    if (left > 0) unservedOf(item, left, 'after_end');
  }
  items.forEach((item, i) => {
    if (!reachable[i])
      unservedOf(item, item.students, days.length === 0 ? 'no_working_day' : 'too_far');
  });
  const plan = summarise(schedule, schools, teams, unserved, released);
  if (calendar.end && unserved.some((u) => u.reason === 'after_end')) {
    const open = planVisits(schools, teams, { ...calendar, end: undefined }, options);
    return { ...plan, earliestEnd: open.unserved.length === 0 ? open.finish : undefined };
  }
  return plan;
}

/** Minutes of lost recording time that one place further down the priority order is worth. */
const RANK_MINUTES = 1;

/** How far ahead (working days) a school's coming blackout makes it urgent, and what a day is worth. */
const URGENCY_DAYS = 8;
const URGENCY_MINUTES = 30;

/**
 * Minutes of priority for a school whose blackout days begin soon: served before them, it keeps one
 * visit; left until after them, it may end the plan late.
 */
function urgency(schedule: Schedule, school: number, day: number): number {
  const closed = schedule.blackout[school] as ReadonlySet<number>;
  for (let ahead = 1; ahead <= URGENCY_DAYS; ahead++) {
    if (closed.has(day + ahead)) return (URGENCY_DAYS - ahead + 1) * URGENCY_MINUTES;
  }
  return 0;
}

/**
 * Places the items team by team: the team whose work ends earliest takes next the item that loses the
 * least recording time where it stands (a nearby school that fits the rest of its day, or a fresh day's
 * school that travel does not shorten), priority breaking near-ties; WAJIB items before REKAM_DINI
 * ones in WAJIB-first mode. Returns the items no team could take as one visit.
 */
function placeInTurn(schedule: Schedule, items: readonly Item[], open: Set<number>): number[] {
  const position = schedule.teams.map(() => 0);
  const recordingOf = (team: number, day: number): number =>
    schedule.loads[team]?.[day]?.recording ?? 0;
  const stuck: number[] = [];
  while (open.size > 0) {
    // The team that is furthest behind; a team past the last day is done.
    let team = -1;
    let when = Infinity;
    schedule.teams.forEach((_, t) => {
      const day = position[t] as number;
      if (day >= schedule.days.length) return;
      const at = day + recordingOf(t, day) / schedule.recordingMinutes;
      if (at < when) [team, when] = [t, at];
    });
    if (team < 0) break;
    const day = position[team] as number;
    const wajibLeft = [...open].some((i) => (items[i] as Item).kind === 'wajib');
    let best: { item: number; run: Placement; score: number } | undefined;
    for (const i of open) {
      const item = items[i] as Item;
      if (wajibLeft && item.kind === 'dini') continue;
      const run = schedule.tryRun(team, item.school, item.students, day);
      if (!run) continue;
      // Time lost on the team's current day when the school spills over to the next: what it leaves
      // unrecorded there, beyond what its own travel costs on any day.
      const [, first] = run.days[0] as readonly [number, number];
      const mps = schedule.minutesPerStudent(team);
      const inherent = schedule.recordingMinutes - maxRoom(schedule, team, item.school) * mps;
      const lost =
        run.days.length > 1
          ? Math.max(0, schedule.recordingMinutes - recordingOf(team, day) - first * mps - inherent)
          : 0;
      const score = lost + i * RANK_MINUTES - urgency(schedule, item.school, day);
      if (!best || score < best.score) best = { item: i, run, score };
    }
    if (!best) {
      position[team] = day + 1;
      continue;
    }
    schedule.commit(items[best.item] as Item, best.run);
    open.delete(best.item);
    position[team] = (best.run.days[best.run.days.length - 1] as readonly [number, number])[0];
  }
  for (const i of open) stuck.push(i);
  return stuck;
}

/** The most a team could record at a school on its longest working day with nothing else planned. */
function maxRoom(schedule: Schedule, team: number, school: number): number {
  const longest = Math.max(0, ...schedule.dayMinutes);
  const s = schedule.schools[school] as PlanSchool;
  const free = Math.min(
    schedule.recordingMinutes,
    longest - 2 * s.waktuTempuhMenit - schedule.setup,
  );
  return Math.max(0, Math.floor(free / schedule.minutesPerStudent(team) + 1e-9));
}

/**
 * The plan a schedule holds, with its figures: one visit per team, day and school (WAJIB students
 * first within a school's days, in day order), the lower bounds, utilisation and visits per school.
 */
export function summarise(
  schedule: Schedule,
  schools: readonly PlanSchool[],
  teams: readonly Team[],
  unserved: Unserved[],
  released: readonly ReleasedVisit[] = [],
): Plan {
  const visits: Visit[] = [];
  const bounds = lowerBounds(schools, teams);
  let lastDay = -1;
  let lastWajibDay = -1;
  const teamStudents = teams.map(() => 0);
  let runs = 0;
  let visited = 0;
  schedule.work.forEach((work, school) => {
    if (work.length === 0) return;
    visited++;
    // WAJIB students first within the school's days, in day order.
    const byDay = [...work].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    const s = schools[school] as PlanSchool;
    // Work placed as WAJIB or REKAM_DINI (pinned or kept visits, WAJIB-first items) keeps its kind;
    // work of both kinds takes the WAJIB students those leave first.
    const fixedWajib = work.reduce((sum, w) => sum + (w[3] === 'wajib' ? w[2] : 0), 0);
    let wajibLeft = Math.max(0, s.jumlahWajib - fixedWajib);
    const merged = new Map<string, Visit & { day: number }>();
    for (const [team, day, students, kind] of byDay) {
      const wajib =
        kind === 'wajib' ? students : kind === 'dini' ? 0 : Math.min(students, wajibLeft);
      if (kind === 'both') wajibLeft -= wajib;
      const key = `${team}:${day}`;
      const before = merged.get(key);
      const order = (schedule.loads[team]?.[day]?.schools ?? []).indexOf(school);
      const visit = {
        day,
        date: formatIsoDate(schedule.days[day] as PlainDate),
        team: (teams[team] as Team).tim,
        npsn: s.npsn,
        wajib: (before?.wajib ?? 0) + wajib,
        dini: (before?.dini ?? 0) + students - wajib,
        order,
      };
      merged.set(key, visit);
      teamStudents[team] = (teamStudents[team] as number) + students;
      lastDay = Math.max(lastDay, day);
      if (visit.wajib > 0) lastWajibDay = Math.max(lastWajibDay, day);
    }
    const daysAtSchool = [...new Set(byDay.map((w) => w[1]))].sort((a, b) => a - b);
    runs += daysAtSchool.filter(
      (d, i) => i === 0 || d !== (daysAtSchool[i - 1] as number) + 1,
    ).length;
    for (const { day: _day, ...visit } of merged.values()) visits.push(visit);
  });
  visits.sort(
    (a, b) => a.date.localeCompare(b.date) || a.team.localeCompare(b.team) || a.order - b.order,
  );
  const workingDays = lastDay + 1;
  const teamUse: TeamUse[] = teams.map((t, i) => ({
    team: t.tim,
    students: teamStudents[i] as number,
    days: new Set(visits.filter((v) => v.team === t.tim).map((v) => v.date)).size,
    utilisation:
      workingDays > 0 && dailyCapacity(t) > 0
        ? (teamStudents[i] as number) / (dailyCapacity(t) * workingDays)
        : 0,
  }));
  return {
    visits,
    workingDays,
    workingDaysWajib: lastWajibDay + 1,
    lowerBound: bounds.all,
    lowerBoundWajib: bounds.wajib,
    finish: lastDay >= 0 ? formatIsoDate(schedule.days[lastDay] as PlainDate) : undefined,
    finishWajib:
      lastWajibDay >= 0 ? formatIsoDate(schedule.days[lastWajibDay] as PlainDate) : undefined,
    teams: teamUse,
    visitsPerSchool: visited > 0 ? runs / visited : 0,
    unserved,
    earliestEnd: undefined,
    released,
  };
}
