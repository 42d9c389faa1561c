import { readXlsxSheets, type RawSheet } from '@sahaja/core/io';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from '../db';
import {
  PROGRAMME_ID,
  SCHOOL_A,
  SCHOOL_B,
  SCHOOL_C,
  storeExportProgramme,
} from '../export/test-support/export-fixture';
import { createExportsApi, slug, type ExportOutcome } from './exports';

let db: SahajaDatabase;
let api: ReturnType<typeof createExportsApi>;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-exports', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await storeExportProgramme(db);
  api = createExportsApi(() => db);
});

afterEach(() => db.close());

function value<T>(outcome: ExportOutcome<T>): T {
  if (!outcome.ok) throw new Error(`export failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.value;
}

async function sheetsOf(bytes: Uint8Array): Promise<RawSheet[]> {
  const read = await readXlsxSheets(bytes);
  if (!read.ok) throw new Error('not a workbook');
  return read.value;
}

/** A cell as a test reads it: text, a number's value, a date's ISO day, or null. */
function cell(value: RawSheet['rows'][number][number]): string | number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return `date:${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return Number(value.number);
  return String(value);
}

const grid = (sheet: RawSheet | undefined) => (sheet?.rows ?? []).map((r) => r.map(cell));

/** Unfolds an iCalendar file's lines (RFC 5545 §3.1). */
const icsLines = (bytes: Uint8Array) =>
  new TextDecoder().decode(bytes).replace(/\r\n /g, '').split('\r\n');

describe('targetWorkbook', () => {
  it('makes a summary sheet and one sheet per school with target students', async () => {
    const file = value(await api.targetWorkbook({ programmeId: PROGRAMME_ID, locale: 'id' }));
    expect(file).toMatchObject({
      fileName: 'daftar-sasaran-perekaman-sma-2023.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      schools: 2,
      students: 7,
      pending: 2,
    });
    const sheets = await sheetsOf(file.bytes);
    expect(sheets.map((s) => s.name)).toEqual([
      'Ringkasan',
      'SMA Negeri 1 Kabupaten Contoh T',
      'SMA Negeri 1 Kabupaten Cont (2)',
    ]);
    expect(grid(sheets[0])).toEqual([
      [
        'NPSN',
        'Sekolah',
        'Kecamatan',
        'WAJIB',
        'REKAM_DINI',
        'Jumlah sasaran',
        'Belum diputuskan',
        'Tanggal kunjungan',
      ],
      [SCHOOL_A.npsn, SCHOOL_A.nama, 'Pare', 3, 2, 5, 2, '16 Januari 2023, 17 Januari 2023'],
      [SCHOOL_B.npsn, SCHOOL_B.nama, 'Pare', 1, 1, 2, 0, '16 Januari 2023'],
      [SCHOOL_C.npsn, SCHOOL_C.nama, null, 0, 0, 0, 0, null],
    ]);
  });

  it('writes a school’s students by class then name, NISN as text, dates as real dates', async () => {
    const file = value(await api.targetWorkbook({ programmeId: PROGRAMME_ID, locale: 'id' }));
    const rows = grid((await sheetsOf(file.bytes))[1]);
    expect(rows[0]).toEqual([
      'No',
      'NISN',
      'Nama',
      'Kelas',
      'L/P',
      'Tanggal lahir',
      'Kategori',
      'Ulang tahun ke-17 (penyerahan KTP-el)',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[6]])).toEqual([
      [1, 'CITRA DEWI', 'XI IPA 2', 'REKAM_DINI'],
      [2, 'ANI LESTARI', 'XII IPA 1', 'REKAM_DINI'],
      [3, 'BUDI SANTOSO', 'XII IPA 1', 'WAJIB'],
      [4, 'KARTIKA SARI', 'XII IPA 2', 'WAJIB'],
      [5, 'JOKO WIDODO', 'XII IPA 10', 'WAJIB'],
    ]);
    const ani = rows[2] ?? [];
    expect(ani[1]).toBe('0061000001');
    expect(ani[4]).toBe('P');
    expect(ani[5]).toBe('date:2006-08-17');
    expect(ani[7]).toBe('date:2023-08-17');
    expect(rows[3]?.[7] ?? null).toBeNull();
  });

  it('holds no NIK, mother’s name or address anywhere', async () => {
    const file = value(await api.targetWorkbook({ programmeId: PROGRAMME_ID, locale: 'id' }));
    const text = JSON.stringify((await sheetsOf(file.bytes)).map(grid));
    expect(text).not.toContain('RAHASIA');
    expect(text).not.toMatch(/3506170108\d{6}/);
  });

  it('makes one school’s list without a summary, headers in English', async () => {
    const file = value(
      await api.targetWorkbook({ programmeId: PROGRAMME_ID, locale: 'en', npsn: SCHOOL_B.npsn }),
    );
    expect(file.fileName).toBe(`target-lists-${SCHOOL_B.npsn}-${slug(SCHOOL_B.nama)}.xlsx`);
    const sheets = await sheetsOf(file.bytes);
    expect(sheets.map((s) => s.name)).toEqual(['SMA Negeri 1 Kabupaten Contoh T']);
    expect(grid(sheets[0]).map((r) => r[2])).toEqual(['Name', 'LINA MARLINA', 'MAYA SARI']);
  });

  it('reports the schools read', async () => {
    const seen: string[] = [];
    await api.targetWorkbook({ programmeId: PROGRAMME_ID, locale: 'id' }, (p) =>
      seen.push(`${p.done}/${p.total}`),
    );
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
  });

  describe('invalid input', () => {
    it('refuses a programme that is not stored and a school that is not in it', async () => {
      expect(await api.targetWorkbook({ programmeId: 'gone', locale: 'id' })).toMatchObject({
        ok: false,
        error: { code: 'missing' },
      });
      expect(
        await api.targetWorkbook({ programmeId: PROGRAMME_ID, locale: 'id', npsn: '99999999' }),
      ).toMatchObject({ ok: false, error: { code: 'unknown_school' } });
    });

    it('passes on the core’s reason for refused settings, in both languages', async () => {
      const row = await db.programmes.get(PROGRAMME_ID);
      await db.programmes.put({ ...row!, settings: { ...row!.settings, regions: ['99'] } });
      const outcome = await api.targetWorkbook({ programmeId: PROGRAMME_ID, locale: 'id' });
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.error.code).toBe('settings');
      expect(!outcome.ok && outcome.error.localized?.id).toBeTruthy();
    });

    it('turns a database failure into a storage error', async () => {
      db.close();
      expect(await api.targetWorkbook({ programmeId: PROGRAMME_ID, locale: 'id' })).toMatchObject({
        ok: false,
        error: { code: 'storage' },
      });
    });
  });
});

describe('planWorkbook', () => {
  it('has the summary, every visit, a sheet per team and the unserved students', async () => {
    const file = value(await api.planWorkbook({ programmeId: PROGRAMME_ID, locale: 'id' }));
    expect(file.fileName).toBe('jadwal-kunjungan-perekaman-sma-2023.xlsx');
    const sheets = await sheetsOf(file.bytes);
    expect(sheets.map((s) => s.name)).toEqual([
      'Ringkasan',
      'Kunjungan',
      'Tim 1',
      'Tidak terlayani',
    ]);
    const visits = grid(sheets[1]);
    expect(visits[0]).toEqual([
      'Tanggal',
      'Hari',
      'Tim',
      'Urutan',
      'NPSN',
      'Sekolah',
      'Kecamatan',
      'WAJIB',
      'REKAM_DINI',
      'Disematkan',
    ]);
    expect(visits.slice(1)).toEqual([
      ['date:2023-01-16', 'Senin', 'Tim 1', 1, SCHOOL_A.npsn, SCHOOL_A.nama, 'Pare', 3, 0, 'Tidak'],
      ['date:2023-01-16', 'Senin', 'Tim 1', 2, SCHOOL_B.npsn, SCHOOL_B.nama, 'Pare', 1, 1, 'Tidak'],
      ['date:2023-01-17', 'Selasa', 'Tim 1', 1, SCHOOL_A.npsn, SCHOOL_A.nama, 'Pare', 0, 2, 'Ya'],
    ]);
    const summary = new Map(grid(sheets[0]).map(([item, v]) => [item, v]));
    expect(summary.get('Hari kerja terpakai')).toBe('2');
    expect(summary.get('Batas bawah hari kerja')).toBe('1');
    expect(summary.get('Selisih dari batas bawah')).toBe('1');
    expect(summary.get('Tanggal selesai')).toBe('17 Januari 2023');
    expect(summary.get('Siswa tidak terlayani')).toBe('0 WAJIB, 4 REKAM_DINI');
  });

  describe('invalid input', () => {
    it('refuses a programme without a plan', async () => {
      const fresh = new SahajaDatabase('sahaja-exports-noplan', {
        indexedDB: new IDBFactory(),
        IDBKeyRange,
      });
      await storeExportProgramme(fresh, { plan: false });
      const outcome = await createExportsApi(() => fresh).planWorkbook({
        programmeId: PROGRAMME_ID,
        locale: 'id',
      });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'no_plan' } });
      fresh.close();
    });
  });
});

describe('planCalendar', () => {
  it('has one event per visit, named by school and team, with stable UIDs', async () => {
    const file = value(await api.planCalendar({ programmeId: PROGRAMME_ID, locale: 'id' }));
    expect(file).toMatchObject({
      fileName: 'jadwal-kunjungan-perekaman-sma-2023.ics',
      type: 'text/calendar;charset=utf-8',
    });
    const lines = icsLines(file.bytes);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('UID:'))).toEqual([
      `UID:20230116-Tim-1-${SCHOOL_A.npsn}@sahaja`,
      `UID:20230116-Tim-1-${SCHOOL_B.npsn}@sahaja`,
      `UID:20230117-Tim-1-${SCHOOL_A.npsn}@sahaja`,
    ]);
    expect(lines).toContain(`SUMMARY:Perekaman KTP-el: ${SCHOOL_A.nama} (Tim 1)`);
    expect(lines).toContain('X-WR-CALNAME:Perekaman KTP-el: Perekaman SMA 2023');
  });

  it('names no student', async () => {
    const file = value(await api.planCalendar({ programmeId: PROGRAMME_ID, locale: 'en' }));
    const text = new TextDecoder().decode(file.bytes);
    for (const name of ['BUDI', 'ANI', 'RAHASIA']) expect(text).not.toContain(name);
  });

  it('holds one team’s visits when asked, named after the team', async () => {
    const file = value(
      await api.planCalendar({ programmeId: PROGRAMME_ID, locale: 'en', team: 'Tim 1' }),
    );
    expect(file.fileName).toBe('visit-plan-perekaman-sma-2023-tim-1.ics');
    expect(icsLines(file.bytes).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    const none = value(
      await api.planCalendar({ programmeId: PROGRAMME_ID, locale: 'en', team: 'Tim 2' }),
    );
    expect(icsLines(none.bytes).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(0);
  });

  describe('invalid input', () => {
    it('refuses a team that is not in the programme', async () => {
      expect(
        await api.planCalendar({ programmeId: PROGRAMME_ID, locale: 'id', team: 'Tim 9' }),
      ).toMatchObject({ ok: false, error: { code: 'unknown_team' } });
    });
  });
});

describe('schoolLetters', () => {
  it('gives each school its visits, timetable and students with their turns', async () => {
    const letters = value(
      await api.schoolLetters({ programmeId: PROGRAMME_ID, npsns: [SCHOOL_A.npsn, SCHOOL_B.npsn] }),
    );
    expect(letters.map((l) => l.school.nama)).toEqual([SCHOOL_A.nama, SCHOOL_B.nama]);
    const [a] = letters;
    expect(a?.visits.map((v) => [v.date, v.team, v.sets, v.arrival])).toEqual([
      ['2023-01-16', 'Tim 1', 3, '07:50'],
      ['2023-01-17', 'Tim 1', 3, '07:50'],
    ]);
    expect(a?.students.map((s) => [s.nama, s.date])).toEqual([
      ['CITRA DEWI', '2023-01-17'],
      ['ANI LESTARI', '2023-01-17'],
      ['BUDI SANTOSO', '2023-01-16'],
      ['KARTIKA SARI', '2023-01-16'],
      ['JOKO WIDODO', '2023-01-16'],
    ]);
    expect(a?.targets).toEqual({ wajib: 3, dini: 2, pending: 2 });
    expect(JSON.stringify(letters)).not.toContain('RAHASIA');
  });

  describe('invalid input', () => {
    it('refuses a school that is not in the programme', async () => {
      expect(
        await api.schoolLetters({ programmeId: PROGRAMME_ID, npsns: ['99999999'] }),
      ).toMatchObject({ ok: false, error: { code: 'unknown_school' } });
    });
  });
});

describe('teamDays', () => {
  it('gives each asked day its schools in order and the students expected', async () => {
    const days = value(
      await api.teamDays({
        programmeId: PROGRAMME_ID,
        team: 'Tim 1',
        dates: ['2023-01-16', '2023-01-17'],
      }),
    );
    expect(days.map((d) => [d.date, d.stops.map((s) => s.npsn)])).toEqual([
      ['2023-01-16', [SCHOOL_A.npsn, SCHOOL_B.npsn]],
      ['2023-01-17', [SCHOOL_A.npsn]],
    ]);
    expect(days[0]?.stops[1]?.students.map((s) => [s.nama, s.category])).toEqual([
      ['MAYA SARI', 'WAJIB'],
      ['LINA MARLINA', 'REKAM_DINI'],
    ]);
  });

  describe('invalid input', () => {
    it('refuses a team that is not in the programme', async () => {
      expect(
        await api.teamDays({ programmeId: PROGRAMME_ID, team: 'Tim 9', dates: ['2023-01-16'] }),
      ).toMatchObject({ ok: false, error: { code: 'unknown_team' } });
    });
  });
});

describe('slug', () => {
  it('makes a file-name part of any name', () => {
    expect(slug('Perekaman SMA 2023')).toBe('perekaman-sma-2023');
    expect(slug('  Tim / 1 — Pagi ')).toBe('tim-1-pagi');
    expect(slug('Déjà vu')).toBe('deja-vu');
    expect(slug('***')).toBe('program');
  });
});
