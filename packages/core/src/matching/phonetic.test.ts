import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseName } from './names.js';
import { namePhoneticKey, phoneticKey } from './phonetic.js';

const key = (raw: string): string => namePhoneticKey(normaliseName(raw).tokens);

describe('phonetic keys', () => {
  it('give spelling variants of a name one key', () => {
    expect(key('Akhmad')).toBe(key('Ahmad'));
    expect(key('Achmad')).toBe(key('Ahmad'));
    expect(key('Rizqi')).toBe(key('Rizky'));
    expect(key('Riski')).toBe(key('Rizky'));
    expect(key('Fajar')).toBe(key('Pajar'));
    expect(key('Syaiful')).toBe(key('Saiful'));
    expect(key('Muhamad Dzikri')).toBe(key('Muhammad Zikri'));
    expect(key('Dewi')).toBe(key('Dewy'));
    expect(key('Soejono')).toBe(key('Suyono'));
  });

  it('keep different names apart', () => {
    expect(key('Budi')).not.toBe(key('Bayu'));
    expect(key('Siti Aminah')).not.toBe(key('Siti Aisyah'));
    expect(key('Joko')).not.toBe(key('Yoko'));
  });

  it('keep the first letter and the word order', () => {
    expect(phoneticKey('AHMAD')).toBe('AMD');
    expect(key('Rizky Pratama')).toBe('RSK PRTM');
    expect(phoneticKey('')).toBe('');
    expect(phoneticKey('123')).toBe('');
  });

  it('are letters only, no longer than the word except for X becoming KS (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), maxLength: 12 }),
        (w) => {
          const k = phoneticKey(w);
          expect(k).toMatch(/^[A-Z]*$/);
          expect(k.length).toBeLessThanOrEqual(w.length + (w.match(/X/g)?.length ?? 0));
        },
      ),
    );
  });
});
