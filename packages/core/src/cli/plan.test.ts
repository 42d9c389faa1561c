import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../io/csv-read.js';
import { formatCsv } from '../io/csv-write.js';
import { run } from './main.js';
import { captureIo } from '../../test/capture-io.js';

const SCHOOLS = [
  [
    'npsn',
    'nama_sekolah',
    'kecamatan',
    'waktu_tempuh_menit',
    'jumlah_wajib',
    'jumlah_dini',
    'tanggal_tidak_bisa',
  ],
  ['20500001', 'SMAN 1 Contoh', 'Pare', '40', '180', '120', '2023-01-17'],
  ['20500002', 'SMKN 2 Contoh', 'Kandat', '25', '90', '60', ''],
  ['20500003', 'MAN 3 Contoh', 'Semen', '15', '40', '20', '2023-01-18;2023-01-19'],
];
const TEAMS = [
  ['tim', 'jumlah_alat', 'kapasitas_per_alat'],
  ['Tim 1', '2', '50'],
];
const HOLIDAYS = [
  ['tanggal', 'keterangan'],
  ['2023-01-23', 'Cuti bersama Imlek'],
];

describe('sahaja plan', () => {
  let dir: string;
  const path = (name: string): string => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sahaja-plan-'));
    await writeFile(path('schools.csv'), formatCsv(SCHOOLS));
    await writeFile(path('teams.csv'), formatCsv(TEAMS));
    await writeFile(path('holidays.csv'), formatCsv(HOLIDAYS));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const base = (): string[] => [
    'plan',
    '--schools',
    path('schools.csv'),
    '--teams',
    path('teams.csv'),
    '--holidays',
    path('holidays.csv'),
    '--start',
    '2023-01-16',
  ];

  it('writes one row per team, day and school, and the summary SPEC §7 names', async () => {
    const { io, out } = captureIo();
    const status = await run([...base(), '--out', path('v.csv'), '--summary', path('s.json')], io);
    expect(status).toBe(0);
    const rows = parseCsv(await readFile(path('v.csv'), 'utf8')).rows;
    expect(rows[0]).toEqual(['tanggal', 'tim', 'npsn', 'jumlah_wajib', 'jumlah_dini']);
    const totals = new Map<string, [number, number]>();
    for (const [date, , npsn, wajib, dini] of rows.slice(1) as string[][]) {
      expect(['2023-01-21', '2023-01-22', '2023-01-23']).not.toContain(date);
      const t = totals.get(npsn as string) ?? [0, 0];
      totals.set(npsn as string, [t[0] + Number(wajib), t[1] + Number(dini)]);
    }
    expect(Object.fromEntries(totals)).toEqual({
      '20500001': [180, 120],
      '20500002': [90, 60],
      '20500003': [40, 20],
    });
    const summary = JSON.parse(await readFile(path('s.json'), 'utf8')) as Record<string, unknown>;
    expect(summary).toMatchObject({ batas_bawah: 6, tidak_terlayani: [] });
    for (const key of ['hari_kerja', 'tanggal_selesai', 'tanggal_selesai_wajib'])
      expect(summary[key]).toBeDefined();
    expect(out[0]).toMatch(/working days \(lower bound 6\)/);
  });

  it('writes the plan as a calendar file with --ics', async () => {
    const status = await run(
      [...base(), '--out', path('c.csv'), '--ics', path('c.ics')],
      captureIo().io,
    );
    expect(status).toBe(0);
    const ics = await readFile(path('c.ics'), 'utf8');
    const rows = parseCsv(await readFile(path('c.csv'), 'utf8')).rows.length - 1;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(rows);
  });

  it('in --wajib-dulu mode records every WAJIB student before any REKAM_DINI student', async () => {
    const status = await run([...base(), '--wajib-dulu', '--out', path('w.csv')], captureIo().io);
    expect(status).toBe(0);
    const rows = (parseCsv(await readFile(path('w.csv'), 'utf8')).rows as string[][]).slice(1);
    const lastWajib = Math.max(
      ...rows.filter((r) => r[3] !== '0').map((r) => Date.parse(r[0] as string)),
    );
    const firstDini = Math.min(
      ...rows.filter((r) => r[4] !== '0').map((r) => Date.parse(r[0] as string)),
    );
    expect(lastWajib).toBeLessThanOrEqual(firstDini);
  });

  it('lists what does not fit before --end and names the earliest end that works', async () => {
    const { io, out } = captureIo();
    const status = await run(
      [...base(), '--end', '2023-01-18', '--out', path('e.csv'), '--summary', path('e.json')],
      io,
    );
    expect(status).toBe(0);
    const summary = JSON.parse(await readFile(path('e.json'), 'utf8')) as {
      tidak_terlayani: unknown[];
      tanggal_selesai_paling_awal: string;
    };
    expect(summary.tidak_terlayani.length).toBeGreaterThan(0);
    expect(summary.tanggal_selesai_paling_awal).toMatch(/^2023-01-\d\d$/);
    expect(out.join('\n')).toMatch(/Not served: school/);
  });

  it('reads coordinates (lintang, bujur) when the schools file has them, and ignores a bad one', async () => {
    const withCoordinates = [
      [...(SCHOOLS[0] as string[]), 'lintang', 'bujur'],
      [...(SCHOOLS[1] as string[]), '-7.7695', '112.1885'],
      [...(SCHOOLS[2] as string[]), '-7,8890', '112,1000'],
      [...(SCHOOLS[3] as string[]), '-300', '112.0'],
    ];
    await writeFile(path('coordinates.csv'), formatCsv(withCoordinates));
    const args = [...base()];
    args[2] = path('coordinates.csv');
    const { io } = captureIo();
    expect(await run([...args, '--out', path('k.csv')], io)).toBe(0);
    const rows = parseCsv(await readFile(path('k.csv'), 'utf8')).rows.slice(1);
    expect(rows.reduce((a, r) => a + Number(r[3]) + Number(r[4]), 0)).toBe(510);
  });

  describe('invalid input', () => {
    it('requires --start as a real date', async () => {
      const { io, err } = captureIo();
      expect(
        await run(
          [
            'plan',
            '--schools',
            path('schools.csv'),
            '--teams',
            path('teams.csv'),
            '--out',
            path('x.csv'),
          ],
          io,
        ),
      ).toBe(1);
      expect(err[0]).toMatch(/--start/);
      const bad = captureIo();
      expect(
        await run([...base().slice(0, -1), '2023-02-30', '--out', path('x.csv')], bad.io),
      ).toBe(1);
      expect(bad.err[0]).toMatch(/real date/);
      expect(existsSync(path('x.csv'))).toBe(false);
    });

    it('names the row and column of a bad school row, and writes nothing', async () => {
      const broken = [...SCHOOLS, ['20500004', 'SMA 4', 'Pare', '30', 'banyak', '10', '']];
      await writeFile(path('broken.csv'), formatCsv(broken));
      const { io, err } = captureIo();
      const args = [...base()];
      args[2] = path('broken.csv');
      expect(await run([...args, '--out', path('b.csv')], io)).toBe(1);
      expect(err[0]).toMatch(/row 5/);
      expect(err[0]).toMatch(/jumlah_wajib/);
      expect(existsSync(path('b.csv'))).toBe(false);
    });

    it('refuses a schools file without student counts, naming the missing columns, and writes nothing', async () => {
      // An office's own list of schools: the app counts the students; the command has no other source.
      const noCounts = SCHOOLS.map((row) => [row[0], row[1], row[2], row[3]] as string[]);
      await writeFile(path('no-counts.csv'), formatCsv(noCounts));
      const onlyWajib = SCHOOLS.map((row) => row.slice(0, 5));
      await writeFile(path('only-wajib.csv'), formatCsv(onlyWajib));
      const args = [...base()];
      args[2] = path('no-counts.csv');
      const none = captureIo();
      expect(await run([...args, '--out', path('n.csv')], none.io)).toBe(1);
      expect(none.err).toHaveLength(1);
      expect(none.err[0]).toMatch(/columns jumlah_wajib, jumlah_dini not found/);
      expect(none.err[0]).toMatch(/header row 1 has: npsn, nama_sekolah, kecamatan/);
      expect(existsSync(path('n.csv'))).toBe(false);
      args[2] = path('only-wajib.csv');
      const one = captureIo();
      expect(await run([...args, '--out', path('n.csv')], one.io)).toBe(1);
      expect(one.err[0]).toMatch(/column jumlah_dini not found/);
      expect(existsSync(path('n.csv'))).toBe(false);
    });

    it('still names the row of an empty count in a file that has the count columns', async () => {
      const blank = [...SCHOOLS, ['20500004', 'SMA 4', 'Pare', '30', '', '10', '']];
      await writeFile(path('blank.csv'), formatCsv(blank));
      const { io, err } = captureIo();
      const args = [...base()];
      args[2] = path('blank.csv');
      expect(await run([...args, '--out', path('e2.csv')], io)).toBe(1);
      expect(err[0]).toMatch(/row 5, column jumlah_wajib: The number is empty/);
    });

    it('refuses a school listed twice', async () => {
      await writeFile(path('twice.csv'), formatCsv([...SCHOOLS, SCHOOLS[1] as string[]]));
      const { io, err } = captureIo();
      const args = [...base()];
      args[2] = path('twice.csv');
      expect(await run([...args, '--out', path('t.csv')], io)).toBe(1);
      expect(err[0]).toMatch(/20500001 is listed twice/);
    });
  });
});
