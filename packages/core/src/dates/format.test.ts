import { describe, expect, it } from 'vitest';
import { formatDate } from './format.js';

const MONDAY = { year: 2023, month: 1, day: 16 };
const AUG = { year: 2006, month: 8, day: 17 };

describe('formatDate', () => {
  it('writes every style in Indonesian by default', () => {
    expect(formatDate(MONDAY, 'iso')).toBe('2023-01-16');
    expect(formatDate(MONDAY, 'short')).toBe('16/01/2023');
    expect(formatDate(AUG, 'medium')).toBe('17 Agu 2006');
    expect(formatDate(AUG)).toBe('17 Agustus 2006');
    expect(formatDate(MONDAY, 'full')).toBe('Senin, 16 Januari 2023');
    expect(formatDate(AUG, 'full')).toBe('Kamis, 17 Agustus 2006');
  });

  it('writes English', () => {
    expect(formatDate(AUG, 'medium', 'en')).toBe('17 Aug 2006');
    expect(formatDate(AUG, 'long', 'en')).toBe('17 August 2006');
    expect(formatDate(MONDAY, 'full', 'en')).toBe('Monday, 16 January 2023');
  });
});
