import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchoolFile } from '../generator/types.js';
import { parseCsv } from '../io/csv-read.js';
import { formatCsv } from '../io/csv-write.js';
import { schoolFileBytes } from '../io/demo-files.js';
import { encodeWindows1252 } from '../io/encoding.js';
import { SignatureBlocks } from '../io/signature.js';
import { run } from './main.js';
import { captureIo } from '../../test/capture-io.js';

const HEADER = [
  'nik',
  'tanggal_lahir',
  'status_kawin',
  'kewarganegaraan',
  'status_rekam',
  'kode_wilayah',
];
// The six rows of the public contract check, one per category it expects.
const CONTRACT_ROWS = [
  ['3506011501060001', '2006-01-15', 'BELUM KAWIN', 'WNI', 'BELUM REKAM', '3506012001'],
  ['3506015506070002', '2007-06-15', 'BELUM KAWIN', 'WNI', 'BELUM REKAM', '3506'],
  ['3506012003060003', '2006-03-20', 'BELUM KAWIN', 'WNI', 'BELUM REKAM', '3506012001'],
  ['3506012003060004', '2006-03-20', 'BELUM KAWIN', 'WNI', 'PRINT_READY_RECORD', '3506'],
  ['3571012003060005', '2006-03-20', 'BELUM KAWIN', 'WNI', 'BELUM REKAM', '3571010001'],
  ['12345', '2006-03-20', 'BELUM KAWIN', 'WNI', 'BELUM REKAM', '3506'],
];

describe('sahaja eligibility', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sahaja-eligibility-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function readOut(path: string): Promise<Record<string, string>[]> {
    const [header, ...rows] = parseCsv(await readFile(path, 'utf8')).rows;
    return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
  }

  it('writes one row per person with category, age, 17th birthday (ISO) and the reason', async () => {
    const people = join(dir, 'people.csv');
    const out = join(dir, 'e.csv');
    await writeFile(people, formatCsv([HEADER, ...CONTRACT_ROWS]));
    const c = captureIo();
    const code = await run(
      ['eligibility', '--people', people, '--date', '2023-01-16', '--out', out],
      c.io,
    );
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    const rows = await readOut(out);
    expect(Object.keys(rows[0] ?? {})).toEqual(['nik', 'kategori', 'umur', 'tanggal_17', 'alasan']);
    expect(rows.map((r) => r.kategori)).toEqual([
      'WAJIB',
      'BELUM_CUKUP_UMUR',
      'REKAM_DINI',
      'SUDAH_REKAM',
      'LUAR_WILAYAH',
      'DATA_TIDAK_VALID',
    ]);
    expect(rows.map((r) => r.umur)).toEqual(['17', '15', '16', '16', '16', '']);
    expect(rows[2]?.tanggal_17).toBe('2023-03-20');
    expect(rows[2]?.alasan).toContain('20 Maret 2023');
    expect(rows[5]?.alasan).toMatch(/NIK harus 16 digit/);
    expect(c.out.join('\n')).toMatch(/Wrote 6 rows .*WAJIB 1/);
  });

  it('notes in alasan when the NIK disagrees with tanggal_lahir, deciding by tanggal_lahir', async () => {
    const people = join(dir, 'mismatch.csv');
    const out = join(dir, 'mismatch-out.csv');
    // The NIK says 15 January 2006 (17: WAJIB); the registry, after a correction, 15 January 2007 (16).
    await writeFile(
      people,
      formatCsv([
        HEADER,
        ['3506011501060001', '2007-01-15', 'BELUM KAWIN', 'WNI', 'BELUM REKAM', '3506'],
      ]),
    );
    const c = captureIo();
    expect(
      await run(['eligibility', '--people', people, '--date', '2023-01-16', '--out', out], c.io),
    ).toBe(0);
    const [row] = await readOut(out);
    expect(row?.kategori).toBe('REKAM_DINI');
    expect(row?.umur).toBe('16');
    expect(row?.alasan).toMatch(/Catatan: Tanggal lahir pada NIK berbeda/);
    expect(c.out.join('\n')).toMatch(/1 rows have an NIK whose birth date differs/);
  });

  it('honours --region, --min-age and --lang', async () => {
    const people = join(dir, 'people.csv');
    const out = join(dir, 'e2.csv');
    await writeFile(people, formatCsv([HEADER, ...CONTRACT_ROWS]));
    const code = await run(
      [
        'eligibility',
        '--people',
        people,
        '--date',
        '2023-01-16',
        '--out',
        out,
        '--region',
        '3506,3571',
        '--min-age',
        '15',
        '--lang',
        'en',
      ],
      captureIo().io,
    );
    expect(code).toBe(0);
    const rows = await readOut(out);
    expect(rows.map((r) => r.kategori)).toEqual([
      'WAJIB',
      'REKAM_DINI',
      'REKAM_DINI',
      'SUDAH_REKAM',
      'REKAM_DINI',
      'DATA_TIDAK_VALID',
    ]);
    expect(rows[1]?.alasan).toMatch(/may be recorded early \(minimum 15\)/);
  });

  it('reads a semicolon CSV in Windows-1252 with other header spellings and a title above the header', async () => {
    const people = join(dir, 'people-1252.csv');
    const out = join(dir, 'e3.csv');
    const text = formatCsv(
      [
        ['DATA PENDUDUK — DESA SEMEN'],
        [],
        [
          'No',
          'NIK',
          'Tgl. Lahir',
          'Status Perkawinan',
          'Warga Negara',
          'Status KTP-el',
          'Kode Desa',
        ],
        [
          '1',
          '3506011501060001',
          '15/01/2006',
          'Belum Kawin',
          'WNI',
          'belum rekam',
          '35.06.01.2001',
        ],
      ],
      { delimiter: ';' },
    );
    await writeFile(people, encodeWindows1252(text));
    expect(
      await run(
        ['eligibility', '--people', people, '--date', '2023-01-16', '--out', out],
        captureIo().io,
      ),
    ).toBe(0);
    expect((await readOut(out)).map((r) => r.kategori)).toEqual(['WAJIB']);
  });

  it('reads XLSX with real date cells and a summary sheet before the data', async () => {
    const file: SchoolFile = {
      fileName: 'penduduk.xlsx',
      format: 'xlsx',
      delimiter: ',',
      encoding: 'utf-8',
      bom: false,
      npsn: [],
      shape: 'test',
      sheets: [
        { name: 'Rekap', rows: [['Jumlah', 2]] },
        {
          name: 'Data',
          rows: [
            [...HEADER],
            [
              '3506011501060001',
              { date: '2006-01-15' },
              'KAWIN',
              'WNI',
              'UNREGISTERED',
              '3506012001',
            ],
            [
              '3506015506070002',
              { date: '2007-06-15' },
              'KAWIN',
              'WNI',
              'UNREGISTERED',
              '3506012001',
            ],
            // An NIK typed as a number: Excel keeps 15 significant digits.
            [3506011501060010, { date: '2006-01-15' }, 'BELUM KAWIN', 'WNI', 'BELUM REKAM', 3506],
          ],
        },
      ],
    };
    const people = join(dir, 'people.xlsx');
    const out = join(dir, 'e4.csv');
    await writeFile(people, await schoolFileBytes(file));
    const c = captureIo();
    expect(
      await run(['eligibility', '--people', people, '--date', '2023-01-16', '--out', out], c.io),
    ).toBe(0);
    const rows = await readOut(out);
    expect(rows.map((r) => [r.nik, r.kategori, r.umur, r.tanggal_17])).toEqual([
      ['3506011501060001', 'WAJIB', '17', '2023-01-15'],
      ['3506015506070002', 'WAJIB', '15', '2024-06-15'],
      ['3506011501060010', 'WAJIB', '17', '2023-01-15'],
    ]);
    expect(c.out).toContain(
      '1 rows (first: row 4): The NIK was stored as a number in Excel: its last digits may be lost. Format the NIK column as Text and re-type it.',
    );
  });

  it('turns malformed rows into DATA_TIDAK_VALID with a reason, never crashing (property)', async () => {
    const people = join(dir, 'garbage.csv');
    const out = join(dir, 'garbage-out.csv');
    const cell = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '',
        '3506011501060001',
        '2006-02-30',
        '3,50601E+15',
        'WNI',
        'KAWIN',
        '3506',
        '"',
        ';',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 8 }), { minLength: 1, maxLength: 15 }),
        async (rows) => {
          await writeFile(people, formatCsv([HEADER, ...rows]));
          const c = captureIo();
          const code = await run(
            ['eligibility', '--people', people, '--date', '2023-01-16', '--out', out],
            c.io,
          );
          expect(c.err.filter((l) => l.includes('internal error'))).toEqual([]);
          // A file whose separator cannot be told (e.g. only stray semicolons) is refused in one line.
          if (code !== 0) {
            expect(code).toBe(1);
            expect(c.err).toHaveLength(1);
            return;
          }
          const written = await readOut(out);
          // One output row per data row: a row with a column of the header filled, and not a line of a
          // signature block (a lone "=" or "----" is the rule a signature is written on).
          const signatures = new SignatureBlocks(2023 - 12);
          const data = rows.filter(
            (r) =>
              r.slice(0, HEADER.length).some((v) => v.trim() !== '') && !signatures.isSignature(r),
          );
          expect(written).toHaveLength(data.length);
          for (const r of written) {
            expect(r.alasan).not.toBe('');
            expect(r.kategori).toMatch(/^[A-Z_]+$/);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  describe('invalid input', () => {
    async function fails(args: string[], message: RegExp, expected = 1): Promise<void> {
      const c = captureIo();
      const code = await run(['eligibility', ...args], c.io);
      expect(code).toBe(expected);
      expect(c.err).toHaveLength(1);
      expect(c.err[0]).toMatch(message);
    }

    it('says which required option is missing', async () => {
      await fails(['--date', '2023-01-16', '--out', 'x.csv'], /--people FILE is required/);
      await fails(['--people', 'p.csv', '--out', 'x.csv'], /--date YYYY-MM-DD is required/);
    });

    it('refuses an impossible date, a bad minimum age, region, leap-day rule or language', async () => {
      const people = join(dir, 'people.csv');
      const base = ['--people', people, '--out', join(dir, 'never.csv')];
      await fails([...base, '--date', '2023-02-29'], /--date must be a real date/);
      await fails(
        [...base, '--date', '2023-01-16', '--min-age', 'sixteen'],
        /--min-age must be a whole number/,
      );
      await fails([...base, '--date', '2023-01-16', '--min-age', '18'], /minimum recording age/);
      await fails(
        [...base, '--date', '2023-01-16', '--region', '35X6'],
        /region code "35X6" is invalid/,
      );
      await fails([...base, '--date', '2023-01-16', '--leap-day', 'feb-29'], /--leap-day/);
      await fails([...base, '--date', '2023-01-16', '--lang', 'jv'], /--lang/);
      expect(existsSync(join(dir, 'never.csv'))).toBe(false);
    });

    it('names the missing columns and the headers it found', async () => {
      const people = join(dir, 'few-columns.csv');
      await writeFile(people, 'nik,tanggal_lahir,nama\n3506011501060001,2006-01-15,A\n');
      await fails(
        ['--people', people, '--date', '2023-01-16', '--out', join(dir, 'never.csv')],
        /Columns status_kawin, kewarganegaraan, status_rekam, kode_wilayah not found \(header row 1 has: nik, tanggal_lahir, nama\)/,
      );
    });

    it('says when the file is missing, empty, not a workbook or an old .xls', async () => {
      const out = ['--date', '2023-01-16', '--out', join(dir, 'never.csv')];
      await fails(['--people', join(dir, 'nope.csv'), ...out], /no such file/);
      await writeFile(join(dir, 'empty.csv'), '');
      await fails(['--people', join(dir, 'empty.csv'), ...out], /The file is empty/);
      await writeFile(join(dir, 'broken.xlsx'), new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
      await fails(
        ['--people', join(dir, 'broken.xlsx'), ...out],
        /damaged or not an Excel workbook/,
      );
      await writeFile(join(dir, 'old.xls'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]));
      await fails(
        ['--people', join(dir, 'old.xls'), ...out],
        /Old Excel files \(\.xls\) are not supported/,
      );
    });

    it('keeps an earlier output file when the run fails', async () => {
      const out = join(dir, 'kept.csv');
      await writeFile(out, 'earlier');
      await fails(
        ['--people', join(dir, 'nope.csv'), '--date', '2023-01-16', '--out', out],
        /no such file/,
      );
      expect(await readFile(out, 'utf8')).toBe('earlier');
    });
  });
});
