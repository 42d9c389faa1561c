import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';
import { formatHlc } from './hlc.js';
import { mergeLogs, type DomainEvent } from './log.js';
import { deriveState, type SyncedState } from './state.js';
import { simulate, stepArbitrary, VISITS } from './test-support/laptops.js';

const T0 = Date.parse('2023-01-16T01:00:00Z');
const NIK = '3506995506070002';
let serial = 0;

/** A change made on `device` `minute` minutes after 01:00 on the first visit's day. */
function change(
  device: string,
  minute: number,
  kind: string,
  payload: (id: string, at: string) => object,
  replaces?: string[],
): DomainEvent {
  const id = `${device}.${++serial}`;
  const at = new Date(T0 + minute * 60_000).toISOString();
  return {
    id,
    hlc: formatHlc({ wall: T0 + minute * 60_000, counter: 0, device }),
    device,
    author: `Petugas ${device}`,
    kind,
    payload: payload(id, at),
    ...(replaces ? { replaces } : {}),
  };
}

const mark = (device: string, minute: number, idSiswa: string, outcome: string, visit = 0) =>
  change(device, minute, 'visit', (id, at) => ({
    id,
    at,
    kind: 'mark',
    visit: VISITS[visit],
    idSiswa,
    outcome,
    ...(outcome === 'failed' ? { reason: 'sidik jari' } : {}),
  }));
const undo = (device: string, minute: number, undoes: string, kind = 'visit') =>
  change(device, minute, kind, (id, at) => ({ id, at, kind: 'undo', undoes }));
const handover = (device: string, minute: number, idSiswa: string) =>
  change(device, minute, 'card', (id, at) => ({
    id,
    at,
    kind: 'handover',
    idSiswa,
    handedAt: at.slice(0, 10),
    receivedBy: 'Orang tua',
  }));
const decide = (device: string, minute: number, decision: string, replaces?: string[]) =>
  change(
    device,
    minute,
    'review_decision',
    () => ({ idSiswa: 'S1', nik: NIK, decision }),
    replaces,
  );

/** A state as plain text: the same text is the same state. */
function stateText(state: SyncedState): string {
  const entries = <V>(map: ReadonlyMap<string, V>) =>
    [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return canonicalJson({
    ...state,
    outcomes: entries(state.outcomes),
    handovers: entries(state.handovers),
    reviewDecisions: entries(state.reviewDecisions),
    duplicateDecisions: entries(state.duplicateDecisions),
    dayClosures: entries(state.dayClosures),
  });
}

describe('the state of a merged log', () => {
  describe('outcomes', () => {
    it('a recording wins over an absence marked later on another laptop, and the conflict is shown', () => {
      const recorded = mark('laptop-a', 10, 'S1', 'recorded');
      const absent = mark('laptop-b', 20, 'S1', 'absent');
      const state = deriveState(mergeLogs([recorded], [absent]).log);
      expect(state.outcomes.get('S1')?.id).toBe(recorded.id);
      expect(state.conflicts).toEqual([
        { kind: 'outcome', idSiswa: 'S1', kept: recorded.payload, others: [absent.payload] },
      ]);
    });

    it('shows two laptops that marked one student differently at one visit; the later mark stands', () => {
      const absent = mark('laptop-a', 10, 'S2', 'absent');
      const refused = mark('laptop-b', 12, 'S2', 'refused');
      const state = deriveState(mergeLogs([absent], [refused]).log);
      expect(state.outcomes.get('S2')?.outcome).toBe('refused');
      expect(state.conflicts).toEqual([
        { kind: 'outcome', idSiswa: 'S2', kept: refused.payload, others: [absent.payload] },
      ]);
    });

    it('is no conflict when a student absent at one visit is recorded at a later one, or a laptop corrects itself', () => {
      const log = mergeLogs(
        [mark('laptop-a', 10, 'S3', 'absent', 0), mark('laptop-a', 11, 'S4', 'absent')],
        [mark('laptop-b', 2000, 'S3', 'recorded', 1), mark('laptop-a', 12, 'S4', 'refused')],
      ).log;
      const state = deriveState(log);
      expect(state.outcomes.get('S3')?.outcome).toBe('recorded');
      expect(state.outcomes.get('S4')?.outcome).toBe('refused');
      expect(state.conflicts).toEqual([]);
    });

    it('takes undos from any laptop, and two undos of one mark are both facts', () => {
      const m = mark('laptop-a', 10, 'S1', 'absent');
      const state = deriveState(
        mergeLogs([m, undo('laptop-a', 11, m.id)], [undo('laptop-b', 12, m.id)]).log,
      );
      expect(state.outcomes.has('S1')).toBe(false);
      expect(state.refused).toEqual([]);
    });
  });

  it('keeps the earlier of two handovers of one card and shows both', () => {
    const first = handover('laptop-a', 10, 'S1');
    const second = handover('laptop-b', 30, 'S1');
    const state = deriveState(mergeLogs([second], [first]).log);
    expect(state.handovers.get('S1')?.id).toBe(first.id);
    expect(state.conflicts).toEqual([
      { kind: 'handover', idSiswa: 'S1', kept: first.payload, others: [second.payload] },
    ]);
  });

  describe('decisions', () => {
    it('shows concurrent decisions on one pair; the later stands until one replaces both', () => {
      const accept = decide('laptop-a', 10, 'accept');
      const reject = decide('laptop-b', 11, 'reject');
      let state = deriveState(mergeLogs([accept], [reject]).log);
      const key = `S1\u0000${NIK}`;
      expect(state.reviewDecisions.get(key)).toMatchObject({
        value: 'reject',
        conflicting: [{ value: 'accept' }],
        heads: [accept.id, reject.id].sort(),
      });
      expect(state.conflicts.map((c) => c.kind)).toEqual(['review_decision']);

      const settled = decide('laptop-c', 12, 'accept', [accept.id, reject.id]);
      state = deriveState(mergeLogs([accept, reject], [settled]).log);
      expect(state.reviewDecisions.get(key)).toMatchObject({ value: 'accept', conflicting: [] });
      expect(state.conflicts).toEqual([]);
    });

    it('a decision that replaces the one its laptop saw is no conflict, whatever the clocks say', () => {
      const first = decide('laptop-a', 30, 'accept');
      // laptop-b's clock is behind, but it had seen laptop-a's decision.
      const second = decide('laptop-b', 5, 'reject', [first.id]);
      const state = deriveState(mergeLogs([first, second]).log);
      expect(state.reviewDecisions.get(`S1\u0000${NIK}`)?.value).toBe('reject');
      expect(state.conflicts).toEqual([]);
    });
  });

  describe('invalid input', () => {
    it('keeps changes it cannot apply out of the state, says which and why, and counts unknown kinds', () => {
      const bad = change('laptop-a', 1, 'visit', (id, at) => ({
        id,
        at,
        kind: 'mark',
        idSiswa: 'S1',
      }));
      const otherId = change('laptop-a', 2, 'visit', (_id, at) => ({
        id: 'x',
        at,
        kind: 'mark',
        visit: VISITS[0],
        idSiswa: 'S1',
        outcome: 'absent',
      }));
      const decision = change('laptop-a', 3, 'review_decision', () => ({
        idSiswa: 'S1',
        nik: '12',
      }));
      const future = change('laptop-a', 4, 'plan_published', () => ({ visits: 3 }));
      const state = deriveState(mergeLogs([bad, otherId, decision, future]).log);
      expect(state.refused.map((r) => r.id)).toEqual([bad.id, otherId.id, decision.id].sort());
      expect(state.refused.every((r) => r.messages.length > 0)).toBe(true);
      expect(state.outcomes.size).toBe(0);
      expect(state.reviewDecisions.size).toBe(0);
      expect(state.unknownKinds).toEqual({ plan_published: 1 });
    });
  });

  describe('properties (three laptops that work offline and swap files)', () => {
    const laptops = fc.array(stepArbitrary, { minLength: 5, maxLength: 50 }).map(simulate);

    it('any order of merging the three logs, and any order of their events, gives one state', () => {
      fc.assert(
        fc.property(laptops, fc.infiniteStream(fc.nat()), ([a = [], b = [], c = []], picks) => {
          const expected = stateText(deriveState(mergeLogs(a, b, c).log));
          expect(stateText(deriveState(mergeLogs(c, mergeLogs(b, a).log).log))).toBe(expected);
          expect(stateText(deriveState(mergeLogs(mergeLogs(b, c).log, a).log))).toBe(expected);
          const shuffled = [...a, ...b, ...c];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (picks.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j] as DomainEvent, shuffled[i] as DomainEvent];
          }
          expect(stateText(deriveState(shuffled))).toBe(expected);
        }),
        { numRuns: 80 },
      );
    });

    it('importing the same files again changes nothing', () => {
      fc.assert(
        fc.property(laptops, ([a = [], b = [], c = []]) => {
          const once = mergeLogs(a, b, c).log;
          const twice = mergeLogs(once, b, c, a, b);
          expect(twice.added).toEqual([]);
          expect(stateText(deriveState(twice.log))).toBe(stateText(deriveState(once)));
        }),
        { numRuns: 80 },
      );
    });

    it('comes to the same state when the payloads are taken as checked', () => {
      fc.assert(
        fc.property(laptops, ([a = [], b = [], c = []]) => {
          const log = mergeLogs(a, b, c).log;
          expect(stateText(deriveState(log, { checked: true }))).toBe(stateText(deriveState(log)));
        }),
        { numRuns: 40 },
      );
    });

    it('refuses nothing the laptops made', () => {
      fc.assert(
        fc.property(laptops, ([a = [], b = [], c = []]) => {
          expect(deriveState(mergeLogs(a, b, c).log).refused).toEqual([]);
        }),
        { numRuns: 80 },
      );
    });
  });
});
