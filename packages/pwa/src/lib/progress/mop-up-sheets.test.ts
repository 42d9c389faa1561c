import { readXlsxSheets, type RawSheet } from '@sahaja/core/io';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from '../db';
import { createProgressApi } from '../worker/progress';
import type { MopUpPlan } from './mop-up';
import { mopUpSummary, mopUpTables, referralRows } from './mop-up-sheets';
import { mopUpSentences } from './mop-up-text';
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
import { progressText } from './text';

let db: SahajaDatabase;
let api: ReturnType<typeof createProgressApi>;

const TODAY = '2023-01-18';
const START = '2023-01-19';

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-mop-up-sheets', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await storeProgressProgramme(db);
  api = createProgressApi(() => db);
  const log = new EventLog(db);
  await log.mark(A1, 'S01', 'absent', 0);
  await log.mark(A1, 'S11', 'refused', 1);
  await log.mark(A2, 'S03', 'failed', 0);
  await log.mark(B1, 'S12', 'absent', 0);
  await log.mark(B1, 'S13', 'absent', 1);
});

afterEach(() => db.close());

async function plan(minForVisit: number): Promise<MopUpPlan> {
  const outcome = await api.mopUp({
    programmeId: PROGRAMME_ID,
    today: TODAY,
    start: START,
    minForVisit,
  });
  if (!outcome.ok || !outcome.value.ok) throw new Error('no mop-up plan');
  return outcome.value.value;
}

async function workbook(minForVisit: number, locale: 'id' | 'en' = 'id') {
  const outcome = await api.mopUpWorkbook({
    programmeId: PROGRAMME_ID,
    today: TODAY,
    start: START,
    minForVisit,
    locale,
  });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  if (!outcome.value.ok) throw new Error('refused');
  const read = await readXlsxSheets(outcome.value.value.bytes);
  if (!read.ok) throw new Error('not a workbook');
  return { file: outcome.value.value, sheets: read.value };
}

/** A cell as a test reads it: text, a number's value, a date's ISO day, or null. */
function cell(value: RawSheet['rows'][number][number]): string | number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return `date:${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return Number(value.number);
  return String(value);
}

const grid = (sheet: RawSheet | undefined) => (sheet?.rows ?? []).map((r) => r.map(cell));

const id = progressText('id');
const en = progressText('en');

describe('the mop-up workbook', () => {
  it('has a summary, the visits, the referrals and the refusals, named in the language asked', async () => {
    const { file, sheets } = await workbook(2);
    expect(sheets.map((s) => s.name)).toEqual([
      'Ringkasan',
      'Kunjungan susulan',
      'Rujukan',
      'Menolak',
    ]);
    expect(file.fileName).toBe('susulan-perekaman-sma-2023-2023-01-19.xlsx');
    const english = await workbook(2, 'en');
    expect(english.sheets.map((s) => s.name)).toEqual([
      'Summary',
      'Follow-up visits',
      'Referrals',
      'Refused',
    ]);
    expect(english.file.fileName).toBe('mop-up-perekaman-sma-2023-2023-01-19.xlsx');
    expect(grid(english.sheets[2])[0]).toContain('Name');
  });

  it('has one row per follow-up visit, as the plan shows it', async () => {
    const p = await plan(2);
    const { sheets } = await workbook(2);
    const [header, ...rows] = grid(sheets[1]);
    expect(header).toEqual([
      'Tanggal',
      'Hari',
      'Tim',
      'Urutan di hari itu',
      'NPSN',
      'Sekolah',
      'Kecamatan',
      'WAJIB',
      'REKAM_DINI',
      'Siswa',
    ]);
    expect(p.visits.length).toBeGreaterThan(0);
    expect(rows).toEqual(
      p.visits.map((v) => [
        `date:${v.date}`,
        'Kamis',
        v.team,
        v.order + 1,
        v.npsn,
        v.nama,
        v.kecamatan || 'Kecamatan tidak diketahui',
        v.wajib,
        v.dini,
        v.wajib + v.dini,
      ]),
    );
  });

  it('lists each referred student with name and class, and never a NIK', async () => {
    const p = await plan(3);
    const { sheets } = await workbook(3);
    const [header, ...rows] = grid(sheets[2]);
    expect(header).toEqual([
      'NPSN',
      'Sekolah',
      'Kecamatan',
      'Nama',
      'Kelas',
      'Kategori',
      'Hasil kunjungan',
      'Alasan rujukan',
    ]);
    const reason = 'kurang dari 3 siswa susulan di sekolah ini';
    expect(rows.map((r) => [r[0], r[3], r[4], r[5], r[6], r[7]])).toEqual([
      [SCHOOL_A.npsn, 'CITRA DEWI', 'XI IPA 2', 'REKAM_DINI', 'Gagal rekam', reason],
      [SCHOOL_A.npsn, 'BUDI SANTOSO', 'XII IPA 1', 'WAJIB', 'Tidak hadir', reason],
      [SCHOOL_B.npsn, 'LINA MARLINA', 'X 1', 'REKAM_DINI', 'Tidak hadir', reason],
      [SCHOOL_B.npsn, 'MAYA SARI', 'X 1', 'WAJIB', 'Tidak hadir', reason],
    ]);
    expect(rows).toHaveLength(p.referred);
    const cells = sheets.flatMap((s) => s.rows.flat().map((c) => String(cell(c))));
    expect(cells.some((c) => /^\d{16}$/.test(c) || /RAHASIA/.test(c))).toBe(false);
  });

  it('counts the refusals by school, and sums up in the summary', async () => {
    const p = await plan(2);
    const { sheets } = await workbook(2);
    expect(grid(sheets[3]).slice(1)).toEqual([
      [SCHOOL_A.npsn, SCHOOL_A.nama, p.refusedSchools[0]?.kecamatan, 1, 1],
    ]);
    const summary = Object.fromEntries(
      grid(sheets[0])
        .slice(1)
        .map((r) => [r[0], r[1] ?? r[2]]),
    );
    expect(summary).toMatchObject({
      'Mulai susulan': '19 Januari 2023',
      'Minimal siswa susulan untuk kunjungan': 2,
      'Siswa masih perlu direkam': 4,
      'Siswa dengan kunjungan susulan': 4,
      'Siswa dirujuk ke kantor': 0,
      'Siswa menolak': 1,
      'Dalam kalimat': mopUpSentences(p, id).join(' '),
    });
  });

  it('writes a name that looks like a formula as text, never as a formula', async () => {
    const evil = '=HYPERLINK("http://example.com","klik")';
    await db.students.update([PROGRAMME_ID, 'S12'], { nama: evil });
    await db.schools.update([PROGRAMME_ID, SCHOOL_B.npsn], { nama: '@SUM(1+1)' });
    const { sheets } = await workbook(3);
    const rows = grid(sheets[2]);
    expect(rows.some((r) => r[3] === evil && r[1] === '@SUM(1+1)')).toBe(true);
  });

  it('builds its tables and rows without changing the plan', async () => {
    const p = await plan(3);
    const copy = structuredClone(p);
    mopUpTables(p, en);
    mopUpSummary(p, id);
    expect(referralRows(p)).toHaveLength(4);
    expect(p).toEqual(copy);
  });

  it('is refused with the same issues as the screen for a bad field', async () => {
    const outcome = await api.mopUpWorkbook({
      programmeId: PROGRAMME_ID,
      today: TODAY,
      start: '',
      minForVisit: 1,
      locale: 'id',
    });
    expect(outcome.ok && !outcome.value.ok && outcome.value.issues.map((i) => i.field)).toEqual([
      'start',
    ]);
  });
});
