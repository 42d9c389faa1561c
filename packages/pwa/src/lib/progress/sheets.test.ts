import { readXlsxSheets, type RawSheet } from '@sahaja/core/io';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from '../db';
import { createProgressApi } from '../worker/progress';
import { DAY_COLUMNS, FIGURE_COLUMNS } from './columns';
import type { ProgressDashboard } from './dashboard';
import { progressTables } from './sheets';
import {
  A1,
  A2,
  B1,
  EventLog,
  PROGRAMME_ID,
  SCHOOL_A,
  SCHOOL_B,
  storeProgressProgramme,
} from './test-support/progress-fixture';
import { percentDone, progressText } from './text';

let db: SahajaDatabase;
let api: ReturnType<typeof createProgressApi>;

const TODAY = '2023-01-18';

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-progress-sheets', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await storeProgressProgramme(db);
  api = createProgressApi(() => db);
  const log = new EventLog(db);
  await log.mark(A1, 'S01', 'absent', 0);
  await log.mark(A1, 'S02', 'recorded', 1);
  await log.mark(A1, 'S11', 'refused', 2);
  await log.mark(A2, 'S01', 'recorded', 0);
  await log.mark(A2, 'S03', 'failed', 1);
  await log.mark(B1, 'S12', 'not_eligible', 0);
});

afterEach(() => db.close());

async function dashboard(): Promise<ProgressDashboard> {
  const outcome = await api.dashboard({ programmeId: PROGRAMME_ID, today: TODAY });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

async function workbook(locale: 'id' | 'en' = 'id') {
  const outcome = await api.workbook({ programmeId: PROGRAMME_ID, today: TODAY, locale });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  const read = await readXlsxSheets(outcome.value.bytes);
  if (!read.ok) throw new Error('not a workbook');
  return { file: outcome.value, sheets: read.value };
}

/** A cell as a test reads it: text, a number's value, a date's ISO day, or null. */
function cell(value: RawSheet['rows'][number][number]): string | number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return `date:${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return Number(value.number);
  return String(value);
}

const grid = (sheet: RawSheet | undefined) => (sheet?.rows ?? []).map((r) => r.map(cell));

/** The sheet's rows as objects by header. */
function records(sheet: RawSheet | undefined): Record<string, string | number | null>[] {
  const [header, ...rows] = grid(sheet);
  return rows.map((row) =>
    Object.fromEntries((header ?? []).map((h, i) => [String(h), row[i] ?? null])),
  );
}

const text = progressText('id');
const header = (key: Parameters<typeof text.t>[0]) => text.t(key);

describe('the progress workbook', () => {
  it('has the five sheets, named in the language asked for', async () => {
    const { file, sheets } = await workbook();
    expect(sheets.map((s) => s.name)).toEqual([
      'Ringkasan',
      'Per hari',
      'Per tim',
      'Per kecamatan',
      'Per sekolah',
    ]);
    expect(file.fileName).toBe('kemajuan-perekaman-sma-2023-2023-01-18.xlsx');
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const en = await workbook('en');
    expect(en.sheets.map((s) => s.name)).toEqual([
      'Summary',
      'Per day',
      'Per team',
      'Per kecamatan',
      'Per school',
    ]);
    expect(en.file.fileName).toBe('progress-perekaman-sma-2023-2023-01-18.xlsx');
  });

  it('holds the dashboard’s figures: summary, days, teams, kecamatan and schools', async () => {
    const d = await dashboard();
    const { sheets } = await workbook();

    const summary = new Map(records(sheets[0]).map((r) => [r['Uraian'], r]));
    expect(summary.size, 'every summary line has an item of its own').toBe(
      records(sheets[0]).length,
    );
    for (const [key, label] of FIGURE_COLUMNS) {
      expect(summary.get(text.t(label))?.['Jumlah'], key).toBe(d.total[key]);
    }
    expect(summary.get(header('progress.fig.percentDone'))?.['Jumlah']).toBe(percentDone(d.total));
    expect(summary.get(header('progress.summary.programme'))?.['Keterangan']).toBe(
      'Perekaman SMA 2023',
    );
    expect(summary.get(header('progress.summary.today'))?.['Keterangan']).toBe('18 Januari 2023');
    expect(summary.get(header('progress.fig.forecast'))?.['Keterangan']).toBe('20 Januari 2023');
    expect(summary.get(header('progress.fig.versusPlan'))?.['Keterangan']).toBe(
      '3 hari kerja lebih lambat dari jadwal',
    );
    expect(summary.get(header('progress.summary.pending'))?.['Jumlah']).toBe(d.pending);

    const days = records(sheets[1]);
    expect(days.map((r) => r[header('progress.days.date')])).toEqual(
      d.days.map((day) => `date:${day.date}`),
    );
    expect(days.map((r) => r[header('progress.col.weekday')])).toEqual(['Senin', 'Selasa']);
    days.forEach((row, i) => {
      for (const [key, label] of DAY_COLUMNS) expect(row[text.t(label)], key).toBe(d.days[i]![key]);
    });

    const teams = records(sheets[2]);
    expect(teams.map((r) => r[header('progress.teams.team')])).toEqual([
      'Tim 1',
      'Tim 2',
      header('progress.teams.none'),
    ]);
    teams.forEach((row, i) => {
      const team = d.teams[i]!;
      for (const [key, label] of FIGURE_COLUMNS) expect(row[text.t(label)], key).toBe(team[key]);
      expect(row[header('progress.fig.percentDone')]).toBe(percentDone(team));
    });
    expect(teams[0]![header('progress.fig.plannedFinish')]).toBe('date:2023-01-17');

    const kecamatan = records(sheets[3]);
    expect(kecamatan.map((r) => r[header('progress.kecamatan.code')])).toEqual(
      d.kecamatan.map((k) => k.kecamatan || null),
    );
    kecamatan.forEach((row, i) => {
      for (const [key, label] of FIGURE_COLUMNS) {
        expect(row[text.t(label)], key).toBe(d.kecamatan[i]![key]);
      }
    });

    const schools = records(sheets[4]);
    expect(schools.map((r) => r['NPSN'])).toEqual(d.schools.map((s) => s.npsn));
    schools.forEach((row, i) => {
      const school = d.schools[i]!;
      expect(row[header('progress.schools.school')]).toBe(school.nama);
      for (const [key, label] of FIGURE_COLUMNS) expect(row[text.t(label)], key).toBe(school[key]);
      expect(row[header('progress.fig.percentDone')]).toBe(percentDone(school));
    });
    expect(schools[0]![header('progress.kecamatan.kecamatan')]).toBe('Pare');
    expect(schools[2]![header('progress.kecamatan.kecamatan')]).toBe(
      header('progress.kecamatan.unknown'),
    );
  });

  it('holds no student: no NIK, no name', async () => {
    const { sheets } = await workbook();
    const cells = sheets.flatMap((s) => grid(s).flat()).map(String);
    expect(cells.some((c) => /\d{16}/.test(c))).toBe(false);
    expect(cells.some((c) => /BUDI|ANI LESTARI|RAHASIA/.test(c))).toBe(false);
  });

  it('writes a name that looks like a formula as text, never as a formula', async () => {
    const evil = '=HYPERLINK("http://example.com","klik")';
    await db.schools.update([PROGRAMME_ID, SCHOOL_B.npsn], { nama: evil });
    const { sheets } = await workbook();
    const schools = records(sheets[4]);
    expect(
      schools.find((r) => r['NPSN'] === SCHOOL_B.npsn)?.[header('progress.schools.school')],
    ).toBe(evil);
    expect(schools.find((r) => r['NPSN'] === SCHOOL_A.npsn)?.['NPSN']).toBe(SCHOOL_A.npsn);
  });

  it('builds its tables without changing the dashboard', async () => {
    const d = await dashboard();
    const copy = structuredClone(d);
    progressTables(d, text);
    expect(d).toEqual(copy);
  });

  describe('empty cases', () => {
    it('is refused without a plan, as the screen offers no download then', async () => {
      await db.visits.clear();
      expect(await api.workbook({ programmeId: PROGRAMME_ID, today: TODAY, locale: 'id' })).toEqual(
        { ok: false, error: { code: 'no_plan', message: 'no_plan' } },
      );
    });

    it('has zeros and says why there is no forecast before any outcome', async () => {
      await db.visitEvents.clear();
      const { sheets } = await workbook();
      const summary = new Map(records(sheets[0]).map((r) => [r['Uraian'], r]));
      expect(summary.get(header('progress.fig.recorded'))?.['Jumlah']).toBe(0);
      expect(summary.get(header('progress.fig.done'))?.['Jumlah']).toBe(0);
      expect(summary.get(header('progress.fig.percentDone'))?.['Jumlah']).toBe(0);
      expect(summary.get(header('progress.fig.forecast'))?.['Keterangan']).toBe(
        'Belum ada perkiraan (belum ada pekerjaan)',
      );
      expect(
        String(summary.get(header('progress.summary.forecastText'))?.['Keterangan']),
      ).toContain('belum ada laju kerja');
      const days = records(sheets[1]);
      expect(days.map((r) => r[header('progress.fig.done')])).toEqual([0, 0]);
    });
  });

  describe('invalid input', () => {
    it('refuses a programme that is not stored', async () => {
      expect(await api.workbook({ programmeId: 'nope', today: TODAY, locale: 'en' })).toMatchObject(
        {
          ok: false,
          error: { code: 'missing' },
        },
      );
    });
  });
});
