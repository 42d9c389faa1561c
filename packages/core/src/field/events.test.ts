import { describe, expect, it } from 'vitest';
import { compareEvents, isTimestamp, revokedIds } from './events.js';
import { mark, undo } from './test-support/events.js';

describe('compareEvents', () => {
  it('orders by instant, whatever the zone the time was written in', () => {
    // 08:30 in Jakarta is 01:30 UTC: earlier, though its clock reads later.
    const utc = { id: 'a', at: '2023-01-16T02:00:00Z' };
    const jakarta = { id: 'b', at: '2023-01-16T08:30:00+07:00' };
    expect(compareEvents(jakarta, utc)).toBeLessThan(0);
    expect(compareEvents(utc, jakarta)).toBeGreaterThan(0);
  });

  it('breaks a tie of instants by id, so every laptop sorts alike', () => {
    const a = { id: 'a', at: '2023-01-16T08:00:00.000Z' };
    const b = { id: 'b', at: '2023-01-16T08:00:00Z' };
    expect(compareEvents(a, b)).toBeLessThan(0);
    expect(compareEvents(b, a)).toBeGreaterThan(0);
    expect(compareEvents(a, a)).toBe(0);
  });
});

describe('revokedIds', () => {
  it('lists the events undos name', () => {
    expect([...revokedIds([mark('m1', 's1', 'absent', 0), undo('u1', 'm1', 1)])]).toEqual(['m1']);
  });

  it('ignores an undo of an undo: an undo is never undone', () => {
    const log = [mark('m1', 's1', 'absent', 0), undo('u1', 'm1', 1), undo('u2', 'u1', 2)];
    expect([...revokedIds(log)]).toEqual(['m1']);
  });

  it('keeps an undo whose target has not arrived, so the merge order does not matter', () => {
    expect(revokedIds([undo('u1', 'm1', 1)]).has('m1')).toBe(true);
  });

  it('is empty for an empty log', () => {
    expect(revokedIds([]).size).toBe(0);
  });
});

describe('isTimestamp', () => {
  it.each([
    '2023-01-16T08:15:30.123Z',
    '2023-01-16T08:15:30Z',
    '2023-01-16T08:15Z',
    '2023-01-16T15:15:30+07:00',
    '2024-02-29T23:59:59.999999-03:00',
  ])('accepts %s', (text) => expect(isTimestamp(text)).toBe(true));

  it.each([
    ['no zone', '2023-01-16T08:15:30'],
    ['a date only', '2023-01-16'],
    ['an impossible date', '2023-02-29T08:00:00Z'],
    ['hour 24', '2023-01-16T24:00:00Z'],
    ['minute 60', '2023-01-16T08:60:00Z'],
    ['a space for T', '2023-01-16 08:00:00Z'],
    ['a bad offset', '2023-01-16T08:00:00+07:60'],
    ['text', 'yesterday'],
  ])('refuses %s', (_, text) => expect(isTimestamp(text)).toBe(false));
});
