import { describe, expect, it } from 'vitest';
import { buildStudentSearchIndex, type SearchableStudent } from './build.js';
import { createStudentSearch, openStudentSearch, type StudentSearchResult } from './search.js';

const student = (idSiswa: string, nama: string, nisn = '', nik = ''): SearchableStudent => ({
  idSiswa,
  nama,
  nisn,
  nik,
});

const LIST: readonly SearchableStudent[] = [
  student('1', 'Muhammad Rizky Pratama', '0071234567', '3506190507070002'),
  student('2', 'MOCH. RIZKI SAPUTRA', '0069876543', "'3506 2208 0607 0001"),
  student('3', 'Ainun Ramadhani', '0061111111'),
  student('4', 'Nur Ramadhan', '0062222222'),
  student('5', 'Budi Setiawan'),
  student('6', 'Eko Setyawan'),
  student('7', 'Soejono Djojohadikoesoemo'),
  student('8', 'Hj. Siti Aminah, S.Pd.'),
  student('9', 'Ahmad bin Sulaiman'),
  student('10', 'Nur Hayati'),
  student('11', 'Nurhayati Putri'),
  student('12', "Nur'Aini Zahra"),
  student('13', 'Rizky Muhammad'),
  student('14', 'Zaïnab Ámélia'),
  student('15', 'Anisa', '1230000000'),
  student('16', 'Ani Lestari', '', '3506011230000001'),
  student('17', 'Putri Ani', '0012300000'),
  student('18', 'Dewi', '3.50619E+15', '3.50619E+15'),
];

const search = createStudentSearch(LIST);
const ids = (query: string, limit = Infinity): string[] =>
  search.search(query, { limit }).hits.map((h) => h.id);
const hitOf = (result: StudentSearchResult, id: string) => result.hits.find((h) => h.id === id);

describe('createStudentSearch', () => {
  describe('names', () => {
    it('finds any word of the name from its start, in any order', () => {
      expect(ids('pratama')).toEqual(['1']);
      expect(ids('riz pra')).toEqual(['1']);
      expect(ids('pratama muh')).toEqual(['1']);
      expect(ids('rizky muh')).toEqual(expect.arrayContaining(['1', '13']));
    });

    it('reads Muhammad however it is written: "moch" finds Muhammad and "muhammad" finds Moch.', () => {
      expect(ids('moch')).toEqual(expect.arrayContaining(['1', '2', '13']));
      expect(ids('muhammad')).toEqual(expect.arrayContaining(['1', '2', '13']));
      expect(ids('mohd rizky')).toEqual(expect.arrayContaining(['1', '2', '13']));
    });

    it('finds Muhammad from the first letters of a spelling the list uses ("moc" → Moch.)', () => {
      expect(ids('moc')).toEqual(expect.arrayContaining(['1', '2', '13']));
      expect(hitOf(search.search('moc'), '2')?.ranges).toEqual([[0, 3]]);
    });

    it('reads old spelling both ways', () => {
      expect(ids('soejono')).toEqual(['7']);
      expect(ids('suyono')).toEqual(['7']);
      expect(ids('joyohadi')).toEqual(['7']);
      expect(ids('djojo')).toEqual(['7']);
    });

    it('ignores titles, degrees, bin/binti, punctuation, case and accents', () => {
      expect(ids('siti aminah')).toEqual(['8']);
      expect(ids('AHMAD')).toEqual(['9']);
      expect(ids('zainab amelia')).toEqual(['14']);
      expect(ids("nur'aini")).toEqual(['12']);
      expect(ids('nuraini')).toEqual(['12']);
    });

    it('finds two written words typed as one ("nurhayati" → Nur Hayati), not one typed as two', () => {
      expect(ids('nurhayati')).toEqual(expect.arrayContaining(['10', '11']));
      expect(ids('nur hayati')).toEqual(['10']);
    });

    it('matches words from their start: "nur ram" finds Nur Ramadhan, not Ainun Ramadhani', () => {
      expect(ids('nur ram')).toEqual(['4']);
      const nun = search.search('nun');
      expect(nun.approximate).toBe(true); // nothing starts with NUN: near matches (NUR) instead
      expect(nun.hits.map((h) => h.id)).not.toContain('3');
    });

    it('forgives one typo in a word of five letters or more', () => {
      expect(ids('ramadani')).toEqual(expect.arrayContaining(['3']));
      expect(ids('setyawan')).toEqual(expect.arrayContaining(['5', '6']));
      expect(ids('setiawan')).toEqual(expect.arrayContaining(['5', '6']));
      expect(ids('rizki')).toEqual(expect.arrayContaining(['1', '2', '13']));
      expect(ids('pramata')).toEqual([]); // two edits, and another sound
    });

    it('forgives a typo in a shorter word only when nothing matches as typed, and says so', () => {
      expect(search.search('budy')).toMatchObject({ approximate: true, total: 1 });
      expect(ids('budy')).toEqual(['5']);
      const exact = search.search('budi');
      expect(exact.approximate).toBe(false);
      expect(exact.hits.map((h) => h.id)).toEqual(['5']);
    });

    it('lets one typed word match nothing only when every word together finds nobody', () => {
      const result = search.search('setiawan xyzzy');
      expect(result.approximate).toBe(true);
      expect(result.hits.map((h) => h.id)).toEqual(expect.arrayContaining(['5', '6']));
      expect(search.search('xyzzy').total).toBe(0);
    });

    it('narrows the list with every letter while no typo is allowed', () => {
      let previous = new Set(ids('r'));
      for (const query of ['ra', 'ram', 'rama', 'nur r', 'nur ra']) {
        if (query === 'nur r') previous = new Set(ids('nur'));
        const now = ids(query);
        expect(now.every((id) => previous.has(id))).toBe(true);
        previous = new Set(now);
      }
    });
  });

  describe('ranking', () => {
    it('puts the whole word before its start, the first word before later ones, and both before typos', () => {
      expect(ids('ani')).toEqual(['16', '17', '15']);
      const rizky = search.search('rizky');
      expect(rizky.hits.map((h) => h.id)).toEqual(['13', '1', '2']);
      expect(rizky.hits.map((h) => h.match)).toEqual(['exact', 'exact', 'fuzzy']);
    });

    it('puts names with the typed words in order and side by side first', () => {
      const found = ids('muhammad rizky');
      expect(found.indexOf('1')).toBeLessThan(found.indexOf('13'));
      const neighbours = createStudentSearch([
        student('a', 'Muhammad Aditya Rizky'),
        student('b', 'Muhammad Rizky Aditya'),
        student('c', 'Rizky Muhammad'),
      ]);
      expect(neighbours.search('muhammad rizky').hits.map((h) => h.id)).toEqual(['b', 'a', 'c']);
    });

    it('weighs how well each word matches above word order', () => {
      // Both words exact but swapped, before one word in order with a typo.
      const found = ids('muhammad rizky');
      expect(found.indexOf('13')).toBeLessThan(found.indexOf('2'));
    });

    it('puts a name written as typed before equally scored names that only read the same', () => {
      const lutfi = createStudentSearch([
        student('a', 'MUHAMMAD LUTFI'),
        student('b', 'Muchammad Lutfi'),
        student('c', 'MOHAMMAD LUTFI PRATAMA'),
      ]);
      const result = lutfi.search('mohammad lutpi');
      expect(new Set(result.hits.map((h) => h.score)).size).toBe(1);
      expect(result.hits.map((h) => h.id)).toEqual(['c', 'a', 'b']);
    });

    it('puts a word written exactly as typed before one that starts with it', () => {
      const moh = createStudentSearch([
        student('a', 'Muhammad Rizky'),
        student('b', 'Mohammad Rizky'),
        student('c', 'Moh. Rizky'),
      ]);
      const result = moh.search('moh rizky');
      expect(new Set(result.hits.map((h) => h.score)).size).toBe(1);
      expect(result.hits.map((h) => h.id)).toEqual(['c', 'b', 'a']);
    });

    it('puts a name of fewer words before a longer one that scores the same', () => {
      const siti = createStudentSearch([
        student('a', 'Siti Aminah Zahra'),
        student('b', 'Hj. Siti Zahra, S.Pd.'), // titles and degrees are not words of the name
      ]);
      const result = siti.search('siti');
      expect(result.hits[0]?.score).toBe(result.hits[1]?.score);
      expect(result.hits.map((h) => h.id)).toEqual(['b', 'a']);
    });

    it('counts no word as written as typed when it could not place the word in the name', () => {
      // A combining dot splits the written "Mu̇hammad", so MUHAMMAD has no written word.
      const odd = createStudentSearch([
        student('a', 'Muhammad Rizky'),
        student('b', 'Mu\u0307hammad Rizky'),
      ]);
      expect(odd.search('mohammad rizky').hits.map((h) => h.id)).toEqual(['a', 'b']);
    });

    it('never lets how a name is written or its length lift it above a better match', () => {
      const list = createStudentSearch([
        student('a', 'Rizky Mohammad'),
        student('b', 'Muhammad Rizky Aditya Pratama'),
        student('c', 'Mohammad Rizqi'),
      ]);
      // Swapped words, then a typo, rank below the words in order, however written and however long.
      expect(list.search('mohammad rizky').hits.map((h) => h.id)).toEqual(['b', 'a', 'c']);
    });

    it('orders ties that remain by name, whatever the list order', () => {
      const tied = createStudentSearch([
        student('b', 'Siti Zahra'),
        student('a', 'Siti Aminah'),
        student('c', 'Siti Maya'),
      ]);
      expect(tied.search('siti').hits.map((h) => h.id)).toEqual(['a', 'c', 'b']);
    });
  });

  describe('NISN and NIK', () => {
    it('finds typed digits at the start of an NISN or NIK before digits inside one', () => {
      const result = search.search('123');
      expect(result.kind).toBe('digits');
      expect(result.hits.map((h) => [h.id, h.field, h.match])).toEqual([
        ['15', 'nisn', 'prefix'],
        ['1', 'nisn', 'contains'],
        ['17', 'nisn', 'contains'],
        ['16', 'nik', 'contains'],
      ]);
    });

    it('reads an NIK typed in groups, and one written with spaces and an apostrophe', () => {
      const result = search.search('3506 2208 0607 0001');
      expect(result.hits.map((h) => [h.id, h.field, h.match, h.ranges])).toEqual([
        ['2', 'nik', 'exact', [[0, 16]]],
      ]);
    });

    it('highlights the digits found', () => {
      expect(hitOf(search.search('1905'), '1')).toMatchObject({ field: 'nik', ranges: [[4, 8]] });
    });

    it("does not search an identifier whose digits are lost (Excel's 3.50619E+15)", () => {
      expect(ids('350619')).not.toContain('18');
      expect(ids('dewi')).toEqual(['18']);
    });

    it('keeps digits typed beside a name as a filter on NISN and NIK', () => {
      expect(ids('rizky 0071')).toEqual(['1']);
      expect(ids('rizky 2208')).toEqual(['2']);
      expect(ids('rizky 9999')).toEqual([]);
    });
  });

  describe('results', () => {
    it('returns the best `limit` hits and counts every match', () => {
      const result = search.search('r', { limit: 2 });
      expect(result.hits).toHaveLength(2);
      expect(result.total).toBeGreaterThan(2);
      expect(search.search('r', { limit: 0 }).hits).toEqual([]);
    });

    it('lists the same first hits whatever the limit', () => {
      for (const query of ['r', 'nur', 'mu', 'ani', '123']) {
        const all = ids(query);
        for (let limit = 0; limit <= all.length; limit++) {
          expect(ids(query, limit), `${query}, ${limit}`).toEqual(all.slice(0, limit));
        }
      }
    });

    it('says which characters of the written name to highlight', () => {
      const result = search.search('moch riz');
      // Muhammad is not written as typed, so the whole word lights up; Moch. is.
      expect(hitOf(result, '1')?.ranges).toEqual([
        [0, 8],
        [9, 12],
      ]);
      expect(hitOf(result, '2')?.ranges).toEqual([
        [0, 4],
        [6, 9],
      ]);
      expect(hitOf(search.search('nurhayati'), '10')?.ranges).toEqual([
        [0, 3],
        [4, 10],
      ]);
      expect(hitOf(search.search('zain'), '14')?.ranges).toEqual([[0, 4]]);
      expect(hitOf(search.search('nura'), '12')?.ranges).toEqual([[0, 5]]);
      expect(hitOf(search.search('setyawan'), '5')?.ranges).toEqual([[5, 13]]);
    });

    it('returns nothing for a blank query, and calls other scripts unsearchable', () => {
      expect(search.search('   ')).toEqual({
        kind: 'blank',
        total: 0,
        hits: [],
        truncated: false,
        approximate: false,
      });
      expect(search.search('张伟')).toMatchObject({ kind: 'unsearchable', total: 0, hits: [] });
      expect(search.search('محمد')).toMatchObject({ kind: 'unsearchable', total: 0 });
      expect(ids('Ahmad 张伟')).toEqual(['9']);
    });

    it('reads the start of a very long query and says it did', () => {
      const result = search.search(`muhammad rizky ${'x'.repeat(10_000)}`);
      expect(result.truncated).toBe(true);
      expect(result.kind).toBe('name');
      expect(search.search('7'.repeat(5000))).toMatchObject({ truncated: true, total: 0 });
    });

    it('gives the same results however the letters before were typed', () => {
      const typing = createStudentSearch(LIST);
      for (const query of ['muhammad rizky', 'setyawan budi', 'nur ram', '3506 19']) {
        for (let k = 1; k <= query.length; k++) {
          const typed = typing.search(query.slice(0, k));
          expect(typed).toEqual(createStudentSearch(LIST).search(query.slice(0, k)));
        }
      }
    });
  });

  describe('the index', () => {
    it('survives a structured clone, as when a worker posts it to the page', () => {
      const cloned = openStudentSearch(structuredClone(buildStudentSearchIndex(LIST)));
      for (const query of ['moch riz', 'ramadani', '123', 'nurhayati']) {
        expect(cloned.search(query)).toEqual(search.search(query));
      }
    });

    it('does not change the students given', () => {
      const copy = structuredClone(LIST);
      createStudentSearch(LIST);
      expect(LIST).toEqual(copy);
    });

    it('finds a student with no usable name by NISN or NIK', () => {
      const odd = createStudentSearch([
        { idSiswa: 'x', nama: undefined as unknown as string, nisn: '0099', nik: '' },
        student('y', '...', '0098'),
      ]);
      expect(odd.search('009').hits.map((h) => h.id)).toEqual(['x', 'y']);
      expect(odd.search('a').total).toBe(0);
      expect(createStudentSearch([]).search('a').total).toBe(0);
    });
  });

  describe('invalid input', () => {
    it('rejects a negative or fractional limit without repeating the query', () => {
      const nik = '3506190507070002';
      expect(() => search.search(nik, { limit: -1 })).toThrow(RangeError);
      expect(() => search.search(nik, { limit: 1.5 })).toThrow(/limit/);
      try {
        search.search(nik, { limit: Number.NaN });
      } catch (error) {
        expect(String(error)).not.toContain(nik);
      }
    });

    it('rejects what is not an index or not a list', () => {
      expect(() => openStudentSearch({} as never)).toThrow(TypeError);
      expect(() => buildStudentSearchIndex(null as never)).toThrow(TypeError);
    });
  });
});
