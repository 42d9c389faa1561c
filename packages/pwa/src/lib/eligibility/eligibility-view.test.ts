import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreApi } from '@sahaja/core/api';
import { CoreClient } from '../core/core-client.svelte';
import { fakeCoreWorker } from '../core/test-support/fake-worker';
import type { StudentMatch } from '../core/types';
import { replaceProgramme, SahajaDatabase, type ProgrammeRow } from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { I18n } from '../i18n/i18n.svelte';
import { ELIGIBILITY_CATEGORIES, type EligibilityProgress } from './programme';
import { EligibilityView, errorText, programmeKey } from './eligibility-view.svelte';
import { FollowUpPrinter } from './follow-up-print.svelte';
import { OTHER_CATEGORIES } from './school-summary';

const api = createCoreApi();
let db: SahajaDatabase;
let core: CoreClient;
let evaluations: number;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-eligibility-view-test', {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  await db.open();
  evaluations = 0;
  const counted = {
    ...api,
    eligibility: {
      evaluate: (...args: Parameters<typeof api.eligibility.evaluate>) => {
        evaluations += 1;
        return api.eligibility.evaluate(...args);
      },
    },
  };
  core = new CoreClient(fakeCoreWorker(counted).start);
});

afterEach(() => {
  core.dispose();
  db.close();
});

const data = programmeFixture('A', { schools: 3, students: 12, residents: 20 });
// One registry person per category (residents 0–7); the others stay REKAM_DINI.
const registry = data.registry.map((r, i) => {
  const changes: Partial<typeof r>[] = [
    { tanggalLahir: '2005-03-01' }, // WAJIB
    {}, // REKAM_DINI
    { statusRekam: 'CARD_PRINTED' }, // SUDAH_REKAM
    { statusRekam: 'DUPLICATE_RECORD' }, // PERLU_TINDAK_LANJUT
    { kodeWilayah: '3571012001' }, // LUAR_WILAYAH
    { tanggalLahir: '2008-05-10' }, // BELUM_CUKUP_UMUR
    { statusRekam: 'SUDAH KTP???' }, // DATA_TIDAK_VALID
    { kewarganegaraan: 'WNA' }, // WNA
  ];
  return { ...r, ...(changes[i] ?? {}) };
});
const nik = (i: number) => registry[i]!.nik;
const npsn = (i: number) => data.schools[i]!.npsn;

function match(
  programmeId: string,
  idSiswa: string,
  status: StudentMatch['status'],
  nikValue = '',
  duplicateOf = '',
) {
  return {
    programmeId,
    idSiswa,
    nik: nikValue,
    probability: status === 'COCOK' ? 1 : 0.5,
    status,
    reason: status === 'COCOK' ? 'confident' : status === 'TIDAK_COCOK' ? 'not_found' : 'uncertain',
    duplicateOf,
    explanation: [],
    candidates: [],
  } as StudentMatch & { programmeId: string };
}

/**
 * Stores programme `id`. Students S1–S8 match residents 0–7 (one per category), S9 is not found, S10
 * waits for review, S11 was never matched, S12 is S1 listed again. Schools: S1, S4, S7, S10 at the
 * first; S2, S5, S8, S11 at the second; S3, S6, S9, S12 at the third.
 */
async function stored(id = 'demo'): Promise<ProgrammeRow> {
  const result = await replaceProgramme(db, id, { ...data, registry });
  if (!result.ok) throw new Error(result.error.message);
  await db.matches.bulkAdd([
    ...Array.from({ length: 8 }, (_, i) => match(id, `S${i + 1}`, 'COCOK', nik(i))),
    match(id, 'S9', 'TIDAK_COCOK'),
    match(id, 'S10', 'PERLU_REVIEW', nik(8)),
    match(id, 'S12', 'COCOK', nik(0), 'S1'),
  ]);
  return result.value;
}

function view() {
  return new EligibilityView({ core, db: () => db });
}

const shownIds = (v: EligibilityView) => v.shown.map((r) => r.student.idSiswa);

describe('EligibilityView', () => {
  describe('computing', () => {
    it('computes the programme, showing that it is busy until the result is there', async () => {
      const v = view();
      const progress: EligibilityProgress[] = [];
      expect(v.stage).toBe('idle');
      const showing = v.show(await stored());
      expect(v.stage).toBe('loading');
      expect(v.busy).toBe(true);
      // Progress is state: sample it while the computation runs.
      while (v.busy) {
        if (v.progress) progress.push(v.progress);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await showing;

      expect(v.stage).toBe('ready');
      expect(v.error).toBeNull();
      expect(v.progress).toBeNull();
      expect(progress.some((p) => p.phase === 'read')).toBe(true);
      expect(v.rows).toHaveLength(12);
      expect(v.schools.map((s) => s.npsn).sort()).toEqual([npsn(0), npsn(1), npsn(2)].sort());
      expect(v.result?.counts).toMatchObject({
        WAJIB: 1,
        REKAM_DINI: 1,
        SUDAH_REKAM: 1,
        PERLU_TINDAK_LANJUT: 1,
        LUAR_WILAYAH: 1,
        BELUM_CUKUP_UMUR: 1,
        DATA_TIDAK_VALID: 1,
        WNA: 1,
        TIDAK_DITEMUKAN: 1,
        pendingReview: 1,
        pendingMatch: 1,
        duplicates: 1,
      });
    });

    it('does not compute again when the same programme is shown again', async () => {
      const v = view();
      const programme = await stored();
      await v.show(programme);
      await v.show({ ...programme });
      expect(evaluations).toBe(1);
      expect(v.stage).toBe('ready');
    });

    it('computes again on demand, keeping the last result on screen meanwhile', async () => {
      const v = view();
      const programme = await stored();
      await v.show(programme);
      const before = v.result;
      await db.matches.put(match('demo', 'S11', 'COCOK', nik(9)));

      const again = v.recompute();
      expect(v.stage).toBe('loading');
      expect(v.result).toBe(before);
      await again;

      expect(evaluations).toBe(2);
      expect(v.result).not.toBe(before);
      expect(v.result?.counts.pendingMatch).toBe(0);
      expect(v.result?.counts.REKAM_DINI).toBe(2);
    });

    it('computes again when the settings change, keeping the filters', async () => {
      const v = view();
      const programme = await stored();
      await v.show(programme);
      v.toggleCategory('WAJIB');
      // A year later the REKAM_DINI student is 17.
      const later = {
        ...programme,
        settings: { ...programme.settings, referenceDate: '2024-01-16' },
      };
      expect(programmeKey(later)).not.toBe(programmeKey(programme));
      await v.show(later);

      expect(evaluations).toBe(2);
      expect(v.result?.counts.WAJIB).toBe(2);
      expect(shownIds(v).sort()).toEqual(['S1', 'S2']);
    });

    it('starts afresh when another programme becomes active, dropping the outdated computation', async () => {
      const v = view();
      const first = await stored('demo');
      const second = await stored('other');
      await db.matches.put(match('other', 'S11', 'TIDAK_COCOK'));
      await v.show(first);
      v.toggleCategory('WAJIB');
      v.chooseSchool(npsn(0));
      v.name = 'siswa';

      const slow = v.show(first.id === 'demo' ? { ...first, storedOn: '2000-01-01' } : first);
      const fast = v.show(second);
      expect(v.result).toBeNull();
      expect(v.categories.size).toBe(0);
      expect(v.school).toBeNull();
      expect(v.name).toBe('');
      await Promise.all([slow, fast]);

      expect(v.programme?.id).toBe('other');
      expect(v.result?.counts.TIDAK_DITEMUKAN).toBe(2);
      expect(v.stage).toBe('ready');
    });
  });

  describe('per school', () => {
    it('lists every school with counts that add up to the programme totals', async () => {
      const v = view();
      await v.show(await stored());
      const lines = v.schoolLines;
      const totals = v.totals!;

      expect(lines.map((l) => l.npsn).sort()).toEqual([npsn(0), npsn(1), npsn(2)].sort());
      for (const column of [
        'wajib',
        'rekamDini',
        'targets',
        'sudahRekam',
        'others',
        'pending',
        'duplicates',
        'total',
      ] as const) {
        expect(
          lines.reduce((sum, l) => sum + l[column], 0),
          column,
        ).toBe(totals[column]);
      }
      expect(totals).toMatchObject({
        total: 12,
        targets: 2,
        sudahRekam: 1,
        others: OTHER_CATEGORIES.length,
        pending: 2,
        duplicates: 1,
      });
      for (const category of ELIGIBILITY_CATEGORIES) {
        expect(
          lines.reduce((sum, l) => sum + l.counts[category], 0),
          category,
        ).toBe(v.result!.counts[category]);
      }
      const first = lines.find((l) => l.npsn === npsn(0))!;
      expect(first).toMatchObject({ wajib: 1, others: 2, pending: 1, total: 4 });
    });

    it('filters the list and the follow-up by the chosen school', async () => {
      const v = view();
      await v.show(await stored());
      v.chooseSchool(npsn(2));

      expect(shownIds(v).sort()).toEqual(['S12', 'S3', 'S6', 'S9']);
      expect(v.chosenSchool?.npsn).toBe(npsn(2));
      expect(v.followUp.flatMap((s) => s.rows.map((r) => r.student.idSiswa)).sort()).toEqual([
        'S6',
        'S9',
      ]);
      v.chooseSchool(null);
      expect(v.shown).toHaveLength(12);
    });
  });

  describe('the student list', () => {
    it('filters by several categories, pending state and name', async () => {
      const v = view();
      await v.show(await stored());

      v.toggleCategory('WAJIB');
      v.toggleCategory('TIDAK_DITEMUKAN');
      expect(shownIds(v).sort()).toEqual(['S1', 'S9']);
      expect(v.filtered).toBe(true);
      v.toggleCategory('WAJIB');
      expect(shownIds(v)).toEqual(['S9']);

      v.clearFilters();
      v.stateFilter = 'pending';
      expect(shownIds(v).sort()).toEqual(['S10', 'S11']);

      v.clearFilters();
      v.name = '  siswa   a 12 ';
      expect(shownIds(v)).toEqual(['S12']);
      v.name = 'SISWA A 1';
      expect(shownIds(v).sort()).toEqual(['S1', 'S10', 'S11', 'S12']);

      v.clearFilters();
      expect(v.filtered).toBe(false);
      expect(v.shown).toHaveLength(12);
    });

    it('shows exactly the students a count counts', async () => {
      const v = view();
      await v.show(await stored());
      v.chooseSchool(npsn(0));
      v.name = 'x';

      v.showOnly('pendingReview');
      expect(shownIds(v)).toEqual(['S10']);
      expect(v.school).toBeNull();
      v.showOnly('duplicates');
      expect(shownIds(v)).toEqual(['S12']);
      v.showOnly('LUAR_WILAYAH');
      expect(shownIds(v)).toEqual(['S5']);
    });

    it("names a duplicate listing's original", async () => {
      const v = view();
      await v.show(await stored());
      const duplicate = v.rows.find((r) => r.student.idSiswa === 'S12')!;
      expect(v.originalOf(duplicate)?.student.idSiswa).toBe('S1');
      expect(v.originalOf(v.rows.find((r) => r.student.idSiswa === 'S1')!)).toBeNull();
    });
  });

  describe('follow-up', () => {
    it('groups the people who need something done, with the review queue', async () => {
      const v = view();
      await v.show(await stored());
      expect(
        Object.fromEntries(v.followUp.map((s) => [s.group, s.rows.map((r) => r.student.idSiswa)])),
      ).toEqual({
        PERLU_TINDAK_LANJUT: ['S4'],
        DATA_TIDAK_VALID: ['S7'],
        TIDAK_DITEMUKAN: ['S9'],
        LUAR_WILAYAH: ['S5'],
        BELUM_CUKUP_UMUR: ['S6'],
        review: ['S10'],
      });
      expect(v.followUpCount).toBe(6);
      expect(v.followUpItems).toHaveLength(12);
    });

    it("prints the chosen school's follow-up list with what to do, a chunk at a time", async () => {
      const v = view();
      await v.show(await stored());
      v.chooseSchool(npsn(0));
      const printer = new FollowUpPrinter();
      const source = v.printSource()!;
      const i18n = new I18n(null);

      expect(await printer.prepare(source, i18n, { chunkSize: 1 })).toBe(true);
      expect(printer.ready).toBe(true);
      expect(printer.lines.chunks).toHaveLength(6);
      expect(printer.heading).toMatchObject({
        programme: v.programme?.settings.name,
        referenceDate: '2023-01-16',
        school: { npsn: npsn(0), nama: data.schools[0]!.nama },
        total: 3,
      });
      const lines = printer.lines.chunks.flat();
      expect(lines.map((l) => (l.kind === 'group' ? l.group : l.nama))).toEqual([
        'PERLU_TINDAK_LANJUT',
        'SISWA A 4',
        'DATA_TIDAK_VALID',
        'SISWA A 7',
        'review',
        'SISWA A 10',
      ]);
      const person = lines[1]!;
      expect(person).toMatchObject({ kind: 'person', number: 1, kelas: 'XII' });
      expect(person.kind === 'person' && person.todo).toContain('DUPLICATE_RECORD');
      expect(lines[5]).toMatchObject({ todo: i18n.t('eligibility.reason.pendingReview') });
      // Names appear in the printout only as names: no NIK is printed.
      expect(JSON.stringify(lines)).not.toContain(nik(3));

      printer.clear();
      expect(printer.ready).toBe(false);
      expect(printer.heading).toBeNull();
      printer.prepareNow(source, i18n);
      expect(printer.lines.size).toBe(6);
    });
  });

  describe('invalid input', () => {
    it('says the settings were refused, in the chosen language', async () => {
      const v = view();
      const programme = await stored();
      await v.show({ ...programme, settings: { ...programme.settings, regions: ['9'] } });

      expect(v.stage).toBe('failed');
      expect(v.result).toBeNull();
      expect(v.error?.code).toBe('settings');
      const i18n = new I18n(null);
      expect(errorText(v.error!, i18n)).toMatch(
        /^Pengaturan program ditolak: Kode wilayah program "9"/,
      );
      i18n.setLocale('en');
      expect(errorText(v.error!, i18n)).toMatch(
        /^The programme settings were refused: Programme region/,
      );
    });

    it('says the database could not be read, and computes when asked again', async () => {
      const v = view();
      const programme = await stored();
      db.close();
      await v.show(programme);

      expect(v.stage).toBe('failed');
      expect(v.error?.code).toBe('storage');
      expect(errorText(v.error!, new I18n(null))).toMatch(/^Data tidak bisa dibaca/);

      await db.open();
      await v.recompute();
      expect(v.stage).toBe('ready');
      expect(v.error).toBeNull();
    });

    it('keeps the earlier result when computing again fails', async () => {
      const v = view();
      const programme = await stored();
      await v.show(programme);
      const before = v.result;
      db.close();
      await v.recompute();

      expect(v.stage).toBe('failed');
      expect(v.result).toBe(before);
      await db.open();
    });

    it('shows nothing to compute before a programme is shown', async () => {
      const v = view();
      await v.recompute();
      expect(v.stage).toBe('idle');
      expect(v.printSource()).toBeNull();
      expect(v.rows).toEqual([]);
      expect(v.schoolLines).toEqual([]);
      expect(v.totals).toBeNull();
      expect(v.followUpCount).toBe(0);
    });
  });
});
