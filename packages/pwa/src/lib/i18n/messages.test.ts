import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';
import { translate } from './translate';

const placeholders = (message: string) =>
  [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message dictionaries', () => {
  it('have the same keys in Bahasa Indonesia and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('use the same placeholders for each key in both languages', () => {
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
    }
  });

  it('have no empty message', () => {
    for (const message of [...Object.values(id), ...Object.values(en)]) {
      expect(message.trim()).not.toBe('');
    }
  });
});

describe('translate', () => {
  it('uses Bahasa Indonesia or English as asked', () => {
    expect(translate('id', 'demo.load')).toBe('Muat program contoh');
    expect(translate('en', 'demo.load')).toBe('Load demo programme');
  });

  it('fills placeholders with the given values', () => {
    expect(translate('id', 'demo.storing', { done: '2.000', total: '170.000' })).toBe(
      'Langkah 2 dari 2 — menyimpan ke basis data lokal: 2.000 dari 170.000 baris',
    );
  });

  describe('invalid input', () => {
    it('leaves a placeholder without a value visible', () => {
      expect(translate('en', 'storage.usage', { used: '1.0 MB' })).toBe('1.0 MB of {quota}');
    });
  });
});
