import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VisitOutcome } from '../scheduling/mop-up.js';
import { currentOutcomes, VISIT_OUTCOMES, type VisitEvent } from './marks.js';
import { summariseDay, tallyVisit, type ExpectedStudent, type OutcomeCounts } from './tally.js';
import { mark, note, OTHER_VISIT, undo, VISIT, walkIn } from './test-support/events.js';
import { liveWalkIns } from './walk-ins.js';

const student = (
  idSiswa: string,
  kelas: string,
  category: ExpectedStudent['category'] = 'WAJIB',
): ExpectedStudent => ({ idSiswa, kelas, category });

const counts = (partial: Partial<Record<VisitOutcome, number>> = {}): OutcomeCounts => ({
  recorded: 0,
  absent: 0,
  refused: 0,
  failed: 0,
  not_eligible: 0,
  ...partial,
});

const EXPECTED = [
  student('s1', 'X-10'),
  student('s2', 'X-2', 'REKAM_DINI'),
  student('s3', 'X-2', 'REKAM_DINI'),
  student('s4', 'X-10'),
  student('s5', ''),
];

const LOG: VisitEvent[] = [
  mark('m1', 's1', 'recorded', 0),
  mark('m2', 's2', 'recorded', 1),
  mark('m3', 's3', 'absent', 2, { note: 'sakit' }),
  mark('m4', 's4', 'recorded', 0, { visit: OTHER_VISIT }),
  walkIn('walkin:w1', 3),
  mark('m5', 'walkin:w1', 'failed', 4, { reason: 'Sidik jari' }),
  walkIn('walkin:w2', 5),
  mark('m6', 's99', 'refused', 6),
];

const tally = (log: readonly VisitEvent[], expected = EXPECTED) =>
  tallyVisit(VISIT, expected, currentOutcomes(log).outcomes, liveWalkIns(log));

describe('tallyVisit', () => {
  it('is all zeros for an empty visit', () => {
    expect(tallyVisit(VISIT, [], new Map(), [])).toEqual({
      visit: VISIT,
      expected: 0,
      outcomes: counts(),
      elsewhere: 0,
      remaining: 0,
      recorded: { WAJIB: 0, REKAM_DINI: 0 },
      classes: [],
      walkIns: { expected: 0, outcomes: counts(), elsewhere: 0, remaining: 0 },
      unlisted: counts(),
      marked: counts(),
    });
  });

  it('counts the outcomes marked here, students marked elsewhere, and those still to see', () => {
    const t = tally(LOG);
    expect(t).toMatchObject({
      expected: 5,
      outcomes: counts({ recorded: 2, absent: 1 }),
      elsewhere: 1,
      remaining: 1,
      recorded: { WAJIB: 1, REKAM_DINI: 1 },
    });
  });

  it('counts by class in natural order, students without a class first', () => {
    expect(tally(LOG).classes).toEqual([
      { kelas: '', expected: 1, outcomes: counts(), elsewhere: 0, remaining: 1 },
      {
        kelas: 'X-2',
        expected: 2,
        outcomes: counts({ recorded: 1, absent: 1 }),
        elsewhere: 0,
        remaining: 0,
      },
      { kelas: 'X-10', expected: 2, outcomes: counts({ recorded: 1 }), elsewhere: 1, remaining: 0 },
    ]);
  });

  it('counts walk-ins apart, and students from another list as unlisted', () => {
    const t = tally(LOG);
    expect(t.walkIns).toEqual({
      expected: 2,
      outcomes: counts({ failed: 1 }),
      elsewhere: 0,
      remaining: 1,
    });
    expect(t.unlisted).toEqual(counts({ refused: 1 }));
    expect(t.marked).toEqual(counts({ recorded: 2, absent: 1, failed: 1, refused: 1 }));
  });

  it('follows an undo at once', () => {
    expect(tally([...LOG, undo('u1', 'm1', 9)])).toMatchObject({
      outcomes: counts({ recorded: 1, absent: 1 }),
      remaining: 2,
    });
  });

  it('always adds up: expected = outcomes + elsewhere + remaining; marked = its three parts', () => {
    const event = fc.record({
      student: fc.integer({ min: 0, max: 12 }),
      outcome: fc.constantFrom(...VISIT_OUTCOMES),
      minute: fc.integer({ min: 0, max: 50 }),
      here: fc.boolean(),
      undoes: fc.option(fc.nat(), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 40 }),
        fc.integer({ min: 0, max: 10 }),
        (drawn, listed) => {
          const log: VisitEvent[] = [walkIn('walkin:0', 0), walkIn('walkin:1', 0)];
          drawn.forEach((d, i) => {
            if (d.undoes !== undefined && i > 0)
              log.push(undo(`u${i}`, `m${d.undoes % i}`, d.minute));
            const id = d.student < 2 ? `walkin:${d.student}` : `s${d.student}`;
            log.push(mark(`m${i}`, id, d.outcome, d.minute, d.here ? {} : { visit: OTHER_VISIT }));
          });
          const expected = Array.from({ length: listed }, (_, i) =>
            student(`s${i + 2}`, `X-${i % 3}`),
          );
          const t = tally(log, expected);
          const sum = (c: OutcomeCounts) => VISIT_OUTCOMES.reduce((s, o) => s + c[o], 0);
          for (const part of [t, t.walkIns, ...t.classes])
            expect(sum(part.outcomes) + part.elsewhere + part.remaining).toBe(part.expected);
          for (const o of VISIT_OUTCOMES)
            expect(t.marked[o]).toBe(t.outcomes[o] + t.walkIns.outcomes[o] + t.unlisted[o]);
          expect(t.recorded.WAJIB + t.recorded.REKAM_DINI).toBe(t.outcomes.recorded);
        },
      ),
    );
  });

  describe('invalid input', () => {
    it('throws when a student is listed twice, as every count would be wrong', () => {
      expect(() => tally(LOG, [student('s1', 'X'), student('s1', 'X')])).toThrow(RangeError);
    });
  });
});

describe('summariseDay', () => {
  const SECOND = { ...VISIT, npsn: '20512346' };
  const log: VisitEvent[] = [
    ...LOG,
    mark('m7', 't1', 'failed', 7, { visit: SECOND, reason: 'sidik jari' }),
    mark('m8', 't2', 'failed', 8, { visit: SECOND, reason: 'kamera mati' }),
    mark('m9', 't3', 'not_eligible', 9, { visit: SECOND, reason: 'sudah rekam di Kota Kediri' }),
    mark('m10', 't4', 'recorded', 10, { visit: SECOND }),
    mark('m11', 't4', 'absent', 11, { visit: SECOND, device: 'B' }),
    note('n1', 'genset dipinjam sekolah', 12, { visit: SECOND }),
    note('n2', 'bukan hari ini', 12, { visit: OTHER_VISIT }),
  ];
  const day = summariseDay(
    VISIT.date,
    VISIT.team,
    [
      { npsn: VISIT.npsn, expected: EXPECTED },
      {
        npsn: SECOND.npsn,
        expected: ['t1', 't2', 't3', 't4', 't5'].map((id) => student(id, 'XII')),
      },
    ],
    log,
  );

  it('sums the visits of the team on the day', () => {
    expect(day).toMatchObject({
      date: VISIT.date,
      team: VISIT.team,
      schools: [VISIT.npsn, SECOND.npsn],
      expected: 10,
      outcomes: counts({ recorded: 3, absent: 1, failed: 2, not_eligible: 1 }),
      elsewhere: 1,
      remaining: 2,
      recorded: { WAJIB: 2, REKAM_DINI: 1 },
      walkIns: { expected: 2, outcomes: counts({ failed: 1 }), elsewhere: 0, remaining: 1 },
      unlisted: counts({ refused: 1 }),
    });
    expect(day.visits.map((v) => v.visit.npsn)).toEqual([VISIT.npsn, SECOND.npsn]);
  });

  it('groups reasons by outcome, ignoring case, most frequent first', () => {
    expect(day.reasons).toEqual([
      { outcome: 'failed', reason: 'Sidik jari', count: 2 },
      { outcome: 'failed', reason: 'kamera mati', count: 1 },
      { outcome: 'not_eligible', reason: 'sudah rekam di Kota Kediri', count: 1 },
    ]);
  });

  it("lists the day's notes and the conflicts to settle before signing", () => {
    expect(day.notes.map((n) => n.text)).toEqual(['sakit', 'genset dipinjam sekolah']);
    expect(day.conflicts.map((c) => [c.idSiswa, c.kept.id, c.overruled.map((m) => m.id)])).toEqual([
      ['t4', 'm10', ['m11']],
    ]);
  });

  it('is empty for a day without visits', () => {
    expect(summariseDay('2023-01-18', 'Tim 2', [], log)).toMatchObject({
      schools: [],
      expected: 0,
      marked: counts(),
      reasons: [],
      notes: [],
      conflicts: [],
    });
  });

  describe('invalid input', () => {
    it('throws when a school is given twice or a student is on two lists', () => {
      const visit = { npsn: VISIT.npsn, expected: [student('s1', 'X')] };
      expect(() => summariseDay(VISIT.date, VISIT.team, [visit, visit], [])).toThrow(RangeError);
      expect(() =>
        summariseDay(VISIT.date, VISIT.team, [visit, { ...visit, npsn: SECOND.npsn }], []),
      ).toThrow(RangeError);
    });
  });
});
