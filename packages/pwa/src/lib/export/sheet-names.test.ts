import { describe, expect, it } from 'vitest';
import { cleanSheetName, SHEET_NAME_MAX, SheetNames } from './sheet-names';

describe('cleanSheetName', () => {
  it('keeps a valid name as it is', () => {
    expect(cleanSheetName('SMA Negeri 1 Kediri', 'x')).toBe('SMA Negeri 1 Kediri');
  });

  it('replaces the characters Excel refuses and collapses the spaces', () => {
    expect(cleanSheetName('SMA N 1 [IPA/IPS]: Kelas*?\\', 'x')).toBe('SMA N 1 IPA IPS Kelas');
  });

  it('cuts a long name to 31 characters without a trailing space', () => {
    const name = cleanSheetName('Madrasah Aliyah Negeri 2 Kabupaten Kediri', 'x');
    expect(name).toBe('Madrasah Aliyah Negeri 2 Kabupa');
    expect(name).toHaveLength(SHEET_NAME_MAX);
    expect(cleanSheetName('Madrasah Aliyah Negeri 2 Kabupa ten', 'x')).toBe(
      'Madrasah Aliyah Negeri 2 Kabupa',
    );
  });

  describe('invalid input', () => {
    it('drops apostrophes at either end and uses the fallback for an empty name', () => {
      expect(cleanSheetName("'Tim 1'", 'x')).toBe('Tim 1');
      expect(cleanSheetName(' /// ', '20510001')).toBe('20510001');
      expect(cleanSheetName('', '')).toBe('Sheet');
    });
  });
});

describe('SheetNames', () => {
  it('numbers repeated names, case ignored, still within 31 characters', () => {
    const names = new SheetNames();
    expect(names.name('Tim 1', 'x')).toBe('Tim 1');
    expect(names.name('TIM 1', 'x')).toBe('TIM 1 (2)');
    const long = 'SMA Negeri 1 Kabupaten Contoh Timur Jauh';
    expect(names.name(long, 'x')).toBe('SMA Negeri 1 Kabupaten Contoh T');
    expect(names.name(`${long} Sekali`, 'x')).toBe('SMA Negeri 1 Kabupaten Cont (2)');
  });

  it('never gives the reserved name History', () => {
    expect(new SheetNames().name('History', 'x')).toBe('History (2)');
  });

  it('gives valid, unique names to many similar and awkward texts', () => {
    // Names that collide after cleaning and cutting, built from the characters Excel refuses.
    const parts = [
      "'",
      '[',
      ']',
      ':',
      '*',
      '?',
      '/',
      '\\',
      ' ',
      'SMA',
      'Negeri',
      '1',
      'x'.repeat(30),
    ];
    const texts: string[] = [];
    for (let i = 0; i < 400; i++) {
      texts.push([0, 1, 2, 3].map((k) => parts[(i * (k + 3) + k * 7) % parts.length]).join(''));
    }
    const names = new SheetNames();
    const given = texts.map((text, i) => names.name(text, `S${i}`));
    for (const name of given) {
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
      expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
    }
    expect(new Set(given.map((n) => n.toLowerCase())).size).toBe(given.length);
  });
});
