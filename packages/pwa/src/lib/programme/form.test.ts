import { describe, expect, it } from 'vitest';
import { countErrors, liveStatus, wholeNumber } from './form';

describe('wholeNumber', () => {
  it('reads a whole number typed with spaces or a sign', () => {
    expect(wholeNumber(' 480 ')).toBe(480);
    expect(wholeNumber('+5')).toBe(5);
    expect(wholeNumber('-5')).toBe(-5);
  });

  it('tells an empty box (undefined) from text that is not a whole number (NaN)', () => {
    expect(wholeNumber('  ')).toBeUndefined();
    for (const text of ['7.5', '7,5', '1e3', 'abc', '0x10']) {
      expect(wholeNumber(text), text).toBeNaN();
    }
  });
});

describe('countErrors', () => {
  it('counts the fields with an error over all rows', () => {
    expect(countErrors({ 1: { tim: {}, jumlahAlat: {} }, 4: { tim: {} } })).toBe(3);
    expect(countErrors({})).toBe(0);
  });
});

describe('liveStatus', () => {
  it('follows the corrections after a refused save, and leaves other states alone', () => {
    expect(liveStatus({ state: 'invalid', count: 3 }, 1)).toEqual({ state: 'invalid', count: 1 });
    expect(liveStatus({ state: 'invalid', count: 3 }, 0)).toEqual({ state: 'idle' });
    expect(liveStatus({ state: 'saved' }, 2)).toEqual({ state: 'saved' });
  });
});
