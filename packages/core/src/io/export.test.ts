import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resident, StudentRecord } from '../domain/records.js';
import {
  tablesToXlsx,
  tableToCsv,
  tableToCsvBytes,
  type ExportColumn,
  type ExportTable,
} from './export.js';
import { importRecords } from './import.js';
import { readXlsxSheets } from './xlsx-read.js';

const STUDENT_COLUMNS: readonly ExportColumn<StudentRecord>[] = [
  { header: 'id_siswa', type: 'identifier', value: (s) => s.idSiswa },
  { header: 'npsn', type: 'identifier', value: (s) => s.npsn },
  { header: 'nisn', type: 'identifier', value: (s) => s.nisn },
  { header: 'nik', type: 'identifier', value: (s) => s.nik },
  { header: 'nama', type: 'text', value: (s) => s.nama },
  { header: 'jenis_kelamin', type: 'text', value: (s) => s.jenisKelamin },
  { header: 'tempat_lahir', type: 'text', value: (s) => s.tempatLahir },
  { header: 'tanggal_lahir', type: 'date', value: (s) => s.tanggalLahir },
  { header: 'nama_ibu', type: 'text', value: (s) => s.namaIbu },
  { header: 'alamat', type: 'text', value: (s) => s.alamat },
  { header: 'kelas', type: 'text', value: (s) => s.kelas },
];

const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** Text as the importer leaves it: trimmed, single spaces; with accents, quotes, separators and formula starts. */
const text = fc
  .array(
    fc.constantFrom(
      'a',
      'Z',
      'é',
      'ï',
      ' ',
      ',',
      ';',
      '"',
      "'",
      '=',
      '+',
      '-',
      '@',
      '1',
      'Ñ',
      '\n',
    ),
    { maxLength: 14 },
  )
  .map((c) => c.join('').replace(/\s+/g, ' ').trim());
const isoDate = fc
  .record({
    y: fc.integer({ min: 1990, max: 2015 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const nik = fc
  .tuple(
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 1, max: 12 }),
    digits(2),
    fc.integer({ min: 1, max: 9999 }),
  )
  .map(
    ([d, m, y, s]) =>
      `350601${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${y}${String(s).padStart(4, '0')}`,
  );

const student: fc.Arbitrary<StudentRecord> = fc.record({
  idSiswa: digits(10),
  npsn: digits(8),
  nisn: digits(10),
  nik: fc.oneof(nik, fc.constant('')),
  nama: text.map((t) => `Siswa ${t}`.trim()),
  jenisKelamin: fc.constantFrom('L', 'P', ''),
  tempatLahir: text,
  tanggalLahir: isoDate,
  namaIbu: text,
  alamat: text,
  kelas: text,
});

const table = (
  rows: readonly StudentRecord[],
  dates: ExportTable<StudentRecord>['dates'] = 'excel',
): ExportTable<StudentRecord> => ({
  sheet: 'Siswa',
  columns: STUDENT_COLUMNS,
  rows,
  dates,
});

async function readBack(bytes: Uint8Array): Promise<StudentRecord[]> {
  const result = await importRecords(bytes, { kind: 'student', pivotYear: 2023 });
  if (!result.ok) throw new Error(result.issues[0].message.en);
  return [...result.value.records];
}

describe('exporting tables', () => {
  describe('round trips (property)', () => {
    it('reads back identically what it writes as XLSX', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(student, { minLength: 1, maxLength: 8 }), async (rows) => {
          expect(await readBack(await tablesToXlsx([table(rows) as ExportTable<unknown>]))).toEqual(
            rows,
          );
        }),
        { numRuns: 25 },
      );
    });

    it('reads back identically what it writes as CSV, with either separator and long dates', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(student, { minLength: 1, maxLength: 8 }),
          fc.constantFrom<',' | ';'>(',', ';'),
          fc.constantFrom<'iso' | 'long'>('iso', 'long'),
          async (rows, delimiter, dates) => {
            expect(await readBack(tableToCsvBytes(table(rows, dates), delimiter))).toEqual(rows);
          },
        ),
        { numRuns: 60 },
      );
    });
  });

  describe('what Excel sees', () => {
    const one: StudentRecord = {
      idSiswa: '0061234567',
      npsn: '20512345',
      nisn: '0061234567',
      nik: '3506015506070002',
      nama: '=HYPERLINK("http://x","klik")',
      jenisKelamin: 'P',
      tempatLahir: '+62 Kediri',
      tanggalLahir: '2007-06-15',
      namaIbu: '@SUM(A1)',
      alamat: '-1+1',
      kelas: 'XII IPA 1',
    };

    it('writes identifiers as text cells, dates as real dates and formulas as plain text (XLSX)', async () => {
      const book = await readXlsxSheets(await tablesToXlsx([table([one]) as ExportTable<unknown>]));
      expect(book.ok).toBe(true);
      if (!book.ok) return;
      const [header, row] = book.value[0]?.rows ?? [];
      expect(header?.[3]).toBe('nik');
      expect(row?.[3]).toBe('3506015506070002');
      expect(row?.[2]).toBe('0061234567');
      expect(row?.[7]).toEqual(new Date(Date.UTC(2007, 5, 15)));
      expect(row?.[4]).toBe('=HYPERLINK("http://x","klik")');
    });

    it('prefixes formula-like cells with an apostrophe in CSV, and writes long Indonesian dates on request', () => {
      const csv = tableToCsv(table([one], 'long'));
      expect(csv).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
      expect(csv).toContain(",'+62 Kediri,");
      expect(csv).toContain(",'@SUM(A1),'-1+1,");
      expect(csv).toContain(',15 Juni 2007,');
      expect(csv.startsWith('id_siswa,npsn,nisn,nik,')).toBe(true);
    });

    it('starts CSV bytes with the byte-order mark Excel needs for UTF-8', () => {
      expect([...tableToCsvBytes(table([one])).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    });

    it('writes several sheets and refuses a name Excel would refuse', async () => {
      const registry: ExportTable<Resident> = {
        sheet: 'Registri',
        columns: [{ header: 'nik', type: 'identifier', value: (r) => r.nik }],
        rows: [],
      };
      const book = await readXlsxSheets(
        await tablesToXlsx([
          table([one]) as ExportTable<unknown>,
          registry as ExportTable<unknown>,
        ]),
      );
      expect(book.ok && book.value.map((s) => s.name)).toEqual(['Siswa', 'Registri']);
      await expect(
        tablesToXlsx([{ ...registry, sheet: 'a/b' } as ExportTable<unknown>]),
      ).rejects.toThrow(/invalid sheet name/);
    });
  });
});
