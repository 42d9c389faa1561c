/**
 * The import session of the programme the screens work on, kept while the user visits other screens:
 * 73 files picked, read and checked are not lost by a look at the menu.
 */
import type { ProgrammeRow } from '../db';
import { ImportSession, type ImportSessionDependencies } from './import-session.svelte';

let current: ImportSession | null = null;

/**
 * The session importing into `programme`: the one kept, when it is for this programme; else a new one
 * (its import log read at once). Files picked for another programme are left with that session.
 */
export function importSessionFor(
  programme: ProgrammeRow,
  deps: ImportSessionDependencies,
): ImportSession {
  if (current?.target.id !== programme.id) {
    current = new ImportSession(deps, {
      id: programme.id,
      pivotYear: Number(programme.settings.referenceDate.slice(0, 4)),
    });
    void current.refreshHistory();
  }
  return current;
}

/** Drops the kept session (the data was locked: what it read must not stay in memory). */
export function forgetImportSession(): void {
  current = null;
}
