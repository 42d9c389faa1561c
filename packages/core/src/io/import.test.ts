import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDate } from '../dates/parse-date.js';
import { formatIsoDate } from '../dates/plain-date.js';
import type { StudentRecord } from '../domain/records.js';
import { generateProgramme } from '../generator/programme.js';
import type { DemoProgramme, SchoolFile, SheetCell } from '../generator/types.js';
import { formatCsv } from './csv-write.js';
import { REGISTRY_COLUMNS, registryRow, schoolFileBytes } from './demo-files.js';
import { encodeUtf8, encodeWindows1252 } from './encoding.js';
import { importRecords, type ImportReport } from './import.js';
import type { RecordKind, RecordOf } from './records.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const csv = (rows: (string | number)[][], delimiter: ',' | ';' = ','): Uint8Array =>
  utf8(formatCsv(rows, { delimiter, neutraliseFormulas: false }));

async function read<K extends RecordKind>(
  bytes: Uint8Array,
  kind: K,
  options: Partial<Parameters<typeof importRecords<K>>[1]> = {},
): Promise<ImportReport<RecordOf[K]>> {
  const result = await importRecords(bytes, { kind, pivotYear: 2023, ...options });
  if (!result.ok)
    throw new Error(`import refused: ${result.issues[0].code} ${result.issues[0].message.en}`);
  return result.value;
}

async function refusal(bytes: Uint8Array, kind: RecordKind = 'student'): Promise<string> {
  const result = await importRecords(bytes, { kind, pivotYear: 2023 });
  return result.ok ? 'ok' : `${result.issues[0].code}: ${result.issues[0].message.en}`;
}

function xlsx(sheets: { name: string; rows: SheetCell[][] }[]): Promise<Uint8Array> {
  const file: SchoolFile = {
    fileName: 'test.xlsx',
    format: 'xlsx',
    delimiter: ',',
    encoding: 'utf-8',
    bom: false,
    npsn: [],
    shape: 'test',
    sheets,
  };
  return schoolFileBytes(file);
}

const collapse = (s: string): string => s.trim().replace(/\s+/g, ' ');

describe('importRecords', () => {
  describe("the generator's school lists (every shape schools send)", () => {
    let programme: DemoProgramme;
    let byId: Map<string, StudentRecord>;
    beforeAll(() => {
      programme = generateProgramme({ seed: 7, schools: 12, students: 1500, registry: 9000 });
      byId = new Map(programme.students.map((s) => [s.idSiswa, s]));
    });

    it('reads every row of every file at its row number, as the truth file places it', async () => {
      let checked = 0;
      for (const file of programme.files) {
        const report = await read(await schoolFileBytes(file), 'student', {
          ...(file.npsn.length === 1 && { npsn: file.npsn[0] }),
        });
        const truth = programme.truth.filter((t) => t.file === file.fileName);
        expect(report.counts.accepted, file.fileName).toBe(truth.length);
        expect(report.counts.rejected, file.fileName).toBe(0);
        const byRow = new Map(report.records.map((r, i) => [report.recordRows[i], r]));
        for (const t of truth) {
          const imported = byRow.get(t.fileRow);
          const written = byId.get(t.idSiswa);
          expect(imported, `${file.fileName} row ${t.fileRow}`).toBeDefined();
          if (!imported || !written) continue;
          expect(collapse(imported.nama)).toBe(collapse(written.nama));
          expect(imported.nisn).toBe(written.nisn);
          const parsed = parseDate(written.tanggalLahir, { pivotYear: 2023 });
          if (parsed.ok) expect(imported.tanggalLahir).toBe(formatIsoDate(parsed.value.date));
          if (t.corruptions.includes('nik_scientific')) {
            expect(imported.nik).toBe('');
            const issue = report.issues.find((i) => i.row === t.fileRow && i.field === 'nik');
            expect(issue?.code).toMatch(/^nik_(scientific|number_cell)$/);
          } else if (/^\d{16}$/.test(written.nik)) {
            expect(imported.nik).toBe(written.nik);
          }
          checked++;
        }
      }
      expect(checked).toBe(programme.truth.length);
    });

    it('finds the two-row Dapodik header and reads the mother from "Data Ibu", not the father', async () => {
      const dapodik = programme.files.find((f) => f.shape.toLowerCase().includes('dapodik'));
      expect(dapodik).toBeDefined();
      if (!dapodik) return;
      const report = await read(await schoolFileBytes(dapodik), 'student', {
        npsn: dapodik.npsn[0] ?? '',
      });
      expect(report.header).toMatchObject({ row: 6, depth: 2 });
      const mother = report.mapping.find((m) => m.field === 'nama_ibu');
      expect(mother?.header).toBe('Data Ibu Nama');
      expect(report.mapping.find((m) => m.field === 'nik')?.header).toBe('NIK');
      expect(report.unusedColumns).toContain('Data Ayah NIK');
      expect(report.records[0]?.idSiswa).toMatch(new RegExp(`^${dapodik.npsn[0]}-`));
    });

    it('reads the registry extract with no issue', async () => {
      const registry = programme.registry.slice(0, 2000);
      const header = [...REGISTRY_COLUMNS];
      const rows = registry.map(registryRow);
      const report = await read(csv([header, ...rows]), 'resident');
      expect(report.counts).toMatchObject({ accepted: 2000, rejected: 0, warnings: 0 });
      expect(report.records.map((r) => r.nik)).toEqual(registry.map((r) => r.nik));
      expect(report.records[0]?.jenisKelamin).toMatch(/^[LP]$/);
    });
  });

  describe('real-looking files', () => {
    it('reads a semicolon CSV with a BOM and title rows above the header', async () => {
      const text = formatCsv(
        [
          ['DAFTAR SISWA KELAS XII'],
          [],
          ['No', 'Nama Siswa', 'L/P', 'Tgl Lahir', 'NISN'],
          ['1', 'Siti Aminah', 'P', '17/08/2006', '0061234567'],
        ],
        { delimiter: ';' },
      );
      const report = await read(encodeUtf8(text, true), 'student');
      expect(report.source).toMatchObject({ format: 'csv', delimiter: ';', encoding: 'utf-8' });
      expect(report.header.row).toBe(3);
      expect(report.recordRows).toEqual([4]);
      expect(report.records).toEqual([
        expect.objectContaining({
          nama: 'Siti Aminah',
          jenisKelamin: 'P',
          tanggalLahir: '2006-08-17',
          nisn: '0061234567',
          idSiswa: '0061234567',
        }),
      ]);
    });

    it('reads Windows-1252 names with accents', async () => {
      const text = formatCsv(
        [
          ['nama', 'tanggal_lahir'],
          ['Zaïnab Ámélia', '2006-01-02'],
          ['Budi “Kecil”', '2006-01-03'],
        ],
        { delimiter: ';' },
      );
      const report = await read(encodeWindows1252(text), 'student');
      expect(report.source.encoding).toBe('windows-1252');
      expect(report.records.map((r) => r.nama)).toEqual(['Zaïnab Ámélia', 'Budi “Kecil”']);
    });

    it('reads Excel dates, serial numbers in a date column and serial text', async () => {
      const bytes = await xlsx([
        {
          name: 'Data',
          rows: [
            ['Nama', 'Tanggal Lahir'],
            ['A', { date: '2006-08-17' }],
            ['B', 38946],
            ['C', '38946'],
            ['D', '17 Agt 2006'],
          ],
        },
      ]);
      const report = await read(bytes, 'student');
      expect(report.records.map((r) => r.tanggalLahir)).toEqual([
        '2006-08-17',
        '2006-08-17',
        '2006-08-17',
        '2006-08-17',
      ]);
    });

    it('reports NIKs that Excel turned into numbers and drops them instead of guessing digits', async () => {
      const bytes = await xlsx([
        {
          name: 'Data',
          rows: [
            ['Nama', 'Tanggal Lahir', 'NIK'],
            ['A', '2006-01-15', 3506011501060000],
            ['B', '2006-01-15', 3506011501060001],
            ['C', '2006-01-15', '3506011501060001'],
          ],
        },
      ]);
      const report = await read(bytes, 'student');
      expect(report.records.map((r) => r.nik)).toEqual([
        '',
        '3506011501060001',
        '3506011501060001',
      ]);
      expect(report.issues.map((i) => [i.row, i.code, i.column])).toEqual([
        [2, 'nik_number_cell', 'NIK'],
        [3, 'nik_number_cell_exact', 'NIK'],
      ]);
      expect(report.issues[0]?.shape.en).toBe('a 16-digit number in an Excel cell');
    });

    it('reports scientific-notation NIKs in CSV, with Indonesian and English decimal marks', async () => {
      const report = await read(
        csv(
          [
            ['nama', 'nik', 'tgl_lahir'],
            ['A', '3,50601E+15', '1/1/2006'],
            ['B', '3.50601E+15', '1/1/2006'],
          ],
          ';',
        ),
        'student',
      );
      expect(report.records.map((r) => r.nik)).toEqual(['', '']);
      expect(report.summary).toEqual([
        expect.objectContaining({
          code: 'nik_scientific',
          field: 'nik',
          severity: 'warning',
          count: 2,
          rows: [2, 3],
        }),
      ]);
    });

    it('uses the first of duplicate headers and says which column it left out', async () => {
      const report = await read(
        csv([
          ['Nama', 'Tgl Lahir', 'Nama'],
          ['Anak', '2006-01-01', 'Ibunya'],
        ]),
        'student',
      );
      expect(report.records[0]?.nama).toBe('Anak');
      expect(report.duplicateColumns).toEqual([{ field: 'nama', header: 'Nama' }]);
    });

    it('skips empty and whitespace-only rows and a signature block, counting them', async () => {
      const report = await read(
        csv([
          ['nama', 'tanggal_lahir', 'nama_ibu'],
          ['A', '2006-01-01', 'X'],
          [],
          ['', ' ', ''],
          ['B', '2006-01-02', 'Y'],
          ['', '', 'Kepala Sekolah'],
        ]),
        'student',
      );
      expect(report.records.map((r) => r.nama)).toEqual(['A', 'B']);
      expect(report.recordRows).toEqual([2, 5]);
      expect(report.counts).toMatchObject({ accepted: 2, notData: 3, rejected: 0 });
    });

    describe('signature blocks under a list', () => {
      const HEADER = ['No', 'Nama Siswa', 'NISN', 'Tgl Lahir', 'L/P'];
      const DATA = [
        ['1', 'Siti Aminah', '0061234567', '17/08/2006', 'P'],
        ['2', 'Guruh Saputra', '0061234568', '01/02/2006', 'L'],
        ['3', 'Kepin Ardiansyah', '0061234569', '03/04/2006', 'L'],
      ];
      /** The block's lines in column `at` (1: the name column, 2: the NISN column). */
      const block = (at: number, lines: readonly string[]): string[][] =>
        lines.map((line) => HEADER.map((_, i) => (i === at ? line : '')));
      const LINES = [
        'Kediri, 9 Januari 2023',
        'Mengetahui,',
        'Kepala SMA Negeri 1 Pare',
        '',
        '',
        'Drs. H. SUPRAPTO, M.Pd.',
        'Pembina Tk. I',
        'NIP. 19650312 199003 1 007',
      ];

      it('skips a CSV block in the name column as not data: no student, no rejected row', async () => {
        const report = await read(csv([HEADER, ...DATA, [], ...block(1, LINES)]), 'student');
        expect(report.records.map((r) => r.nama)).toEqual([
          'Siti Aminah',
          'Guruh Saputra',
          'Kepin Ardiansyah',
        ]);
        expect(report.counts).toMatchObject({ accepted: 3, rejected: 0, dataRows: 3, notData: 9 });
        expect(report.issues).toEqual([]);
      });

      it('skips a block in the NISN column, and the head’s name typed without titles', async () => {
        const lines = [
          'Pare, 09-01-2023',
          'a.n. Kepala Sekolah',
          'Wakil Kepala Bid. Kesiswaan',
          '',
          'SUPRAPTO',
          'NIP. 19xxxxxxxx',
        ];
        const report = await read(csv([HEADER, ...DATA, ...block(2, lines)]), 'student');
        expect(report.counts).toMatchObject({ accepted: 3, rejected: 0, notData: 6 });
        expect(report.issues).toEqual([]);
      });

      it('skips two signers side by side (name column and NISN column)', async () => {
        const rows = [
          ['', 'Mengetahui,', '', 'Kediri, 9 Januari 2023', ''],
          ['', 'Kepala Sekolah', 'Wali Kelas XII IPA 1', '', ''],
          ['', 'SUPRAPTO', 'SITI MAEMUNAH', '', ''],
          ['', 'NIP. 196503121990031007', 'NIP. -', '', ''],
        ];
        const report = await read(csv([HEADER, ...DATA, ...rows]), 'student');
        expect(report.counts).toMatchObject({ accepted: 3, rejected: 0, notData: 4 });
      });

      it('skips an XLSX block: a date cell after "Kediri,", a NIP number cell, a block in one cell', async () => {
        const rows: SheetCell[][] = [
          HEADER,
          ...DATA,
          [null, 'Kediri,', { date: '2023-01-09' }],
          [null, 'Mengetahui,'],
          [null, null, 'Kepala Sekolah'],
          [null, '( Dra. Hj. SITI ROMLAH, M.Pd.I )'],
          // A NIP typed into a number cell: Excel keeps 15 significant digits of its 18.
          [null, null, 196503121990031e3],
          [null, 'Mengetahui,\nKepala Sekolah\n\n\nSUPRAPTO\nNIP. 19650312 199003 1 007'],
          [null, '________________________'],
        ];
        const report = await read(await xlsx([{ name: 'Siswa', rows }]), 'student');
        expect(report.records.map((r) => r.nama)).toHaveLength(3);
        expect(report.counts).toMatchObject({ accepted: 3, rejected: 0, notData: 7 });
        expect(report.issues).toEqual([]);
      });

      it('still rejects a data row with a bad field, with its row and field, next to a block', async () => {
        const report = await read(
          csv([
            HEADER,
            ...DATA,
            ['4', '', '0061234570', '05/06/2006', 'P'],
            ...block(1, ['Mengetahui,', 'Kepala Sekolah', '', 'SUPRAPTO', 'NIP. 19xxxxxxxx']),
            ['5', '', '0061234571', '07/08/2006', 'L'],
            ['6', 'Budi'],
            // A student's place and date of birth alone is a data row without a name, not a signature.
            ['', '', '', 'Kediri, 17 Agustus 2006'],
          ]),
          'student',
        );
        expect(report.counts).toMatchObject({ accepted: 4, rejected: 3, notData: 5 });
        expect(report.records.map((r) => r.nama)).toContain('Budi');
        expect(
          report.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.field, i.code]),
        ).toEqual([
          [5, 'nama', 'name_empty'],
          [11, 'nama', 'name_empty'],
          [13, 'nama', 'name_empty'],
        ]);
      });

      it('skips a block under a registry extract instead of rejecting its lines', async () => {
        const report = await read(
          csv([
            ['nik', 'nama', 'tanggal_lahir'],
            ['3506011501060001', 'A', '2006-01-15'],
            ['', 'Kediri, 9 Januari 2023', ''],
            ['', 'Kepala Dinas Kependudukan dan Pencatatan Sipil', ''],
            ['', 'Dr. BAMBANG, S.H., M.H.', ''],
          ]),
          'resident',
        );
        expect(report.counts).toMatchObject({ accepted: 1, rejected: 0, notData: 3 });
      });
    });

    it('splits a combined "Tempat, Tanggal Lahir" column', async () => {
      const report = await read(
        csv([
          ['Nama', 'Tempat, Tanggal Lahir'],
          ['A', 'Kediri, 17 Agustus 2006'],
          ['B', 'Kab. Kediri, Jawa Timur, 17/08/2006'],
        ]),
        'student',
      );
      expect(report.records.map((r) => [r.tempatLahir, r.tanggalLahir])).toEqual([
        ['Kediri', '2006-08-17'],
        ['Kab. Kediri, Jawa Timur', '2006-08-17'],
      ]);
    });

    it('restores NISN leading zeros lost in number cells, with a warning', async () => {
      const report = await read(
        await xlsx([
          {
            name: 'S',
            rows: [
              ['Nama', 'NISN', 'Tgl Lahir'],
              ['A', 61234567, '2006-01-01'],
            ],
          },
        ]),
        'student',
      );
      expect(report.records[0]?.nisn).toBe('0061234567');
      expect(report.issues[0]?.code).toBe('nisn_leading_zero_restored');
    });

    it('chooses the sheet with the list when a summary sheet comes first, or the sheet asked for', async () => {
      const bytes = await xlsx([
        {
          name: 'REKAP',
          rows: [
            ['KELAS', 'L', 'P'],
            ['XII', 10, 12],
          ],
        },
        {
          name: 'DATA SISWA',
          rows: [
            ['NAMA SISWA', 'TANGGAL LAHIR'],
            ['A', '2006-01-01'],
          ],
        },
      ]);
      expect((await read(bytes, 'student')).source.sheet).toBe('DATA SISWA');
      expect((await read(bytes, 'student', { sheet: 1 })).source).toMatchObject({
        sheet: 'DATA SISWA',
        sheets: ['REKAP', 'DATA SISWA'],
      });
      const missing = await importRecords(bytes, { kind: 'student', sheet: 'Sheet9' });
      expect(missing.ok ? 'ok' : missing.issues[0].message.en).toBe(
        'There is no sheet "Sheet9"; the sheets are: REKAP, DATA SISWA.',
      );
    });
  });

  describe('column mapping', () => {
    it('takes the user’s mapping over the guess, by header text or column index', async () => {
      const bytes = csv([
        ['Peserta', 'Lahir', 'Nama'],
        ['Anak', '2006-01-01', 'Lain'],
      ]);
      const byText = await read(bytes, 'student', {
        mapping: { nama: 'peserta', tanggal_lahir: 'LAHIR' },
      });
      expect(byText.records[0]).toMatchObject({ nama: 'Anak', tanggalLahir: '2006-01-01' });
      const byIndex = await read(bytes, 'student', { mapping: { nama: 0, tanggal_lahir: 1 } });
      expect(byIndex.records[0]?.nama).toBe('Anak');
    });

    it('leaves a guessed column unused when the user says the field is not in the file', async () => {
      const bytes = csv([
        ['Nama', 'Tanggal Lahir', 'NIK'],
        ['Anak', '2006-01-01', '3506014101060001'],
      ]);
      const report = await read(bytes, 'student', { mapping: { nik: null } });
      expect(report.records[0]).toMatchObject({ nama: 'Anak', nik: '' });
      expect(report.mapping.map((m) => m.field)).toEqual(['nama', 'tanggal_lahir']);
      expect(report.unusedColumns).toEqual(['NIK']);
      const required = await importRecords(bytes, { kind: 'student', mapping: { nama: null } });
      expect(required.ok ? 'ok' : required.issues[0].code).toBe('missing_columns');
    });

    it('refuses a mapping to a column or field that does not exist', async () => {
      const bytes = csv([
        ['nama', 'tanggal_lahir'],
        ['A', '2006-01-01'],
      ]);
      const column = await importRecords(bytes, {
        kind: 'student',
        mapping: { nama: 'Nama Lengkap' },
      });
      expect(column.ok ? 'ok' : column.issues[0].code).toBe('mapping_unknown');
      const field = await importRecords(bytes, { kind: 'student', mapping: { hobi: 0 } });
      expect(field.ok ? 'ok' : field.issues[0].message.en).toBe('Unknown field "hobi".');
    });
  });

  describe('row issues', () => {
    it('give the row, the column as the file names it, the value’s shape and the reason — never the value', async () => {
      const report = await read(
        csv([
          ['NIK', 'Nama', 'Tgl Lahir', 'JK'],
          ['350601150106001', 'Siti Aminah', '31/02/2006', 'X'],
        ]),
        'student',
      );
      expect(report.issues.map((i) => [i.row, i.column, i.code, i.severity, i.shape.en])).toEqual([
        [2, 'Tgl Lahir', 'date_impossible', 'warning', 'digits and punctuation, 10 characters'],
        [2, 'NIK', 'nik_length', 'warning', '15 digits'],
        [2, 'JK', 'sex_unknown', 'warning', 'text of 1 characters'],
      ]);
      const text = JSON.stringify(report.issues);
      expect(text).not.toContain('350601150106001');
      expect(text).not.toContain('Siti');
      expect(text).not.toContain('31/02/2006');
    });

    it('reject student rows without a name, and type every accepted field as text', async () => {
      const report = await read(
        csv([
          ['nama', 'nisn', 'jk', 'tanggal_lahir'],
          ['', '0061234567', 'L', '2006-01-01'],
          ['Budi', '0061234568', 'Laki-laki', '2006-01-02'],
        ]),
        'student',
      );
      expect(report.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
        [2, 'name_empty', 'error'],
      ]);
      expect(report.records).toEqual([
        expect.objectContaining({ nama: 'Budi', jenisKelamin: 'L', nisn: '0061234568', nik: '' }),
      ]);
      for (const value of Object.values(report.records[0] ?? {}))
        expect(typeof value).toBe('string');
    });

    it('reject registry rows without a usable NIK or name, keeping the others', async () => {
      const report = await read(
        csv([
          ['nik', 'nama', 'tanggal_lahir'],
          ['3506011501060001', 'A', '2006-01-15'],
          ['3,50601E+15', 'B', '2006-01-15'],
          ['3506011501060002', '', '2006-01-15'],
        ]),
        'resident',
      );
      expect(report.counts).toMatchObject({ accepted: 1, rejected: 2 });
      expect(report.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
        [3, 'nik_scientific', 'error'],
        [4, 'name_empty', 'error'],
      ]);
    });

    it('read an office’s schools file without student counts (NPSN, name, kecamatan, travel time)', async () => {
      const report = await read(
        csv([
          ['NPSN', 'Nama Sekolah', 'Kecamatan', 'Waktu Tempuh (menit)'],
          ['20500001', 'SMAN 1 Contoh', 'Pare', '40'],
          ['20500002', 'SMKN 2 Contoh', 'Kandat', ''],
        ]),
        'school',
      );
      expect(report.counts).toMatchObject({ accepted: 2, rejected: 0, warnings: 0 });
      expect(report.mapping.map((m) => m.field)).toEqual([
        'npsn',
        'nama_sekolah',
        'kecamatan',
        'waktu_tempuh_menit',
      ]);
      // No count column: the counts are 0 (the app counts the students from their lists).
      expect(report.records).toEqual([
        {
          npsn: '20500001',
          nama: 'SMAN 1 Contoh',
          kecamatan: 'Pare',
          waktuTempuhMenit: 40,
          jumlahWajib: 0,
          jumlahDini: 0,
          tanggalTidakBisa: [],
        },
        {
          npsn: '20500002',
          nama: 'SMKN 2 Contoh',
          kecamatan: 'Kandat',
          waktuTempuhMenit: 0,
          jumlahWajib: 0,
          jumlahDini: 0,
          tanggalTidakBisa: [],
        },
      ]);
      // The user's "not in this file" for a count column the file has: the column is not read.
      const unmapped = await read(
        csv([
          ['npsn', 'nama_sekolah', 'jumlah_wajib', 'jumlah_dini'],
          ['20500003', 'MAN 3 Contoh', '', 'x'],
        ]),
        'school',
        { mapping: { jumlah_wajib: null, jumlah_dini: null } },
      );
      expect(unmapped.counts).toMatchObject({ accepted: 1, rejected: 0 });
      expect(unmapped.records[0]).toMatchObject({ jumlahWajib: 0, jumlahDini: 0 });
    });

    it('read schools, teams and holidays for the planner, refusing bad numbers and dates', async () => {
      const schools = await read(
        csv([
          [
            'npsn',
            'nama_sekolah',
            'kecamatan',
            'waktu_tempuh_menit',
            'jumlah_wajib',
            'jumlah_dini',
            'tanggal_tidak_bisa',
          ],
          ['20500001', 'SMAN 1 Contoh', 'Pare', '40', '180', '120', '2023-01-17;18/01/2023'],
          ['20500002', 'SMKN 2 Contoh', 'Kandat', '25', 'banyak', '60', ''],
        ]),
        'school',
      );
      expect(schools.records).toEqual([
        {
          npsn: '20500001',
          nama: 'SMAN 1 Contoh',
          kecamatan: 'Pare',
          waktuTempuhMenit: 40,
          jumlahWajib: 180,
          jumlahDini: 120,
          tanggalTidakBisa: ['2023-01-17', '2023-01-18'],
        },
      ]);
      expect(schools.issues.map((i) => [i.row, i.field, i.code])).toEqual([
        [3, 'jumlah_wajib', 'number_invalid'],
      ]);
      const blank = await read(
        csv([
          ['npsn', 'nama_sekolah', 'jumlah_wajib', 'jumlah_dini'],
          ['20500003', 'MAN 3 Contoh', '', '20'],
        ]),
        'school',
      );
      expect(blank.issues.map((i) => [i.row, i.field, i.code])).toEqual([
        [2, 'jumlah_wajib', 'number_empty'],
      ]);
      const teams = await read(
        csv([
          ['tim', 'jumlah_alat', 'kapasitas_per_alat'],
          ['Tim 1', '2', '50'],
          ['Tim 2', '0', '50'],
        ]),
        'team',
      );
      expect(teams.records).toEqual([{ tim: 'Tim 1', jumlahAlat: 2, kapasitasPerAlat: 50 }]);
      const holidays = await read(
        csv([
          ['tanggal', 'keterangan'],
          ['2023-01-23', 'Cuti bersama Imlek'],
          ['kemarin', 'x'],
        ]),
        'holiday',
      );
      expect(holidays.records).toEqual([
        { tanggal: '2023-01-23', keterangan: 'Cuti bersama Imlek' },
      ]);
      expect(holidays.counts.rejected).toBe(1);
    });
  });

  describe('invalid input', () => {
    it('refuses files that are not spreadsheets, with a specific message', async () => {
      const png = new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
      ]);
      expect(await refusal(png)).toMatch(/^file_not_spreadsheet: This file is not a spreadsheet/);
      expect(await refusal(utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n\u0000\u0000'))).toMatch(
        /^file_not_spreadsheet/,
      );
      expect(await refusal(new Uint8Array())).toMatch(/^file_empty: The file is empty/);
      expect(await refusal(utf8(' \r\n\r\n '))).toMatch(/^file_empty/);
      expect(await refusal(new Uint8Array([0xef, 0xbb, 0xbf]))).toMatch(/^file_empty/);
      expect(
        await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
      ).toMatch(/^file_xls: Old Excel files/);
      expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatch(
        /^xlsx_unreadable/,
      );
    });

    it('says which columns are missing and what the header row has', async () => {
      expect(
        await refusal(
          csv([
            ['nik', 'tanggal_lahir', 'nama'],
            ['1', '2', '3'],
          ]),
          'people',
        ),
      ).toBe(
        'missing_columns: Columns status_kawin, kewarganegaraan, status_rekam, kode_wilayah not found (header row 1 has: nik, tanggal_lahir, nama). Rename the headers or map the columns.',
      );
      expect(
        await refusal(
          csv([
            ['a', 'b'],
            ['1', '2'],
          ]),
        ),
      ).toMatch(
        /^no_header: No header row found in the first 30 rows; the required columns are: nama/,
      );
      expect(await refusal(csv([['Nama'], ['A']]))).toMatch(
        /^missing_columns: Column tanggal_lahir \/ tempat_tanggal_lahir not found/,
      );
    });

    it('never throws or hangs on random bytes (property)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 600 }),
          fc.constantFrom<RecordKind>('student', 'resident', 'people'),
          async (bytes, kind) => {
            const result = await importRecords(bytes, { kind });
            expect(typeof result.ok).toBe('boolean');
          },
        ),
        { numRuns: 300 },
      );
    });

    it('never throws on random CSV text, and every data row is accepted, rejected or skipped (property)', async () => {
      const cell = fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(
          '',
          ' ',
          '"',
          '""',
          ';',
          ',',
          '\n',
          '3506011501060001',
          '3,50601E+15',
          '17/08/2006',
          '31/02/2006',
          'L',
          'P',
        ),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 20 }),
          async (rows) => {
            const bytes = csv([
              ['nama', 'tanggal_lahir', 'nik', 'jk', 'nisn', 'nama_ibu'],
              ...rows,
            ]);
            const result = await importRecords(bytes, { kind: 'student' });
            if (!result.ok) return;
            const c = result.value.counts;
            expect(c.accepted + c.rejected).toBe(c.dataRows);
            expect(result.value.records).toHaveLength(c.accepted);
          },
        ),
        { numRuns: 200 },
      );
    });
  });

  describe('streaming', () => {
    const header = ['nama', 'tanggal_lahir', 'tempat_lahir'];
    const rows = Array.from({ length: 300 }, (_, i) => [
      `Zaïnab ${i}`,
      '2006-01-15',
      `Désa "${i}", Kediri\nRT 1`,
    ]);

    it('gives the same records whatever the chunk boundaries, in UTF-8 and Windows-1252 (property)', async () => {
      const text = formatCsv([header, ...rows]);
      const whole = (await read(encodeUtf8(text, true), 'student')).records;
      expect(whole).toHaveLength(300);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 1, max: 20000 }), { minLength: 1, maxLength: 30 }),
          fc.boolean(),
          async (cuts, cp1252) => {
            const bytes = cp1252 ? encodeWindows1252(text) : encodeUtf8(text, true);
            const points = [...new Set(cuts.map((c) => c % bytes.length))].sort((a, b) => a - b);
            const chunks = [0, ...points].map((start, i) =>
              bytes.subarray(start, points[i] ?? bytes.length),
            );
            const result = await importRecords(chunks, { kind: 'student', pivotYear: 2023 });
            expect(result.ok && result.value.records).toEqual(whole);
            expect(result.ok && result.value.recordRows).toHaveLength(whole.length);
          },
        ),
        { numRuns: 60 },
      );
    });

    it('hands records over in batches without keeping them, and reports progress', async () => {
      const many = Array.from({ length: 12000 }, (_, i) => [`Nama ${i}`, '2006-01-15', 'Kediri']);
      const bytes = csv([header, ...many]);
      let received = 0;
      const progress: number[] = [];
      const result = await importRecords(bytes, {
        kind: 'student',
        onRecords: (records, rows) => {
          received += records.length;
          expect(rows).toHaveLength(records.length);
        },
        onProgress: (p) => progress.push(p.rows),
      });
      expect(result.ok && result.value.records).toEqual([]);
      expect(result.ok && result.value.counts.accepted).toBe(12000);
      expect(received).toBe(12000);
      expect(progress.length).toBeGreaterThanOrEqual(2);
      expect(progress.at(-1)).toBe(12001);
    });

    it('stops when cancelled, saying nothing was saved', async () => {
      const controller = new AbortController();
      const many = Array.from({ length: 12000 }, (_, i) => [`Nama ${i}`, '2006-01-15']);
      const result = await importRecords(csv([header.slice(0, 2), ...many]), {
        kind: 'student',
        signal: controller.signal,
        onRecords: () => controller.abort(),
      });
      expect(result.ok ? 'ok' : result.issues[0].code).toBe('cancelled');
    });
  });
});
