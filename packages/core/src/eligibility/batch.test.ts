import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCounts, evaluateBatch, type EligibilityEntry } from './batch.js';
import {
  evaluateEligibility,
  STUDENT_CATEGORIES,
  type EligibilityDecision,
  type EligibilityPerson,
} from './evaluate.js';
import { createEligibilityPolicy, type EligibilityPolicy } from './policy.js';
import { explainEligibility } from './explain.js';

function usualPolicy(): EligibilityPolicy {
  const result = createEligibilityPolicy({ referenceDate: '2023-01-16', regions: ['3506'] });
  if (!result.ok) throw new Error(`the test policy was refused: ${result.issues[0].code}`);
  return result.value;
}

const POLICY = usualPolicy();

/** The reason for a decision, written with the policy it was made with (the usual one by default). */
const explain = (d: EligibilityDecision | undefined, policy: EligibilityPolicy = POLICY) =>
  explainEligibility(d as EligibilityDecision, policy);

/** A WNI living in Kecamatan Semen, never married, not yet recorded; the NIK agrees with the birth date. */
function person(nik: string, birthIso: string, overrides: Partial<EligibilityPerson> = {}) {
  const p: EligibilityPerson = {
    nik,
    tanggalLahir: birthIso,
    statusKawin: 'BELUM KAWIN',
    kewarganegaraan: 'WNI',
    statusRekam: 'BELUM REKAM',
    kodeWilayah: '3506012001',
    ...overrides,
  };
  return p;
}

// Ages on 16 January 2023.
const WAJIB = person('3506011501060001', '2006-01-15'); // 17
const DINI = person('3506012003060002', '2006-03-20'); // 16
const MUDA = person('3506015506070003', '2007-06-15'); // 15, a woman
const REKAM = person('3506011002060004', '2006-02-10', { statusRekam: 'CARD_PRINTED' });
const LUAR = person('3506010101060005', '2006-01-01', { kodeWilayah: '3571' });
const INVALID = person('350601150106000', '2006-01-15');
// The NIK says 15 January 2006 but the registry says 20 March 2006.
const MISMATCH = person('3506011501060006', '2006-03-20');

describe('evaluateBatch', () => {
  describe('counts', () => {
    const entries: EligibilityEntry[] = [
      { person: WAJIB, school: '20512345' },
      { person: DINI, school: '20512345' },
      { person: DINI, school: '20512345' },
      { person: MUDA, school: '20599999' },
      { person: REKAM, school: '20599999' },
      { person: undefined, school: '20599999' },
      { person: LUAR },
      { person: INVALID },
      { person: undefined },
    ];
    const { decisions, summary } = evaluateBatch(entries, POLICY);

    it('counts every category in total', () => {
      expect(summary.total).toBe(9);
      expect(summary.counts).toEqual({
        ...emptyCounts(),
        WAJIB: 1,
        REKAM_DINI: 2,
        BELUM_CUKUP_UMUR: 1,
        SUDAH_REKAM: 1,
        LUAR_WILAYAH: 1,
        DATA_TIDAK_VALID: 1,
        TIDAK_DITEMUKAN: 2,
      });
      expect(decisions).toHaveLength(9);
    });

    it('counts per school, schools in the order they first appear', () => {
      expect([...summary.bySchool.keys()]).toEqual(['20512345', '20599999']);
      expect(summary.bySchool.get('20512345')).toEqual({
        ...emptyCounts(),
        WAJIB: 1,
        REKAM_DINI: 2,
      });
      expect(summary.bySchool.get('20599999')).toEqual({
        ...emptyCounts(),
        BELUM_CUKUP_UMUR: 1,
        SUDAH_REKAM: 1,
        TIDAK_DITEMUKAN: 1,
      });
    });

    it('counts entries without a school only in the totals', () => {
      const perSchool = [...summary.bySchool.values()].reduce(
        (sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0),
        0,
      );
      expect(perSchool).toBe(6);
      expect(summary.bySchool.has('')).toBe(false);
    });

    it('has a count for every student category, zero included', () => {
      expect(Object.keys(summary.counts).sort()).toEqual([...STUDENT_CATEGORIES].sort());
      expect(summary.counts.WNA).toBe(0);
      expect(summary.counts.PERLU_TINDAK_LANJUT).toBe(0);
    });

    it('treats an empty school key as a school of its own', () => {
      const { summary: s } = evaluateBatch([{ person: WAJIB, school: '' }], POLICY);
      expect(s.bySchool.get('')?.WAJIB).toBe(1);
    });
  });

  describe('decisions', () => {
    it('come back in input order, each as evaluateEligibility decides it', () => {
      const people = [MUDA, WAJIB, REKAM, DINI, LUAR, INVALID];
      const { decisions } = evaluateBatch(
        people.map((p) => ({ person: p })),
        POLICY,
      );
      expect(decisions).toEqual(people.map((p) => evaluateEligibility(p, POLICY)));
      expect(decisions.map((d) => d.category)).toEqual([
        'BELUM_CUKUP_UMUR',
        'WAJIB',
        'SUDAH_REKAM',
        'REKAM_DINI',
        'LUAR_WILAYAH',
        'DATA_TIDAK_VALID',
      ]);
    });

    it('makes a person not found TIDAK_DITEMUKAN and tells to update the KK first', () => {
      const { decisions, summary } = evaluateBatch([{ person: undefined, school: 'X' }], POLICY);
      const d = decisions[0];
      expect(d?.category).toBe('TIDAK_DITEMUKAN');
      expect(d?.reasonCode).toBe('not_found');
      expect(explain(d).id).toContain('KK');
      expect(explain(d).id).toContain('Kartu Keluarga');
      expect(explain(d).en).toContain('family card');
      expect(d?.dates.age).toBeUndefined();
      expect(summary.bySchool.get('X')?.TIDAK_DITEMUKAN).toBe(1);
    });

    it('accepts any iterable, such as a generator', () => {
      function* entries(): Generator<EligibilityEntry> {
        yield { person: WAJIB, school: 'A' };
        yield { person: undefined, school: 'A' };
        yield { person: DINI, school: 'B' };
      }
      const { decisions, summary } = evaluateBatch(entries(), POLICY);
      expect(decisions.map((d) => d.category)).toEqual(['WAJIB', 'TIDAK_DITEMUKAN', 'REKAM_DINI']);
      expect(summary.total).toBe(3);
    });
  });

  describe('warnings', () => {
    it('counts the decisions that carry a warning', () => {
      const { decisions, summary } = evaluateBatch(
        [
          { person: MISMATCH },
          { person: WAJIB },
          { person: { ...MISMATCH, kewarganegaraan: 'WNA' } },
          { person: undefined },
          { person: { ...MISMATCH, statusRekam: 'CARD_PRINTED' } },
        ],
        POLICY,
      );
      expect(summary.withWarnings).toBe(3);
      expect(decisions[0]?.category).toBe('REKAM_DINI');
      expect(decisions[0]?.warnings.map((w) => w.code)).toEqual(['nik_birth_date_mismatch']);
    });

    it('counts none when every NIK agrees with its birth date', () => {
      const { summary } = evaluateBatch(
        [WAJIB, DINI, MUDA, REKAM, LUAR].map((p) => ({ person: p })),
        POLICY,
      );
      expect(summary.withWarnings).toBe(0);
    });
  });

  describe('purity', () => {
    it('does not mutate its entries', () => {
      const entries = Object.freeze([
        Object.freeze({ person: Object.freeze({ ...WAJIB }), school: 'A' }),
        Object.freeze({ person: undefined, school: 'A' }),
      ]);
      const copy = structuredClone(entries);
      evaluateBatch(entries, POLICY);
      expect(entries).toEqual(copy);
    });

    it('gives fresh zero counts each time', () => {
      const first = emptyCounts();
      first.WAJIB = 5;
      expect(emptyCounts().WAJIB).toBe(0);
      expect(Object.values(emptyCounts()).every((n) => n === 0)).toBe(true);
    });
  });

  describe('invalid input', () => {
    it('returns zero counts for an empty batch', () => {
      const { decisions, summary } = evaluateBatch([], POLICY);
      expect(decisions).toEqual([]);
      expect(summary.total).toBe(0);
      expect(summary.counts).toEqual(emptyCounts());
      expect(summary.bySchool.size).toBe(0);
      expect(summary.withWarnings).toBe(0);
    });

    it('never throws on malformed people and counts them as DATA_TIDAK_VALID', () => {
      const malformed = [
        person('', '2006-01-15'),
        person('3,50601E+15', '2006-01-15'),
        person('3506011501060001', '2006-02-30'),
        person('3506011501060001', '2006-01-15', { kodeWilayah: 'garbage' }),
        {} as unknown as EligibilityPerson,
      ];
      const { summary } = evaluateBatch(
        malformed.map((p) => ({ person: p, school: 'A' })),
        POLICY,
      );
      expect(summary.counts.DATA_TIDAK_VALID).toBe(5);
      expect(summary.bySchool.get('A')?.DATA_TIDAK_VALID).toBe(5);
    });
  });

  describe('properties', () => {
    // `school` is left out of some entries (never set to undefined: the type forbids it).
    const entry: fc.Arbitrary<EligibilityEntry> = fc.record(
      {
        person: fc.constantFrom(WAJIB, DINI, MUDA, REKAM, LUAR, INVALID, MISMATCH, undefined),
        school: fc.constantFrom('A', 'B', 'C'),
      },
      { requiredKeys: ['person'] },
    );

    it('keeps totals, per-school counts and decisions consistent (property)', () => {
      fc.assert(
        fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
          const { decisions, summary } = evaluateBatch(entries, POLICY);
          const sum = (counts: Record<string, number>): number =>
            Object.values(counts).reduce((a, b) => a + b, 0);

          expect(decisions).toHaveLength(entries.length);
          expect(summary.total).toBe(entries.length);
          expect(sum(summary.counts)).toBe(entries.length);
          for (const category of STUDENT_CATEGORIES) {
            expect(summary.counts[category]).toBe(
              decisions.filter((d) => d.category === category).length,
            );
          }
          const withSchool = entries.filter((e) => e.school !== undefined).length;
          expect([...summary.bySchool.values()].reduce((n, c) => n + sum(c), 0)).toBe(withSchool);
          expect(summary.withWarnings).toBe(decisions.filter((d) => d.warnings.length > 0).length);
          entries.forEach((e, i) => {
            expect(decisions[i]?.category === 'TIDAK_DITEMUKAN').toBe(e.person === undefined);
          });
        }),
      );
    });
  });
});
