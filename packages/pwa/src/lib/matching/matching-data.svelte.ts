import { DEFAULT_THRESHOLDS } from '@sahaja/core';
import type { Resident, StudentMatch } from '../core/types';
import {
  readMatches,
  scanMatches,
  writeReviewChange,
  type MatchStoreError,
  type ReviewChange,
  type SahajaDatabase,
} from '../db';
import {
  duplicateChange,
  reviewChange,
  type ListingDecision,
  type PairDecision,
  type ReviewRefusal,
} from './review';
import {
  EMPTY_SNAPSHOT,
  NO_RESIDENTS,
  readSnapshot,
  readStudents,
  systemNow,
  withChange,
  withResidents,
  type MatchingSnapshot,
} from './stored-matching';

export interface MatchingDataDependencies {
  readonly db: () => SahajaDatabase;
  /** The clock that stamps decisions; the system's by default. */
  readonly now?: () => Date;
}

/** What a decision came to: the student's match after it, or why nothing was written. */
export type DecisionResult =
  | { readonly ok: true; readonly after: StudentMatch }
  | { readonly ok: false; readonly refusal: ReviewRefusal }
  | { readonly ok: false; readonly error: MatchStoreError };

/**
 * A programme's stored pemadanan as the matching screen works on it (see `MatchingSnapshot`): read
 * once on opening and after a run; decisions are written at once, rows and counts together, and the
 * memory follows only what was written.
 */
export class MatchingData {
  readonly programmeId: string;
  /** False until the stored pemadanan was read once. */
  loaded = $state(false);
  /** Why it could not be read, or null. */
  error = $state<string | null>(null);
  /** True while a decision is being written. */
  writing = $state(false);
  #snapshot = $state.raw<MatchingSnapshot>(EMPTY_SNAPSHOT);
  /** Registry people read so far for the candidates on view, by NIK (null: not in the registry). */
  residents = $state.raw<ReadonlyMap<string, Resident | null>>(NO_RESIDENTS);

  /** The last run's figures (counts kept up to date by decisions), or null when it never ran. */
  readonly run = $derived(this.#snapshot.run);
  /** The matches a person may look at, by student id. */
  readonly rows = $derived(this.#snapshot.rows);
  readonly students = $derived(this.#snapshot.students);
  readonly walkIns = $derived(this.#snapshot.walkIns);
  readonly schools = $derived(this.#snapshot.schools);
  readonly decisions = $derived(this.#snapshot.decisions);
  readonly duplicateDecisions = $derived(this.#snapshot.duplicateDecisions);

  #deps: MatchingDataDependencies;
  #generation = 0;

  constructor(deps: MatchingDataDependencies, programmeId: string) {
    this.#deps = deps;
    this.programmeId = programmeId;
  }

  /** Reads the programme's stored pemadanan (again). */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    try {
      const snapshot = await readSnapshot(this.#deps.db(), this.programmeId);
      if (generation !== this.#generation) return;
      this.#snapshot = snapshot;
      this.error = null;
    } catch (thrown) {
      if (generation !== this.#generation) return;
      this.error = thrown instanceof Error ? thrown.message : String(thrown);
    } finally {
      if (generation === this.#generation) this.loaded = true;
    }
  }

  /** Reads the registry people with these NIKs that are not read yet into `residents`. */
  async loadResidents(niks: readonly string[]): Promise<void> {
    const residents = await withResidents(this.#deps.db(), this.programmeId, this.residents, niks);
    if (residents !== this.residents) this.residents = residents;
  }

  /**
   * Accepts or rejects (student, `nik`) and writes it at once: the decision, the student's new match,
   * another student sent back to review when it held `nik`, and the run's counts. Refused (nothing
   * written) when `nik` is not the student's candidate or another student was accepted with it.
   */
  async decidePair(
    match: StudentMatch,
    nik: string,
    decision: PairDecision,
  ): Promise<DecisionResult> {
    const holderId = this.#snapshot.cocok.get(nik);
    let holder: StudentMatch | null = null;
    if (holderId !== undefined && holderId !== match.idSiswa) {
      holder =
        this.rows.get(holderId) ??
        (await readMatches(this.#deps.db(), this.programmeId, [holderId]))[0] ??
        null;
    }
    const outcome = reviewChange(match, nik, decision, {
      programmeId: this.programmeId,
      thresholds: this.run?.thresholds ?? DEFAULT_THRESHOLDS,
      decisions: this.decisions,
      holder,
      decidedAt: this.#now(),
    });
    if (!outcome.ok) return outcome;
    const error = await this.#apply(outcome.change);
    return error ? { ok: false, error } : { ok: true, after: outcome.after };
  }

  /** Decides whether two listings are one student and writes it at once (see `duplicateChange`). */
  async decideListings(
    listing: StudentMatch,
    other: StudentMatch,
    decision: ListingDecision,
  ): Promise<DecisionResult> {
    const { change, after } = duplicateChange(listing, other, decision, {
      programmeId: this.programmeId,
      decisions: this.duplicateDecisions,
      decidedAt: this.#now(),
    });
    const error = await this.#apply(change);
    return error ? { ok: false, error } : { ok: true, after };
  }

  /** Every stored match of the programme (for the results file), read a chunk at a time. */
  async allMatches(): Promise<StudentMatch[]> {
    const all: StudentMatch[] = [];
    await scanMatches(this.#deps.db(), this.programmeId, (chunk) => all.push(...chunk));
    return all;
  }

  /** Writes a change; on success the memory follows, on a conflict everything is read again. */
  async #apply(change: ReviewChange): Promise<MatchStoreError | null> {
    this.writing = true;
    try {
      const db = this.#deps.db();
      const written = await writeReviewChange(db, this.programmeId, change);
      if (!written.ok) {
        if (written.error.code === 'conflict') await this.load();
        return written.error;
      }
      const newcomers = change.matches
        .map((m) => m.after.idSiswa)
        .filter((id) => !this.students.has(id));
      const students =
        newcomers.length > 0 ? await readStudents(db, this.programmeId, newcomers) : undefined;
      this.#snapshot = withChange(this.#snapshot, change, students);
      return null;
    } catch (thrown) {
      // Only an unexpected failure lands here (IndexedDB closed underneath the page).
      return {
        code: 'storage',
        message: thrown instanceof Error ? thrown.message : String(thrown),
      };
    } finally {
      this.writing = false;
    }
  }

  #now(): string {
    return (this.#deps.now ?? systemNow)().toISOString();
  }
}
