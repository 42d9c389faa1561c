import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, nthBirthday, type LeapDayRule } from '../dates/age.js';
import {
  addDays,
  formatIsoDate,
  fromDayNumber,
  MONTHS_ID,
  toDayNumber,
  toExcelSerial,
  type PlainDate,
} from '../dates/plain-date.js';
import {
  ELIGIBILITY_CATEGORIES,
  evaluateEligibility,
  notFoundDecision,
  STUDENT_CATEGORIES,
  type EligibilityCategory,
  type EligibilityDecision,
  type EligibilityPerson,
} from './evaluate.js';
import {
  createEligibilityPolicy,
  type EligibilityPolicy,
  type EligibilityPolicyOptions,
} from './policy.js';
import { explainEligibility } from './explain.js';
import type { InvalidField } from './reasons.js';
import { KTP_STATUSES, type KtpStatus, type MaritalStatus } from './statuses.js';

// The usual programme: Kabupaten Kediri, recording from Monday 16 January 2023.
const REFERENCE = '2023-01-16';

function policyWith(options: Partial<EligibilityPolicyOptions> = {}): EligibilityPolicy {
  const result = createEligibilityPolicy({
    referenceDate: REFERENCE,
    regions: ['3506'],
    ...options,
  });
  if (!result.ok) throw new Error(`the test policy was refused: ${result.issues[0].code}`);
  return result.value;
}

const POLICY = policyWith();

/** The reason for a decision, written with the policy it was made with (the usual one by default). */
const explain = (d: EligibilityDecision | undefined, policy: EligibilityPolicy = POLICY) =>
  explainEligibility(d as EligibilityDecision, policy);

const pad2 = (n: number): string => String(n).padStart(2, '0');

function date(iso: string): PlainDate {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year as number, month: month as number, day: day as number };
}

/** An NIK as SPEC §2 builds it: region(6) + DDMMYY (women: day + 40) + serial(4). */
function nikFor(birth: PlainDate, sex: 'L' | 'P' = 'L', region = '350601', serial = 1): string {
  const day = sex === 'P' ? birth.day + 40 : birth.day;
  return `${region}${pad2(day)}${pad2(birth.month)}${pad2(birth.year % 100)}${String(serial).padStart(4, '0')}`;
}

/** A WNI student living in Kecamatan Semen, never married, not yet recorded, with an NIK that agrees. */
function person(birthIso: string, overrides: Partial<EligibilityPerson> = {}): EligibilityPerson {
  return {
    nik: nikFor(date(birthIso)),
    tanggalLahir: birthIso,
    statusKawin: 'BELUM KAWIN',
    kewarganegaraan: 'WNI',
    statusRekam: 'BELUM REKAM',
    kodeWilayah: '3506012001',
    ...overrides,
  };
}

// Ages on 16 January 2023.
const ADULT = '2006-01-15'; // 17 (turned 17 the day before)
const EARLY = '2006-03-20'; // 16, turns 17 on 20 March 2023
const YOUNG = '2007-06-15'; // 15, turns 16 on 15 June 2023

function evaluate(p: EligibilityPerson, policy: EligibilityPolicy = POLICY): EligibilityDecision {
  return evaluateEligibility(p, policy);
}

describe('evaluateEligibility', () => {
  describe('the categories of SPEC §3', () => {
    it('makes a 17-year-old WNI in the regency WAJIB', () => {
      const d = evaluate(person(ADULT));
      expect(d.category).toBe('WAJIB');
      expect(d.reasonCode).toBe('adult');
      expect(d.dates.age).toBe(17);
      expect(d.detail?.invalidField).toBeUndefined();
      expect(d.warnings).toEqual([]);
    });

    it('makes a 16-year-old REKAM_DINI with the card handed over on the 17th birthday', () => {
      const d = evaluate(person(EARLY));
      expect(d.category).toBe('REKAM_DINI');
      expect(d.reasonCode).toBe('early');
      expect(d.dates.age).toBe(16);
      expect(d.dates.seventeenthBirthday).toEqual(date('2023-03-20'));
      expect(explain(d).id).toContain('20 Maret 2023');
      expect(explain(d).en).toContain('20 March 2023');
    });

    it('makes a 15-year-old BELUM_CUKUP_UMUR and gives the date the minimum age is reached', () => {
      const d = evaluate(person(YOUNG));
      expect(d.category).toBe('BELUM_CUKUP_UMUR');
      expect(d.reasonCode).toBe('too_young');
      expect(d.dates.age).toBe(15);
      expect(d.dates.eligibleFrom).toEqual(date('2023-06-15'));
      expect(explain(d).id).toContain('15 Juni 2023');
      expect(explain(d).en).toContain('15 June 2023');
      expect(explain(d).id).toContain('15 Juni 2024');
    });

    it('makes a foreigner WNA and says the programme does not cover them', () => {
      const d = evaluate(person(ADULT, { kewarganegaraan: 'WNA' }));
      expect(d.category).toBe('WNA');
      expect(d.reasonCode).toBe('foreigner');
      expect(explain(d).id).toContain('WNA');
      expect(explain(d).en).toContain('outside the scope');
    });

    it('makes a recorded person SUDAH_REKAM and warns against a second recording', () => {
      const d = evaluate(person(ADULT, { statusRekam: 'CARD_PRINTED' }));
      expect(d.category).toBe('SUDAH_REKAM');
      expect(d.reasonCode).toBe('recorded');
      expect(d.status).toBe('CARD_PRINTED');
      expect(explain(d).id).toContain('DUPLICATE_RECORD');
    });

    it('tells when the card of a recorded minor is handed over', () => {
      const minor = evaluate(person(EARLY, { statusRekam: 'PRINT_READY_RECORD' }));
      expect(minor.category).toBe('SUDAH_REKAM');
      expect(explain(minor).id).toContain('20 Maret 2023');
      expect(explain(minor).en).toContain('20 March 2023');

      const adult = evaluate(person(ADULT, { statusRekam: 'PRINT_READY_RECORD' }));
      expect(explain(adult).id).not.toContain('ulang tahun ke-17');
    });

    it('makes a person with a failure status PERLU_TINDAK_LANJUT', () => {
      const d = evaluate(person(ADULT, { statusRekam: 'ENROLL_FAILURE_AT_REGIONAL' }));
      expect(d.category).toBe('PERLU_TINDAK_LANJUT');
      expect(d.reasonCode).toBe('follow_up');
      expect(d.status).toBe('ENROLL_FAILURE_AT_REGIONAL');
    });

    it('makes a person living in Kota Kediri LUAR_WILAYAH and refers them to their home Dukcapil', () => {
      const d = evaluate(person(ADULT, { kodeWilayah: '3571010001' }));
      expect(d.category).toBe('LUAR_WILAYAH');
      expect(d.reasonCode).toBe('outside_region');
      expect(explain(d).id).toContain('Kota Kediri');
      expect(explain(d).id).toContain('Kabupaten Kediri');
      expect(explain(d).id).toContain('Dukcapil');
      expect(explain(d).en).toContain('Dukcapil');
    });

    it('reads the domicile from the region field, never from the NIK', () => {
      const bornInKota = person(ADULT, { nik: nikFor(date(ADULT), 'L', '357101') });
      expect(evaluate(bornInKota).category).toBe('WAJIB');

      const bornInKab = person(ADULT, { kodeWilayah: '3571' });
      expect(evaluate(bornInKab).category).toBe('LUAR_WILAYAH');
    });
  });

  describe('precedence: the first rule that applies wins', () => {
    const cases: readonly {
      readonly name: string;
      readonly person: EligibilityPerson;
      readonly category: EligibilityCategory;
      readonly reasonCode: EligibilityDecision['reasonCode'];
    }[] = [
      {
        name: 'an invalid NIK beats WNA',
        person: person(ADULT, { nik: '350601150106000', kewarganegaraan: 'WNA' }),
        category: 'DATA_TIDAK_VALID',
        reasonCode: 'invalid',
      },
      {
        name: 'an impossible birth date beats WNA',
        person: person(ADULT, { tanggalLahir: '2006-02-30', kewarganegaraan: 'WNA' }),
        category: 'DATA_TIDAK_VALID',
        reasonCode: 'invalid',
      },
      {
        name: 'an invalid NIK beats a recorded status',
        person: person(ADULT, { nik: '', statusRekam: 'CARD_PRINTED' }),
        category: 'DATA_TIDAK_VALID',
        reasonCode: 'invalid',
      },
      {
        name: 'WNA beats a recorded status',
        person: person(ADULT, { kewarganegaraan: 'WNA', statusRekam: 'CARD_PRINTED' }),
        category: 'WNA',
        reasonCode: 'foreigner',
      },
      {
        name: 'WNA beats a follow-up status',
        person: person(ADULT, { kewarganegaraan: 'WNA', statusRekam: 'DUPLICATE_RECORD' }),
        category: 'WNA',
        reasonCode: 'foreigner',
      },
      {
        name: 'a WNA with an unreadable status is still WNA',
        person: person(ADULT, { kewarganegaraan: 'WNA', statusRekam: 'SEDANG DIPROSES' }),
        category: 'WNA',
        reasonCode: 'foreigner',
      },
      {
        name: 'a WNA with an empty status, a garbage region and a garbage marital status is still WNA',
        person: person(EARLY, {
          kewarganegaraan: 'WNA',
          statusRekam: '',
          kodeWilayah: 'xyz',
          statusKawin: '??',
        }),
        category: 'WNA',
        reasonCode: 'foreigner',
      },
      {
        name: 'WNA beats living outside the region',
        person: person(ADULT, { kewarganegaraan: 'WNA', kodeWilayah: '3571' }),
        category: 'WNA',
        reasonCode: 'foreigner',
      },
      {
        name: 'an unreadable citizenship beats a recorded status',
        person: person(ADULT, { kewarganegaraan: '', statusRekam: 'CARD_PRINTED' }),
        category: 'DATA_TIDAK_VALID',
        reasonCode: 'invalid',
      },
      {
        name: 'a recorded status beats living outside the region',
        person: person(ADULT, { statusRekam: 'SUDAH REKAM', kodeWilayah: '3571' }),
        category: 'SUDAH_REKAM',
        reasonCode: 'recorded',
      },
      {
        name: 'a recorded status beats a garbage region code',
        person: person(ADULT, { statusRekam: 'CARD_PRINTED', kodeWilayah: 'xyz' }),
        category: 'SUDAH_REKAM',
        reasonCode: 'recorded',
      },
      {
        name: 'a recorded status beats an early age',
        person: person(EARLY, { statusRekam: 'BIO_CAPTURED' }),
        category: 'SUDAH_REKAM',
        reasonCode: 'recorded',
      },
      {
        name: 'a follow-up status beats living outside the region',
        person: person(ADULT, { statusRekam: 'DUPLICATE_RECORD', kodeWilayah: '3571010001' }),
        category: 'PERLU_TINDAK_LANJUT',
        reasonCode: 'follow_up',
      },
      {
        name: 'a follow-up status beats being too young',
        person: person(YOUNG, { statusRekam: 'ADJUDICATE_RECORD' }),
        category: 'PERLU_TINDAK_LANJUT',
        reasonCode: 'follow_up',
      },
      {
        name: 'living outside the region beats being 17',
        person: person(ADULT, { kodeWilayah: '3571' }),
        category: 'LUAR_WILAYAH',
        reasonCode: 'outside_region',
      },
      {
        name: 'living outside the region beats being married',
        person: person(YOUNG, { kodeWilayah: '3571', statusKawin: 'KAWIN' }),
        category: 'LUAR_WILAYAH',
        reasonCode: 'outside_region',
      },
      {
        name: 'living outside the region beats an unreadable marital status',
        person: person(EARLY, { kodeWilayah: '3571', statusKawin: '??' }),
        category: 'LUAR_WILAYAH',
        reasonCode: 'outside_region',
      },
      {
        name: 'a 17-year-old with an unreadable marital status is still WAJIB',
        person: person(ADULT, { statusKawin: 'TIDAK DIKETAHUI' }),
        category: 'WAJIB',
        reasonCode: 'adult',
      },
      {
        name: 'a 17-year-old with an empty marital status is still WAJIB',
        person: person(ADULT, { statusKawin: '' }),
        category: 'WAJIB',
        reasonCode: 'adult',
      },
      {
        name: 'a married 17-year-old is WAJIB because of age',
        person: person(ADULT, { statusKawin: 'KAWIN' }),
        category: 'WAJIB',
        reasonCode: 'adult',
      },
      {
        name: 'being married beats being young enough for early recording only',
        person: person(EARLY, { statusKawin: 'KAWIN' }),
        category: 'WAJIB',
        reasonCode: 'married',
      },
      {
        name: 'a 16-year-old with an unreadable marital status cannot be decided',
        person: person(EARLY, { statusKawin: 'TIDAK DIKETAHUI' }),
        category: 'DATA_TIDAK_VALID',
        reasonCode: 'invalid',
      },
    ];

    it.each(cases)('$name', ({ person: p, category, reasonCode }) => {
      const d = evaluate(p);
      expect(d.category).toBe(category);
      expect(d.reasonCode).toBe(reasonCode);
    });

    it('names the field that stopped a 16-year-old with an unreadable marital status', () => {
      const d = evaluate(person(EARLY, { statusKawin: 'TIDAK DIKETAHUI' }));
      expect(d.detail?.invalidField).toBe('status_kawin');
      expect(explain(d).id).toContain('Status perkawinan');
      expect(d.dates.age).toBe(16);
    });
  });

  describe('the 17th birthday', () => {
    it('is 16 and REKAM_DINI on the day before the 17th birthday', () => {
      const d = evaluate(person('2006-01-17'));
      expect(d.dates.age).toBe(16);
      expect(d.category).toBe('REKAM_DINI');
      expect(d.dates.seventeenthBirthday).toEqual(date('2023-01-17'));
    });

    it('is 17 and WAJIB on the 17th birthday itself', () => {
      const d = evaluate(person('2006-01-16'));
      expect(d.dates.age).toBe(17);
      expect(d.category).toBe('WAJIB');
      expect(d.dates.seventeenthBirthday).toEqual(date('2023-01-16'));
    });

    it('moves with the reference date', () => {
      const before = evaluate(person(EARLY), policyWith({ referenceDate: '2023-03-19' }));
      const on = evaluate(person(EARLY), policyWith({ referenceDate: '2023-03-20' }));
      expect([before.category, before.dates.age]).toEqual(['REKAM_DINI', 16]);
      expect([on.category, on.dates.age]).toEqual(['WAJIB', 17]);
    });

    it('is REKAM_DINI on the 16th birthday and BELUM_CUKUP_UMUR the day before', () => {
      const onBirthday = evaluate(person('2007-01-16'));
      const dayBefore = evaluate(person('2007-01-17'));
      expect([onBirthday.category, onBirthday.dates.age]).toEqual(['REKAM_DINI', 16]);
      expect([dayBefore.category, dayBefore.dates.age]).toEqual(['BELUM_CUKUP_UMUR', 15]);
      expect(dayBefore.dates.eligibleFrom).toEqual(date('2023-01-17'));
    });

    it('counts a person born on the reference date as aged 0', () => {
      const d = evaluate(person('2023-01-16'));
      expect(d.dates.age).toBe(0);
      expect(d.category).toBe('BELUM_CUKUP_UMUR');
    });
  });

  describe('29 February births', () => {
    const LEAP = '2008-02-29';
    const leapPerson = person(LEAP);
    const on = (referenceDate: string, leapDayRule: LeapDayRule): EligibilityDecision =>
      evaluate(leapPerson, policyWith({ referenceDate, leapDayRule }));

    it('builds a valid NIK for the leap day', () => {
      expect(leapPerson.nik).toBe('3506012902080001');
      expect(evaluate(leapPerson).detail?.invalidField).toBeUndefined();
    });

    it("turns 17 on 1 March of a non-leap year by default ('march-1')", () => {
      const feb28 = evaluate(leapPerson, policyWith({ referenceDate: '2025-02-28' }));
      const mar1 = evaluate(leapPerson, policyWith({ referenceDate: '2025-03-01' }));
      expect([feb28.category, feb28.dates.age]).toEqual(['REKAM_DINI', 16]);
      expect([mar1.category, mar1.dates.age]).toEqual(['WAJIB', 17]);
      expect(feb28.dates.seventeenthBirthday).toEqual(date('2025-03-01'));
      expect(explain(feb28).id).toContain('1 Maret 2025');
    });

    it("turns 17 on 28 February of a non-leap year under 'february-28'", () => {
      const feb27 = on('2025-02-27', 'february-28');
      const feb28 = on('2025-02-28', 'february-28');
      expect([feb27.category, feb27.dates.age]).toEqual(['REKAM_DINI', 16]);
      expect([feb28.category, feb28.dates.age]).toEqual(['WAJIB', 17]);
      expect(feb28.dates.seventeenthBirthday).toEqual(date('2025-02-28'));
    });

    it('has its birthday on 29 February in a leap reference year under both rules', () => {
      for (const rule of ['march-1', 'february-28'] as const) {
        const feb28 = on('2024-02-28', rule);
        const feb29 = on('2024-02-29', rule);
        expect([feb28.category, feb28.dates.age]).toEqual(['BELUM_CUKUP_UMUR', 15]);
        expect(feb28.dates.eligibleFrom).toEqual(date('2024-02-29'));
        expect([feb29.category, feb29.dates.age]).toEqual(['REKAM_DINI', 16]);
      }
    });

    it('places the 17th birthday and the minimum-age date by the rule', () => {
      const march = on('2024-02-29', 'march-1');
      const february = on('2024-02-29', 'february-28');
      expect(march.dates.seventeenthBirthday).toEqual(date('2025-03-01'));
      expect(february.dates.seventeenthBirthday).toEqual(date('2025-02-28'));

      const min15March = evaluate(
        leapPerson,
        policyWith({ referenceDate: '2023-01-16', minimumAge: 15 }),
      );
      const min15February = evaluate(
        leapPerson,
        policyWith({ referenceDate: '2023-01-16', minimumAge: 15, leapDayRule: 'february-28' }),
      );
      expect(min15March.dates.eligibleFrom).toEqual(date('2023-03-01'));
      expect(min15February.dates.eligibleFrom).toEqual(date('2023-02-28'));
    });

    it('does not move the birthday of a person born on 28 February or 1 March', () => {
      for (const rule of ['march-1', 'february-28'] as const) {
        const policy = policyWith({ referenceDate: '2025-02-28', leapDayRule: rule });
        expect(evaluate(person('2008-02-28'), policy).dates.age).toBe(17);
        expect(evaluate(person('2008-03-01'), policy).dates.age).toBe(16);
      }
    });
  });

  describe('married minors', () => {
    const married: readonly [string, MaritalStatus][] = [
      ['KAWIN', 'KAWIN'],
      ['CERAI HIDUP', 'CERAI_HIDUP'],
      ['CERAI MATI', 'CERAI_MATI'],
      ['KAWIN TERCATAT', 'KAWIN'],
      ['KAWIN BELUM TERCATAT', 'KAWIN'],
      ['kawin tercatat', 'KAWIN'],
      ['Cerai_Mati', 'CERAI_MATI'],
      ['2', 'KAWIN'],
      ['3', 'CERAI_HIDUP'],
      ['4', 'CERAI_MATI'],
    ];

    it.each(married)('makes a 15-year-old with status %j WAJIB because married', (text, status) => {
      const d = evaluate(person(YOUNG, { statusKawin: text }));
      expect(d.category).toBe('WAJIB');
      expect(d.reasonCode).toBe('married');
      expect(d.maritalStatus).toBe(status);
      expect(d.dates.age).toBe(15);
      expect(explain(d).id).toContain('15 tahun');
      expect(explain(d).id).toContain('UU 24/2013');
    });

    it('makes a married person WAJIB however young', () => {
      const d = evaluate(person('2010-05-01', { statusKawin: 'KAWIN' }));
      expect(d.dates.age).toBe(12);
      expect(d.category).toBe('WAJIB');
    });

    it.each(['BELUM KAWIN', 'belum kawin', '1'])('does not treat %j as married', (text) => {
      const d = evaluate(person(YOUNG, { statusKawin: text }));
      expect(d.category).toBe('BELUM_CUKUP_UMUR');
      expect(d.maritalStatus).toBe('BELUM_KAWIN');
    });
  });

  describe('recording statuses', () => {
    const notRecorded: readonly [string, KtpStatus][] = [
      ['UNREGISTERED', 'UNREGISTERED'],
      ['BELUM REKAM', 'UNREGISTERED'],
      ['belum rekam', 'UNREGISTERED'],
      ['Belum_Rekam', 'UNREGISTERED'],
      ['unregistered', 'UNREGISTERED'],
    ];
    const recorded: readonly [string, KtpStatus | undefined][] = [
      ['BIO_CAPTURED', 'BIO_CAPTURED'],
      ['SENT_FOR_ENROLLMENT', 'SENT_FOR_ENROLLMENT'],
      ['RECEIVED_AT_CENTRAL', 'RECEIVED_AT_CENTRAL'],
      ['PRINT_READY_RECORD', 'PRINT_READY_RECORD'],
      ['CARD_PRINTED', 'CARD_PRINTED'],
      ['PRR', 'PRINT_READY_RECORD'],
      ['print ready record', 'PRINT_READY_RECORD'],
      ['Print_Ready_Record', 'PRINT_READY_RECORD'],
      ['PRINT-READY-RECORD', 'PRINT_READY_RECORD'],
      ['  card   printed ', 'CARD_PRINTED'],
      ['SUDAH REKAM', undefined],
      ['sudah rekam', undefined],
    ];
    const followUp: readonly [string, KtpStatus][] = [
      ['DUPLICATE_RECORD', 'DUPLICATE_RECORD'],
      ['ADJUDICATE_RECORD', 'ADJUDICATE_RECORD'],
      ['ENROLL_FAILURE_AT_CENTRAL', 'ENROLL_FAILURE_AT_CENTRAL'],
      ['SEARCH_FAILURE_AT_CENTRAL', 'SEARCH_FAILURE_AT_CENTRAL'],
      ['ENROLL_FAILURE_AT_REGIONAL', 'ENROLL_FAILURE_AT_REGIONAL'],
      ['Duplicate-Record', 'DUPLICATE_RECORD'],
      ['duplicate record', 'DUPLICATE_RECORD'],
      ['enroll_failure_at_central', 'ENROLL_FAILURE_AT_CENTRAL'],
    ];

    it.each(notRecorded)('reads %j as not recorded and decides by age', (text, code) => {
      const d = evaluate(person(EARLY, { statusRekam: text }));
      expect(d.category).toBe('REKAM_DINI');
      expect(d.status).toBe(code);
    });

    it.each(recorded)('reads %j as recorded', (text, code) => {
      const d = evaluate(person(EARLY, { statusRekam: text }));
      expect(d.category).toBe('SUDAH_REKAM');
      expect(d.reasonCode).toBe('recorded');
      expect(d.status).toBe(code);
    });

    it.each(followUp)('reads %j as needing follow-up', (text, code) => {
      const d = evaluate(person(EARLY, { statusRekam: text }));
      expect(d.category).toBe('PERLU_TINDAK_LANJUT');
      expect(d.reasonCode).toBe('follow_up');
      expect(d.status).toBe(code);
    });

    it('covers every SIAK status code of SPEC §3', () => {
      const categories = Object.fromEntries(
        KTP_STATUSES.map((code) => [code, evaluate(person(EARLY, { statusRekam: code })).category]),
      );
      expect(categories).toEqual({
        UNREGISTERED: 'REKAM_DINI',
        BIO_CAPTURED: 'SUDAH_REKAM',
        SENT_FOR_ENROLLMENT: 'SUDAH_REKAM',
        RECEIVED_AT_CENTRAL: 'SUDAH_REKAM',
        PRINT_READY_RECORD: 'SUDAH_REKAM',
        CARD_PRINTED: 'SUDAH_REKAM',
        DUPLICATE_RECORD: 'PERLU_TINDAK_LANJUT',
        ADJUDICATE_RECORD: 'PERLU_TINDAK_LANJUT',
        ENROLL_FAILURE_AT_CENTRAL: 'PERLU_TINDAK_LANJUT',
        SEARCH_FAILURE_AT_CENTRAL: 'PERLU_TINDAK_LANJUT',
        ENROLL_FAILURE_AT_REGIONAL: 'PERLU_TINDAK_LANJUT',
      });
    });

    it('gives each follow-up status a reason that names it and says what to do', () => {
      const reasons = new Set<string>();
      for (const [, code] of followUp.slice(0, 5)) {
        const d = evaluate(person(ADULT, { statusRekam: code }));
        expect(explain(d).id).toContain(code);
        expect(explain(d).en).toContain(code);
        expect(explain(d).id).toMatch(/Dukcapil|rekam ulang|perekaman ulang/);
        reasons.add(explain(d).id);
      }
      expect(reasons.size).toBe(5);
    });

    it('tells not to record a duplicate again', () => {
      const d = evaluate(person(ADULT, { statusRekam: 'DUPLICATE_RECORD' }));
      expect(explain(d).id).toContain('Jangan direkam ulang');
      expect(explain(d).en).toContain('Do not record again');
    });

    it('names the status code of a recorded person in the reason', () => {
      const d = evaluate(person(ADULT, { statusRekam: 'PRR' }));
      expect(explain(d).id).toContain('PRINT_READY_RECORD');
    });
  });

  describe('domicile region', () => {
    it.each(['3571', '35.71', '357101', '3571010001', '35.71.01.0001', '3201', '32'])(
      'puts domicile %j outside Kabupaten Kediri',
      (code) => {
        const d = evaluate(person(ADULT, { kodeWilayah: code }));
        expect(d.category).toBe('LUAR_WILAYAH');
        expect(d.detail?.invalidField).toBeUndefined();
      },
    );

    it.each(['3506', '35.06', '350601', '35.06.01', '3506012001', '35.06.01.2001', "'3506012001"])(
      'puts domicile %j inside Kabupaten Kediri',
      (code) => {
        const d = evaluate(person(ADULT, { kodeWilayah: code }));
        expect(d.category).toBe('WAJIB');
      },
    );

    it('names the domicile region in the reason', () => {
      expect(explain(evaluate(person(ADULT, { kodeWilayah: '3571' }))).id).toContain('Kota Kediri');
      expect(explain(evaluate(person(ADULT, { kodeWilayah: '3201' }))).id).toContain('Jawa Barat');
    });

    it('cannot decide a province-only code of the programme province', () => {
      const d = evaluate(person(ADULT, { kodeWilayah: '35' }));
      expect(d.category).toBe('DATA_TIDAK_VALID');
      expect(d.detail?.invalidField).toBe('kode_wilayah');
      expect(explain(d).id).toContain('4 digit');
      expect(d.dates.age).toBe(17);
    });

    it('accepts a province-only code when the programme covers the whole province', () => {
      const d = evaluate(person(ADULT, { kodeWilayah: '35' }), policyWith({ regions: ['35'] }));
      expect(d.category).toBe('WAJIB');
    });

    it('gives the same answer when a policy is reused (cached lookups)', () => {
      const policy = policyWith();
      const first = evaluate(person(ADULT, { kodeWilayah: '3571', statusRekam: 'prr' }), policy);
      const second = evaluate(person(ADULT, { kodeWilayah: '3571', statusRekam: 'prr' }), policy);
      expect(second).toEqual(first);
      const third = evaluate(person(ADULT, { kodeWilayah: '35', statusRekam: 'bogus' }), policy);
      const fourth = evaluate(person(ADULT, { kodeWilayah: '35', statusRekam: 'bogus' }), policy);
      expect(fourth).toEqual(third);
    });
  });

  describe('the NIK and the registry birth date', () => {
    it("warns when the NIK's birth date disagrees with the registry, but decides by the registry", () => {
      // The NIK says 15 January 2006 (17, WAJIB); the registry says 20 March 2006 (16).
      const p = person(EARLY, { nik: nikFor(date(ADULT)) });
      const d = evaluate(p);
      expect(d.category).toBe(evaluate(person(EARLY)).category);
      expect(d.category).toBe('REKAM_DINI');
      expect(d.dates.age).toBe(16);
      expect(d.dates.birthDate).toEqual(date(EARLY));
      expect(d.warnings).toHaveLength(1);
      expect(d.warnings[0]?.code).toBe('nik_birth_date_mismatch');
      expect(d.warnings[0]?.message.id).not.toContain(p.nik);
      expect(d.warnings[0]?.message.en.length).toBeGreaterThan(0);
    });

    it('keeps the warning when a later field makes the row invalid', () => {
      const d = evaluate(person(EARLY, { nik: nikFor(date(ADULT)), kewarganegaraan: '' }));
      expect(d.category).toBe('DATA_TIDAK_VALID');
      expect(d.warnings.map((w) => w.code)).toEqual(['nik_birth_date_mismatch']);
    });

    it("reads a woman's NIK (day + 40) without a warning", () => {
      const nik = nikFor(date(YOUNG), 'P', '350601', 2);
      expect(nik).toBe('3506015506070002');
      const d = evaluate(person(YOUNG, { nik }));
      expect(d.warnings).toEqual([]);
      expect(d.category).toBe('BELUM_CUKUP_UMUR');
    });

    it('gives no warning when the NIK agrees', () => {
      expect(evaluate(person(ADULT)).warnings).toEqual([]);
      expect(person(ADULT).nik).toBe('3506011501060001');
    });

    it('reads an NIK typed with spaces or a leading apostrophe', () => {
      expect(evaluate(person(ADULT, { nik: '3506 0115 0106 0001' })).category).toBe('WAJIB');
      expect(evaluate(person(ADULT, { nik: "'3506011501060001" })).category).toBe('WAJIB');
    });
  });

  describe('the dates that follow', () => {
    it.each([
      [15, '2021-03-20', 'REKAM_DINI'],
      [16, '2022-03-20', 'REKAM_DINI'],
      [17, '2023-03-20', 'BELUM_CUKUP_UMUR'],
    ] as const)(
      'with minimum age %i a 16-year-old is eligible from %s (%s)',
      (minimumAge, eligibleFrom, category) => {
        const d = evaluate(person(EARLY), policyWith({ minimumAge }));
        expect(d.dates.eligibleFrom).toEqual(date(eligibleFrom));
        expect(d.dates.seventeenthBirthday).toEqual(date('2023-03-20'));
        expect(d.dates.birthDate).toEqual(date(EARLY));
        expect(d.dates.age).toBe(16);
        expect(d.category).toBe(category);
      },
    );

    it('makes a 15-year-old REKAM_DINI when the minimum age is 15', () => {
      const policy = policyWith({ minimumAge: 15 });
      const d = evaluate(person(YOUNG), policy);
      expect(d.category).toBe('REKAM_DINI');
      expect(d.dates.eligibleFrom).toEqual(date('2022-06-15'));
      expect(explain(d, policy).id).toContain('minimal 15 tahun');
    });

    it('gives the dates of a WAJIB person too', () => {
      const d = evaluate(person(ADULT));
      expect(d.dates.birthDate).toEqual(date(ADULT));
      expect(d.dates.seventeenthBirthday).toEqual(date('2023-01-15'));
      expect(d.dates.eligibleFrom).toEqual(date('2022-01-15'));
      expect(explain(d).id).toContain('15 Januari 2023');
    });

    it('gives no dates when the birth date could not be read', () => {
      const d = evaluate(person(ADULT, { tanggalLahir: 'kemarin' }));
      expect([
        d.dates.age,
        d.dates.birthDate,
        d.dates.seventeenthBirthday,
        d.dates.eligibleFrom,
      ]).toEqual([undefined, undefined, undefined, undefined]);
    });

    it('gives the dates when a field after the birth date is invalid', () => {
      const d = evaluate(person(EARLY, { statusRekam: 'SEDANG DIPROSES' }));
      expect(d.category).toBe('DATA_TIDAK_VALID');
      expect(d.dates.age).toBe(16);
      expect(d.dates.seventeenthBirthday).toEqual(date('2023-03-20'));
    });
  });

  describe('birth dates in other accepted forms', () => {
    const forms = (
      iso: string,
    ): readonly (readonly [string, EligibilityPerson['tanggalLahir']])[] => {
      const d = date(iso);
      const serial = toExcelSerial(d);
      return [
        ['day-first with slashes', `${pad2(d.day)}/${pad2(d.month)}/${d.year}`],
        ['day-first with hyphens', `${pad2(d.day)}-${pad2(d.month)}-${d.year}`],
        ['two-digit year', `${pad2(d.day)}/${pad2(d.month)}/${pad2(d.year % 100)}`],
        ['Indonesian month name', `${d.day} ${MONTHS_ID[d.month - 1]} ${d.year}`],
        ['Excel serial number', serial],
        ['Excel serial as text', String(serial)],
        ['Date object', new Date(Date.UTC(d.year, d.month - 1, d.day))],
        ['plain date', d],
      ];
    };

    it.each([ADULT, EARLY])('decides a person born %s the same way in every form', (iso) => {
      const expected = evaluate(person(iso));
      for (const [form, value] of forms(iso)) {
        expect({ form, decision: evaluate(person(iso, { tanggalLahir: value })) }).toEqual({
          form,
          decision: expected,
        });
      }
    });

    it("reads '15/01/2006' and '15 Januari 2006' as 15 January 2006", () => {
      for (const text of ['15/01/2006', '15 Januari 2006', 'Minggu, 15 Januari 2006']) {
        const d = evaluate(person(ADULT, { tanggalLahir: text }));
        expect(d.dates.birthDate).toEqual(date(ADULT));
        expect(d.category).toBe('WAJIB');
        expect(d.warnings).toEqual([]);
      }
    });
  });

  describe('reasons', () => {
    const people: readonly EligibilityPerson[] = [
      person(ADULT),
      person(EARLY),
      person(YOUNG),
      person(YOUNG, { statusKawin: 'KAWIN' }),
      person(ADULT, { kewarganegaraan: 'WNA' }),
      person(EARLY, { statusRekam: 'CARD_PRINTED' }),
      person(ADULT, { statusRekam: 'SUDAH REKAM' }),
      ...KTP_STATUSES.map((s) => person(EARLY, { statusRekam: s })),
      person(ADULT, { kodeWilayah: '3571010001' }),
      person(ADULT, { kodeWilayah: '35' }),
      person(ADULT, { kodeWilayah: 'xyz' }),
      person(ADULT, { nik: '350601150106000' }),
      person(ADULT, { nik: '35060115010600AB' }),
      person(ADULT, { nik: '3506011501060000' }),
      person(ADULT, { tanggalLahir: '2006-02-30' }),
      person(EARLY, { nik: nikFor(date(ADULT)) }),
      person(EARLY, { statusKawin: '' }),
      person(EARLY, { statusRekam: '' }),
      person(EARLY, { kewarganegaraan: 'X' }),
    ];

    it('are non-empty in Indonesian and English and never contain the NIK', () => {
      for (const p of people) {
        const d = evaluate(p);
        expect(explain(d).id.trim().length).toBeGreaterThan(0);
        expect(explain(d).en.trim().length).toBeGreaterThan(0);
        expect(explain(d).id).not.toContain(p.nik);
        expect(explain(d).en).not.toContain(p.nik);
        for (const w of d.warnings) {
          expect(`${w.message.id} ${w.message.en}`).not.toContain(p.nik);
        }
      }
    });

    it('differ between the two languages', () => {
      for (const p of people) {
        const d = evaluate(p);
        expect(explain(d).id).not.toBe(explain(d).en);
      }
    });
  });

  describe('purity', () => {
    it('does not mutate the person or the policy', () => {
      const p = Object.freeze(person(EARLY, { nik: nikFor(date(ADULT)), statusRekam: 'prr' }));
      const copy = { ...p };
      const policy = Object.freeze(policyWith());
      const first = evaluateEligibility(p, policy);
      expect(p).toEqual(copy);
      expect(evaluateEligibility(p, policy)).toEqual(first);
    });

    it('does not mutate a frozen plain-date birth date', () => {
      const birth = Object.freeze(date(EARLY));
      const p = Object.freeze(person(EARLY, { tanggalLahir: birth }));
      const d = evaluateEligibility(p, POLICY);
      expect(birth).toEqual(date(EARLY));
      expect(d.category).toBe('REKAM_DINI');
    });

    it('does not mutate a Date birth date', () => {
      const birth = new Date(Date.UTC(2006, 2, 20));
      const time = birth.getTime();
      evaluateEligibility(person(EARLY, { tanggalLahir: birth }), POLICY);
      expect(birth.getTime()).toBe(time);
    });
  });

  describe('invalid input', () => {
    const invalid: readonly {
      readonly name: string;
      readonly person: EligibilityPerson;
      readonly field: InvalidField;
    }[] = [
      { name: 'an empty NIK', person: person(ADULT, { nik: '' }), field: 'nik' },
      { name: 'a 15-digit NIK', person: person(ADULT, { nik: '350601150106000' }), field: 'nik' },
      { name: 'a 17-digit NIK', person: person(ADULT, { nik: '35060115010600011' }), field: 'nik' },
      {
        name: 'an NIK with letters',
        person: person(ADULT, { nik: '35060115010600AB' }),
        field: 'nik',
      },
      {
        name: 'an NIK in scientific notation',
        person: person(ADULT, { nik: '3,50601E+15' }),
        field: 'nik',
      },
      {
        name: 'an NIK with serial 0000',
        person: person(ADULT, { nik: '3506011501060000' }),
        field: 'nik',
      },
      {
        name: 'an NIK with an unknown province',
        person: person(ADULT, { nik: '9906011501060001' }),
        field: 'nik',
      },
      {
        name: 'an NIK with regency 00',
        person: person(ADULT, { nik: '3500011501060001' }),
        field: 'nik',
      },
      {
        name: 'an NIK with birth month 13',
        person: person(ADULT, { nik: '3506011513060001' }),
        field: 'nik',
      },
      {
        name: 'an NIK with birth day 32',
        person: person(ADULT, { nik: '3506013201060001' }),
        field: 'nik',
      },
      {
        name: 'an NIK with a 30 February birth date',
        person: person(ADULT, { nik: '3506017002060001' }),
        field: 'nik',
      },
      {
        name: 'an empty birth date',
        person: person(ADULT, { tanggalLahir: '' }),
        field: 'tanggal_lahir',
      },
      {
        name: 'an impossible birth date (2006-02-30)',
        person: person(ADULT, { tanggalLahir: '2006-02-30' }),
        field: 'tanggal_lahir',
      },
      {
        name: 'an impossible day-first birth date (31/02/2006)',
        person: person(ADULT, { tanggalLahir: '31/02/2006' }),
        field: 'tanggal_lahir',
      },
      {
        name: 'an impossible plain-date birth date',
        person: person(ADULT, { tanggalLahir: { year: 2006, month: 2, day: 30 } }),
        field: 'tanggal_lahir',
      },
      {
        name: 'an unreadable birth date',
        person: person(ADULT, { tanggalLahir: 'kemarin' }),
        field: 'tanggal_lahir',
      },
      {
        name: 'an invalid Date object',
        person: person(ADULT, { tanggalLahir: new Date(Number.NaN) }),
        field: 'tanggal_lahir',
      },
      {
        name: 'an Excel serial of 0',
        person: person(ADULT, { tanggalLahir: 0 }),
        field: 'tanggal_lahir',
      },
      {
        name: 'a birth date after the reference date',
        person: person('2023-01-17'),
        field: 'tanggal_lahir',
      },
      {
        name: 'a birth date before 1900',
        person: person(ADULT, { tanggalLahir: '1899-12-31' }),
        field: 'tanggal_lahir',
      },
      {
        name: 'an empty citizenship',
        person: person(ADULT, { kewarganegaraan: '' }),
        field: 'kewarganegaraan',
      },
      {
        name: 'an unknown citizenship',
        person: person(ADULT, { kewarganegaraan: 'MARS' }),
        field: 'kewarganegaraan',
      },
      {
        name: 'an unknown recording status',
        person: person(ADULT, { statusRekam: 'SEDANG DIPROSES' }),
        field: 'status_rekam',
      },
      {
        name: 'an empty recording status',
        person: person(ADULT, { statusRekam: '   ' }),
        field: 'status_rekam',
      },
      {
        name: 'an empty region code',
        person: person(ADULT, { kodeWilayah: '' }),
        field: 'kode_wilayah',
      },
      {
        name: 'a garbage region code',
        person: person(ADULT, { kodeWilayah: 'Kediri' }),
        field: 'kode_wilayah',
      },
      {
        name: 'a 3-digit region code',
        person: person(ADULT, { kodeWilayah: '350' }),
        field: 'kode_wilayah',
      },
      {
        name: 'a region code with an unknown province',
        person: person(ADULT, { kodeWilayah: '9906' }),
        field: 'kode_wilayah',
      },
      {
        name: 'a region code with a 00 part',
        person: person(ADULT, { kodeWilayah: '3500' }),
        field: 'kode_wilayah',
      },
      {
        name: 'a province-only region code',
        person: person(ADULT, { kodeWilayah: '35' }),
        field: 'kode_wilayah',
      },
      {
        name: 'an unknown marital status of a minor',
        person: person(YOUNG, { statusKawin: 'ENTAHLAH' }),
        field: 'status_kawin',
      },
      {
        name: 'an empty marital status of a minor',
        person: person(YOUNG, { statusKawin: '' }),
        field: 'status_kawin',
      },
    ];

    it.each(invalid)('makes $name DATA_TIDAK_VALID on field $field', ({ person: p, field }) => {
      const d = evaluate(p);
      expect(d.category).toBe('DATA_TIDAK_VALID');
      expect(d.reasonCode).toBe('invalid');
      expect(d.detail?.invalidField).toBe(field);
      expect(explain(d).id).toMatch(/^Data tidak valid — /);
      expect(explain(d).en).toMatch(/^Invalid data — /);
      expect(d.status).toBeUndefined();
    });

    it('says an NIK in scientific notation must be re-typed as text', () => {
      const d = evaluate(person(ADULT, { nik: '3,50601E+15' }));
      expect(explain(d).id).toContain('teks');
      expect(explain(d).en).toContain('scientific');
    });

    it('says what an NIK of the wrong length should be', () => {
      const d = evaluate(person(ADULT, { nik: '350601150106000' }));
      expect(explain(d).id).toContain('16 digit');
    });

    it('says an empty field is empty', () => {
      expect(explain(evaluate(person(ADULT, { kewarganegaraan: '' }))).id).toContain('kosong');
      expect(explain(evaluate(person(ADULT, { statusRekam: '' }))).en).toContain('empty');
    });

    it('lists known values for an unknown value', () => {
      const d = evaluate(person(ADULT, { statusRekam: 'SEDANG DIPROSES' }));
      expect(explain(d).id).toContain('BELUM REKAM');
      expect(explain(d).en).toContain('not recognised');
    });

    it('never throws on missing fields', () => {
      const empty = {} as unknown as EligibilityPerson;
      expect(evaluate(empty).detail?.invalidField).toBe('nik');

      const onlyIdentity = {
        nik: '3506011501060001',
        tanggalLahir: ADULT,
      } as unknown as EligibilityPerson;
      const d = evaluate(onlyIdentity);
      expect(d.category).toBe('DATA_TIDAK_VALID');
      expect(d.detail?.invalidField).toBe('kewarganegaraan');
    });

    it('never throws on values of the wrong type', () => {
      const odd = {
        nik: 3506011501060001,
        tanggalLahir: null,
        statusKawin: 2,
        kewarganegaraan: null,
        statusRekam: undefined,
        kodeWilayah: 3506,
      } as unknown as EligibilityPerson;
      expect(() => evaluate(odd)).not.toThrow();
      expect(evaluate(odd).category).toBe('DATA_TIDAK_VALID');
    });
  });

  describe('properties', () => {
    const REF_MIN = toDayNumber(date('2015-01-01'));
    const REF_MAX = toDayNumber(date('2030-12-31'));

    const maritalValues = [
      ['BELUM KAWIN', false],
      ['1', false],
      ['belum kawin', false],
      ['KAWIN', true],
      ['CERAI HIDUP', true],
      ['CERAI MATI', true],
      ['KAWIN TERCATAT', true],
      ['KAWIN BELUM TERCATAT', true],
      ['2', true],
      ['3', true],
      ['4', true],
    ] as const;
    const statusValues = [
      ['BELUM REKAM', 'not-recorded'],
      ['UNREGISTERED', 'not-recorded'],
      ['SUDAH REKAM', 'recorded'],
      ['PRR', 'recorded'],
      ['print ready record', 'recorded'],
      ['BIO_CAPTURED', 'recorded'],
      ['SENT_FOR_ENROLLMENT', 'recorded'],
      ['RECEIVED_AT_CENTRAL', 'recorded'],
      ['CARD_PRINTED', 'recorded'],
      ['DUPLICATE_RECORD', 'follow-up'],
      ['Duplicate-Record', 'follow-up'],
      ['ADJUDICATE_RECORD', 'follow-up'],
      ['ENROLL_FAILURE_AT_CENTRAL', 'follow-up'],
      ['SEARCH_FAILURE_AT_CENTRAL', 'follow-up'],
      ['ENROLL_FAILURE_AT_REGIONAL', 'follow-up'],
    ] as const;
    const regionValues = [
      ['3506', true],
      ['350601', true],
      ['3506012001', true],
      ['35.06.26.2001', true],
      ['3571', false],
      ['3571010001', false],
      ['3201', false],
    ] as const;
    const citizenshipValues = [
      ['WNI', 'WNI'],
      ['wni', 'WNI'],
      ['Warga Negara Indonesia', 'WNI'],
      ['WNA', 'WNA'],
      ['asing', 'WNA'],
    ] as const;

    const validPerson = fc
      .record({
        referenceDay: fc.integer({ min: REF_MIN, max: REF_MAX }),
        ageInDays: fc.integer({ min: 0, max: 30 * 366 }),
        sex: fc.constantFrom('L' as const, 'P' as const),
        kecamatan: fc.integer({ min: 1, max: 26 }),
        serial: fc.integer({ min: 1, max: 9999 }),
        marital: fc.constantFrom(...maritalValues),
        status: fc.constantFrom(...statusValues),
        region: fc.constantFrom(...regionValues),
        citizenship: fc.constantFrom(...citizenshipValues),
        minimumAge: fc.integer({ min: 10, max: 17 }),
        leapDayRule: fc.constantFrom('march-1' as const, 'february-28' as const),
        form: fc.constantFrom('iso', 'plain', 'date', 'serial', 'day-first'),
      })
      .map((r) => {
        const reference = fromDayNumber(r.referenceDay);
        const birth = addDays(reference, -r.ageInDays);
        const tanggalLahir: EligibilityPerson['tanggalLahir'] =
          r.form === 'iso'
            ? formatIsoDate(birth)
            : r.form === 'plain'
              ? birth
              : r.form === 'date'
                ? new Date(Date.UTC(birth.year, birth.month - 1, birth.day))
                : r.form === 'serial'
                  ? toExcelSerial(birth)
                  : `${pad2(birth.day)}/${pad2(birth.month)}/${birth.year}`;
        const p: EligibilityPerson = {
          nik: nikFor(birth, r.sex, `3506${pad2(r.kecamatan)}`, r.serial),
          tanggalLahir,
          statusKawin: r.marital[0],
          kewarganegaraan: r.citizenship[0],
          statusRekam: r.status[0],
          kodeWilayah: r.region[0],
        };
        return { ...r, reference, birth, person: p };
      });

    it('decides every valid person by the rules of SPEC §3 (property)', () => {
      fc.assert(
        fc.property(validPerson, (c) => {
          const policy = policyWith({
            referenceDate: formatIsoDate(c.reference),
            minimumAge: c.minimumAge,
            leapDayRule: c.leapDayRule,
          });
          const d = evaluateEligibility(c.person, policy);
          const age = ageOn(c.birth, c.reference, c.leapDayRule);
          const married = c.marital[1];

          expect(STUDENT_CATEGORIES).toContain(d.category);
          expect(ELIGIBILITY_CATEGORIES).toContain(d.category);
          expect(d.category).not.toBe('DATA_TIDAK_VALID');
          expect(d.warnings).toEqual([]);
          expect(d.dates.age).toBe(age);
          expect(d.dates.birthDate).toEqual(c.birth);
          expect(d.dates.seventeenthBirthday).toEqual(nthBirthday(c.birth, 17, c.leapDayRule));
          expect(d.dates.eligibleFrom).toEqual(nthBirthday(c.birth, c.minimumAge, c.leapDayRule));

          const expected: EligibilityCategory =
            c.citizenship[1] === 'WNA'
              ? 'WNA'
              : c.status[1] === 'recorded'
                ? 'SUDAH_REKAM'
                : c.status[1] === 'follow-up'
                  ? 'PERLU_TINDAK_LANJUT'
                  : !c.region[1]
                    ? 'LUAR_WILAYAH'
                    : age >= 17 || married
                      ? 'WAJIB'
                      : age >= c.minimumAge
                        ? 'REKAM_DINI'
                        : 'BELUM_CUKUP_UMUR';
          expect(d.category).toBe(expected);

          if (d.category === 'BELUM_CUKUP_UMUR') {
            expect(age).toBeLessThan(c.minimumAge);
            expect(married).toBe(false);
          }
          if (d.category === 'REKAM_DINI') {
            expect(age).toBeGreaterThanOrEqual(c.minimumAge);
            expect(age).toBeLessThan(17);
          }
          if (d.category === 'WAJIB') {
            expect(age >= 17 || married).toBe(true);
            expect(d.reasonCode).toBe(age >= 17 ? 'adult' : 'married');
          }
          expect(explain(d).id.length).toBeGreaterThan(0);
          expect(explain(d).en.length).toBeGreaterThan(0);
          expect(explain(d).id).not.toContain(c.person.nik);
          expect(explain(d).en).not.toContain(c.person.nik);
        }),
      );
    });

    it('is 17 from the 17th birthday and 16 the day before it (property)', () => {
      fc.assert(
        fc.property(
          fc.integer({
            min: toDayNumber(date('1995-01-01')),
            max: toDayNumber(date('2013-12-31')),
          }),
          fc.constantFrom('march-1' as const, 'february-28' as const),
          (birthDay, leapDayRule) => {
            const birth = fromDayNumber(birthDay);
            const seventeenth = nthBirthday(birth, 17, leapDayRule);
            const p = person(formatIsoDate(birth));
            const on = evaluateEligibility(
              p,
              policyWith({ referenceDate: formatIsoDate(seventeenth), leapDayRule }),
            );
            const before = evaluateEligibility(
              p,
              policyWith({ referenceDate: formatIsoDate(addDays(seventeenth, -1)), leapDayRule }),
            );
            expect([on.category, on.dates.age]).toEqual(['WAJIB', 17]);
            expect([before.category, before.dates.age]).toEqual(['REKAM_DINI', 16]);
          },
        ),
      );
    });
  });
});

describe('notFoundDecision', () => {
  it('is TIDAK_DITEMUKAN and tells to update the family card first', () => {
    const d = notFoundDecision();
    expect(d.category).toBe('TIDAK_DITEMUKAN');
    expect(d.reasonCode).toBe('not_found');
    expect(explain(d).id).toContain('Kartu Keluarga');
    expect(explain(d).id).toContain('KK');
    expect(explain(d).en).toContain('family card');
    expect([
      d.dates.age,
      d.dates.birthDate,
      d.dates.seventeenthBirthday,
      d.dates.eligibleFrom,
    ]).toEqual([undefined, undefined, undefined, undefined]);
    expect(d.warnings).toEqual([]);
  });
});

describe('the category lists', () => {
  it('keep the order of SPEC §3 and add TIDAK_DITEMUKAN last', () => {
    expect(ELIGIBILITY_CATEGORIES).toEqual([
      'DATA_TIDAK_VALID',
      'WNA',
      'SUDAH_REKAM',
      'PERLU_TINDAK_LANJUT',
      'LUAR_WILAYAH',
      'WAJIB',
      'REKAM_DINI',
      'BELUM_CUKUP_UMUR',
    ]);
    expect(STUDENT_CATEGORIES).toEqual([...ELIGIBILITY_CATEGORIES, 'TIDAK_DITEMUKAN']);
  });
});
