/**
 * A team's day summary, as the team leader signs it off: every visit of the team that day, its
 * counts from the whole log of each school (an outcome may come from another day), the reasons, the
 * notes and any conflicts to settle; and the sign-off if the day was closed.
 */
import { summariseDay, type DaySummary, type VisitEvent } from '@sahaja/core/field';
import type { DayClosureRow, IsoDate, ProgrammeRow, SahajaDatabase } from '../db';
import { eligibilityPolicy } from '../export/school-targets';
import { readDayVisits, readSchoolEvents, readVisitList, type DayVisitRow } from './visit-data';

export interface TeamDay {
  readonly summary: DaySummary;
  /** The team's visits that day, in route order, with school names. */
  readonly visits: readonly DayVisitRow[];
  /** Names of the students and walk-ins, for the notes and conflicts. */
  readonly names: ReadonlyMap<string, string>;
  readonly closure: DayClosureRow | null;
}

/** Reads team `team`'s day `date`; null when the team has no visit that day. */
export async function readTeamDay(
  db: SahajaDatabase,
  programme: ProgrammeRow,
  date: IsoDate,
  team: string,
): Promise<TeamDay | null> {
  const visits = (await readDayVisits(db, programme.id, date)).filter((v) => v.team === team);
  if (visits.length === 0) return null;
  const policy = eligibilityPolicy(programme.settings);
  if (!policy.ok) throw new Error(policy.message.en);
  const schools = await Promise.all(
    visits.map(async (v) => ({
      list: await readVisitList(db, programme.id, v.npsn, policy.value),
      events: await readSchoolEvents(db, programme.id, v.npsn),
    })),
  );
  const events: VisitEvent[] = schools.flatMap((s) => s.events);
  const names = new Map<string, string>();
  for (const { list } of schools) for (const s of list.students) names.set(s.idSiswa, s.nama);
  for (const e of events) if (e.kind === 'walk_in') names.set(e.id, e.nama);
  const summary = summariseDay(
    date,
    team,
    visits.map((v, i) => ({
      npsn: v.npsn,
      expected: (schools[i]?.list.students ?? []).map((s) => ({
        idSiswa: s.idSiswa,
        category: s.category,
        kelas: s.kelas,
      })),
    })),
    events,
  );
  const closure = (await db.dayClosures.get([programme.id, date, team])) ?? null;
  return { summary, visits, names, closure };
}
