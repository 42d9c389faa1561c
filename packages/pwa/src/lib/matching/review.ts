/**
 * What a reviewer's decision changes, worked out before anything is written: the decision rows to put
 * and remove, and every student's match before and after. The student's own new match comes from the
 * core's `decideMatch`, which gives what a re-run of pemadanan with the decision would give.
 */
import { decideMatch } from '@sahaja/core';
import type { StudentMatch, StudentRecord } from '../core/types';
import type {
  DecisionRow,
  DuplicateDecisionRow,
  MatchUpdate,
  ReviewChange,
  RunThresholds,
} from '../db';

/** Where a student of the review queue stands: waiting, or decided one way or the other. */
export type ReviewState = 'open' | 'accepted' | 'rejected';

/** A reviewer's decision on a (student, NIK) pair. */
export type PairDecision = DecisionRow['decision'];

/** A reviewer's decision on two listings the matcher took for one student. */
export type ListingDecision = DuplicateDecisionRow['decision'];

/** Open while under review; accepted once COCOK; rejected once no candidate is left (TIDAK_COCOK). */
export function reviewStateOf(match: StudentMatch): ReviewState {
  if (match.status === 'PERLU_REVIEW') return 'open';
  return match.status === 'COCOK' ? 'accepted' : 'rejected';
}

/**
 * Whether a student belongs in the review queue: sent to review (a second listing of a student is
 * decided among the duplicates instead), or decided in review already (so it can be changed).
 */
export function inReviewQueue(match: StudentMatch, decided: boolean): boolean {
  return decided || (match.status === 'PERLU_REVIEW' && match.duplicateOf === '');
}

/**
 * The review queue's student ids: the students of `matches` that belong in it (see
 * {@link inReviewQueue}), by school (NPSN), then name, then id.
 */
export function reviewQueueIds(
  matches: Iterable<StudentMatch>,
  students: ReadonlyMap<string, StudentRecord>,
  decisions: readonly DecisionRow[],
): string[] {
  const decided = new Set(decisions.map((d) => d.idSiswa));
  const queued: { readonly id: string; readonly npsn: string; readonly nama: string }[] = [];
  for (const m of matches) {
    if (!inReviewQueue(m, decided.has(m.idSiswa))) continue;
    const student = students.get(m.idSiswa);
    queued.push({ id: m.idSiswa, npsn: student?.npsn ?? '', nama: student?.nama ?? '' });
  }
  return queued
    .sort(
      (a, b) =>
        a.npsn.localeCompare(b.npsn) || a.nama.localeCompare(b.nama) || a.id.localeCompare(b.id),
    )
    .map((entry) => entry.id);
}

/** Why a decision was refused; nothing was changed. */
export type ReviewRefusal =
  /** The NIK is none of the student's candidates (the screen was showing stale rows). */
  | { readonly code: 'unknown_candidate' }
  /** Another student was accepted with this NIK in review; that decision must be changed first. */
  | { readonly code: 'accepted_elsewhere'; readonly idSiswa: string };

/** What a decision needs to know besides the student's match. */
export interface ReviewContext {
  readonly programmeId: string;
  /** The thresholds of the run the matches come from. */
  readonly thresholds: RunThresholds;
  /** The programme's review decisions as stored. */
  readonly decisions: readonly DecisionRow[];
  /** The match of another student that holds this NIK as COCOK, if one does. */
  readonly holder: StudentMatch | null;
  /** When the decision is made (ISO timestamp). */
  readonly decidedAt: string;
}

export type ReviewOutcome =
  | { readonly ok: true; readonly change: ReviewChange; readonly after: StudentMatch }
  | { readonly ok: false; readonly refusal: ReviewRefusal };

const NO_CHANGE: ReviewChange = {
  matches: [],
  putDecisions: [],
  deleteDecisions: [],
  putDuplicateDecisions: [],
  deleteDuplicateDecisions: [],
};

/**
 * The change a decision on (student, `nik`) makes. Accepting makes the student COCOK with `nik`,
 * replaces the student's earlier acceptance of another NIK, and sends another student that held `nik`
 * automatically back to review (`taken`), so no NIK is COCOK twice. Rejecting proposes the student's
 * next candidate for review, or makes it TIDAK_COCOK when none is left. Refused when `nik` is not a
 * candidate of the student, or when another student was accepted with it.
 */
export function reviewChange(
  match: StudentMatch,
  nik: string,
  decision: PairDecision,
  context: ReviewContext,
): ReviewOutcome {
  const after = decideMatch(match, { nik, decision }, context.thresholds);
  if (!after) return { ok: false, refusal: { code: 'unknown_candidate' } };
  const row: DecisionRow = {
    programmeId: context.programmeId,
    idSiswa: match.idSiswa,
    nik,
    decision,
    decidedAt: context.decidedAt,
  };
  const updates: MatchUpdate[] = [{ before: match, after }];
  if (decision === 'reject') {
    return { ok: true, after, change: { ...NO_CHANGE, matches: updates, putDecisions: [row] } };
  }
  const elsewhere = context.decisions.find(
    (d) => d.decision === 'accept' && d.nik === nik && d.idSiswa !== match.idSiswa,
  );
  if (elsewhere) {
    return { ok: false, refusal: { code: 'accepted_elsewhere', idSiswa: elsewhere.idSiswa } };
  }
  const holder = context.holder;
  if (
    holder &&
    holder.idSiswa !== match.idSiswa &&
    holder.status === 'COCOK' &&
    holder.nik === nik
  ) {
    updates.push({ before: holder, after: { ...holder, status: 'PERLU_REVIEW', reason: 'taken' } });
  }
  const replaced = context.decisions.filter(
    (d) => d.idSiswa === match.idSiswa && d.decision === 'accept' && d.nik !== nik,
  );
  return {
    ok: true,
    after,
    change: {
      ...NO_CHANGE,
      matches: updates,
      putDecisions: [row],
      deleteDecisions: replaced.map((d) => ({ idSiswa: d.idSiswa, nik: d.nik })),
    },
  };
}

/** Two listings the matcher took for one student (or a reviewer decided on), and the decision. */
export interface DuplicatePair {
  /** The listing that is not counted while the two are one student. */
  readonly listing: string;
  /** The listing that is counted (the one matched to the registry). */
  readonly of: string;
  readonly decision: ListingDecision | null;
}

/** One key for a pair of listings, whichever way round it is written. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * The pairs to decide: every listing that names another as `duplicateOf`, and every pair decided
 * earlier that no longer does (decided different, so it can be changed back). In order of the counted
 * listing, then the other.
 */
export function duplicatePairs(
  matches: Iterable<StudentMatch>,
  decisions: readonly DuplicateDecisionRow[],
): DuplicatePair[] {
  const decided = new Map(decisions.map((d) => [pairKey(d.idSiswa, d.duplicateOf), d]));
  const pairs = new Map<string, DuplicatePair>();
  for (const m of matches) {
    if (m.duplicateOf === '') continue;
    const key = pairKey(m.idSiswa, m.duplicateOf);
    pairs.set(key, {
      listing: m.idSiswa,
      of: m.duplicateOf,
      decision: decided.get(key)?.decision ?? null,
    });
  }
  for (const [key, d] of decided) {
    if (!pairs.has(key)) {
      pairs.set(key, { listing: d.idSiswa, of: d.duplicateOf, decision: d.decision });
    }
  }
  return [...pairs.values()].sort(
    (a, b) => a.of.localeCompare(b.of) || a.listing.localeCompare(b.listing),
  );
}

/**
 * The change a decision on two listings makes. `same`: they stay one student (a listing that was kept
 * apart names the other again, and waits as its duplicate when it was proposed the other's NIK).
 * `different`: the listing no longer names the other, and goes to the review queue when it was only
 * a duplicate (its proposed NIK is the other's). An earlier decision on the pair, written either way
 * round, is replaced.
 */
export function duplicateChange(
  listing: StudentMatch,
  other: StudentMatch,
  decision: ListingDecision,
  context: {
    readonly programmeId: string;
    readonly decisions: readonly DuplicateDecisionRow[];
    readonly decidedAt: string;
  },
): { readonly change: ReviewChange; readonly after: StudentMatch } {
  const key = pairKey(listing.idSiswa, other.idSiswa);
  const earlier = context.decisions.filter((d) => pairKey(d.idSiswa, d.duplicateOf) === key);
  let after: StudentMatch = listing;
  if (decision === 'different' && listing.duplicateOf === other.idSiswa) {
    after = {
      ...listing,
      duplicateOf: '',
      ...(listing.reason === 'duplicate' && { reason: 'taken' as const }),
    };
  } else if (decision === 'same' && listing.duplicateOf === '') {
    after = {
      ...listing,
      // A listing names the counted listing of its group.
      duplicateOf: other.duplicateOf || other.idSiswa,
      ...(listing.status === 'PERLU_REVIEW' &&
        listing.reason === 'taken' &&
        listing.nik === other.nik && { reason: 'duplicate' as const }),
    };
  }
  return {
    after,
    change: {
      ...NO_CHANGE,
      matches: after === listing ? [] : [{ before: listing, after }],
      deleteDuplicateDecisions: earlier.map((d) => ({
        idSiswa: d.idSiswa,
        duplicateOf: d.duplicateOf,
      })),
      putDuplicateDecisions: [
        {
          programmeId: context.programmeId,
          idSiswa: listing.idSiswa,
          duplicateOf: other.idSiswa,
          decision,
          decidedAt: context.decidedAt,
        },
      ],
    },
  };
}
