import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../dates/plain-date.js';
import { KEDIRI_KECAMATAN, PROVINCES } from '../regions/data.js';
import { DEFAULT_DEMO_OPTIONS, generateProgramme, validateDemoOptions } from './programme.js';
import { NOISE_RATES } from './noise.js';
import type { Corruption, DemoProgramme } from './types.js';

// One full-size programme (the defaults) for the rates, one small one for structure.
const full = generateProgramme({});
const small = generateProgramme({ seed: 7, schools: 12, students: 2_000, registry: 12_000 });

const provinceCodes = new Set(PROVINCES.map((p) => p.kode));

/** Structural NIK check, as SPEC §2 defines it. */
function nikIsStructurallyValid(nik: string): boolean {
  if (!/^\d{16}$/.test(nik)) return false;
  if (!provinceCodes.has(nik.slice(0, 2))) return false;
  const day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const okDay = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
  return okDay && month >= 1 && month <= 12 && nik.slice(12) !== '0000';
}

function count(p: DemoProgramme, tag: Corruption): number {
  return p.truth.filter((t) => t.corruptions.includes(tag)).length;
}

/** Asserts an observed count is within 4.5 standard deviations of a binomial expectation. */
function expectRate(observed: number, trials: number, rate: number): void {
  const mean = trials * rate;
  const sd = Math.sqrt(trials * rate * (1 - rate));
  expect(
    Math.abs(observed - mean),
    `observed ${observed}, expected about ${mean.toFixed(1)}`,
  ).toBeLessThanOrEqual(4.5 * sd + 2);
}

describe('the demo programme generator', () => {
  describe('sizes and determinism', () => {
    it('produces exactly the requested numbers of schools, student rows and registry people', () => {
      expect(full.schools).toHaveLength(DEFAULT_DEMO_OPTIONS.schools);
      expect(full.students).toHaveLength(DEFAULT_DEMO_OPTIONS.students);
      expect(full.registry).toHaveLength(DEFAULT_DEMO_OPTIONS.registry);
      expect(full.truth).toHaveLength(full.students.length);
      expect(full.summary).toMatchObject({ schools: 72, students: 20_000, registry: 150_000 });
    });

    it('gives the same programme for the same seed and options', () => {
      const again = generateProgramme({ seed: 7, schools: 12, students: 2_000, registry: 12_000 });
      expect(again.students).toEqual(small.students);
      expect(again.registry).toEqual(small.registry);
      expect(again.truth).toEqual(small.truth);
      expect(again.files).toEqual(small.files);
    });

    it('gives a different programme for another seed', () => {
      const other = generateProgramme({ seed: 8, schools: 12, students: 2_000, registry: 12_000 });
      expect(other.registry.slice(0, 50)).not.toEqual(small.registry.slice(0, 50));
    });

    it('reports progress through every phase, ending complete', () => {
      const phases: string[] = [];
      generateProgramme({ seed: 3, schools: 5, students: 300, registry: 2_000 }, (p) => {
        expect(p.done).toBeLessThanOrEqual(p.total);
        if (phases.at(-1) !== p.phase) phases.push(p.phase);
      });
      expect(phases).toEqual(['families', 'students', 'files', 'registry']);
    });
  });

  describe('schools', () => {
    it('spreads the 72 schools over all 26 kecamatan of Kab. Kediri', () => {
      const kecamatan = new Set(full.schools.map((s) => s.kecamatan));
      expect(kecamatan).toEqual(new Set(KEDIRI_KECAMATAN.map((k) => k.kode)));
    });

    it('gives unique 8-digit NPSNs and names, travel times and blackout dates on working days', () => {
      expect(new Set(full.schools.map((s) => s.npsn)).size).toBe(full.schools.length);
      expect(new Set(full.schools.map((s) => s.nama)).size).toBe(full.schools.length);
      const holidays = new Set(full.holidays.map((h) => h.tanggal));
      for (const s of full.schools) {
        expect(s.npsn).toMatch(/^\d{8}$/);
        expect(s.waktuTempuhMenit).toBeGreaterThanOrEqual(10);
        expect(s.waktuTempuhMenit).toBeLessThanOrEqual(120);
        for (const d of s.tanggalTidakBisa) {
          expect(parseIsoDate(d)).toBeDefined();
          expect(holidays.has(d)).toBe(false);
        }
      }
      expect(full.schools.filter((s) => s.tanggalTidakBisa.length > 0).length).toBeGreaterThan(5);
    });

    it('lists every student at one of the programme schools, with big and small schools', () => {
      const npsn = new Set(full.schools.map((s) => s.npsn));
      const perSchool = new Map<string, number>();
      for (const s of full.students) {
        expect(npsn.has(s.npsn)).toBe(true);
        perSchool.set(s.npsn, (perSchool.get(s.npsn) ?? 0) + 1);
      }
      const sizes = [...perSchool.values()].sort((a, b) => a - b);
      expect(sizes[0]).toBeGreaterThan(10);
      expect(sizes.at(-1)).toBeGreaterThan(3 * (sizes[0] as number));
    });

    it('uses the 2023 holiday calendar of SPEC §5 for a 2023 programme', () => {
      const dates = full.holidays.map((h) => h.tanggal);
      for (const d of [
        '2023-01-01',
        '2023-01-22',
        '2023-01-23',
        '2023-02-18',
        '2023-03-22',
        '2023-03-23',
        '2023-04-07',
        '2023-04-21',
        '2023-04-22',
        '2023-04-23',
        '2023-04-24',
        '2023-04-25',
        '2023-04-26',
      ]) {
        expect(dates).toContain(d);
      }
    });
  });

  describe('the registry extract', () => {
    it('has unique, structurally valid NIKs and 16-digit family-card numbers', () => {
      expect(new Set(full.registry.map((r) => r.nik)).size).toBe(full.registry.length);
      for (const r of full.registry) {
        expect(nikIsStructurallyValid(r.nik), r.nik.slice(0, 6)).toBe(true);
        expect(r.noKk).toMatch(/^\d{16}$/);
        expect(r.noKk).not.toBe(r.nik);
        expect(parseIsoDate(r.tanggalLahir)).toBeDefined();
        expect(r.kodeWilayah).toMatch(/^(\d{4}|\d{6}|\d{10})$/);
      }
    });

    it('encodes birth date and sex in the NIK, except after a rare birth-date correction', () => {
      let disagreements = 0;
      for (const r of full.registry) {
        const day = Number(r.nik.slice(6, 8));
        const female = r.jenisKelamin === 'P' || r.jenisKelamin === 'PEREMPUAN';
        expect(day > 40).toBe(female);
        const nikDate = `${r.nik.slice(10, 12)}${r.nik.slice(8, 10)}${String(day > 40 ? day - 40 : day).padStart(2, '0')}`;
        if (nikDate !== r.tanggalLahir.slice(2).replaceAll('-', '')) disagreements++;
      }
      expectRate(disagreements, full.registry.length, NOISE_RATES.birthDateCorrected);
    });

    it('holds people aged 13 to 20 on the reference date', () => {
      for (const r of full.registry) {
        const b = parseIsoDate(r.tanggalLahir);
        if (!b) throw new Error('unparsable registry date');
        const age = 2023 - b.year - (b.month > 1 || (b.month === 1 && b.day > 16) ? 1 : 0);
        expect(age).toBeGreaterThanOrEqual(13);
        expect(age).toBeLessThanOrEqual(20);
      }
    });

    it('has families: several children share a family card and a mother', () => {
      const byKk = new Map<string, number>();
      for (const r of full.registry) byKk.set(r.noKk, (byKk.get(r.noKk) ?? 0) + 1);
      const shared = [...byKk.values()].filter((n) => n >= 2).length;
      expect(shared / byKk.size).toBeGreaterThan(0.15);
    });

    it('has twins: same family card, mother, birth date and address, different names', () => {
      const groups = new Map<string, (typeof full.registry)[number][]>();
      for (const r of full.registry) {
        const key = `${r.noKk}|${r.tanggalLahir}`;
        groups.set(key, [...(groups.get(key) ?? []), r]);
      }
      const twins = [...groups.values()].filter((g) => g.length === 2);
      expect(twins.length).toBeGreaterThan(500);
      for (const [a, b] of twins) {
        expect(a?.namaIbu).toBe(b?.namaIbu);
        expect(a?.alamat).toBe(b?.alamat);
        expect(a?.nama).not.toBe(b?.nama);
      }
    });

    it('includes residents outside the regency (Kota Kediri most of all), about a tenth', () => {
      const outside = full.registry.filter((r) => !r.kodeWilayah.startsWith('3506'));
      expect(outside.length / full.registry.length).toBeGreaterThan(0.06);
      expect(outside.length / full.registry.length).toBeLessThan(0.14);
      const kota = outside.filter((r) => r.kodeWilayah.startsWith('3571')).length;
      expect(kota / outside.length).toBeGreaterThan(0.4);
    });

    it('has every KTP-el status family, marital status and a few foreigners', () => {
      const statuses = new Set(
        full.registry.map((r) => r.statusRekam.toUpperCase().replaceAll(' ', '_')),
      );
      for (const s of [
        'UNREGISTERED',
        'BELUM_REKAM',
        'BIO_CAPTURED',
        'SENT_FOR_ENROLLMENT',
        'RECEIVED_AT_CENTRAL',
        'PRINT_READY_RECORD',
        'CARD_PRINTED',
        'SUDAH_REKAM',
        'DUPLICATE_RECORD',
        'ADJUDICATE_RECORD',
        'ENROLL_FAILURE_AT_CENTRAL',
        'SEARCH_FAILURE_AT_CENTRAL',
        'ENROLL_FAILURE_AT_REGIONAL',
      ]) {
        expect(statuses, s).toContain(s);
      }
      const marital = new Set(full.registry.map((r) => r.statusKawin));
      for (const m of [
        'BELUM KAWIN',
        'KAWIN',
        'KAWIN TERCATAT',
        'KAWIN BELUM TERCATAT',
        'CERAI HIDUP',
      ])
        expect(marital).toContain(m);
      const married =
        full.registry.filter((r) => r.statusKawin !== 'BELUM KAWIN').length / full.registry.length;
      expect(married).toBeGreaterThan(0.005);
      expect(married).toBeLessThan(0.05);
      const wna = full.registry.filter((r) => r.kewarganegaraan === 'WNA').length;
      expect(wna).toBeGreaterThan(5);
      expect(wna).toBeLessThan(100);
    });

    it('records most people of 18 and few of 15', () => {
      const recorded = (s: string): boolean => !/^(UNREGISTERED|BELUM REKAM)$/i.test(s);
      const byYear = (year: number): number => {
        const group = full.registry.filter(
          (r) =>
            r.tanggalLahir.startsWith(`${year}-`) &&
            r.tanggalLahir > `${year}-02-01` &&
            r.tanggalLahir < `${year}-12-01`,
        );
        return group.filter((r) => recorded(r.statusRekam)).length / group.length;
      };
      expect(byYear(2004)).toBeGreaterThan(0.65);
      expect(byYear(2007)).toBeLessThan(0.06);
    });
  });

  describe('the student lists and the truth', () => {
    const registryByNik = new Map(full.registry.map((r) => [r.nik, r] as const));

    it('points every truth NIK at a registry person, and leaves absent students without one', () => {
      const absent = full.truth.filter((t) => t.nik === '');
      for (const t of full.truth) if (t.nik !== '') expect(registryByNik.has(t.nik)).toBe(true);
      for (const t of absent) expect(t.corruptions).toContain('not_in_registry');
      expectRate(absent.length, full.truth.length, NOISE_RATES.notInRegistry);
    });

    it('keeps the NIK the school wrote equal to the true NIK unless a NIK corruption says otherwise', () => {
      const nikTags: Corruption[] = [
        'nik_missing',
        'nik_one_digit',
        'nik_transposed',
        'nik_parent',
        'nik_sibling',
        'nik_scientific',
      ];
      full.students.forEach((s, i) => {
        const t = full.truth[i];
        if (!t || t.nik === '' || t.corruptions.some((c) => nikTags.includes(c))) return;
        expect(s.nik).toBe(t.nik);
      });
    });

    it('borrows a parent or sibling NIK whose birth date disagrees with the student', () => {
      const borrowed = full.truth
        .map((t, i) => [t, full.students[i]] as const)
        .filter(
          ([t]) =>
            t.corruptions.includes('nik_parent') && !t.corruptions.includes('nik_scientific'),
        );
      expect(borrowed.length).toBeGreaterThan(50);
      for (const [t, s] of borrowed) {
        if (t.nik === '' || !s) continue;
        expect(s.nik).not.toBe(t.nik);
        expect(nikIsStructurallyValid(s.nik)).toBe(true);
        // A parent was born decades earlier: the NIK's year is far from the student's.
        const year = Number(s.nik.slice(10, 12));
        expect(year).toBeGreaterThan(50);
      }
    });

    it('lists some students twice, pointing at the earlier row of the same person', () => {
      const byId = new Map(full.truth.map((t) => [t.idSiswa, t] as const));
      const dups = full.truth.filter((t) => t.duplicateOf !== '');
      expect(dups.length).toBe(Math.round(20_000 * NOISE_RATES.duplicateListing));
      for (const d of dups) expect(byId.get(d.duplicateOf)?.personId).toBe(d.personId);
      expect(new Set(full.students.map((s) => s.idSiswa)).size).toBe(full.students.length);
    });

    it('has twins who mostly attend the same school', () => {
      const registryKk = new Map(
        full.registry.map((r) => [r.nik, `${r.noKk}|${r.tanggalLahir}`] as const),
      );
      const byBirth = new Map<string, Set<string>>();
      const persons = new Map<string, Set<string>>();
      full.truth.forEach((t, i) => {
        const key = registryKk.get(t.nik);
        if (!t.isTwin || !key || t.duplicateOf !== '') return;
        byBirth.set(key, (byBirth.get(key) ?? new Set()).add(full.students[i]?.npsn ?? ''));
        persons.set(key, (persons.get(key) ?? new Set()).add(t.personId));
      });
      const pairs = [...persons].filter(([, ids]) => ids.size === 2).map(([key]) => key);
      expect(pairs.length).toBeGreaterThan(50);
      const together = pairs.filter((key) => byBirth.get(key)?.size === 1).length;
      expect(together / pairs.length).toBeGreaterThan(0.7);
    });

    it('still fills the registry when every listed student is absent from it', () => {
      // Seed 51 makes the only student one who is absent from the registry.
      const tiny = generateProgramme({ seed: 51, schools: 1, students: 1, registry: 40 });
      expect(tiny.truth[0]?.nik).toBe('');
      expect(tiny.registry).toHaveLength(40);
      expect(tiny.students).toHaveLength(1);
    });

    it('introduces each corruption of SPEC §4 at its set rate', () => {
      const n = full.truth.length;
      expectRate(count(full, 'nik_missing'), n, NOISE_RATES.nikMissing);
      expectRate(count(full, 'nik_one_digit'), n, NOISE_RATES.nikOneDigit);
      expectRate(count(full, 'nik_transposed'), n, NOISE_RATES.nikTransposed);
      expectRate(
        count(full, 'nik_parent') + count(full, 'nik_sibling'),
        n,
        NOISE_RATES.nikParent + NOISE_RATES.nikSibling,
      );
      expectRate(count(full, 'name_typo'), n, NOISE_RATES.nameTypo);
      expectRate(count(full, 'name_spaces'), n, NOISE_RATES.nameSpaces);
      expectRate(count(full, 'name_order_swapped'), n, NOISE_RATES.nameOrderSwapped);
      expectRate(count(full, 'name_bin_binti'), n, NOISE_RATES.nameBinBinti);
      expectRate(count(full, 'date_one_digit'), n, NOISE_RATES.dateOneDigit);
      expectRate(count(full, 'date_year_off'), n, NOISE_RATES.dateYearOff);
      expectRate(count(full, 'mother_missing'), n, NOISE_RATES.motherMissing);
      expectRate(count(full, 'sex_wrong'), n, NOISE_RATES.sexWrong);
      expectRate(count(full, 'birthplace_variant'), n, NOISE_RATES.birthplaceVariant);
      // Conditional corruptions: the rate applies to the rows that can carry them.
      const muhammad = full.truth.filter((_t, i) =>
        /^(MUHAMMAD|MUHAMAD|MOHAMAD|MOHAMMAD|MOCHAMAD|MOCHAMMAD|MUCHAMMAD|MOKHAMAD|MOCH)\b/.test(
          registryByNik.get(full.truth[i]?.nik ?? '')?.nama ?? '',
        ),
      ).length;
      expect(muhammad).toBeGreaterThan(1000);
      expect(count(full, 'name_muhammad_variant') / muhammad).toBeGreaterThan(0.5);
      expect(count(full, 'name_muhammad_variant') / muhammad).toBeLessThan(0.7);
      for (const tag of [
        'name_abbreviation',
        'name_old_spelling',
        'name_word_dropped',
        'name_word_added',
        'name_title',
        'name_punctuation',
        'date_day_month_swapped',
        'date_month_off',
        'mother_variant',
        'nik_scientific',
        'name_case',
      ] as const) {
        expect(count(full, tag), tag).toBeGreaterThan(20);
      }
    });

    it('writes the school dates in many formats, all of them real dates', () => {
      const shapes = { iso: 0, dmy: 0, short: 0, text: 0, serial: 0 };
      for (const s of full.students) {
        if (/^\d{4}-\d{2}-\d{2}$/.test(s.tanggalLahir)) shapes.iso++;
        else if (/^\d{2}[/-]\d{2}[/-]\d{4}$/.test(s.tanggalLahir)) shapes.dmy++;
        else if (/^\d{1,2}\/\d{1,2}\/\d{2}$/.test(s.tanggalLahir)) shapes.short++;
        else if (/^\d{1,2} [A-Za-z]+ \d{4}$/.test(s.tanggalLahir)) shapes.text++;
        else if (/^\d{5}$/.test(s.tanggalLahir)) shapes.serial++;
        else throw new Error(`unexpected date shape ${s.tanggalLahir.replace(/\d/g, '9')}`);
      }
      for (const [shape, n] of Object.entries(shapes)) expect(n, shape).toBeGreaterThan(50);
    });

    it('changes a birth date only where a date corruption says so, to another valid date', () => {
      const readDate = (text: string): string | undefined => {
        if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
        const m = /^(\d{2})[/-](\d{2})[/-](\d{4})$/.exec(text);
        return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
      };
      let checked = 0;
      let changed = 0;
      full.truth.forEach((t, i) => {
        const registryDate = registryByNik.get(t.nik)?.tanggalLahir;
        const written = readDate(full.students[i]?.tanggalLahir ?? '');
        if (!registryDate || !written) return;
        checked++;
        const tags = t.corruptions.filter((c) => c.startsWith('date_'));
        expect(tags.length).toBeLessThanOrEqual(1);
        expect(parseIsoDate(written)).toBeDefined();
        if (tags.length === 0) expect(written).toBe(registryDate);
        else {
          expect(written).not.toBe(registryDate);
          changed++;
        }
      });
      expect(checked).toBeGreaterThan(10_000);
      expect(changed).toBeGreaterThan(200);
    });
  });

  describe('the school files', () => {
    it('come in every shape schools send, one file per school except the branch office list', () => {
      const shapes = new Set(full.files.map((f) => f.shape.split(':')[0]));
      for (const s of [
        'dapodik',
        'manual-xlsx',
        'csv-semicolon',
        'csv-comma',
        'branch-office combined list of 4 schools with NPSN and school columns, dates d/m/yy',
      ]) {
        expect(shapes).toContain(s);
      }
      const covered = full.files.flatMap((f) => f.npsn);
      expect(new Set(covered).size).toBe(full.schools.length);
      expect(covered).toHaveLength(full.schools.length);
    });

    it('put every student row in the file and row the truth names', () => {
      const byName = new Map(full.files.map((f) => [f.fileName, f] as const));
      full.truth.forEach((t, i) => {
        const file = byName.get(t.file);
        if (!file) throw new Error(`no file ${t.file}`);
        const sheet = file.sheets.find((s) => s.name !== 'REKAP');
        const row = sheet?.rows[t.fileRow - 1] ?? [];
        const nisn = full.students[i]?.nisn;
        expect(row).toContain(nisn);
      });
    });

    it('give Dapodik exports title rows and a two-row header with merged group cells', () => {
      const dapodik = full.files.find((f) => f.shape.startsWith('dapodik'));
      const rows = dapodik?.sheets[0]?.rows ?? [];
      expect(rows[0]).toEqual(['Daftar Peserta Didik']);
      expect(rows[5]).toContainEqual({ text: 'Data Ibu', columnSpan: 3 });
      expect(rows[6]).toContain('Tahun Lahir');
    });
  });

  describe('invalid options', () => {
    it('rejects sizes that are not whole numbers, or a registry too small for the students', () => {
      expect(validateDemoOptions({ ...DEFAULT_DEMO_OPTIONS, schools: 0 })).toHaveLength(1);
      expect(validateDemoOptions({ ...DEFAULT_DEMO_OPTIONS, students: 1.5 })[0]).toMatch(
        /students must be a whole number/,
      );
      expect(validateDemoOptions({ ...DEFAULT_DEMO_OPTIONS, registry: 1000 })[0]).toMatch(
        /at least three times/,
      );
      expect(
        validateDemoOptions({ ...DEFAULT_DEMO_OPTIONS, referenceDate: '16/01/2023' })[0],
      ).toMatch(/YYYY-MM-DD/);
      expect(validateDemoOptions({ ...DEFAULT_DEMO_OPTIONS, seed: -1 })[0]).toMatch(/seed/);
      expect(validateDemoOptions(DEFAULT_DEMO_OPTIONS)).toEqual([]);
    });

    it('throws a RangeError naming the problem when called with bad options', () => {
      expect(() => generateProgramme({ students: 0 })).toThrow(RangeError);
      expect(() => generateProgramme({ students: 0 })).toThrow(/students must be a whole number/);
    });
  });
});
