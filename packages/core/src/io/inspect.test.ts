import { beforeAll, describe, expect, it } from 'vitest';
import { generateProgramme } from '../generator/programme.js';
import type { DemoProgramme, SchoolFile, SheetCell } from '../generator/types.js';
import { formatCsv } from './csv-write.js';
import { programmeFiles, schoolFileBytes } from './demo-files.js';
import { encodeUtf8 } from './encoding.js';
import { inspectFile, schoolHint, type FileInspection, type KindGuess } from './inspect.js';

const csv = (rows: (string | number)[][], delimiter: ',' | ';' = ','): Uint8Array =>
  encodeUtf8(formatCsv(rows, { delimiter, neutraliseFormulas: false }));

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

async function inspect(bytes: Uint8Array, fileName?: string): Promise<FileInspection> {
  const result = await inspectFile(bytes, fileName === undefined ? {} : { fileName });
  if (!result.ok) throw new Error(`refused: ${result.issues[0].code}`);
  return result.value;
}

/** The guess of the likeliest kind, on the sheet that holds it. */
function guessed(inspection: FileInspection): KindGuess | undefined {
  const { guess } = inspection;
  return guess && inspection.sheets[guess.sheet]?.guesses.find((g) => g.kind === guess.kind);
}

describe('inspectFile', () => {
  describe("the demo's files", () => {
    let programme: DemoProgramme;
    const bytesOf = new Map<SchoolFile, Uint8Array>();
    beforeAll(async () => {
      programme = generateProgramme({ seed: 11, schools: 16, students: 1600, registry: 4800 });
      for (const file of programme.files) bytesOf.set(file, await schoolFileBytes(file));
    });
    const bytes = (file: SchoolFile): Uint8Array => bytesOf.get(file) ?? new Uint8Array(0);

    it('takes every school list, in every shape, for a student list with all its columns', async () => {
      const shapes = new Set<string>();
      for (const file of programme.files) {
        const seen = await inspect(bytes(file), file.fileName);
        const guess = guessed(seen);
        expect(seen.guess?.kind, file.fileName).toBe('student');
        expect(guess?.missing, file.fileName).toEqual([]);
        expect(Object.keys(guess?.mapping ?? {}), file.fileName).toEqual(
          expect.arrayContaining(['nama', 'nisn', 'nik', 'jenis_kelamin']),
        );
        if (file.shape.includes('summary sheet first')) {
          expect(seen.sheets[seen.guess?.sheet ?? 0]?.name).toBe('DATA SISWA');
        }
        shapes.add(file.shape.split(':')[0] ?? '');
      }
      expect(shapes.size).toBeGreaterThanOrEqual(4);
    });

    it("names a one-school list's school: the NPSN from the file name, the name from the title rows", async () => {
      for (const file of programme.files.filter((f) => f.npsn.length === 1)) {
        const school = programme.schools.find((s) => s.npsn === file.npsn[0]);
        const hint = guessed(await inspect(bytes(file), file.fileName))?.school;
        expect(hint, file.fileName).toMatchObject({ npsn: file.npsn[0], npsnSource: 'file-name' });
        // Plain CSV exports have no title rows; the others name the school above the header.
        const titled = !file.shape.startsWith('csv-comma');
        expect(hint?.name, file.fileName).toBe(titled ? school?.nama : undefined);
      }
    });

    it("finds the branch office's combined list's NPSN column and names no single school", async () => {
      const combined = programme.files.find((f) => f.npsn.length > 1);
      expect(combined).toBeDefined();
      if (!combined) return;
      const guess = guessed(await inspect(bytes(combined), combined.fileName));
      expect(guess?.mapping).toHaveProperty('npsn');
      expect(guess?.mapping).toHaveProperty('nama_sekolah');
      expect(guess?.school).toEqual({ npsn: undefined, npsnSource: undefined, name: undefined });
    });

    it('tells the registry, schools, teams and holidays files apart', async () => {
      const files = await programmeFiles(programme);
      const kinds = new Map<string, string | undefined>();
      for (const name of ['registri.csv', 'sekolah.csv', 'tim.csv', 'libur.csv', 'siswa.csv']) {
        const file = files.find((f) => f.path === name);
        if (file) kinds.set(name, (await inspect(file.bytes, name)).guess?.kind);
      }
      expect(Object.fromEntries(kinds)).toEqual({
        'registri.csv': 'resident',
        'sekolah.csv': 'school',
        'tim.csv': 'team',
        'libur.csv': 'holiday',
        'siswa.csv': 'student',
      });
    });
  });

  describe('headers and sheets', () => {
    it('gives every kind whose header a sheet holds, the complete one first', async () => {
      const seen = await inspect(
        csv([
          ['nik', 'nama', 'tanggal_lahir', 'no_kk', 'kode_wilayah'],
          ['3506014101060001', 'A', '2006-01-01', '3506010101200001', '3506012001'],
        ]),
      );
      const kinds = seen.sheets[0]?.guesses.map((g) => [g.kind, g.missing.length === 0]);
      expect(kinds?.[0]).toEqual(['resident', true]);
      expect(kinds).toContainEqual(['student', true]);
      expect(seen).toMatchObject({ format: 'csv', delimiter: ',', encoding: 'utf-8' });
      expect(seen.sheets[0]).toMatchObject({ name: undefined, rows: undefined });
    });

    it('keeps a header that lacks required columns, saying which, so they can be mapped', async () => {
      const seen = await inspect(
        csv([
          ['NIK', 'Nama Lengkap', 'Lahir'],
          ['3506014101060001', 'A', '2006-01-01'],
        ]),
      );
      const resident = seen.sheets[0]?.guesses.find((g) => g.kind === 'resident');
      expect(resident?.missing).toEqual(['tanggal_lahir']);
      expect(resident?.header).toEqual({
        row: 1,
        depth: 1,
        headers: ['NIK', 'Nama Lengkap', 'Lahir'],
      });
    });

    it('finds the header below title rows and keeps the titles', async () => {
      const seen = await inspect(
        csv(
          [
            ['DATA SISWA SMA NEGERI 2 PARE TAHUN PELAJARAN 2022/2023'],
            [],
            ['No', 'Nama Siswa', 'Tgl Lahir', 'NISN'],
            ['1', 'A', '17/08/2006', '0061234567'],
          ],
          ';',
        ),
      );
      const guess = guessed(seen);
      expect(guess?.header.row).toBe(3);
      expect(guess?.title).toEqual(['DATA SISWA SMA NEGERI 2 PARE TAHUN PELAJARAN 2022/2023']);
      expect(guess?.school?.name).toBe('SMA NEGERI 2 PARE');
    });

    it('lists every sheet of a workbook with its row count and guesses', async () => {
      const seen = await inspect(
        await xlsx([
          {
            name: 'REKAP',
            rows: [
              ['KELAS', 'L', 'P'],
              ['X', 1, 2],
            ],
          },
          {
            name: 'LIBUR',
            rows: [
              ['Tanggal', 'Keterangan'],
              [{ date: '2023-01-22' }, 'Imlek'],
            ],
          },
        ]),
      );
      expect(seen.sheets.map((s) => [s.name, s.rows])).toEqual([
        ['REKAP', 2],
        ['LIBUR', 2],
      ]);
      expect(seen.guess).toEqual({ kind: 'holiday', sheet: 1 });
    });

    it('reads only the head of a long CSV file', async () => {
      const rows: string[][] = [['nik', 'nama', 'tanggal_lahir']];
      for (let i = 0; i < 20_000; i++)
        rows.push([`35060141010${String(i).padStart(5, '0')}`, 'NAMA ORANG', '2006-01-01']);
      const bytes = csv(rows);
      expect(bytes.length).toBeGreaterThan(256 * 1024);
      const seen = await inspect(bytes);
      expect(guessed(seen)?.header.row).toBe(1);
    });

    it('has no guess when no header names a field', async () => {
      const seen = await inspect(
        csv([
          ['a', 'b'],
          ['1', '2'],
        ]),
      );
      expect(seen.guess).toBeUndefined();
      expect(seen.sheets[0]?.guesses).toEqual([]);
    });
  });

  describe('invalid input', () => {
    it('refuses empty, old Excel and binary files with a reason', async () => {
      const codes = await Promise.all(
        [
          new Uint8Array(0),
          encodeUtf8('  \n\n'),
          new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]),
          new Uint8Array([1, 2, 0, 4, 5]),
        ].map(async (bytes) => {
          const result = await inspectFile(bytes);
          return result.ok ? 'ok' : result.issues[0].code;
        }),
      );
      expect(codes).toEqual(['file_empty', 'file_empty', 'file_xls', 'file_not_spreadsheet']);
    });

    it('refuses a damaged workbook', async () => {
      const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
      const result = await inspectFile(bytes);
      expect(result.ok ? 'ok' : result.issues[0].code).toBe('xlsx_unreadable');
    });
  });
});

describe('schoolHint', () => {
  it('takes an NPSN written in a title row over the file name', () => {
    expect(schoolHint([['SMK PGRI 1 PARE'], ['NPSN: 20512345']], 'daftar_20599999.xlsx')).toEqual({
      npsn: '20512345',
      npsnSource: 'title',
      name: 'SMK PGRI 1 PARE',
    });
  });

  it('takes no NPSN from a file name with a date, with two numbers, or with none', () => {
    for (const name of [
      'siswa_20230109.csv',
      'a_20512345_20512346.csv',
      'siswa.csv',
      '09012023.csv',
    ]) {
      expect(schoolHint([], name).npsn, name).toBeUndefined();
    }
    expect(schoolHint([], 'siswa-P1234567.csv').npsn).toBeUndefined();
    expect(schoolHint([], '03_69720012_ma-nurul-huda.xlsx')).toMatchObject({
      npsn: '69720012',
      npsnSource: 'file-name',
    });
  });

  it('takes no name from a title that lists kinds of school or names none', () => {
    const titles = [
      ['DATA SISWA SMA/SMK/MA SEDERAJAT WILAYAH KABUPATEN KEDIRI'],
      ['DAFTAR NAMA SISWA CALON PEREKAMAN KTP-EL'],
      ['Tanggal Unduh: 2023-01-05', null, 'Pengunduh: Operator Sekolah'],
    ];
    expect(schoolHint(titles, undefined).name).toBeUndefined();
    expect(schoolHint([['Daftar Peserta Didik'], ['MAN 2 KEDIRI']], undefined).name).toBe(
      'MAN 2 KEDIRI',
    );
  });
});
