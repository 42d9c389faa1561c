/**
 * What the visit day reads and writes in IndexedDB: the planned visits of a day, a school's list of
 * target students (with the NIK pemadanan found, for searching by its digits), the school's visit-day
 * events and the team-days signed off. Events are only ever added, one per transaction, after the
 * core checked them against the log they join.
 */
import { isQuotaExceeded } from '../db/quota';
import type { EligibilityPolicy, Message } from '@sahaja/core';
import { validateVisitEvent, type VisitEvent, type VisitKey } from '@sahaja/core/field';
import type { DayClosureRow, IsoDate, SahajaDatabase, VisitEventRow, VisitRow } from '../db';
import { resolveRegisters } from '@sahaja/core/sync';
import { readSchoolTargets, type TargetStudent } from '../export/school-targets';
import { readChanges, recordChange } from '../sync/change-log';

/** A student on a visit's list: the school's target student and the NIK pemadanan found, if any. */
export interface VisitStudent extends TargetStudent {
  readonly nik: string;
}

/** A school's list for its visits, and the students it lists that have no category yet. */
export interface VisitList {
  readonly npsn: string;
  readonly students: readonly VisitStudent[];
  /** Not matched or waiting for review: not on the list until decided in the office. */
  readonly pending: number;
}

/** A planned visit with its school's name (the plan stores NPSNs only). */
export interface DayVisitRow extends VisitRow {
  readonly schoolName: string;
}

/** The visits planned on `date`, by team and then their order in the team's day. */
export async function readDayVisits(
  db: SahajaDatabase,
  programmeId: string,
  date: IsoDate,
): Promise<DayVisitRow[]> {
  const visits = await db.visits
    .where('[programmeId+date+team+npsn]')
    .between([programmeId, date, '', ''], [programmeId, date, '\uffff', '\uffff'])
    .toArray();
  return withSchoolNames(db, programmeId, visits);
}

/** Every planned visit of the programme, by date, team and order. */
export async function readAllVisits(
  db: SahajaDatabase,
  programmeId: string,
): Promise<DayVisitRow[]> {
  const visits = await db.visits
    .where('[programmeId+date+team+npsn]')
    .between([programmeId, '', '', ''], [programmeId, '\uffff', '\uffff', '\uffff'])
    .toArray();
  return withSchoolNames(db, programmeId, visits);
}

async function withSchoolNames(
  db: SahajaDatabase,
  programmeId: string,
  visits: readonly VisitRow[],
): Promise<DayVisitRow[]> {
  const npsns = [...new Set(visits.map((v) => v.npsn))];
  const schools = await db.schools.bulkGet(npsns.map((n): [string, string] => [programmeId, n]));
  const names = new Map(npsns.map((n, i) => [n, schools[i]?.nama ?? n]));
  return [...visits]
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) || a.team.localeCompare(b.team, 'id') || a.order - b.order,
    )
    .map((v) => ({ ...v, schoolName: names.get(v.npsn) ?? v.npsn }));
}

/**
 * School `npsn`'s target students (as the target lists decide them) with the NIK of each one's
 * registry match. A school without students gives an empty list.
 */
export async function readVisitList(
  db: SahajaDatabase,
  programmeId: string,
  npsn: string,
  policy: EligibilityPolicy,
): Promise<VisitList> {
  const targets = await readSchoolTargets(db, programmeId, npsn, policy);
  const matches = await db.matches.bulkGet(
    targets.students.map((s): [string, string] => [programmeId, s.idSiswa]),
  );
  return {
    npsn,
    students: targets.students.map((s, i) => ({ ...s, nik: matches[i]?.nik ?? '' })),
    pending: targets.pending,
  };
}

/** Every visit-day event at school `npsn` (over all its visits), in the order they were stored. */
export async function readSchoolEvents(
  db: SahajaDatabase,
  programmeId: string,
  npsn: string,
): Promise<VisitEvent[]> {
  const rows = await db.visitEvents
    .where('[programmeId+visit.npsn]')
    .equals([programmeId, npsn])
    .toArray();
  return rows.map(withoutProgramme);
}

/**
 * A screen's log with the events of `stored` it has not seen: the stored log, then the screen's own
 * events it does not show yet (being stored). Null when `stored` brings nothing new.
 */
export function withStored(
  log: readonly VisitEvent[],
  stored: readonly VisitEvent[],
): VisitEvent[] | null {
  const seen = new Set(log.map((e) => e.id));
  if (stored.every((e) => seen.has(e.id))) return null;
  const inStore = new Set(stored.map((e) => e.id));
  return [...stored, ...log.filter((e) => !inStore.has(e.id))];
}

/** Every visit-day event of a day (all teams and schools). */
export async function readDateEvents(
  db: SahajaDatabase,
  programmeId: string,
  date: IsoDate,
): Promise<VisitEvent[]> {
  const rows = await db.visitEvents
    .where('[programmeId+visit.date]')
    .equals([programmeId, date])
    .toArray();
  return rows.map(withoutProgramme);
}

/** Every visit-day event of the programme. */
export async function readAllEvents(
  db: SahajaDatabase,
  programmeId: string,
): Promise<VisitEvent[]> {
  const rows = await db.visitEvents
    .where('[programmeId+id]')
    .between([programmeId, ''], [programmeId, '\uffff'])
    .toArray();
  return rows.map(withoutProgramme);
}

/** The event as the core made it: without the programme, and an undo without the visit it is filed under. */
function withoutProgramme(row: VisitEventRow): VisitEvent {
  if (row.kind === 'undo') {
    const { programmeId: _programme, visit: _visit, ...undo } = row;
    return undo;
  }
  const { programmeId: _programme, ...event } = row;
  // The rest of a union is typed as one object; it is the event that was stored.
  return event as VisitEvent;
}

/** The time now as an ISO timestamp (the `at` of a new event). */
export function timestamp(): string {
  return new Date().toISOString();
}

/** Why an event was not stored: the core's problems with it (each naming its field), or storage. */
export type AppendError =
  | { readonly kind: 'invalid'; readonly messages: readonly Message[] }
  /** `quota`: the laptop's storage is full. */
  | { readonly kind: 'storage'; readonly message: string; readonly quota: boolean };

/**
 * Checks `input` against `log` (the events it joins: the school's, at `visit`) and adds it to the
 * programme's log; an undo is filed under `visit`. The database is unchanged when it is refused or
 * the write fails.
 */
export async function appendVisitEvent(
  db: SahajaDatabase,
  programmeId: string,
  input: unknown,
  log: readonly VisitEvent[],
  visit: VisitKey,
): Promise<{ ok: true; event: VisitEvent } | { ok: false; error: AppendError }> {
  const checked = validateVisitEvent(input, log);
  if (!checked.ok) {
    return {
      ok: false,
      error: { kind: 'invalid', messages: checked.issues.map((issue) => issue.message) },
    };
  }
  try {
    const event = checked.value;
    await db.transaction('rw', [db.visitEvents, db.changes], async () => {
      await db.visitEvents.add(
        event.kind === 'undo' ? { ...event, programmeId, visit } : { ...event, programmeId },
      );
      await recordChange(db, programmeId, { kind: 'visit', id: event.id, payload: event });
    });
    return { ok: true, event: checked.value };
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, error: { kind: 'storage', message, quota: isQuotaExceeded(thrown) } };
  }
}

/** The team-days signed off, by date then team. */
export async function readDayClosures(
  db: SahajaDatabase,
  programmeId: string,
): Promise<DayClosureRow[]> {
  return db.dayClosures
    .where('[programmeId+date+team]')
    .between([programmeId, '', ''], [programmeId, '\uffff', '\uffff'])
    .toArray();
}

/**
 * Signs a team's day off (again: a later sign-off replaces the earlier one), and logs it as a change
 * that replaces the closings of that day this laptop holds.
 */
export async function closeDay(db: SahajaDatabase, row: DayClosureRow): Promise<void> {
  await db.transaction('rw', [db.dayClosures, db.changes], async () => {
    const { programmeId, date, team, closedBy, closedAt, note } = row;
    const closings = (await readChanges(db, programmeId)).filter((c) => c.kind === 'day_closed');
    const key = (p: Partial<DayClosureRow>) => `${p.date}\u0000${p.team}`;
    const held = resolveRegisters(closings, (c) => {
      const p = c.payload as Partial<DayClosureRow>;
      return { key: key(p), value: p };
    }).get(key(row));
    await db.dayClosures.put(row);
    await recordChange(db, programmeId, {
      kind: 'day_closed',
      payload: { date, team, closedBy, closedAt, note },
      ...(held && { replaces: held.heads }),
    });
  });
}
