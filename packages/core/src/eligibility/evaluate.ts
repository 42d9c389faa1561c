import type { Issue, Message } from '../domain/result.js';
import { ageOn, nthBirthday } from '../dates/age.js';
import { parseDate } from '../dates/parse-date.js';
import { compareDates, digitsAt, isValidDate, type PlainDate } from '../dates/plain-date.js';
import { cleanIdentifier, nikBirthCode, nikProblem } from '../identifiers/nik.js';
import { describeRegion, parseRegionCode } from '../regions/region-code.js';
import { ADULT_AGE, type EligibilityPolicy } from './policy.js';
import { NIK_DATE_MISMATCH, type InvalidField } from './reasons.js';
import {
  CITIZENSHIP_SPELLINGS,
  MARITAL_SPELLINGS,
  normaliseValue,
  type Citizenship,
  type KtpStatus,
  type MaritalStatus,
  type RecognisedStatus,
} from './statuses.js';

/** The categories of SPEC §3, in the order their rules apply (the first that applies wins). */
export const ELIGIBILITY_CATEGORIES = [
  'DATA_TIDAK_VALID',
  'WNA',
  'SUDAH_REKAM',
  'PERLU_TINDAK_LANJUT',
  'LUAR_WILAYAH',
  'WAJIB',
  'REKAM_DINI',
  'BELUM_CUKUP_UMUR',
] as const;

/** A category of SPEC §3. */
export type EligibilityCategory = (typeof ELIGIBILITY_CATEGORIES)[number];

/**
 * A student's category: one of SPEC §3's, or `TIDAK_DITEMUKAN` when the student has no record in the
 * registry (see {@link notFoundDecision}).
 */
export type StudentCategory = EligibilityCategory | 'TIDAK_DITEMUKAN';

/** Every student category, registry categories first. */
export const STUDENT_CATEGORIES: readonly StudentCategory[] = [
  ...ELIGIBILITY_CATEGORIES,
  'TIDAK_DITEMUKAN',
];

/**
 * The registry fields eligibility needs (a {@link Resident} has them), values as the extract wrote
 * them. The birth date may also be a parsed date, an Excel serial or a spreadsheet `Date`.
 */
export interface EligibilityPerson {
  readonly nik: string;
  readonly tanggalLahir: string | PlainDate | Date | number;
  readonly statusKawin: string;
  readonly kewarganegaraan: string;
  readonly statusRekam: string;
  /** Domicile region code, 4 to 10 digits. */
  readonly kodeWilayah: string;
}

/** Which rule decided. */
export type ReasonCode =
  | 'invalid'
  | 'foreigner'
  | 'recorded'
  | 'follow_up'
  | 'outside_region'
  | 'adult'
  | 'married'
  | 'early'
  | 'too_young'
  | 'not_found';

/**
 * The decision for one person: the category, the rule that decided and the dates that follow. Plain data
 * (it crosses worker boundaries); {@link explainEligibility} writes its reason in Indonesian and English.
 */
export interface EligibilityDecision {
  readonly category: StudentCategory;
  readonly reasonCode: ReasonCode;
  /** The age on the reference date and the dates that follow (all `undefined` without a birth date). */
  readonly dates: EligibilityDates;
  /** The SIAK status code, when the status names one. */
  readonly status: KtpStatus | undefined;
  readonly maritalStatus: MaritalStatus | undefined;
  /** Things to check that do not change the category (e.g. the NIK's birth date disagrees). */
  readonly warnings: readonly Issue<'nik_birth_date_mismatch'>[];
  /**
   * For `DATA_TIDAK_VALID`: the field that made the row invalid and what is wrong with it; for
   * `LUAR_WILAYAH`: where the person lives, as people read it ("Kota Kediri, Jawa Timur").
   */
  readonly detail: DecisionDetail | undefined;
}

/** A person's age on the reference date and the dates that follow from the birth date. */
export interface EligibilityDates {
  /** Whole years on the reference date. */
  readonly age: number | undefined;
  readonly birthDate: PlainDate | undefined;
  /** The 17th birthday: the KTP-el becomes compulsory and the card is handed over. */
  readonly seventeenthBirthday: PlainDate | undefined;
  /** The day the person reaches the policy's minimum recording age. */
  readonly eligibleFrom: PlainDate | undefined;
}

/** What a decision says beyond its category: see {@link EligibilityDecision.detail}. */
export interface DecisionDetail {
  readonly invalidField?: InvalidField;
  readonly problem?: Message;
  readonly domicile?: string;
}

type RegionLookup =
  | { readonly kind: 'inside' }
  | { readonly kind: 'outside'; readonly label: string }
  | { readonly kind: 'invalid'; readonly problem: Message };

/** Memoised lookups per policy: registries repeat a handful of status values and a few thousand region codes. */
interface Lookups {
  readonly births: Map<number, Dates | Message>;
  readonly statuses: Map<string, RecognisedStatus | null>;
  readonly regions: Map<string, RegionLookup>;
  readonly citizenship: Map<string, Citizenship | null>;
  readonly marital: Map<string, MaritalStatus | null>;
}

const LOOKUPS = new WeakMap<EligibilityPolicy, Lookups>();
const LOOKUP_LIMIT = 100_000;

function lookupsFor(policy: EligibilityPolicy): Lookups {
  let lookups = LOOKUPS.get(policy);
  if (!lookups) {
    lookups = {
      births: new Map(),
      statuses: new Map(),
      regions: new Map(),
      citizenship: new Map(),
      marital: new Map(),
    };
    LOOKUPS.set(policy, lookups);
  }
  return lookups;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size < LOOKUP_LIMIT) map.set(key, value);
  return value;
}

const EMPTY: Message = { id: 'kosong.', en: 'empty.' };
const STATUS_EXAMPLES =
  'BELUM REKAM, UNREGISTERED, PRINT_READY_RECORD, CARD_PRINTED, DUPLICATE_RECORD';
const MARITAL_EXAMPLES = 'BELUM KAWIN, KAWIN, CERAI HIDUP, CERAI MATI, KAWIN TERCATAT';
const NIK_MISMATCH_WARNINGS: Warnings = Object.freeze([
  Object.freeze({ code: 'nik_birth_date_mismatch' as const, message: NIK_DATE_MISMATCH }),
]);

/** What is wrong with a value that is not recognised: it is empty, or not one of the known spellings. */
function unreadable(value: unknown, examples: string): Message {
  if (String(value ?? '').trim() === '') return EMPTY;
  return {
    id: `nilainya tidak dikenal (contoh nilai yang dikenal: ${examples}).`,
    en: `the value is not recognised (known values include: ${examples}).`,
  };
}

/** Looks a value up by its raw text first (registries repeat a handful of spellings), then normalised. */
function recognise<V>(
  cache: Map<string, V | null>,
  spellings: Readonly<Record<string, V>>,
  value: unknown,
): V | null {
  const raw = String(value ?? '');
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  return remember(cache, raw, spellings[normaliseValue(raw)] ?? null);
}

function recogniseStatus(
  policy: EligibilityPolicy,
  lookups: Lookups,
  raw: string,
): RecognisedStatus | null {
  const cache = lookups.statuses;
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  return remember(cache, raw, policy.statuses.get(normaliseValue(raw)) ?? null);
}

function lookupRegion(policy: EligibilityPolicy, lookups: Lookups, raw: string): RegionLookup {
  const cache = lookups.regions;
  const hit = cache.get(raw);
  if (hit) return hit;
  const parsed = parseRegionCode(raw);
  let result: RegionLookup;
  if (!parsed.ok) {
    result = { kind: 'invalid', problem: parsed.issues[0].message };
  } else {
    const digits = parsed.value.digits;
    if (policy.regions.some((r) => digits.startsWith(r.digits))) result = { kind: 'inside' };
    else if (policy.regions.some((r) => r.digits.startsWith(digits))) {
      result = {
        kind: 'invalid',
        problem: {
          id: 'kode terlalu umum (hanya provinsi) untuk menentukan apakah domisili di dalam wilayah program; perlu minimal 4 digit.',
          en: "the code is too coarse (province only) to tell whether the domicile is in the programme's region; at least 4 digits are needed.",
        },
      };
    } else result = { kind: 'outside', label: describeRegion(parsed.value) };
  }
  return remember(cache, raw, result);
}

/** A birth date as a person wrote it, read into a date or what is wrong with it. */
function readBirthDate(
  value: EligibilityPerson['tanggalLahir'],
  reference: PlainDate,
): PlainDate | Message {
  if (typeof value === 'object' && !(value instanceof Date)) {
    return isValidDate(value.year, value.month, value.day)
      ? value
      : { id: 'tanggalnya tidak ada di kalender.', en: 'the date does not exist.' };
  }
  const parsed = parseDate(value, { pivotYear: reference.year });
  return parsed.ok ? parsed.value.date : parsed.issues[0].message;
}

type Dates = EligibilityDates;

/**
 * The dates of a birth date under the policy, or what is wrong with it. Memoised by date: a registry of a
 * million people has only a few thousand birth dates, and decisions then share the (frozen) date objects
 * instead of each allocating three.
 */
function datesOf(
  value: EligibilityPerson['tanggalLahir'],
  policy: EligibilityPolicy,
  lookups: Lookups,
): Dates | Message {
  let year: number;
  let month: number;
  let day: number;
  // The registry's own YYYY-MM-DD is the common case: read its digits without building anything.
  if (
    typeof value === 'string' &&
    value.length === 10 &&
    value.charCodeAt(4) === 45 &&
    value.charCodeAt(7) === 45 &&
    (year = digitsAt(value, 0, 4)) >= 0 &&
    (month = digitsAt(value, 5, 2)) >= 0 &&
    (day = digitsAt(value, 8, 2)) >= 0 &&
    isValidDate(year, month, day)
  ) {
    // year, month and day are set.
  } else {
    const date = readBirthDate(value, policy.referenceDate);
    if (!('year' in date)) return date;
    ({ year, month, day } = date);
  }
  const key = year * 10000 + month * 100 + day;
  const hit = lookups.births.get(key);
  if (hit) return hit;
  const on = policy.referenceDate;
  const birth = Object.freeze({ year, month, day });
  let result: Dates | Message;
  if (compareDates(birth, on) > 0) {
    result = { id: 'sesudah tanggal acuan program.', en: "after the programme's reference date." };
  } else if (year < 1900) {
    result = { id: 'sebelum tahun 1900.', en: 'before 1900.' };
  } else {
    result = Object.freeze({
      age: ageOn(birth, on, policy.leapDayRule),
      birthDate: birth,
      seventeenthBirthday: Object.freeze(nthBirthday(birth, ADULT_AGE, policy.leapDayRule)),
      eligibleFrom: Object.freeze(nthBirthday(birth, policy.minimumAge, policy.leapDayRule)),
    });
  }
  return remember(lookups.births, key, result);
}

const NO_DATES: Dates = {
  age: undefined,
  birthDate: undefined,
  seventeenthBirthday: undefined,
  eligibleFrom: undefined,
};

type Warnings = EligibilityDecision['warnings'];
const NO_WARNINGS: Warnings = Object.freeze([]);

function decision(
  category: StudentCategory,
  reasonCode: ReasonCode,
  dates: Dates,
  status: KtpStatus | undefined,
  maritalStatus: MaritalStatus | undefined,
  warnings: Warnings,
  detail?: DecisionDetail,
): EligibilityDecision {
  // Seven fields, the dates shared per birth date: a batch keeps a million of these.
  return { category, reasonCode, dates, status, maritalStatus, warnings, detail };
}

function invalid(
  field: InvalidField,
  problem: Message,
  dates: Dates = NO_DATES,
  warnings: Warnings = NO_WARNINGS,
): EligibilityDecision {
  return decision('DATA_TIDAK_VALID', 'invalid', dates, undefined, undefined, warnings, {
    invalidField: field,
    problem,
  });
}

/**
 * Decides one person's category on the policy's reference date by the rules of SPEC §3, in order: the
 * first rule that applies wins. A field is read only when its rule is reached, and a missing or
 * unrecognised value there makes the row `DATA_TIDAK_VALID` with a reason naming the field — so a
 * foreigner with an unreadable status is still `WNA`, and a 17-year-old with an unreadable marital
 * status is still `WAJIB`. Pure; never throws on bad data.
 *
 * @example
 * const policy = createEligibilityPolicy({ referenceDate: '2023-01-16', regions: ['3506'] });
 * if (policy.ok) {
 *   const d = evaluateEligibility({ nik: '3506012003060003', tanggalLahir: '2006-03-20',
 *     statusKawin: 'BELUM KAWIN', kewarganegaraan: 'WNI', statusRekam: 'BELUM REKAM',
 *     kodeWilayah: '3506012001' }, policy.value);
 *   d.category;            // 'REKAM_DINI'
 *   d.dates.seventeenthBirthday; // { year: 2023, month: 3, day: 20 } — the card handover date
 * }
 */
export function evaluateEligibility(
  person: EligibilityPerson,
  policy: EligibilityPolicy,
): EligibilityDecision {
  return evaluateWith(person, policy, lookupsFor(policy));
}

/**
 * Builds the evaluator of one policy for many people: {@link evaluateEligibility} without looking up the
 * policy's memoised spellings for every person.
 */
export function eligibilityEvaluator(
  policy: EligibilityPolicy,
): (person: EligibilityPerson) => EligibilityDecision {
  const lookups = lookupsFor(policy);
  return (person) => evaluateWith(person, policy, lookups);
}

function evaluateWith(
  person: EligibilityPerson,
  policy: EligibilityPolicy,
  lookups: Lookups,
): EligibilityDecision {
  const on = policy.referenceDate;

  // Rule 1: the NIK and the birth date must be readable.
  let nik = String(person.nik ?? '');
  let nikBirth = nikBirthCode(nik, on);
  if (nikBirth < 0) {
    nik = cleanIdentifier(nik);
    nikBirth = nikBirthCode(nik, on);
    const problem = nikBirth < 0 ? nikProblem(nik, on) : undefined;
    if (problem) return invalid('nik', problem.message);
  }
  const dates = datesOf(person.tanggalLahir ?? '', policy, lookups);
  if (!('age' in dates)) return invalid('tanggal_lahir', dates);
  const birth = dates.birthDate as PlainDate;
  const age = dates.age as number;
  // The NIK's birth date against the registry's: a disagreement is a warning, never a rejection.
  const warnings: Warnings =
    nikBirth === (birth.year % 100) * 10000 + birth.month * 100 + birth.day
      ? NO_WARNINGS
      : NIK_MISMATCH_WARNINGS;

  // Rule 2: foreigners are out of scope.
  const citizenship = recognise(lookups.citizenship, CITIZENSHIP_SPELLINGS, person.kewarganegaraan);
  if (!citizenship) {
    return invalid(
      'kewarganegaraan',
      unreadable(person.kewarganegaraan, 'WNI, WNA'),
      dates,
      warnings,
    );
  }
  if (citizenship === 'WNA')
    return decision('WNA', 'foreigner', dates, undefined, undefined, warnings);

  // Rules 3 and 4: the recording status.
  const status = recogniseStatus(policy, lookups, String(person.statusRekam ?? ''));
  if (!status) {
    return invalid(
      'status_rekam',
      unreadable(person.statusRekam, STATUS_EXAMPLES),
      dates,
      warnings,
    );
  }
  if (status.family === 'recorded') {
    return decision('SUDAH_REKAM', 'recorded', dates, status.code, undefined, warnings);
  }
  if (status.family === 'follow-up') {
    return decision('PERLU_TINDAK_LANJUT', 'follow_up', dates, status.code, undefined, warnings);
  }

  // Rule 5: domicile, from the registry's region field (never from the NIK).
  const region = lookupRegion(policy, lookups, String(person.kodeWilayah ?? ''));
  if (region.kind === 'invalid') return invalid('kode_wilayah', region.problem, dates, warnings);
  if (region.kind === 'outside') {
    return decision('LUAR_WILAYAH', 'outside_region', dates, status.code, undefined, warnings, {
      domicile: region.label,
    });
  }

  // Rule 6: 17 or older, or ever married.
  if (age >= ADULT_AGE) return decision('WAJIB', 'adult', dates, status.code, undefined, warnings);
  const marital = recognise(lookups.marital, MARITAL_SPELLINGS, person.statusKawin);
  if (!marital) {
    return invalid(
      'status_kawin',
      unreadable(person.statusKawin, MARITAL_EXAMPLES),
      dates,
      warnings,
    );
  }
  if (marital !== 'BELUM_KAWIN') {
    return decision('WAJIB', 'married', dates, status.code, marital, warnings);
  }

  // Rules 7 and 8: old enough to be recorded early, or not yet.
  if (age >= policy.minimumAge)
    return decision('REKAM_DINI', 'early', dates, status.code, marital, warnings);
  return decision('BELUM_CUKUP_UMUR', 'too_young', dates, status.code, marital, warnings);
}

/** The decision for a student with no record in the registry (`TIDAK_DITEMUKAN`): update the KK first. */
export function notFoundDecision(): EligibilityDecision {
  return decision('TIDAK_DITEMUKAN', 'not_found', NO_DATES, undefined, undefined, NO_WARNINGS);
}
