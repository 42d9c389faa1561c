import { formatIsoDate, type PlainDate } from '../dates/plain-date.js';
import { KEDIRI_KECAMATAN } from '../regions/data.js';
import type { Random } from '../random/prng.js';
import { WeightedTable } from '../random/prng.js';
import {
  abbreviate,
  addWord,
  dropWord,
  hasAbbreviable,
  hasOldSpellingCandidate,
  messPunctuation,
  messSpaces,
  monthOff,
  muhammadVariant,
  nikOneDigit,
  nikTransposed,
  oneDigitDate,
  startsWithMuhammad,
  swapDayMonth,
  swapOldSpelling,
  swapOrder,
  typo,
  yearOff,
} from './corrupt.js';
import { FEMALE_GIVEN, MALE_GIVEN } from './names.js';
import { NOISE_RATES } from './noise.js';
import type { Person } from './population.js';
import { distanceKm, type GeneratedSchool } from './schools.js';
import type { Corruption } from './types.js';

/** A student row before it is written in a school's format: values as the school knows them. */
export interface StudentDraft {
  readonly person: Person;
  readonly school: GeneratedSchool;
  readonly grade: 10 | 11 | 12;
  nipd: string;
  kelas: string;
  readonly nisn: string;
  readonly nik: string;
  /** Upper case; the school's letter case is applied when the file is written. */
  readonly nama: string;
  readonly sex: 'L' | 'P';
  readonly birthPlace: string;
  readonly birthDate: PlainDate;
  readonly motherName: string;
  readonly corruptions: Corruption[];
  readonly duplicateOf: StudentDraft | undefined;
}

/** Approximate centres of the out-of-regency homes, for school choice. */
const REGENCY_CENTRES: Readonly<Record<string, { latitude: number; longitude: number }>> = {
  '3571': { latitude: -7.82, longitude: 112.01 },
  '3518': { latitude: -7.62, longitude: 111.93 },
  '3505': { latitude: -8.05, longitude: 112.17 },
  '3504': { latitude: -8.0, longitude: 111.97 },
  '3517': { latitude: -7.6, longitude: 112.25 },
  '3507': { latitude: -7.86, longitude: 112.38 },
};

function homeOf(person: Person): { latitude: number; longitude: number } {
  const place = person.family.place;
  if (place.inKabKediri) {
    const kec = KEDIRI_KECAMATAN.find((k) => k.kode.replaceAll('.', '') === place.kecamatanCode);
    if (kec) return kec;
  }
  return REGENCY_CENTRES[place.regencyCode] ?? { latitude: -7.8, longitude: 112.05 };
}

/** The school year that contains the reference date starts in July. */
function schoolYearStart(reference: PlainDate): number {
  return reference.month >= 7 ? reference.year : reference.year - 1;
}

/** The grade a person attends, or undefined when not in senior high school this year. */
export function gradeOf(
  random: Random,
  person: Person,
  reference: PlainDate,
): 10 | 11 | 12 | undefined {
  const year = schoolYearStart(reference);
  const b = person.birthDate;
  // Age on 1 July of the school year: 15 → grade X, 16 → XI, 17 → XII.
  const ageInJuly = year - b.year - (b.month > 7 || (b.month === 7 && b.day > 1) ? 1 : 0);
  const r = random.next();
  const delay = r < 0.8 ? 0 : r < 0.94 ? 1 : -1;
  const grade = 10 + (ageInJuly - 15) - delay;
  return grade === 10 || grade === 11 || grade === 12 ? grade : undefined;
}

const BIRTHPLACE_VARIANTS = (place: string): string[] =>
  place === 'KEDIRI'
    ? ['KAB. KEDIRI', 'KAB KEDIRI', 'KEDIRI KAB.', 'KOTA KEDIRI', 'KDR', '']
    : [`KAB. ${place}`, `${place} `, place.slice(0, -1), ''];

const MALE_EXTRA = new WeightedTable(MALE_GIVEN);
const FEMALE_EXTRA = new WeightedTable(FEMALE_GIVEN);

/** The student's name as the school wrote it, with the corruptions that happened. */
function corruptName(random: Random, person: Person, tags: Corruption[]): string {
  let name = person.nama;
  const apply = (
    tag: Corruption,
    rate: number,
    change: (n: string) => string,
    applicable = true,
  ): void => {
    if (!applicable || !random.chance(rate)) return;
    const changed = change(name);
    if (changed !== name) {
      name = changed;
      tags.push(tag);
    }
  };
  apply(
    'name_muhammad_variant',
    NOISE_RATES.muhammadVariant,
    (n) => muhammadVariant(random, n),
    startsWithMuhammad(name),
  );
  apply(
    'name_abbreviation',
    NOISE_RATES.abbreviation,
    (n) => abbreviate(random, n),
    hasAbbreviable(name),
  );
  apply(
    'name_old_spelling',
    NOISE_RATES.nameOldSpelling,
    swapOldSpelling,
    hasOldSpellingCandidate(name),
  );
  apply(
    'name_word_dropped',
    NOISE_RATES.nameWordDropped,
    (n) => dropWord(random, n),
    name.split(' ').length >= 3,
  );
  apply('name_word_added', NOISE_RATES.nameWordAdded, (n) =>
    addWord(random, n, (person.sex === 'L' ? MALE_EXTRA : FEMALE_EXTRA).draw(random)),
  );
  apply('name_order_swapped', NOISE_RATES.nameOrderSwapped, (n) => swapOrder(random, n));
  apply('name_typo', NOISE_RATES.nameTypo, (n) => typo(random, n));
  apply('name_bin_binti', NOISE_RATES.nameBinBinti, (n) =>
    `${n} ${person.sex === 'L' ? 'BIN' : 'BINTI'} ${person.family.fatherName.split(' ')[0] ?? ''}`.trim(),
  );
  apply(
    'name_title',
    NOISE_RATES.nameTitle,
    (n) => `${person.sex === 'L' ? 'SDR.' : 'SDRI.'} ${n}`,
  );
  apply('name_spaces', NOISE_RATES.nameSpaces, (n) => messSpaces(random, n));
  apply('name_punctuation', NOISE_RATES.namePunctuation, (n) => messPunctuation(random, n));
  return name;
}

function corruptDate(random: Random, date: PlainDate, tags: Corruption[]): PlainDate {
  const r = random.next();
  const rates = NOISE_RATES;
  let out = date;
  let tag: Corruption | undefined;
  if (r < rates.dateDayMonthSwapped) [out, tag] = [swapDayMonth(date), 'date_day_month_swapped'];
  else if (r < rates.dateDayMonthSwapped + rates.dateOneDigit)
    [out, tag] = [oneDigitDate(random, date), 'date_one_digit'];
  else if (r < rates.dateDayMonthSwapped + rates.dateOneDigit + rates.dateYearOff)
    [out, tag] = [yearOff(random, date), 'date_year_off'];
  else if (
    r <
    rates.dateDayMonthSwapped + rates.dateOneDigit + rates.dateYearOff + rates.dateMonthOff
  )
    [out, tag] = [monthOff(random, date), 'date_month_off'];
  if (tag && formatIsoDate(out) !== formatIsoDate(date)) tags.push(tag);
  return out;
}

function corruptNik(random: Random, person: Person, tags: Corruption[]): string {
  const r = random.next();
  const rates = NOISE_RATES;
  let edge = rates.nikMissing;
  if (r < edge) {
    tags.push('nik_missing');
    return '';
  }
  if (r < (edge += rates.nikOneDigit)) {
    tags.push('nik_one_digit');
    return nikOneDigit(random, person.nik);
  }
  if (r < (edge += rates.nikTransposed)) {
    const nik = nikTransposed(random, person.nik);
    if (nik !== person.nik) tags.push('nik_transposed');
    return nik;
  }
  const siblings = person.family.children.filter((c) => c !== person && !c.isTwin);
  if (r < (edge += rates.nikParent) || (r < edge + rates.nikSibling && siblings.length === 0)) {
    tags.push('nik_parent');
    return random.chance(0.5) ? person.family.fatherNik : person.family.motherNik;
  }
  if (r < edge + rates.nikSibling) {
    tags.push('nik_sibling');
    return random.pick(siblings).nik;
  }
  return person.nik;
}

function corruptMother(random: Random, mother: string, tags: Corruption[]): string {
  if (random.chance(NOISE_RATES.motherMissing)) {
    tags.push('mother_missing');
    return '';
  }
  if (!random.chance(NOISE_RATES.motherVariant)) return mother;
  const options: ((m: string) => string)[] = [
    (m) => `HJ. ${m}`,
    (m) => `${m} HJ`,
    (m) => typo(random, m),
    (m) => abbreviate(random, m),
    (m) => swapOldSpelling(m),
    (m) => dropWord(random, `${m} X`).replace(/ X$/, ''),
  ];
  const changed = random.pick(options)(mother);
  if (changed !== mother) tags.push('mother_variant');
  return changed;
}

/** Builds the row a school lists for a person, with the corruptions of SPEC §4 at the set rates. */
export function draftRow(
  random: Random,
  person: Person,
  school: GeneratedSchool,
  grade: 10 | 11 | 12,
  nisnOf: (p: Person) => string,
  duplicateOf?: StudentDraft,
): StudentDraft {
  const tags: Corruption[] = [];
  if (!person.inRegistry) tags.push('not_in_registry');
  if (duplicateOf) tags.push('duplicate_listing');
  const nik = corruptNik(random, person, tags);
  const nama = corruptName(random, person, tags);
  let sex = person.sex;
  if (random.chance(NOISE_RATES.sexWrong)) {
    sex = sex === 'L' ? 'P' : 'L';
    tags.push('sex_wrong');
  }
  let birthPlace = person.birthPlace;
  if (random.chance(NOISE_RATES.birthplaceVariant)) {
    birthPlace = random.pick(BIRTHPLACE_VARIANTS(person.birthPlace));
    tags.push('birthplace_variant');
  }
  return {
    person,
    school,
    grade,
    nipd: '',
    kelas: '',
    nisn: duplicateOf && !random.chance(0.2) ? duplicateOf.nisn : nisnOf(person),
    nik,
    nama,
    sex,
    birthPlace,
    birthDate: corruptDate(random, person.birthDate, tags),
    motherName: corruptMother(random, person.family.motherName, tags),
    corruptions: tags,
    duplicateOf,
  };
}

/** A weighted table of schools for each home (kecamatan or out-of-regency centre). */
export class SchoolChooser {
  readonly #tables = new Map<string, WeightedTable<GeneratedSchool>>();
  readonly #schools: readonly GeneratedSchool[];

  constructor(schools: readonly GeneratedSchool[]) {
    this.#schools = schools;
  }

  /** A school for a person: the bigger and nearer, the likelier (about 5 km decay). */
  choose(random: Random, person: Person): GeneratedSchool {
    const key = person.family.place.inKabKediri
      ? person.family.place.kecamatanCode
      : person.family.place.regencyCode;
    let table = this.#tables.get(key);
    if (!table) {
      const home = homeOf(person);
      table = new WeightedTable(
        this.#schools.map((s) => [s, s.sizeWeight * Math.exp(-distanceKm(home, s) / 5)] as const),
      );
      this.#tables.set(key, table);
    }
    return table.draw(random);
  }
}

/** Issues NISNs: ten digits, `00` + two digits of the birth year + six unique digits. */
export function makeNisnIssuer(random: Random): (p: Person) => string {
  const issued = new Map<number, string>();
  const used = new Set<string>();
  return (p) => {
    const known = issued.get(p.id);
    if (known) return known;
    let nisn: string;
    do {
      nisn = `00${String(p.birthDate.year % 100).padStart(2, '0')}${String(random.int(0, 999999)).padStart(6, '0')}`;
    } while (used.has(nisn));
    used.add(nisn);
    issued.set(p.id, nisn);
    return nisn;
  };
}
