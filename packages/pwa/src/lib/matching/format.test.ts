import { describe, expect, it } from 'vitest';
import { formatProbability, formatWeight, localDateTime, regionText } from './format';

describe('formatProbability', () => {
  it('writes a percentage with two decimals in the language of the screen', () => {
    expect(formatProbability(0.97354, 'id')).toBe('97,35%');
    expect(formatProbability(0.97354, 'en')).toBe('97.35%');
    expect(formatProbability(0.5, 'id')).toBe('50,00%');
  });

  it('never rounds a doubt to certainty, nor a chance to nothing', () => {
    expect(formatProbability(0.999996, 'en')).toBe('> 99.99%');
    expect(formatProbability(0.000004, 'en')).toBe('< 0.01%');
    expect(formatProbability(1, 'en')).toBe('100.00%');
    expect(formatProbability(0, 'en')).toBe('0.00%');
  });
});

describe('formatWeight', () => {
  it('signs a weight with a plus or a true minus, one decimal', () => {
    expect(formatWeight(8.72, 'id')).toBe('+8,7');
    expect(formatWeight(-3.26, 'en')).toBe('−3.3');
    expect(formatWeight(12.04, 'en')).toBe('+12.0');
  });

  it('writes a weight that rounds to zero without a sign', () => {
    expect(formatWeight(0, 'id')).toBe('0,0');
    expect(formatWeight(-0.04, 'en')).toBe('0.0');
  });
});

describe('regionText', () => {
  it('writes a region code with dots and the names the app knows', () => {
    expect(regionText('3506012001', 'id')).toBe(
      '35.06.01.2001 (Kecamatan Semen, Kabupaten Kediri, Jawa Timur)',
    );
    expect(regionText('3571', 'id')).toMatch(/^35\.71 \(Kota Kediri/);
  });

  describe('invalid input', () => {
    it('shows a code it cannot read as it is, and an empty one as empty', () => {
      expect(regionText('99xx', 'id')).toBe('99xx');
      expect(regionText('  ', 'en')).toBe('');
    });
  });
});

describe('localDateTime', () => {
  it('gives the date and time on the laptop clock', () => {
    const moment = new Date(2023, 0, 10, 8, 5);
    expect(localDateTime(moment.toISOString())).toEqual({ date: '2023-01-10', time: '08:05' });
  });

  it('gives null for a timestamp it cannot read', () => {
    expect(localDateTime('kemarin')).toBeNull();
  });
});
