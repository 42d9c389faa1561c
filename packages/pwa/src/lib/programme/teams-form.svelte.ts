/**
 * The recording teams of a programme as the user edits them: a name unique within the programme, the
 * number of recording sets and the students one set records in a day; the team's daily capacity is
 * their product.
 */
import type { Team } from '../core/types';
import { readTeams, saveTeams } from '../db';
import type { SetupDependencies } from './form';
import { RecordListForm } from './record-list.svelte';
import { DEFAULT_SET_CAPACITY } from './records';
import {
  checkTeams,
  dailyCapacity,
  nextTeamName,
  teamsInKeyOrder,
  type TeamDraft,
  type TeamField,
} from './team-rows';

/** The teams of the programme being set up. */
export class TeamsForm extends RecordListForm<TeamDraft, TeamField, Team> {
  /** The students all teams as typed record in a day (teams with invalid numbers left out). */
  readonly totalCapacity = $derived(
    this.rows.reduce((sum, row) => sum + (dailyCapacity(row) ?? 0), 0),
  );

  constructor(deps: SetupDependencies) {
    super(deps, {
      read: readTeams,
      write: saveTeams,
      draft: (team, key) => ({
        key,
        tim: team.tim,
        jumlahAlat: String(team.jumlahAlat),
        kapasitasPerAlat: String(team.kapasitasPerAlat),
      }),
      check: checkTeams,
      order: teamsInKeyOrder,
    });
  }

  /** Adds a team named `Tim n` (the first free number) with one set of 50 students a day. */
  add(): TeamDraft {
    const row: TeamDraft = {
      key: this.nextKey(),
      tim: nextTeamName(this.rows.map((r) => r.tim)),
      jumlahAlat: '1',
      kapasitasPerAlat: String(DEFAULT_SET_CAPACITY),
    };
    this.rows.push(row);
    // The row as stored in the state (a proxy): changes to it show on screen.
    return this.rows[this.rows.length - 1] ?? row;
  }
}
