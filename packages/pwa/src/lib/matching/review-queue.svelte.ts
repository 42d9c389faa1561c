import type { StudentMatch } from '../core/types';
import type { ExplanationEntry } from './comparison';
import {
  DecisionQueue,
  type DecisionQueueDependencies,
  type QueueNotice,
} from './decision-queue.svelte';
import type { MatchingData } from './matching-data.svelte';
import {
  reviewQueueIds,
  reviewStateOf,
  type PairDecision,
  type ReviewRefusal,
  type ReviewState,
} from './review';

/** A candidate of the student in view, with what the reviewer or the matcher made of it. */
export interface CandidateView {
  readonly nik: string;
  readonly probability: number;
  /** Field by field; empty only when the core gave none (a confident match sent back to review). */
  readonly explanation: readonly ExplanationEntry[];
  /** `accepted` in review, `rejected` in review, `proposed` by the matcher, or null. */
  readonly mark: 'accepted' | 'rejected' | 'proposed' | null;
}

/** What a decision on a student came to: decided, or refused (the candidate cannot be given). */
export type ReviewDecided =
  | {
      readonly kind: 'decided';
      readonly decision: PairDecision;
      readonly idSiswa: string;
      /** The student's state after the decision. */
      readonly state: ReviewState;
      /** Students of the queue still waiting after it. */
      readonly open: number;
    }
  | { readonly kind: 'refused'; readonly refusal: ReviewRefusal };

/** What the last action came to, for the screen to say (in an `aria-live` region). */
export type ReviewNotice = ReviewDecided | QueueNotice;

export type ReviewQueueDependencies = DecisionQueueDependencies;

/**
 * The review queue: the students pemadanan sent to review (and those decided in review), one at a
 * time, with their candidates. Accepting or rejecting the candidate in view is written at once; a
 * decided student moves the queue on to the next one still waiting. Keys come in as commands.
 */
export class ReviewQueue extends DecisionQueue<ReviewDecided> {
  #data: MatchingData;
  /** The candidate chosen to be shown beside the student (a NIK), or null for the proposed one. */
  #chosen = $state<string | null>(null);

  /** The queue's student ids, by school, then name. */
  readonly ids = $derived.by((): readonly string[] =>
    reviewQueueIds(this.#data.rows.values(), this.#data.students, this.#data.decisions),
  );

  /** The id of the student in view, or null when the queue is empty. */
  readonly currentId = $derived(this.currentKey);
  readonly current = $derived.by((): StudentMatch | null =>
    this.currentId === null ? null : (this.#data.rows.get(this.currentId) ?? null),
  );
  /** How many students of the queue are decided (accepted, or left with no candidate). */
  readonly decided = $derived(
    this.ids.filter((id) => {
      const m = this.#data.rows.get(id);
      return m !== undefined && reviewStateOf(m) !== 'open';
    }).length,
  );

  /** The candidates of the student in view: those listed, then those rejected. */
  readonly candidates = $derived.by((): readonly CandidateView[] => {
    const m = this.current;
    if (!m) return [];
    const listed = m.candidates.map((c): CandidateView => {
      const proposed = c.nik === m.nik && m.status !== 'TIDAK_COCOK';
      return {
        nik: c.nik,
        probability: c.probability,
        explanation: c.explanation.length > 0 || !proposed ? c.explanation : m.explanation,
        mark: proposed ? (m.reason === 'accepted' ? 'accepted' : 'proposed') : null,
      };
    });
    const rejected = (m.rejected ?? []).map((c): CandidateView => ({ ...c, mark: 'rejected' }));
    return [...listed, ...rejected];
  });

  /** The candidate shown beside the student: the one chosen, else the proposed one, else the first. */
  readonly shown = $derived<CandidateView | null>(
    this.candidates.find((c) => c.nik === this.#chosen) ??
      this.candidates.find((c) => c.mark === 'proposed' || c.mark === 'accepted') ??
      this.candidates[0] ??
      null,
  );

  constructor(data: MatchingData, deps: ReviewQueueDependencies = {}) {
    super(deps);
    this.#data = data;
  }

  /** Shows candidate `nik` of the student in view beside the student. */
  showCandidate(nik: string): void {
    if (this.candidates.some((c) => c.nik === nik)) this.#chosen = nik;
  }

  /** Accepts the candidate shown: the student becomes COCOK with it. */
  accept(): Promise<void> {
    return this.#decide('accept');
  }

  /** Rejects the candidate shown: the next one is proposed, or the student has none left. */
  reject(): Promise<void> {
    return this.#decide('reject');
  }

  keysInOrder(): readonly string[] {
    return this.ids;
  }

  protected isOpen(id: string): boolean {
    const m = this.#data.rows.get(id);
    return m !== undefined && reviewStateOf(m) === 'open';
  }

  /** A student newly in view shows its proposed candidate. */
  protected override selected(): void {
    this.#chosen = null;
  }

  /** Keys 1–5: the candidate at that place. */
  protected override showCandidateAt(index: number): void {
    const candidate = this.candidates[index];
    if (candidate) this.showCandidate(candidate.nik);
  }

  async #decide(decision: PairDecision): Promise<void> {
    const match = this.current;
    const candidate = this.shown;
    if (this.busy || !match || !candidate) return;
    await this.decideWith(async () => {
      const result = await this.#data.decidePair(match, candidate.nik, decision);
      if (!result.ok) {
        this.notice =
          'refusal' in result
            ? { kind: 'refused', refusal: result.refusal }
            : { kind: 'failed', error: result.error };
        return;
      }
      const state = reviewStateOf(result.after);
      const open = this.total - this.decided;
      this.notice = { kind: 'decided', decision, idSiswa: match.idSiswa, state, open };
      this.#chosen = null;
      // A decided student makes way for the next one waiting; a rejection with another candidate left
      // stays, so the reviewer sees that candidate next.
      if (state !== 'open') this.moveOnFrom(match.idSiswa);
    });
  }
}
