import { parseCsv, readXlsxSheets } from '@sahaja/core/io';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localToday, SahajaDatabase } from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { NO_FILTER } from '../audit/rows';
import { OFFICE, storeTrail, WALK_IN } from '../audit/test-support/trail';
import { createAuditApi, type AuditFileRequest } from './audit';
import type { ExportOutcome } from './exports';

const P = 'p';
const data = programmeFixture('A');
let db: SahajaDatabase;
let api: ReturnType<typeof createAuditApi>;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-worker-audit', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await storeTrail(db, P, data);
  api = createAuditApi(() => db);
});

afterEach(() => db.close());

function value<T>(outcome: ExportOutcome<T>): T {
  if (!outcome.ok) throw new Error(`audit failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.value;
}

const request = (extra: Partial<AuditFileRequest> = {}): AuditFileRequest => ({
  programmeId: P,
  device: OFFICE,
  locale: 'id',
  filter: NO_FILTER,
  format: 'xlsx',
  ...extra,
});

async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const read = await readXlsxSheets(bytes);
  if (!read.ok) throw new Error('not a workbook');
  expect(read.value.map((s) => s.name)).toEqual(['Jejak audit']);
  return read.value[0]!.rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
}

/** No NIK, no birth date and no card's receiver anywhere in a file's cells. */
function expectNoPersonalData(rows: readonly (readonly string[])[]) {
  const text = JSON.stringify(rows);
  const niks = [
    WALK_IN.nik,
    ...data.registry.map((r) => r.nik),
    ...data.students.map((s) => s.nik),
  ];
  for (const nik of niks.filter(Boolean)) expect(text).not.toContain(nik);
  for (const date of [WALK_IN.tanggalLahir, ...data.students.map((s) => s.tanggalLahir)]) {
    expect(text).not.toContain(date);
  }
  expect(text).not.toContain('Ibu Kandung');
}

describe('the audit trail in the worker', () => {
  it('reads the entries for the page, newest first', async () => {
    const entries = value(await api.trail({ programmeId: P, device: OFFICE }));
    expect(entries).toHaveLength(8);
    expect(entries.map((e) => e.here)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('exports the trail as XLSX: a header row, then one row per change, newest first', async () => {
    const file = value(await api.file(request()));
    expect(file).toMatchObject({
      fileName: `jejak-audit-program-contoh-${localToday()}.xlsx`,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      count: 8,
    });
    const rows = await xlsxRows(file.bytes);
    expect(rows[0]).toEqual(['Waktu', 'Laptop', 'Petugas', 'Jenis', 'Perubahan', 'Asal']);
    expect(rows).toHaveLength(9);
    expect(rows[2]!.slice(1)).toEqual([
      'laptop-team-1',
      'Pak Joko',
      'Penyerahan KTP-el',
      `Menyerahkan KTP-el: ${data.students[6]!.nama}`,
      'Dari laptop lain',
    ]);
    expect(rows[2]![0]).toMatch(/^2023-01-16 \d\d:\d\d$/);
    expect(rows.at(-1)!.slice(2)).toEqual([
      'Bu Sari',
      'Pemadanan',
      'Menjalankan pemadanan: 25 siswa, 14 cocok, 6 perlu review, 5 tidak cocok',
      'Di laptop ini',
    ]);
    expectNoPersonalData(rows);
  });

  it('exports what the filters show, as CSV in the language asked for', async () => {
    const file = value(
      await api.file(
        request({
          format: 'csv',
          locale: 'en',
          filter: { kind: 'visit', author: 'Pak Joko', query: 'recorded' },
        }),
      ),
    );
    expect(file.fileName).toBe(`audit-trail-program-contoh-${localToday()}.csv`);
    expect(file.type).toBe('text/csv;charset=utf-8');
    const text = new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, '');
    const { rows } = parseCsv(text);
    expect(rows[0]).toEqual(['When', 'Laptop', 'Staff member', 'Kind', 'Change', 'Origin']);
    expect(rows.slice(1).map((r) => r[4])).toEqual([
      `Undid the Recorded mark: ${data.students[5]!.nama}`,
      `Marked Recorded: ${data.students[5]!.nama}`,
    ]);
    expect(file.count).toBe(2);
    expectNoPersonalData(rows);
  });

  describe('invalid input', () => {
    it('refuses a file of a programme that is not stored', async () => {
      const outcome = await api.file(request({ programmeId: 'none' }));
      expect(outcome).toMatchObject({ ok: false, error: { code: 'missing' } });
    });
  });
});
