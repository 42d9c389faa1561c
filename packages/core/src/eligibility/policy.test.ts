import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LeapDayRule } from '../dates/age.js';
import { evaluateEligibility, type EligibilityPerson } from './evaluate.js';
import {
  ADULT_AGE,
  createEligibilityPolicy,
  DEFAULT_MINIMUM_AGE,
  type EligibilityPolicy,
  type EligibilityPolicyOptions,
  type PolicyIssueCode,
} from './policy.js';
import type { StatusFamily } from './statuses.js';

const USUAL: EligibilityPolicyOptions = { referenceDate: '2023-01-16', regions: ['3506'] };

function build(options: Partial<EligibilityPolicyOptions> = {}): EligibilityPolicy {
  const result = createEligibilityPolicy({ ...USUAL, ...options });
  if (!result.ok) throw new Error(`the test policy was refused: ${result.issues[0].code}`);
  return result.value;
}

function refusal(options: Partial<EligibilityPolicyOptions>): PolicyIssueCode | undefined {
  const result = createEligibilityPolicy({ ...USUAL, ...options });
  return result.ok ? undefined : result.issues[0].code;
}

// A 17-year-old on 16 January 2023 (NIK: man born 15 January 2006), living in Kecamatan Semen.
const ADULT: EligibilityPerson = {
  nik: '3506011501060001',
  tanggalLahir: '2006-01-15',
  statusKawin: 'BELUM KAWIN',
  kewarganegaraan: 'WNI',
  statusRekam: 'BELUM REKAM',
  kodeWilayah: '3506012001',
};

describe('createEligibilityPolicy', () => {
  describe('defaults', () => {
    it('builds the usual policy with minimum age 16 and the march-1 leap-day rule', () => {
      const policy = build();
      expect(policy.referenceDate).toEqual({ year: 2023, month: 1, day: 16 });
      expect(policy.minimumAge).toBe(16);
      expect(policy.minimumAge).toBe(DEFAULT_MINIMUM_AGE);
      expect(policy.leapDayRule).toBe('march-1');
      expect(policy.regions.map((r) => r.digits)).toEqual(['3506']);
      expect(policy.regions[0]?.level).toBe('kabupaten');
      expect(policy.regionLabel).toBe('Kabupaten Kediri');
    });

    it('knows the default status spellings', () => {
      const policy = build();
      expect(policy.statuses.get('BELUM_REKAM')).toEqual({
        family: 'not-recorded',
        code: 'UNREGISTERED',
      });
      expect(policy.statuses.get('PRR')).toEqual({
        family: 'recorded',
        code: 'PRINT_READY_RECORD',
      });
      expect(policy.statuses.get('DUPLICATE_RECORD')?.family).toBe('follow-up');
    });

    it('sets the adult age at 17', () => {
      expect(ADULT_AGE).toBe(17);
    });

    it('accepts a reference date given as a plain date', () => {
      const policy = build({ referenceDate: { year: 2024, month: 2, day: 29 } });
      expect(policy.referenceDate).toEqual({ year: 2024, month: 2, day: 29 });
    });

    it('accepts region codes with dots and at every level', () => {
      expect(build({ regions: ['35.06'] }).regions[0]?.digits).toBe('3506');
      expect(build({ regions: ['35'] }).regionLabel).toBe('Jawa Timur');
      expect(build({ regions: ['350617'] }).regionLabel).toBe('Kecamatan Pare');
      expect(build({ regions: ['3506012001'] }).regions[0]?.level).toBe('desa');
    });

    it('accepts every whole minimum age from 10 to 17', () => {
      for (let minimumAge = 10; minimumAge <= 17; minimumAge++) {
        expect(build({ minimumAge }).minimumAge).toBe(minimumAge);
      }
    });

    it('accepts both leap-day rules', () => {
      for (const leapDayRule of ['march-1', 'february-28'] as const) {
        expect(build({ leapDayRule }).leapDayRule).toBe(leapDayRule);
      }
    });
  });

  describe('several regions', () => {
    it('puts Kota Kediri inside when the programme covers both Kediris', () => {
      const single = build();
      const both = build({ regions: ['3506', '3571'] });
      const kota: EligibilityPerson = { ...ADULT, kodeWilayah: '3571010001' };
      expect(evaluateEligibility(kota, single).category).toBe('LUAR_WILAYAH');
      expect(evaluateEligibility(kota, both).category).toBe('WAJIB');
      expect(evaluateEligibility(ADULT, both).category).toBe('WAJIB');
      expect(evaluateEligibility({ ...ADULT, kodeWilayah: '3578' }, both).category).toBe(
        'LUAR_WILAYAH',
      );
    });

    it('names every region in the label', () => {
      expect(build({ regions: ['3506', '3571'] }).regionLabel).toBe(
        'Kabupaten Kediri, Kota Kediri',
      );
    });

    it('can limit a programme to one kecamatan', () => {
      const pare = build({ regions: ['35.06.17'] });
      expect(evaluateEligibility({ ...ADULT, kodeWilayah: '3506172001' }, pare).category).toBe(
        'WAJIB',
      );
      expect(evaluateEligibility(ADULT, pare).category).toBe('LUAR_WILAYAH');
    });
  });

  describe('custom status spellings', () => {
    it("adds a spelling: { 'SUDAH KTP': 'recorded' } makes that status SUDAH_REKAM", () => {
      const policy = build({ statuses: { 'SUDAH KTP': 'recorded' } });
      const d = evaluateEligibility({ ...ADULT, statusRekam: 'SUDAH KTP' }, policy);
      expect(d.category).toBe('SUDAH_REKAM');
      expect(d.status).toBeUndefined();
      expect(evaluateEligibility({ ...ADULT, statusRekam: 'sudah_ktp' }, policy).category).toBe(
        'SUDAH_REKAM',
      );
    });

    it('leaves an added spelling unknown to the default policy', () => {
      const d = evaluateEligibility({ ...ADULT, statusRekam: 'SUDAH KTP' }, build());
      expect(d.category).toBe('DATA_TIDAK_VALID');
      expect(d.detail?.invalidField).toBe('status_rekam');
    });

    it('overrides the meaning of a known spelling and keeps its SIAK code', () => {
      const policy = build({ statuses: { 'duplicate record': 'not-recorded' } });
      const d = evaluateEligibility({ ...ADULT, statusRekam: 'DUPLICATE_RECORD' }, policy);
      expect(d.category).toBe('WAJIB');
      expect(d.status).toBe('DUPLICATE_RECORD');
    });

    it('adds spellings for the follow-up and not-recorded families', () => {
      const policy = build({ statuses: { 'GAGAL REKAM': 'follow-up', BARU: 'not-recorded' } });
      expect(evaluateEligibility({ ...ADULT, statusRekam: 'Gagal Rekam' }, policy).category).toBe(
        'PERLU_TINDAK_LANJUT',
      );
      expect(evaluateEligibility({ ...ADULT, statusRekam: 'baru' }, policy).category).toBe('WAJIB');
    });

    it('keeps the defaults of other policies untouched', () => {
      build({ statuses: { PRR: 'not-recorded' } });
      expect(build().statuses.get('PRR')?.family).toBe('recorded');
    });
  });

  describe('purity', () => {
    it('does not mutate its options', () => {
      const statuses = Object.freeze({ 'SUDAH KTP': 'recorded' as StatusFamily });
      const regions = Object.freeze(['3506', '3571']);
      const options = Object.freeze({ ...USUAL, regions, statuses });
      const result = createEligibilityPolicy(options);
      expect(result.ok).toBe(true);
      expect(options).toEqual({
        ...USUAL,
        regions: ['3506', '3571'],
        statuses: { 'SUDAH KTP': 'recorded' },
      });
    });
  });

  describe('invalid input', () => {
    it.each([
      ['an impossible ISO date', '2023-02-30'],
      ['a day-first date', '16/01/2023'],
      ['an empty text', ''],
      ['a date with a time', '2023-01-16T00:00:00Z'],
      ['text', 'besok'],
    ])('refuses %s as reference date', (_name, referenceDate) => {
      expect(refusal({ referenceDate })).toBe('policy_reference_date');
    });

    it('refuses an impossible plain reference date', () => {
      expect(refusal({ referenceDate: { year: 2023, month: 2, day: 29 } })).toBe(
        'policy_reference_date',
      );
      expect(refusal({ referenceDate: { year: 2023, month: 13, day: 1 } })).toBe(
        'policy_reference_date',
      );
    });

    it('refuses an empty region list', () => {
      expect(refusal({ regions: [] })).toBe('policy_regions');
    });

    it.each(['', 'Kediri', '350', '35.6', '9906', '3500', '35060'])(
      'refuses the region code %j',
      (code) => {
        expect(refusal({ regions: [code] })).toBe('policy_regions');
        expect(refusal({ regions: ['3506', code] })).toBe('policy_regions');
      },
    );

    it('names the bad region code in the message', () => {
      const result = createEligibilityPolicy({ ...USUAL, regions: ['3506', '9906'] });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.issues[0].message.id).toContain('9906');
        expect(result.issues[0].message.en).toContain('9906');
      }
    });

    it.each([9, 18, 0, -16, 16.5, Number.NaN, Number.POSITIVE_INFINITY])(
      'refuses the minimum age %d',
      (minimumAge) => {
        expect(refusal({ minimumAge })).toBe('policy_minimum_age');
      },
    );

    it('refuses an unknown leap-day rule', () => {
      expect(refusal({ leapDayRule: 'february-29' as LeapDayRule })).toBe('policy_leap_day_rule');
      expect(refusal({ leapDayRule: '' as LeapDayRule })).toBe('policy_leap_day_rule');
    });

    it('refuses a status mapped to an unknown family', () => {
      expect(refusal({ statuses: { 'SUDAH KTP': 'done' as StatusFamily } })).toBe('policy_status');
      expect(refusal({ statuses: { 'SUDAH KTP': 'Recorded' as StatusFamily } })).toBe(
        'policy_status',
      );
    });

    it('refuses an empty status spelling', () => {
      expect(refusal({ statuses: { '  ': 'recorded' } })).toBe('policy_status');
    });

    it('checks the settings in order and reports the first problem', () => {
      expect(refusal({ referenceDate: 'x', regions: [], minimumAge: 99 })).toBe(
        'policy_reference_date',
      );
      expect(refusal({ regions: [], minimumAge: 99 })).toBe('policy_regions');
    });

    it.each<Partial<EligibilityPolicyOptions>>([
      { referenceDate: '2023-02-30' },
      { regions: [] },
      { regions: ['abc'] },
      { minimumAge: 18 },
      { leapDayRule: 'x' as LeapDayRule },
      { statuses: { X: 'y' as StatusFamily } },
    ])('explains the refusal of %j in both languages', (options) => {
      const result = createEligibilityPolicy({ ...USUAL, ...options });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.issues).toHaveLength(1);
        expect(result.issues[0].message.id.length).toBeGreaterThan(0);
        expect(result.issues[0].message.en.length).toBeGreaterThan(0);
      }
    });

    it('never throws on a minimum age that is not a whole number (property)', () => {
      fc.assert(
        fc.property(fc.double(), (minimumAge) => {
          const result = createEligibilityPolicy({ ...USUAL, minimumAge });
          const acceptable = Number.isInteger(minimumAge) && minimumAge >= 10 && minimumAge <= 17;
          expect(result.ok).toBe(acceptable);
        }),
      );
    });
  });
});
