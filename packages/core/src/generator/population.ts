import { ageOn } from '../dates/age.js';
import { addDays, fromDayNumber, toDayNumber, type PlainDate } from '../dates/plain-date.js';
import type { Random } from '../random/prng.js';
import { WeightedTable } from '../random/prng.js';
import {
  BIRTHPLACES,
  DUSUN,
  FATHER_FIRST,
  FEMALE_GIVEN,
  FEMALE_LAST,
  FEMALE_MIDDLE,
  FEMALE_PREFIX,
  MALE_GIVEN,
  MALE_LAST,
  MALE_MIDDLE,
  MALE_PREFIX,
  MOTHER_FIRST,
  MOTHER_LAST,
} from './names.js';
import {
  FOREIGNER_SHARE,
  MARRIED_SHARE_BY_AGE,
  NOISE_RATES,
  RECORDED_SHARE_BY_AGE,
} from './noise.js';
import type { Place, Places } from './places.js';

/** A family card (KK) and the parents on it. */
export interface Family {
  readonly id: number;
  readonly noKk: string;
  readonly fatherName: string;
  readonly fatherNik: string;
  readonly motherName: string;
  readonly motherNik: string;
  readonly place: Place;
  readonly dusun: string;
  readonly rt: number;
  readonly rw: number;
  readonly children: Person[];
}

/** A synthetic child of a family, whether or not the registry holds them. */
export interface Person {
  readonly id: number;
  readonly family: Family;
  readonly nik: string;
  readonly nama: string;
  readonly sex: 'L' | 'P';
  readonly birthPlace: string;
  /** The birth date the registry holds (may differ from the NIK's after a correction). */
  readonly birthDate: PlainDate;
  readonly ageOnReference: number;
  readonly maritalStatus: string;
  readonly citizenship: 'WNI' | 'WNA';
  /** Canonical SIAK status code, e.g. `CARD_PRINTED`. */
  readonly ktpStatus: string;
  readonly inRegistry: boolean;
  readonly isTwin: boolean;
  /** True when this person exists only to resemble another (a decoy). */
  readonly isDecoy: boolean;
}

const table = <T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> =>
  new WeightedTable(entries);

const NAME_TABLES = {
  malePrefix: table(MALE_PREFIX),
  maleGiven: table(MALE_GIVEN),
  maleMiddle: table(MALE_MIDDLE),
  maleLast: table(MALE_LAST),
  femalePrefix: table(FEMALE_PREFIX),
  femaleGiven: table(FEMALE_GIVEN),
  femaleMiddle: table(FEMALE_MIDDLE),
  femaleLast: table(FEMALE_LAST),
  motherFirst: table(MOTHER_FIRST),
  motherLast: table(MOTHER_LAST),
  fatherFirst: table(FATHER_FIRST),
  birthplace: table(BIRTHPLACES),
};

const RECORDED_STATUSES = table([
  ['CARD_PRINTED', 70],
  ['PRINT_READY_RECORD', 15],
  ['BIO_CAPTURED', 6],
  ['SENT_FOR_ENROLLMENT', 5],
  ['RECEIVED_AT_CENTRAL', 4],
] as const);

const FOLLOW_UP_STATUSES = table([
  ['DUPLICATE_RECORD', 6],
  ['ADJUDICATE_RECORD', 6],
  ['ENROLL_FAILURE_AT_CENTRAL', 5],
  ['SEARCH_FAILURE_AT_CENTRAL', 4],
  ['ENROLL_FAILURE_AT_REGIONAL', 4],
] as const);

/** Share of recording attempts that end in a follow-up status. */
const FOLLOW_UP_SHARE = 0.025;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function joinName(parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

/** Draws a youth's full name in the registry's spelling (upper case). */
export function drawChildName(random: Random, sex: 'L' | 'P'): string {
  const t = NAME_TABLES;
  for (;;) {
    const name =
      sex === 'L'
        ? joinName([
            t.malePrefix.draw(random),
            t.maleGiven.draw(random),
            t.maleMiddle.draw(random),
            t.maleLast.draw(random),
          ])
        : joinName([
            t.femalePrefix.draw(random),
            t.femaleGiven.draw(random),
            t.femaleMiddle.draw(random),
            t.femaleLast.draw(random),
          ]);
    const words = name.split(' ');
    // Avoid doubled words ("NUR NUR") and keep 1–4 words; about 3% of youths have a single name.
    if (new Set(words).size !== words.length) continue;
    if (words.length === 1 && !random.chance(0.5)) continue;
    return name;
  }
}

/** A twin's name: a different first word, the rest shared, as parents of twins often choose. */
function drawTwinName(random: Random, sex: 'L' | 'P', sibling: string): string {
  const words = sibling.split(' ');
  for (let attempt = 0; attempt < 20; attempt++) {
    const fresh = drawChildName(random, sex).split(' ');
    const first = fresh.find((w) => !words.includes(w)) ?? fresh[0] ?? 'PUTRA';
    const candidate = words.length >= 2 ? joinName([first, ...words.slice(1)]) : first;
    if (candidate !== sibling) return candidate;
  }
  return joinName([drawChildName(random, sex)]);
}

function drawMotherName(random: Random): string {
  const first = NAME_TABLES.motherFirst.draw(random);
  const last = NAME_TABLES.motherLast.draw(random);
  return last === first ? first : joinName([first, last]);
}

/** Issues NIKs and KK numbers with unique serials per region and date. */
export class IdentifierIssuer {
  readonly #serials = new Map<string, number>();

  #next(key: string): string {
    const serial = (this.#serials.get(key) ?? 0) + 1;
    this.#serials.set(key, serial);
    return pad(serial, 4);
  }

  /** An NIK: region of first registration (6 digits), birth date (day + 40 for women), serial. */
  nik(region6: string, birth: PlainDate, sex: 'L' | 'P'): string {
    const date = `${pad(birth.day + (sex === 'P' ? 40 : 0), 2)}${pad(birth.month, 2)}${pad(birth.year % 100, 2)}`;
    return `${region6}${date}${this.#next(`${region6}${date}`)}`;
  }

  /**
   * A No. KK: issuing region (6 digits), issue date, serial. Serials are shared with NIKs of the same
   * region and date, so a KK number never equals an NIK.
   */
  kk(region6: string, issued: PlainDate): string {
    const date = `${pad(issued.day, 2)}${pad(issued.month, 2)}${pad(issued.year % 100, 2)}`;
    return `${region6}${date}${this.#next(`${region6}${date}`)}`;
  }
}

/** Where a child's NIK was first issued: usually the family's kecamatan, sometimes elsewhere. */
const OTHER_BIRTH_REGIONS = ['357801', '357102', '350701', '351801', '317101', '350502', '357303'];

function nikRegion(random: Random, places: Places, family: Family): string {
  const r = random.next();
  if (r < 0.85) return family.place.kecamatanCode;
  if (r < 0.95) return places.anyKediriKecamatan(random);
  return random.pick(OTHER_BIRTH_REGIONS);
}

function ktpStatusFor(random: Random, age: number): string {
  const recordedShare = RECORDED_SHARE_BY_AGE[Math.min(20, Math.max(13, age))] ?? 0;
  if (!random.chance(recordedShare)) return 'UNREGISTERED';
  return random.chance(FOLLOW_UP_SHARE)
    ? FOLLOW_UP_STATUSES.draw(random)
    : RECORDED_STATUSES.draw(random);
}

function maritalStatusFor(random: Random, sex: 'L' | 'P', age: number): string {
  const share = MARRIED_SHARE_BY_AGE[sex][age] ?? 0;
  if (!random.chance(share)) return 'BELUM KAWIN';
  const r = random.next();
  if (r < 0.55) return 'KAWIN';
  if (r < 0.8) return 'KAWIN TERCATAT';
  if (r < 0.9) return 'KAWIN BELUM TERCATAT';
  if (r < 0.98) return 'CERAI HIDUP';
  return 'CERAI MATI';
}

/** Options of {@link PopulationBuilder}. */
export interface PopulationWindow {
  readonly reference: PlainDate;
  /** Youngest and oldest age (inclusive) that the registry extract holds. */
  readonly minAge: number;
  readonly maxAge: number;
}

/** Builds families and their children; children within the extract's age window feed the registry. */
export class PopulationBuilder {
  readonly families: Family[] = [];
  readonly people: Person[] = [];
  readonly #random: Random;
  readonly #places: Places;
  readonly #ids = new IdentifierIssuer();
  readonly #window: PopulationWindow;
  readonly #firstDay: number;
  readonly #lastDay: number;

  constructor(random: Random, places: Places, window: PopulationWindow) {
    this.#random = random;
    this.#places = places;
    this.#window = window;
    const ref = window.reference;
    // Born after the (maxAge+1)th birthday's eve and on or before the minAge-th birthday.
    this.#firstDay =
      toDayNumber({ year: ref.year - window.maxAge - 1, month: ref.month, day: ref.day }) + 1;
    this.#lastDay = toDayNumber({ year: ref.year - window.minAge, month: ref.month, day: ref.day });
  }

  /** How many people the registry holds so far. */
  registryCount = 0;

  #newFamily(place: Place): Family {
    const random = this.#random;
    const ref = this.#window.reference;
    const issued = fromDayNumber(
      toDayNumber({ year: 2005, month: 1, day: 1 }) +
        random.int(
          0,
          toDayNumber({ year: ref.year - 1, month: 12, day: 31 }) -
            toDayNumber({ year: 2005, month: 1, day: 1 }),
        ),
    );
    const fatherBirth = fromDayNumber(
      toDayNumber({ year: 1962, month: 1, day: 1 }) + random.int(0, 365 * 26),
    );
    const motherBirth = fromDayNumber(
      toDayNumber({ year: 1965, month: 1, day: 1 }) + random.int(0, 365 * 25),
    );
    const parentRegion = random.chance(0.8)
      ? place.kecamatanCode
      : this.#places.anyKediriKecamatan(random);
    const family: Family = {
      id: this.families.length + 1,
      noKk: this.#ids.kk(place.kecamatanCode, issued),
      fatherName: joinName([
        NAME_TABLES.fatherFirst.draw(random),
        random.chance(0.6) ? NAME_TABLES.maleLast.draw(random) : '',
      ]),
      fatherNik: this.#ids.nik(parentRegion, fatherBirth, 'L'),
      motherName: drawMotherName(random),
      motherNik: this.#ids.nik(parentRegion, motherBirth, 'P'),
      place,
      dusun: random.pick(DUSUN),
      rt: random.int(1, 12),
      rw: random.int(1, 6),
      children: [],
    };
    this.families.push(family);
    return family;
  }

  #addChild(
    family: Family,
    birth: PlainDate,
    sex: 'L' | 'P',
    nama: string,
    flags: { isTwin: boolean; isDecoy: boolean },
  ): Person {
    const random = this.#random;
    const inWindow = toDayNumber(birth) >= this.#firstDay && toDayNumber(birth) <= this.#lastDay;
    // A corrected birth date keeps the NIK of the first registration.
    const nikBirth = random.chance(NOISE_RATES.birthDateCorrected)
      ? addDays(birth, random.pick([-365, -31, -1, 1, 10, 31, 365]))
      : birth;
    const age = ageOn(birth, this.#window.reference);
    const person: Person = {
      id: this.people.length + 1,
      family,
      nik: this.#ids.nik(nikRegion(random, this.#places, family), nikBirth, sex),
      nama,
      sex,
      birthPlace:
        family.place.inKabKediri || random.chance(0.5)
          ? NAME_TABLES.birthplace.draw(random)
          : 'KEDIRI',
      birthDate: birth,
      ageOnReference: age,
      maritalStatus: maritalStatusFor(random, sex, age),
      citizenship: random.chance(FOREIGNER_SHARE) ? 'WNA' : 'WNI',
      ktpStatus: ktpStatusFor(random, age),
      inRegistry: inWindow && (flags.isDecoy || !random.chance(NOISE_RATES.notInRegistry)),
      isTwin: flags.isTwin,
      isDecoy: flags.isDecoy,
    };
    family.children.push(person);
    this.people.push(person);
    if (person.inRegistry) this.registryCount++;
    return person;
  }

  /** Adds one family with at least one child inside the age window (and perhaps twins and siblings). */
  addFamily(): Family {
    const random = this.#random;
    const family = this.#newFamily(this.#places.drawDomicile(random));
    const anchorDay = random.int(this.#firstDay, this.#lastDay);
    const births: { day: number; twin: boolean }[] = [
      { day: anchorDay, twin: random.chance(NOISE_RATES.twinBirths) },
    ];
    const siblings = new WeightedTable([
      [0, 30],
      [1, 40],
      [2, 20],
      [3, 10],
    ] as const).draw(random);
    for (let i = 0; i < siblings; i++) {
      const gap = random.int(2 * 365, 8 * 365) * (random.chance(0.5) ? 1 : -1);
      births.push({ day: anchorDay + gap, twin: random.chance(NOISE_RATES.twinBirths) });
    }
    const maxBirthDay = toDayNumber(this.#window.reference);
    for (const birth of births) {
      if (birth.day > maxBirthDay) continue;
      const date = fromDayNumber(birth.day);
      const sex = random.chance(0.51) ? 'L' : 'P';
      const name = drawChildName(random, sex);
      this.#addChild(family, date, sex, name, { isTwin: birth.twin, isDecoy: false });
      if (birth.twin) {
        const twinSex = random.chance(0.6) ? sex : sex === 'L' ? 'P' : 'L';
        const twinName =
          twinSex === sex ? drawTwinName(random, twinSex, name) : drawChildName(random, twinSex);
        this.#addChild(family, date, twinSex, twinName, { isTwin: true, isDecoy: false });
      }
    }
    return family;
  }

  /**
   * Adds a decoy: someone in another family who resembles `like` (same or similar name, a close or equal
   * birth date, same sex) but is a different person with a different mother.
   */
  addDecoy(like: Person, variantName: string): Person {
    const random = this.#random;
    const family = this.#newFamily(this.#places.drawDomicile(random));
    const offset = random.chance(0.3) ? 0 : random.int(-400, 400) || 1;
    let day = toDayNumber(like.birthDate) + offset;
    day = Math.min(this.#lastDay, Math.max(this.#firstDay, day));
    return this.#addChild(family, fromDayNumber(day), like.sex, variantName, {
      isTwin: false,
      isDecoy: true,
    });
  }
}
