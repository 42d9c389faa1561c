/**
 * Which programme the screens work on. The laptop may hold several (the demo and real years); the choice
 * is remembered on this device, and the most recently stored programme is used when none was chosen.
 */
import { getDatabase, listProgrammes, type ProgrammeRow, type SahajaDatabase } from '../db';

/** Where the chosen programme's id is remembered between visits. */
export const ACTIVE_PROGRAMME_KEY = 'sahaja.programme';

export class ActiveProgramme {
  /** Every stored programme, the most recently stored first. */
  programmes = $state.raw<readonly ProgrammeRow[]>([]);
  /** False until the stored programmes were read once. */
  loaded = $state(false);
  /** Why the database could not be read, or null. */
  error = $state<string | null>(null);
  #chosen = $state<string | null>(null);

  /** The programme the screens work on: the chosen one, else the most recent; null when none. */
  readonly row = $derived(
    this.programmes.find((p) => p.id === this.#chosen) ?? this.programmes[0] ?? null,
  );

  #db: () => SahajaDatabase;
  #storage: Storage | null;

  constructor(db: () => SahajaDatabase, storage: Storage | null) {
    this.#db = db;
    this.#storage = storage;
    this.#chosen = this.#read();
  }

  /** Reads the stored programmes again (after one was stored, changed or deleted elsewhere). */
  async refresh(): Promise<void> {
    try {
      this.programmes = await listProgrammes(this.#db());
      this.error = null;
    } catch (thrown) {
      // IndexedDB can be unavailable (blocked by policy, some private modes): the page says so.
      this.error = thrown instanceof Error ? thrown.message : String(thrown);
    } finally {
      this.loaded = true;
    }
  }

  /** Makes programme `id` the one the screens work on, remembered on this device. */
  select(id: string): void {
    this.#chosen = id;
    try {
      this.#storage?.setItem(ACTIVE_PROGRAMME_KEY, id);
    } catch {
      // Storage can be full or blocked; the choice then lasts for this visit only.
    }
  }

  /** Shows a programme row changed by this page (settings saved, counts after an import) at once. */
  replace(row: ProgrammeRow): void {
    const others = this.programmes.filter((p) => p.id !== row.id);
    this.programmes = this.programmes.some((p) => p.id === row.id)
      ? this.programmes.map((p) => (p.id === row.id ? row : p))
      : [row, ...others];
  }

  #read(): string | null {
    try {
      return this.#storage?.getItem(ACTIVE_PROGRAMME_KEY) ?? null;
    } catch {
      return null;
    }
  }
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The app's active programme. */
export const active = new ActiveProgramme(getDatabase, browserStorage());
