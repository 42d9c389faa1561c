/**
 * Choosing the visit to work on: the planned visits of a day (today's first), by team. The days that
 * have visits are offered too, so a laptop that is a day early or late still finds its visit.
 */
import { localToday, type SahajaDatabase } from '../db';
import { readAllVisits, type DayVisitRow } from './visit-data';

export type PickerState = 'loading' | 'ready' | 'failed';

/** A team's visits on the chosen day, in the order of its route. */
export interface TeamVisits {
  readonly team: string;
  readonly visits: readonly DayVisitRow[];
}

export class VisitPicker {
  state = $state<PickerState>('loading');
  error = $state<string | null>(null);
  /** Every planned visit of the programme. */
  visits = $state.raw<readonly DayVisitRow[]>([]);
  date = $state(localToday());

  /** The days with a visit, in order. */
  readonly dates = $derived(datesOf(this.visits));
  readonly byTeam = $derived(groupByTeam(this.visits.filter((v) => v.date === this.date)));

  readonly #db: () => SahajaDatabase;

  constructor(db: () => SahajaDatabase) {
    this.#db = db;
  }

  /**
   * Reads the programme's plan. The day shown is today when it has visits, else the next day with
   * visits, else the last one (a plan that is over).
   */
  async load(programmeId: string, today = localToday()): Promise<void> {
    this.state = 'loading';
    try {
      this.visits = await readAllVisits(this.#db(), programmeId);
      const dates = this.dates;
      this.date = dates.includes(today)
        ? today
        : (dates.find((d) => d > today) ?? dates[dates.length - 1] ?? today);
      this.state = 'ready';
    } catch (thrown) {
      this.error = thrown instanceof Error ? thrown.message : String(thrown);
      this.state = 'failed';
    }
  }
}

/** The dates of sorted visits, each once. */
function datesOf(visits: readonly DayVisitRow[]): string[] {
  return visits.map((v) => v.date).filter((date, i, all) => i === 0 || all[i - 1] !== date);
}

/** Visits (sorted by team) by team. */
function groupByTeam(visits: readonly DayVisitRow[]): TeamVisits[] {
  const teams: TeamVisits[] = [];
  for (const v of visits) {
    const last = teams[teams.length - 1];
    if (last?.team === v.team)
      teams[teams.length - 1] = { team: v.team, visits: [...last.visits, v] };
    else teams.push({ team: v.team, visits: [v] });
  }
  return teams;
}
