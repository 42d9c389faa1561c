import { describe, expect, it } from 'vitest';
import { normaliseName } from '../matching/names.js';
import { alignTokens, foldWord, writtenWords } from './text.js';

const words = (text: string): string[] => writtenWords(text).map((w) => w.folded);
/** Each normalised word with the text it was written as. */
const placed = (name: string): [string, string][] => {
  const written = writtenWords(name);
  return alignTokens(normaliseName(name).tokens, written).map(({ token, word }) => {
    const w = written[word];
    return [token, w === undefined ? '' : name.slice(w.start, w.end)];
  });
};

describe('writtenWords', () => {
  it('finds words with their places, folded like the matcher folds them', () => {
    expect(writtenWords("  Nur'Aini,  Moch.")).toEqual([
      { start: 2, end: 10, folded: 'NURAINI' },
      { start: 13, end: 17, folded: 'MOCH' },
    ]);
  });

  it('keeps accented letters in their word and places them in the text as written', () => {
    const text = 'Zaïnab Ámélia';
    expect(writtenWords(text)).toEqual([
      { start: 0, end: 6, folded: 'ZAINAB' },
      { start: 7, end: 13, folded: 'AMELIA' },
    ]);
    expect(foldWord('Ámélia')).toBe('AMELIA');
  });

  it('reads other scripts and punctuation as separators', () => {
    expect(words('محمد Ahmad 张伟')).toEqual(['AHMAD']);
    expect(words('Nur-Aini')).toEqual(['NUR', 'AINI']);
    expect(words('!!! ???')).toEqual([]);
  });
});

describe('alignTokens', () => {
  it('pairs each normalised word with the word written for it', () => {
    expect(placed('Hj. St. Aminah, S.Pd.')).toEqual([
      ['SITI', 'St'],
      ['AMINAH', 'Aminah'],
    ]);
    expect(placed('M. Rizky bin Ahmad')).toEqual([
      ['MUHAMMAD', 'M'],
      ['RIZKY', 'Rizky'],
    ]);
    expect(placed('Soejono Djojohadikoesoemo')).toEqual([
      ['SUYONO', 'Soejono'],
      ['JOYOHADIKUSUMO', 'Djojohadikoesoemo'],
    ]);
  });

  it('leaves a word unplaced (-1) rather than placing it wrongly', () => {
    const written = writtenWords('Ahmad');
    expect(alignTokens(['AHMAD', 'RIZKY'], written)).toEqual([
      { token: 'AHMAD', word: 0 },
      { token: 'RIZKY', word: -1 },
    ]);
  });
});
