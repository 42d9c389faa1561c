/**
 * One visit on the visit day: the school's list with each student's current outcome, the search that
 * narrows it with every key, and the actions of the day — mark an outcome, write a note, add a walk-in,
 * undo the last action. Every action is one event checked by the core and stored before the screen
 * shows it; a refused or failed one changes nothing and says why.
 */
import type { Message } from '@sahaja/core';
import {
  currentOutcomes,
  liveNotes,
  liveWalkIns,
  tallyVisit,
  undoTarget,
  WALK_IN_PREFIX,
  type ExpectedStudent,
  type OutcomeMark,
  type VisitEvent,
  type VisitKey,
  type VisitOutcome,
  type VisitTally,
  type WalkInEvent,
} from '@sahaja/core/field';
import { createStudentSearch, type StudentSearch } from '@sahaja/core/search';
import type { SahajaDatabase } from '../db';
import {
  appendVisitEvent,
  readSchoolEvents,
  timestamp,
  withStored,
  type AppendError,
  type VisitList,
} from './visit-data';
import { announceVisitEvents, concerns, onVisitEventsChanged } from './visit-channel';
import { groupByClass, type VisitListItem, type VisitStudentRow } from './visit-rows';

export type { VisitListItem, VisitStudentRow } from './visit-rows';

/** The User Timing measure of each action, from the key or tap to the event stored. */
export const MARK_MEASURE = 'sahaja:mark';

/** A walk-in as typed in the form (all text; the core checks it). */
export interface WalkInDraft {
  nama: string;
  kelas: string;
  jenisKelamin: string;
  tanggalLahir: string;
  nisn: string;
  nik: string;
  note: string;
}

/** What the last action came to, for the status line. */
export type ActionStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'saving' }
  | {
      readonly state: 'done';
      readonly action: 'mark' | 'note' | 'walk_in' | 'undo';
      readonly name: string;
      readonly outcome?: VisitOutcome;
    }
  | { readonly state: 'refused'; readonly messages: readonly Message[] }
  | { readonly state: 'failed'; readonly message: string; readonly quota?: boolean };

/** An event's fields (the envelope is added when stored) and what to report once stored. */
interface Action {
  readonly fields: Record<string, unknown>;
  readonly done: Omit<Extract<ActionStatus, { state: 'done' }>, 'state'>;
}

export interface VisitDayDependencies {
  readonly db: () => SahajaDatabase;
  /** A new event id (unique across laptops). */
  readonly newId?: () => string;
  /** The time now, as an ISO timestamp. */
  readonly now?: () => string;
}

/** Who acts: this laptop and the staff member at it (stored with every event). */
export interface Actor {
  readonly device: string;
  readonly author: string;
}

/**
 * Keeps `day` up to date with the events of its school that other tabs and workers store (a second
 * tab at the same visit, a merged file: see `visit-channel.ts`); returns the function that stops.
 * Reads run one after another; a read that fails (the data was locked meanwhile) changes nothing.
 */
export function followOtherTabs(day: VisitDay, db: () => SahajaDatabase): () => void {
  let reading: Promise<void> = Promise.resolve();
  return onVisitEventsChanged((change) => {
    if (!concerns(change, day.programmeId, day.visit.npsn)) return;
    reading = reading.then(async () => {
      try {
        await day.takeStored(await readSchoolEvents(db(), day.programmeId, day.visit.npsn));
      } catch {
        // Locked or closed: the screen is going away with its data.
      }
    });
  });
}

/** More hits than any school has students: the search orders the whole list. */
const SEARCH_LIMIT = 100_000;

export class VisitDay {
  readonly visit: VisitKey;
  readonly programmeId: string;
  /** The school's list (targets and the NIK pemadanan found). */
  readonly list: VisitList;
  /** Every event at the school, all visits, in the order stored. */
  log = $state.raw<readonly VisitEvent[]>([]);
  query = $state('');
  /** The student the keys act on (their id), or null. */
  selectedId = $state<string | null>(null);
  status = $state.raw<ActionStatus>({ state: 'idle' });

  readonly current = $derived(currentOutcomes(this.log));
  readonly walkIns = $derived(liveWalkIns(this.log));
  readonly tally: VisitTally = $derived(this.#tallyNow());
  readonly notes = $derived(liveNotes(this.log).filter((n) => sameVisit(n.visit, this.visit)));
  /** Listed students, then the walk-ins added at this school (any of its visits). */
  readonly rows: readonly VisitStudentRow[] = $derived(this.#rowsNow());
  readonly #search: StudentSearch = $derived(this.#searchNow());
  /** The rows the search leaves, best first; every row (by class) when nothing is typed. */
  readonly shown: readonly VisitStudentRow[] = $derived(this.#shownNow());
  /** What the list draws: class headings between the classes when nothing is typed. */
  readonly items: readonly VisitListItem[] = $derived(this.#itemsNow());
  readonly selected = $derived(this.shown.find((r) => r.id === this.selectedId) ?? null);
  /** The action "undo" would take back, or null. */
  readonly undoable = $derived(this.#undoableNow());

  readonly #deps: VisitDayDependencies;
  readonly #actor: () => Actor;
  readonly #expected: readonly ExpectedStudent[];
  /** The actions not stored yet, in the order they were asked for (see `#append`). */
  #queue: Promise<unknown> = Promise.resolve();
  /** The search over the names and numbers, rebuilt only when a walk-in comes or goes. */
  #searchCache: { key: string; search: StudentSearch } | null = null;

  constructor(
    deps: VisitDayDependencies,
    programmeId: string,
    visit: VisitKey,
    list: VisitList,
    log: readonly VisitEvent[],
    actor: () => Actor,
  ) {
    this.#deps = deps;
    this.programmeId = programmeId;
    this.visit = visit;
    this.list = list;
    this.log = log;
    this.#actor = actor;
    this.#expected = list.students.map((s) => ({
      idSiswa: s.idSiswa,
      category: s.category,
      kelas: s.kelas,
    }));
    this.selectedId = this.shown[0]?.id ?? null;
  }

  /**
   * Takes in the school's log as stored now (`stored`, read after another tab or a merged file wrote
   * to it): events this screen has not seen are added. Waits for the actions being stored here first,
   * and keeps this screen's events that `stored` does not show yet, so nothing of its own is lost.
   */
  async takeStored(stored: readonly VisitEvent[]): Promise<void> {
    await this.#queue;
    const log = withStored(this.log, stored);
    if (log === null) return;
    this.log = log;
    if (!this.shown.some((r) => r.id === this.selectedId)) {
      this.selectedId = this.shown[0]?.id ?? null;
    }
  }

  /** Changes the search; the best hit becomes the selected student. */
  setQuery(query: string): void {
    this.query = query;
    this.selectedId = this.shown[0]?.id ?? null;
  }

  /** Moves the selection `step` rows down (negative: up) in the shown list, staying within it. */
  move(step: number): void {
    const shown = this.shown;
    if (shown.length === 0) return;
    const at = shown.findIndex((r) => r.id === this.selectedId);
    const next = Math.min(shown.length - 1, Math.max(0, (at < 0 ? 0 : at) + step));
    this.selectedId = shown[next]?.id ?? null;
  }

  select(id: string): void {
    this.selectedId = id;
  }

  /** Marks the selected student's outcome (with the reason `failed` and `not_eligible` need). */
  mark(outcome: VisitOutcome, reason = '', note = ''): Promise<boolean> {
    const row = this.selected;
    if (!row) return Promise.resolve(false);
    return this.#append({
      fields: {
        kind: 'mark',
        visit: this.visit,
        idSiswa: row.id,
        outcome,
        ...(reason.trim() && { reason }),
        ...(note.trim() && { note }),
      },
      done: { action: 'mark', name: row.nama, outcome },
    });
  }

  /** A note about the selected student, or (no student selected or `aboutVisit`) the visit. */
  note(text: string, aboutVisit = false): Promise<boolean> {
    const row = aboutVisit ? null : this.selected;
    return this.#append({
      fields: { kind: 'note', visit: this.visit, ...(row && { idSiswa: row.id }), text },
      done: { action: 'note', name: row?.nama ?? '' },
    });
  }

  /** Adds a student who is not on the list; they are selected, to be marked next. */
  async addWalkIn(draft: WalkInDraft): Promise<boolean> {
    const id = `${WALK_IN_PREFIX}${this.#newId()}`;
    const optional = (key: keyof WalkInDraft, value: string) =>
      value.trim() ? { [key]: value.trim() } : {};
    const stored = await this.#append({
      fields: {
        id,
        kind: 'walk_in',
        visit: this.visit,
        nama: draft.nama,
        ...optional('kelas', draft.kelas),
        ...optional('jenisKelamin', draft.jenisKelamin),
        ...optional('tanggalLahir', draft.tanggalLahir),
        ...optional('nisn', draft.nisn),
        ...optional('nik', draft.nik),
        ...optional('note', draft.note),
        needsMatching: true,
      },
      done: { action: 'walk_in', name: draft.nama.trim() },
    });
    if (stored) {
      this.query = '';
      this.selectedId = id;
    }
    return stored;
  }

  /**
   * Takes back the last action at this visit on this laptop (again: the one before it). The action is
   * found when the undo's turn comes, so an undo pressed right after a mark takes back that mark.
   */
  undo(): Promise<boolean> {
    return this.#append(() => {
      const target = this.undoable;
      if (!target) return null;
      return {
        fields: { kind: 'undo', undoes: target.id },
        done: { action: 'undo', name: this.#nameOf(target) },
      };
    });
  }

  /**
   * Stores an action as an event. Actions are stored one after another in the order they were asked
   * for (keys pressed faster than a write are queued, never dropped), each checked against the log
   * with every earlier one in it. `action` gives the event's fields when its turn comes (null: none).
   */
  #append(action: Action | (() => Action | null)): Promise<boolean> {
    const started = performance.now();
    const run = this.#queue.then(() => {
      const next = typeof action === 'function' ? action() : action;
      return next ? this.#store(next, started) : false;
    });
    this.#queue = run.catch(() => false);
    return run;
  }

  async #store({ fields, done }: Action, started: number): Promise<boolean> {
    this.status = { state: 'saving' };
    const { device, author } = this.#actor();
    const input = {
      id: this.#newId(),
      at: this.#deps.now?.() ?? timestamp(),
      device,
      ...(author.trim() && { author: author.trim() }),
      ...fields,
    };
    try {
      const result = await appendVisitEvent(
        this.#deps.db(),
        this.programmeId,
        input,
        this.log,
        this.visit,
      );
      if (!result.ok) {
        this.status = statusOf(result.error);
        return false;
      }
      this.log = [...this.log, result.event];
      announceVisitEvents({ programmeId: this.programmeId, npsn: this.visit.npsn });
      this.status = { state: 'done', ...done };
      performance.measure(MARK_MEASURE, { start: started, end: performance.now() });
      return true;
    } catch (thrown) {
      this.status = {
        state: 'failed',
        message: thrown instanceof Error ? thrown.message : String(thrown),
      };
      return false;
    }
  }

  #newId(): string {
    return this.#deps.newId?.() ?? crypto.randomUUID();
  }

  #nameOf(event: VisitEvent): string {
    if (event.kind === 'walk_in') return event.nama;
    const id = 'idSiswa' in event ? event.idSiswa : undefined;
    return this.rows.find((r) => r.id === id)?.nama ?? '';
  }

  #undoableNow(): VisitEvent | null {
    return undoTarget(this.log, { visit: this.visit, device: this.#actor().device });
  }

  #rowsNow(): VisitStudentRow[] {
    const outcomes = this.current.outcomes;
    const here = (mark: OutcomeMark | undefined) => !mark || sameVisit(mark.visit, this.visit);
    const listed = this.list.students.map((s): VisitStudentRow => {
      const mark = outcomes.get(s.idSiswa);
      return {
        id: s.idSiswa,
        nama: s.nama,
        kelas: s.kelas,
        nisn: s.nisn,
        nik: s.nik,
        category: s.category,
        walkIn: false,
        mark: mark ?? null,
        elsewhere: !here(mark),
        ranges: [],
      };
    });
    const walkIns = this.walkIns.map((w: WalkInEvent): VisitStudentRow => {
      const mark = outcomes.get(w.id);
      return {
        id: w.id,
        nama: w.nama,
        kelas: w.kelas ?? '',
        nisn: w.nisn ?? '',
        nik: w.nik ?? '',
        category: null,
        walkIn: true,
        mark: mark ?? null,
        elsewhere: !here(mark),
        ranges: [],
      };
    });
    return [...listed, ...walkIns];
  }

  #searchNow(): StudentSearch {
    const rows = this.rows;
    const key =
      rows.length === this.list.students.length ? '' : this.walkIns.map((w) => w.id).join();
    if (this.#searchCache?.key !== key) {
      const searchable = rows.map((r) => ({
        idSiswa: r.id,
        nama: r.nama,
        nisn: r.nisn,
        nik: r.nik,
      }));
      this.#searchCache = { key, search: createStudentSearch(searchable) };
    }
    return this.#searchCache.search;
  }

  #shownNow(): VisitStudentRow[] {
    const rows = this.rows;
    if (this.query.trim() === '') return [...rows];
    const { hits } = this.#search.search(this.query, { limit: SEARCH_LIMIT });
    return hits.flatMap((hit) => {
      const row = rows[hit.index];
      return row ? [{ ...row, ranges: hit.field === 'name' ? hit.ranges : [] }] : [];
    });
  }

  #itemsNow(): VisitListItem[] {
    const shown = this.shown;
    if (this.query.trim() !== '') return shown.map((row) => ({ type: 'student', row }));
    return groupByClass(shown);
  }

  #tallyNow(): VisitTally {
    return tallyVisit(this.visit, this.#expected, this.current.outcomes, this.walkIns);
  }
}

function sameVisit(a: VisitKey, b: VisitKey): boolean {
  return a.date === b.date && a.team === b.team && a.npsn === b.npsn;
}

function statusOf(error: AppendError): ActionStatus {
  return error.kind === 'invalid'
    ? { state: 'refused', messages: error.messages }
    : { state: 'failed', message: error.message, quota: error.quota };
}
