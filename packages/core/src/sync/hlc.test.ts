import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, HybridClock, MAX_CLOCK_AHEAD_MS, parseHlc } from './hlc.js';

const T0 = Date.parse('2023-01-16T01:00:00Z');

describe('hybrid logical timestamps', () => {
  it('are written as text that sorts as they order, and read back', () => {
    const a = formatHlc({ wall: T0, counter: 0, device: 'laptop-a' });
    const b = formatHlc({ wall: T0, counter: 1, device: 'laptop-a' });
    const c = formatHlc({ wall: T0 + 1, counter: 0, device: 'laptop-a' });
    expect([c, b, a].sort()).toEqual([a, b, c]);
    expect(parseHlc(b)).toEqual({ wall: T0, counter: 1, device: 'laptop-a' });
  });

  it('order by wall time, then counter, then device (property)', () => {
    const hlc = fc.record({
      wall: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      counter: fc.integer({ min: 0, max: 36 ** 4 - 1 }),
      device: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
    });
    fc.assert(
      fc.property(hlc, hlc, (x, y) => {
        const expected =
          x.wall - y.wall ||
          x.counter - y.counter ||
          (x.device < y.device ? -1 : x.device > y.device ? 1 : 0);
        expect(Math.sign(compareHlc(formatHlc(x), formatHlc(y)))).toBe(Math.sign(expected));
        expect(parseHlc(formatHlc(x))).toEqual(x);
      }),
    );
  });

  describe('invalid input', () => {
    it('reads no timestamp from other text', () => {
      for (const text of [
        '',
        'x',
        '0001ldr3wqk9s-0000',
        '0001LDR3WQK9-0000-a',
        '0001ldr3wqk-0000-a b',
      ])
        expect(parseHlc(text)).toBeNull();
    });

    it('refuses to write a timestamp out of range or with a bad device id', () => {
      expect(() => formatHlc({ wall: -1, counter: 0, device: 'a' })).toThrow(RangeError);
      expect(() => formatHlc({ wall: 0, counter: 36 ** 4, device: 'a' })).toThrow(RangeError);
      expect(() => formatHlc({ wall: 0, counter: 0, device: 'laptop a' })).toThrow(RangeError);
      expect(() => new HybridClock('')).toThrow(RangeError);
    });
  });
});

describe('a laptop clock', () => {
  it('gives ever later stamps, also when its wall clock goes back', () => {
    let wall = T0;
    const clock = new HybridClock('laptop-a', { now: () => wall });
    const first = clock.now();
    const second = clock.now();
    wall -= 60_000;
    const third = clock.now();
    expect([first, second, third]).toEqual([...new Set([first, second, third])].sort());
    expect(parseHlc(third)).toMatchObject({ wall: T0, counter: 2 });
  });

  it('stamps after what it has observed from a laptop whose clock runs ahead', () => {
    const behind = new HybridClock('laptop-a', { now: () => T0 });
    const ahead = new HybridClock('laptop-b', { now: () => T0 + 3_600_000 });
    const theirs = ahead.now();
    behind.observe(theirs);
    expect(compareHlc(behind.now(), theirs)).toBeGreaterThan(0);
  });

  it('does not follow a clock more than a day ahead, nor text that is no timestamp', () => {
    const clock = new HybridClock('laptop-a', { now: () => T0 });
    clock.observe(
      formatHlc({ wall: T0 + MAX_CLOCK_AHEAD_MS + 1, counter: 0, device: 'wrong-year' }),
    );
    clock.observe('not a timestamp');
    expect(parseHlc(clock.now())).toEqual({ wall: T0, counter: 0, device: 'laptop-a' });
  });

  it('goes on from its saved state after a reload', () => {
    const before = new HybridClock('laptop-a', { now: () => T0 });
    const last = before.now();
    const after = new HybridClock('laptop-a', { now: () => T0 - 5_000, state: before.state() });
    expect(compareHlc(after.now(), last)).toBeGreaterThan(0);
  });

  it('never repeats or goes back, whatever its wall clock and what it observes (property)', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('now' as const),
        move: fc.integer({ min: -10_000, max: 10_000 }),
      }),
      fc.record({
        kind: fc.constant('observe' as const),
        offset: fc.integer({ min: -100_000, max: 100_000 }),
        counter: fc.nat(50),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let wall = T0;
        const clock = new HybridClock('laptop-a', { now: () => wall });
        let last = '';
        for (const o of ops) {
          if (o.kind === 'now') {
            wall += o.move;
            const stamp = clock.now();
            expect(compareHlc(stamp, last)).toBeGreaterThan(0);
            last = stamp;
          } else {
            const remote = formatHlc({
              wall: wall + o.offset,
              counter: o.counter,
              device: 'laptop-b',
            });
            clock.observe(remote);
            const next = clock.now();
            expect(compareHlc(next, remote)).toBeGreaterThan(0);
            expect(compareHlc(next, last)).toBeGreaterThan(0);
            last = next;
          }
        }
      }),
    );
  });
});
