import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';
import { formatHlc } from './hlc.js';
import { countByKind, mergeLogs, readDomainEvent, type DomainEvent } from './log.js';
import { simulate, stepArbitrary } from './test-support/laptops.js';

const T0 = Date.parse('2023-01-16T01:00:00Z');
const stamp = (ms: number, device = 'laptop-a') => formatHlc({ wall: T0 + ms, counter: 0, device });

const event = (id: string, ms: number, extra: Partial<DomainEvent> = {}): DomainEvent => ({
  id,
  hlc: stamp(ms),
  device: 'laptop-a',
  author: 'Petugas A',
  kind: 'review_decision',
  payload: { idSiswa: 'S1', nik: '3506995506070002', decision: 'accept' },
  ...extra,
});

const A = event('a.1', 1_000);
const B = event('a.2', 2_000);
const C = event('b.1', 0, { hlc: stamp(0, 'laptop-b'), device: 'laptop-b' });

/** What a merge comes to, as text: the same text is the same log. */
const logText = (log: readonly DomainEvent[]) => canonicalJson(log);

describe('reading a change', () => {
  it('keeps a valid change with its known properties only, replaces sorted and unique', () => {
    const result = readDomainEvent({ ...A, extra: 1, replaces: ['b.1', 'a.0', 'b.1'] });
    expect(result).toEqual({ ok: true, value: { ...A, replaces: ['a.0', 'b.1'] } });
    expect(readDomainEvent({ ...A, replaces: [] })).toEqual({ ok: true, value: A });
  });

  it('keeps a change of a kind this version does not know', () => {
    expect(readDomainEvent({ ...A, kind: 'plan_published', payload: { visits: 3 } }).ok).toBe(true);
  });

  describe('invalid input', () => {
    it('refuses what is not an object', () => {
      for (const bad of [null, 1, 'x', [A]])
        expect(readDomainEvent(bad)).toMatchObject({
          ok: false,
          issues: [{ code: 'not_an_object' }],
        });
    });

    it('reports every problem at once, naming the property', () => {
      const result = readDomainEvent({
        id: 'a b',
        hlc: 'yesterday',
        device: 'laptop-a',
        author: 7,
        kind: 'Mark!',
        payload: [1],
        replaces: 'a.1',
      });
      expect(result.ok ? [] : result.issues.map((i) => `${i.field}: ${i.code}`)).toEqual([
        'id: invalid_id',
        'hlc: invalid_hlc',
        'author: invalid_author',
        'kind: invalid_kind',
        'payload: invalid_payload',
        'replaces: invalid_replaces',
      ]);
    });

    it('refuses a device that is not its timestamp’s, a payload JSON cannot hold, and a change replacing itself', () => {
      const codes = (input: unknown) => {
        const r = readDomainEvent(input);
        return r.ok ? [] : r.issues.map((i) => i.code);
      };
      expect(codes({ ...A, device: 'laptop-b' })).toEqual(['device_mismatch']);
      expect(codes({ ...A, payload: { n: NaN } })).toEqual(['invalid_payload']);
      expect(codes({ ...A, replaces: [A.id] })).toEqual(['invalid_replaces']);
    });
  });
});

describe('merging logs', () => {
  it('is the union by id in timestamp order, and says what came in', () => {
    const merged = mergeLogs([B, A], [C, A]);
    expect(merged.log).toEqual([C, A, B]);
    expect(merged.added).toEqual([C]);
    expect(merged.known).toBe(1);
    expect(merged.clashes).toEqual([]);
    expect(countByKind(merged.added)).toEqual({ review_decision: 1 });
  });

  it('does not change its inputs', () => {
    const mine = [B, A];
    const theirs = [C];
    mergeLogs(mine, theirs);
    expect(mine).toEqual([B, A]);
    expect(theirs).toEqual([C]);
  });

  it('keeps one version of an id that came with two different events, the same on every laptop, and reports it', () => {
    const forged = { ...A, author: 'Orang lain' };
    const one = mergeLogs([A], [forged]);
    const other = mergeLogs([forged], [A]);
    expect(logText(one.log)).toBe(logText(other.log));
    expect(one.clashes).toHaveLength(1);
    expect(one.clashes).toEqual(other.clashes);
    expect([one.clashes[0]?.kept, ...(one.clashes[0]?.dropped ?? [])]).toEqual(
      expect.arrayContaining([A, forged]),
    );
  });

  describe('properties (three laptops that work and swap files)', () => {
    const logs = fc.array(stepArbitrary, { maxLength: 40 }).map(simulate);

    it('is commutative, associative and idempotent', () => {
      fc.assert(
        fc.property(logs, ([a = [], b = [], c = []]) => {
          const ab = mergeLogs(a, b).log;
          expect(logText(ab)).toBe(logText(mergeLogs(b, a).log));
          expect(logText(mergeLogs(ab, c).log)).toBe(
            logText(mergeLogs(a, mergeLogs(b, c).log).log),
          );
          expect(logText(mergeLogs(ab, ab).log)).toBe(logText(ab));
          const again = mergeLogs(ab, a);
          expect(again.added).toEqual([]);
          expect(again.known).toBe(a.length);
        }),
        { numRuns: 60 },
      );
    });

    it('gives the same log for any order of the events, duplicated or not', () => {
      fc.assert(
        fc.property(logs, fc.infiniteStream(fc.nat()), ([a = [], b = [], c = []], picks) => {
          const all = [...a, ...b, ...c];
          const shuffled = [...all];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (picks.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j] as DomainEvent, shuffled[i] as DomainEvent];
          }
          expect(logText(mergeLogs(shuffled).log)).toBe(logText(mergeLogs(a, b, c).log));
        }),
        { numRuns: 60 },
      );
    });
  });
});
