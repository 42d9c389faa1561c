import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { readAuditTrail } from './entries';
import { auditRows } from './rows';
import { auditText } from './text';
import { OFFICE, storeTrail, TEAM, WALK_IN } from './test-support/trail';

const P = 'p';
const data = programmeFixture('A');
let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-audit-entries', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await storeTrail(db, P, data);
});

afterEach(() => db.close());

describe('the audit trail', () => {
  it('lists every change newest first: what, who, on which laptop, made here or merged', async () => {
    const rows = auditRows(await readAuditTrail(db, P, OFFICE), auditText('id'));
    const school = data.schools[0]!.nama;
    expect(rows.map((r) => [r.text, r.author, r.device, r.here])).toEqual([
      ['Perubahan "plan_published" dari versi aplikasi lain', 'Pak Baru', 'laptop-new', false],
      [`Menyerahkan KTP-el: ${data.students[6]!.nama}`, 'Pak Joko', TEAM, false],
      [`Membatalkan tanda Terekam: ${data.students[5]!.nama}`, 'Pak Joko', TEAM, false],
      [`Menambah siswa luar daftar: ${WALK_IN.nama} (${school})`, 'Pak Joko', TEAM, false],
      [`Menandai Terekam: ${data.students[5]!.nama}`, 'Pak Joko', TEAM, false],
      [
        'Mengimpor data tim "tim.csv": 1 baris diterima, 0 ditolak, 0 dengan peringatan',
        'Bu Sari',
        OFFICE,
        true,
      ],
      [`Menerima pasangan pemadanan: ${data.students[0]!.nama}`, 'Bu Sari', OFFICE, true],
      [
        'Menjalankan pemadanan: 25 siswa, 14 cocok, 6 perlu review, 5 tidak cocok',
        'Bu Sari',
        OFFICE,
        true,
      ],
    ]);
    expect(rows.map((r) => r.kindLabel)).toEqual([
      'plan_published',
      'Penyerahan KTP-el',
      'Hari kunjungan',
      'Hari kunjungan',
      'Hari kunjungan',
      'Impor',
      'Keputusan pemadanan',
      'Pemadanan',
    ]);
    expect(rows.at(-1)!.when).toMatch(/^16 Januari 2023 pukul \d\d:\d\d$/);
  });

  it('speaks English too', async () => {
    const rows = auditRows(await readAuditTrail(db, P, TEAM), auditText('en'));
    expect(rows.slice(1, 5).map((r) => r.text)).toEqual([
      `Handed over the KTP-el: ${data.students[6]!.nama}`,
      `Undid the Recorded mark: ${data.students[5]!.nama}`,
      `Added a walk-in: ${WALK_IN.nama} (${data.schools[0]!.nama})`,
      `Marked Recorded: ${data.students[5]!.nama}`,
    ]);
    expect(rows.filter((r) => r.here).map((r) => r.author)).toEqual([
      'Pak Joko',
      'Pak Joko',
      'Pak Joko',
      'Pak Joko',
    ]);
  });

  it('never holds an NIK or a birth date, nor the person a card was handed to', async () => {
    const entries = await readAuditTrail(db, P, OFFICE);
    const text = JSON.stringify([entries, auditRows(entries, auditText('id'))]);
    const niks = [
      WALK_IN.nik,
      ...data.registry.map((r) => r.nik),
      ...data.students.map((s) => s.nik),
    ];
    for (const nik of niks.filter(Boolean)) expect(text).not.toContain(nik);
    expect(text).not.toContain(WALK_IN.tanggalLahir);
    expect(text).not.toContain(data.students[0]!.tanggalLahir);
    expect(text).not.toContain('Ibu Kandung');
  });

  it('is empty for a programme without changes', async () => {
    expect(await readAuditTrail(db, 'none', OFFICE)).toEqual([]);
  });
});
