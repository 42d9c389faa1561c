import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, parseQuery, type ParsedQuery } from './query.js';

const terms = (q: ParsedQuery): string[] =>
  q.kind === 'name' ? q.terms.map((t) => `${t.written}/${t.modern}/${t.canonical}`) : [];

describe('parseQuery', () => {
  it('reads nothing but spaces as blank, and text without Latin letters or digits as unsearchable', () => {
    expect(parseQuery('').kind).toBe('blank');
    expect(parseQuery(' \t\n ').kind).toBe('blank');
    expect(parseQuery('张伟').kind).toBe('unsearchable');
    expect(parseQuery('...').kind).toBe('unsearchable');
  });

  it('reads digits alone as NISN/NIK digits, joining the groups people type', () => {
    expect(parseQuery('3506 1905-0707.0002')).toEqual({
      kind: 'digits',
      digits: '3506190507070002',
      truncated: false,
    });
  });

  it('reads words as the matcher does: variants, old spelling, titles, bin', () => {
    // Today's spelling writes CH as KH; the typed form still finds spellings written with CH.
    expect(terms(parseQuery('Moch. riz'))).toEqual(['MOCH/MOKH/MUHAMMAD', 'RIZ/RIZ/']);
    expect(terms(parseQuery('soej'))).toEqual(['SOEJ/SUY/']);
    expect(terms(parseQuery('Hj. Siti'))).toEqual(['SITI/SITI/']);
    expect(terms(parseQuery('ahmad bin sulaiman'))).toEqual(['AHMAD/AHMAD/']);
    expect(terms(parseQuery('m rizky'))).toEqual(['M/M/MUHAMMAD', 'RIZKY/RIZKY/']);
  });

  it('reads a title typed alone as the start of a name', () => {
    expect(terms(parseQuery('dr'))).toEqual(['DR/DR/']);
    expect(terms(parseQuery('h'))).toEqual(['H/H/']);
  });

  it('allows one typo from five letters, with the phonetic key for sounds-alike spellings', () => {
    const q = parseQuery('rizq riski');
    expect(q.kind === 'name' && q.terms.map((t) => [t.fuzzy, t.key])).toEqual([
      [false, ''],
      [true, 'RSK'],
    ]);
  });

  it('keeps digit words beside a name as filters', () => {
    const q = parseQuery('ahmad 0071');
    expect(q.kind === 'name' && q.digits).toEqual(['0071']);
  });

  describe('invalid input', () => {
    it('reads only the start of a very long query, and says so', () => {
      const q = parseQuery('ahmad '.repeat(1000));
      expect(q.truncated).toBe(true);
      expect(q.kind === 'name' && q.terms.length).toBe(MAX_QUERY_WORDS);
      expect(parseQuery('a'.repeat(MAX_QUERY_LENGTH)).truncated).toBe(false);
      expect(parseQuery('1'.repeat(40))).toMatchObject({ kind: 'digits', truncated: true });
    });

    it('treats a value that is not text as blank', () => {
      expect(parseQuery(undefined as unknown as string).kind).toBe('blank');
    });
  });
});
