import { describe, expect, it } from 'vitest';
import type { StudentMatch } from '../core/types';
import type { DecisionRow, DuplicateDecisionRow } from '../db';
import {
  duplicateChange,
  duplicatePairs,
  inReviewQueue,
  pairKey,
  reviewChange,
  reviewStateOf,
  type ReviewContext,
} from './review';

const P = 'p1';
const decidedAt = '2023-01-11T09:30:00.000Z';
const thresholds = { match: 0.999, review: 0.2 };

const candidate = (nik: string, probability: number) => ({
  nik,
  probability,
  explanation: [
    { comparison: 'nama', level: 'typo', weight: 6, text: { id: 'salah ketik', en: 'a typo' } },
  ],
});
const [X, Y, Z] = [
  candidate('3506995708060001', 0.95),
  candidate('3506995708060002', 0.4),
  candidate('3506995708060003', 0.01),
];

function match(fields: Partial<StudentMatch> & Pick<StudentMatch, 'idSiswa'>): StudentMatch {
  return {
    nik: X.nik,
    probability: X.probability,
    status: 'PERLU_REVIEW',
    reason: 'ambiguous',
    duplicateOf: '',
    explanation: X.explanation,
    candidates: [X, Y, Z],
    ...fields,
  };
}

const context = (extra: Partial<ReviewContext> = {}): ReviewContext => ({
  programmeId: P,
  thresholds,
  decisions: [],
  holder: null,
  decidedAt,
  ...extra,
});

const decision = (idSiswa: string, nik: string, kind: DecisionRow['decision']): DecisionRow => ({
  programmeId: P,
  idSiswa,
  nik,
  decision: kind,
  decidedAt: '2023-01-10T00:00:00.000Z',
});

describe('reviewStateOf and inReviewQueue', () => {
  it('calls a student under review open, a COCOK one accepted, a TIDAK_COCOK one rejected', () => {
    expect(reviewStateOf(match({ idSiswa: 'a' }))).toBe('open');
    expect(reviewStateOf(match({ idSiswa: 'a', status: 'COCOK', reason: 'accepted' }))).toBe(
      'accepted',
    );
    expect(reviewStateOf(match({ idSiswa: 'a', status: 'TIDAK_COCOK', nik: '' }))).toBe('rejected');
  });

  it('queues students under review and decided ones, not second listings nor undecided others', () => {
    expect(inReviewQueue(match({ idSiswa: 'a' }), false)).toBe(true);
    expect(
      inReviewQueue(match({ idSiswa: 'a', duplicateOf: 'b', reason: 'duplicate' }), false),
    ).toBe(false);
    const cocok = match({ idSiswa: 'a', status: 'COCOK', reason: 'confident' });
    expect(inReviewQueue(cocok, false)).toBe(false);
    expect(inReviewQueue({ ...cocok, reason: 'accepted' }, true)).toBe(true);
  });
});

describe('reviewChange', () => {
  it('accepts: the decision row and the student COCOK with that candidate', () => {
    const student = match({ idSiswa: 'a' });
    const outcome = reviewChange(student, Y.nik, 'accept', context());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.after).toMatchObject({ nik: Y.nik, status: 'COCOK', reason: 'accepted' });
    expect(outcome.change.putDecisions).toEqual(
      [decision('a', Y.nik, 'accept')].map((d) => ({
        ...d,
        decidedAt,
      })),
    );
    expect(outcome.change.matches).toEqual([{ before: student, after: outcome.after }]);
    expect(outcome.change.deleteDecisions).toEqual([]);
  });

  it("replaces the student's earlier acceptance of another candidate", () => {
    const student = match({ idSiswa: 'a', status: 'COCOK', reason: 'accepted' });
    const outcome = reviewChange(student, Y.nik, 'accept', {
      ...context(),
      decisions: [decision('a', X.nik, 'accept'), decision('a', Z.nik, 'reject')],
    });
    expect(outcome.ok && outcome.change.deleteDecisions).toEqual([{ idSiswa: 'a', nik: X.nik }]);
  });

  it('sends a student that held the NIK automatically back to review', () => {
    const holder = match({ idSiswa: 'b', nik: Y.nik, status: 'COCOK', reason: 'confident' });
    const outcome = reviewChange(match({ idSiswa: 'a' }), Y.nik, 'accept', context({ holder }));
    expect(outcome.ok && outcome.change.matches[1]).toEqual({
      before: holder,
      after: { ...holder, status: 'PERLU_REVIEW', reason: 'taken' },
    });
  });

  it('rejects: the next candidate is proposed for review', () => {
    const outcome = reviewChange(match({ idSiswa: 'a' }), X.nik, 'reject', context());
    expect(outcome.ok && outcome.after).toMatchObject({
      nik: Y.nik,
      status: 'PERLU_REVIEW',
      reason: 'rejected',
      rejected: [X],
    });
    expect(outcome.ok && outcome.change.matches).toHaveLength(1);
  });

  it('leaves a student holding the NIK alone on a rejection', () => {
    const holder = match({ idSiswa: 'b', nik: X.nik, status: 'COCOK', reason: 'confident' });
    const outcome = reviewChange(match({ idSiswa: 'a' }), X.nik, 'reject', context({ holder }));
    expect(outcome.ok && outcome.change.matches.map((m) => m.before.idSiswa)).toEqual(['a']);
  });

  describe('invalid input', () => {
    it('refuses an NIK that is not one of the candidates', () => {
      expect(
        reviewChange(match({ idSiswa: 'a' }), '3506990000000000', 'accept', context()),
      ).toEqual({
        ok: false,
        refusal: { code: 'unknown_candidate' },
      });
    });

    it('refuses to accept an NIK already accepted for another student', () => {
      const outcome = reviewChange(match({ idSiswa: 'a' }), X.nik, 'accept', {
        ...context(),
        decisions: [decision('b', X.nik, 'accept')],
      });
      expect(outcome).toEqual({
        ok: false,
        refusal: { code: 'accepted_elsewhere', idSiswa: 'b' },
      });
    });
  });
});

describe('duplicatePairs', () => {
  const rows = [
    match({ idSiswa: 'b', reason: 'duplicate', duplicateOf: 'a' }),
    match({ idSiswa: 'a', status: 'COCOK', reason: 'confident' }),
    match({ idSiswa: 'd', reason: 'taken' }),
  ];
  const row = (
    idSiswa: string,
    duplicateOf: string,
    kind: DuplicateDecisionRow['decision'],
  ): DuplicateDecisionRow => ({ programmeId: P, idSiswa, duplicateOf, decision: kind, decidedAt });

  it('lists every listing that names another, with the decision made on it either way round', () => {
    expect(duplicatePairs(rows, [row('a', 'b', 'same')])).toEqual([
      { listing: 'b', of: 'a', decision: 'same' },
    ]);
    expect(duplicatePairs(rows, [])).toEqual([{ listing: 'b', of: 'a', decision: null }]);
  });

  it('keeps a pair decided different, which no listing names any more', () => {
    expect(duplicatePairs(rows, [row('d', 'c', 'different')])).toEqual([
      { listing: 'b', of: 'a', decision: null },
      { listing: 'd', of: 'c', decision: 'different' },
    ]);
  });
});

describe('duplicateChange', () => {
  const counted = match({ idSiswa: 'a', status: 'COCOK', reason: 'confident' });
  const listing = match({ idSiswa: 'b', reason: 'duplicate', duplicateOf: 'a' });
  const ctx = { programmeId: P, decisions: [] as DuplicateDecisionRow[], decidedAt };

  it('keeps two listings one student on "same", changing no match', () => {
    const { change, after } = duplicateChange(listing, counted, 'same', ctx);
    expect(after).toBe(listing);
    expect(change.matches).toEqual([]);
    expect(change.putDuplicateDecisions).toEqual([
      { programmeId: P, idSiswa: 'b', duplicateOf: 'a', decision: 'same', decidedAt },
    ]);
  });

  it('sends the listing to review on "different", naming no other listing', () => {
    const { change, after } = duplicateChange(listing, counted, 'different', ctx);
    expect(after).toEqual({ ...listing, duplicateOf: '', reason: 'taken' });
    expect(change.matches).toEqual([{ before: listing, after }]);
    expect(inReviewQueue(after, false)).toBe(true);
  });

  it('joins a listing kept apart again on "same", and replaces the earlier decision', () => {
    const apart = { ...listing, duplicateOf: '', reason: 'taken' as const };
    const earlier: DuplicateDecisionRow = {
      programmeId: P,
      idSiswa: 'a',
      duplicateOf: 'b',
      decision: 'different',
      decidedAt: '2023-01-10T00:00:00.000Z',
    };
    const { change, after } = duplicateChange(apart, counted, 'same', {
      ...ctx,
      decisions: [earlier],
    });
    expect(after).toEqual({ ...apart, duplicateOf: 'a', reason: 'duplicate' });
    expect(change.deleteDuplicateDecisions).toEqual([{ idSiswa: 'a', duplicateOf: 'b' }]);
    expect(pairKey('a', 'b')).toBe(pairKey('b', 'a'));
  });
});
