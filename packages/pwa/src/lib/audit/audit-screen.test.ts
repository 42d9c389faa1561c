import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { I18n } from '../i18n/i18n.svelte';
import { createAuditApi } from '../worker/audit';
import { AuditScreen, type AuditCalls } from './audit-screen.svelte';
import { OFFICE, storeTrail } from './test-support/trail';

const P = 'p';
const data = programmeFixture('A');
let db: SahajaDatabase;
let i18n: I18n;
let downloads: { fileName: string; type: string; size: number }[];

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-audit-screen', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await storeTrail(db, P, data);
  i18n = new I18n(null);
  downloads = [];
});

afterEach(() => db.close());

/** The screen over the worker's operations, run in place. */
function screenOf(calls: AuditCalls = createAuditApi(() => db)): AuditScreen {
  return new AuditScreen({
    calls,
    device: () => OFFICE,
    translator: () => i18n,
    download: (bytes, fileName, type) => downloads.push({ fileName, type, size: bytes.length }),
  });
}

describe('the audit trail screen', () => {
  it('shows every change, newest first, in the UI language', async () => {
    const screen = screenOf();
    await screen.load(P);
    expect(screen.loaded).toBe(true);
    expect(screen.shown).toHaveLength(8);
    expect(screen.shown.at(-1)!.text).toMatch(/^Menjalankan pemadanan: 25 siswa/);
    i18n.setLocale('en');
    expect(screen.shown.at(-1)!.text).toMatch(/^Ran matching: 25 students/);
    expect(screen.kinds).toEqual([
      'visit',
      'card',
      'review_decision',
      'matching_run',
      'imported',
      'plan_published',
    ]);
    expect(screen.authors).toEqual(['Bu Sari', 'Pak Baru', 'Pak Joko']);
  });

  it('filters by kind, by author and by every word searched, and clears the filters', async () => {
    const screen = screenOf();
    await screen.load(P);
    screen.kind = 'visit';
    expect(screen.shown).toHaveLength(3);
    screen.kind = '';
    screen.author = 'Bu Sari';
    expect(screen.shown.map((r) => r.kind)).toEqual([
      'imported',
      'review_decision',
      'matching_run',
    ]);
    screen.author = null;
    screen.query = 'terekam ' + data.students[5]!.nama.toLowerCase();
    expect(screen.shown.map((r) => r.text)).toEqual([
      `Membatalkan tanda Terekam: ${data.students[5]!.nama}`,
      `Menandai Terekam: ${data.students[5]!.nama}`,
    ]);
    screen.query = 'laptop-team';
    expect(screen.shown).toHaveLength(4);
    expect(screen.filtered).toBe(true);
    screen.clearFilters();
    expect(screen.filtered).toBe(false);
    expect(screen.shown).toHaveLength(8);
  });

  it('downloads what the filters show, in the UI language, and says what it made', async () => {
    const screen = screenOf();
    await screen.load(P);
    screen.kind = 'card';
    await screen.download(P, 'csv');
    expect(downloads).toEqual([
      {
        fileName: expect.stringMatching(/^jejak-audit-.*\.csv$/),
        type: expect.any(String),
        size: expect.any(Number),
      },
    ]);
    expect(screen.notice).toMatchObject({ kind: 'done', count: 1 });
    expect(screen.exporting).toBeNull();
  });

  describe('invalid input', () => {
    it('says why the trail or a file could not be made', async () => {
      const failing: AuditCalls = {
        trail: async () => ({ ok: false, error: { code: 'storage', message: 'disk rusak' } }),
        file: async () => ({ ok: false, error: { code: 'missing', message: 'missing' } }),
      };
      const screen = screenOf(failing);
      await screen.load(P);
      expect(screen.loadError).toBe('disk rusak');
      await screen.download(P, 'xlsx');
      expect(screen.notice).toEqual({ kind: 'failed', message: 'missing' });
      expect(downloads).toEqual([]);
    });
  });
});
