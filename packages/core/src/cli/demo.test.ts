import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './main.js';
import { parseVillages, writeFolderAtomically, type FolderFs } from './demo.js';
import * as fsPromises from 'node:fs/promises';
import { captureIo } from '../../test/capture-io.js';

const parseCsv = (text: string): string[][] =>
  text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));

describe('sahaja demo', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sahaja-demo-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the schools, teams, holidays, registry, lists, truth and summary', async () => {
    const out = join(dir, 'demo');
    const c = captureIo();
    const code = await run(
      [
        'demo',
        '--out',
        out,
        '--seed',
        '11',
        '--schools',
        '10',
        '--students',
        '1000',
        '--registry',
        '6000',
      ],
      c.io,
    );
    expect(code).toBe(0);
    expect(c.out.join('\n')).toMatch(/10 schools, 1000 student rows/);
    const names = await readdir(out);
    expect(names.sort()).toEqual([
      'BACA-SAYA.txt',
      'daftar-siswa',
      'kebenaran.csv',
      'libur.csv',
      'registri.csv',
      'ringkasan.json',
      'sekolah.csv',
      'siswa.csv',
      'tim.csv',
    ]);
    const registry = parseCsv(await readFile(join(out, 'registri.csv'), 'utf8'));
    expect(registry[0]).toEqual([
      'nik',
      'no_kk',
      'nama',
      'jenis_kelamin',
      'tempat_lahir',
      'tanggal_lahir',
      'nama_ibu',
      'alamat',
      'kode_wilayah',
      'status_kawin',
      'kewarganegaraan',
      'status_rekam',
    ]);
    expect(registry).toHaveLength(6001);
    const students = (await readFile(join(out, 'siswa.csv'), 'utf8')).trimEnd().split('\r\n');
    expect(students[0]).toBe(
      'id_siswa,npsn,nisn,nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,nama_ibu,alamat,kelas',
    );
    expect(students).toHaveLength(1001);
    const summary = JSON.parse(await readFile(join(out, 'ringkasan.json'), 'utf8')) as {
      students: number;
      files: unknown[];
    };
    expect(summary.students).toBe(1000);
    expect((await readdir(join(out, 'daftar-siswa'))).length).toBe(summary.files.length);
  });

  it('writes the same bytes for the same seed', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const args = ['--seed', '5', '--schools', '4', '--students', '300', '--registry', '1500'];
    expect(await run(['demo', '--out', a, ...args], captureIo().io)).toBe(0);
    expect(await run(['demo', '--out', b, ...args], captureIo().io)).toBe(0);
    for (const name of ['registri.csv', 'siswa.csv', 'kebenaran.csv', 'sekolah.csv']) {
      expect(await readFile(join(a, name))).toEqual(await readFile(join(b, name)));
    }
  });

  it('writes school spreadsheets that a spreadsheet reader opens, with dates and NIKs as schools typed them', async () => {
    const out = join(dir, 'xlsx');
    expect(
      await run(
        [
          'demo',
          '--out',
          out,
          '--seed',
          '2023',
          '--schools',
          '30',
          '--students',
          '3000',
          '--registry',
          '12000',
        ],
        captureIo().io,
      ),
    ).toBe(0);
    const summary = JSON.parse(await readFile(join(out, 'ringkasan.json'), 'utf8')) as {
      files: { file: string; shape: string }[];
    };
    const dapodik = summary.files.find((f) => f.shape.startsWith('dapodik'));
    if (!dapodik) throw new Error('no Dapodik file generated');
    const rows = await readSheet(join(out, 'daftar-siswa', dapodik.file));
    expect(rows[0]?.[0]).toBe('Daftar Peserta Didik');
    expect(rows[5]).toContain('Data Ayah');
    const nikColumn = (rows[5] ?? []).indexOf('NIK');
    const niks = rows.slice(7).map((r) => r[nikColumn] ?? '');
    for (const nik of niks) expect(String(nik)).toMatch(/^(\d{16})?$/);
    expect(niks.filter((n) => n !== '').length / niks.length).toBeGreaterThan(0.7);
    const withDates = summary.files.find(
      (f) => f.shape.includes('excel-date') && !f.shape.includes('summary sheet'),
    );
    if (withDates) {
      const sheet = await readSheet(join(out, 'daftar-siswa', withDates.file));
      expect(sheet.flat().some((cell) => cell instanceof Date)).toBe(true);
    }
  });

  it('uses real villages from a region table when given one', async () => {
    const table = join(dir, 'wilayah.csv');
    await writeFile(
      table,
      'kode,nama\n35,Jawa Timur\n35.06,Kabupaten Kediri\n' +
        Array.from(
          { length: 26 },
          (_, k) => `35.06.${String(k + 1).padStart(2, '0')}.2001,DESA UJI ${k + 1}\n`,
        ).join(''),
    );
    expect(parseVillages(await readFile(table, 'utf8'))).toHaveLength(26);
    const out = join(dir, 'villages');
    expect(
      await run(
        [
          'demo',
          '--out',
          out,
          '--wilayah',
          table,
          '--schools',
          '3',
          '--students',
          '200',
          '--registry',
          '1000',
        ],
        captureIo().io,
      ),
    ).toBe(0);
    const registry = await readFile(join(out, 'registri.csv'), 'utf8');
    expect(registry).toMatch(/,35060[1-9]2001,|,3506[12]\d2001,/);
  });

  describe('invalid input', () => {
    it('exits 1 with a one-line reason for a missing --out, a bad number or a small registry', async () => {
      for (const [args, message] of [
        [['demo'], /--out DIR is required/],
        [
          ['demo', '--out', join(dir, 'x'), '--students', 'many'],
          /--students must be a whole number/,
        ],
        [
          ['demo', '--out', join(dir, 'x'), '--students', '1000', '--registry', '2000'],
          /at least three times/,
        ],
        [
          ['demo', '--out', join(dir, 'x'), '--wilayah', join(dir, 'missing.csv')],
          /cannot read the region table/,
        ],
      ] as const) {
        const c = captureIo();
        expect(await run([...args], c.io)).toBe(1);
        expect(c.err).toHaveLength(1);
        expect(c.err[0]).toMatch(message);
      }
      expect(existsSync(join(dir, 'x'))).toBe(false);
    });

    it('exits 2 for an unknown command or an option without its value', async () => {
      const c = captureIo();
      expect(await run(['frobnicate'], c.io)).toBe(2);
      expect(c.err[0]).toMatch(/unknown command "frobnicate"/);
      expect(await run(['demo', '--out'], c.io)).toBe(2);
      expect(c.err[1]).toMatch(/--out needs a value/);
    });

    it('keeps the previous programme and leaves no partial folder when writing fails half-way', async () => {
      const out = join(dir, 'keep');
      expect(
        await run(
          ['demo', '--out', out, '--schools', '3', '--students', '200', '--registry', '1000'],
          captureIo().io,
        ),
      ).toBe(0);
      const before = await readFile(join(out, 'registri.csv'));
      let writes = 0;
      const failing: FolderFs = {
        ...fsPromises,
        writeFile: (async (...args: Parameters<typeof fsPromises.writeFile>) => {
          if (++writes === 3) throw new Error('ENOSPC: no space left on device');
          return fsPromises.writeFile(...args);
        }) as typeof fsPromises.writeFile,
      };
      const files = [1, 2, 3, 4].map((n) => ({ path: `f${n}.csv`, bytes: new Uint8Array([n]) }));
      await expect(writeFolderAtomically(out, files, failing)).rejects.toThrow(
        /cannot write .*keep: ENOSPC/,
      );
      expect(await readFile(join(out, 'registri.csv'))).toEqual(before);
      expect((await readdir(dir)).filter((n) => n.includes('.partial-'))).toEqual([]);
    });

    it('fails with the reason when the output folder cannot be made', async () => {
      await writeFile(join(dir, 'blocker'), 'x');
      const c = captureIo();
      expect(
        await run(
          [
            'demo',
            '--out',
            join(dir, 'blocker', 'sub'),
            '--schools',
            '3',
            '--students',
            '200',
            '--registry',
            '1000',
          ],
          c.io,
        ),
      ).toBe(1);
      expect(c.err.at(-1)).toMatch(/cannot write .*blocker/);
    });
  });

  it('prints help listing the commands', async () => {
    const c = captureIo();
    expect(await run(['--help'], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/demo\s+write a synthetic/);
  });
});
