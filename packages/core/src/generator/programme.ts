import { HOLIDAYS_2023, HOLIDAYS_2024 } from '../calendar/holidays.js';
import { parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import type { Holiday, Resident, Team } from '../domain/records.js';
import { Random } from '../random/prng.js';
import { dropWord, muhammadVariant, startsWithMuhammad, typo } from './corrupt.js';
import { renderSchoolLists } from './files.js';
import { NOISE_RATES } from './noise.js';
import { Places } from './places.js';
import { PopulationBuilder, type Person } from './population.js';
import { generateSchools, type GeneratedSchool } from './schools.js';
import { draftRow, gradeOf, makeNisnIssuer, SchoolChooser, type StudentDraft } from './students.js';
import {
  CORRUPTIONS,
  type Corruption,
  type DemoOptions,
  type DemoProgramme,
  type DemoSummary,
  type Progress,
  type TruthRow,
} from './types.js';

/** The defaults: a programme the size of Kabupaten Kediri's in January 2023. */
export const DEFAULT_DEMO_OPTIONS: Readonly<DemoOptions> = {
  seed: 2023,
  schools: 72,
  students: 20_000,
  registry: 150_000,
  referenceDate: '2023-01-16',
};

/** Largest sizes accepted, to keep a typo from asking for a billion rows. */
const LIMITS = { schools: 2_000, students: 500_000, registry: 5_000_000 } as const;

/**
 * Checks generator options; returns one message per problem (empty when the options are usable).
 * The registry must be at least three times the student count, because students are drawn from the
 * registry's 15–18-year-olds.
 */
export function validateDemoOptions(options: DemoOptions): string[] {
  const problems: string[] = [];
  const whole = (name: keyof typeof LIMITS, min: number): void => {
    const value = options[name];
    if (!Number.isInteger(value) || value < min || value > LIMITS[name]) {
      problems.push(
        `${name} must be a whole number from ${min} to ${LIMITS[name]} (got ${String(value)})`,
      );
    }
  };
  whole('schools', 1);
  whole('students', 1);
  whole('registry', 10);
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) {
    problems.push(`seed must be a whole number from 0 to 4294967295 (got ${String(options.seed)})`);
  }
  if (problems.length === 0 && options.registry < options.students * 3) {
    problems.push(
      `registry (${options.registry}) must be at least three times students (${options.students})`,
    );
  }
  if (problems.length === 0 && options.students < options.schools) {
    problems.push(
      `students (${options.students}) must be at least the number of schools (${options.schools})`,
    );
  }
  const reference = parseIsoDate(options.referenceDate);
  if (!reference)
    problems.push(
      `referenceDate must be a date written YYYY-MM-DD (got "${options.referenceDate}")`,
    );
  else if (reference.year < 1990 || reference.year > 2100)
    problems.push('referenceDate must be between 1990 and 2100');
  return problems;
}

/** Public holidays the core knows for a year (2023 and 2024); empty for other years. */
export function holidaysFor(year: number): readonly Holiday[] {
  if (year === 2023) return HOLIDAYS_2023;
  if (year === 2024) return HOLIDAYS_2024;
  return [];
}

type StatusScheme = 'code' | 'indonesian';

function statusText(random: Random, code: string, scheme: StatusScheme): string {
  let text = code;
  if (scheme === 'indonesian') {
    if (code === 'UNREGISTERED') text = 'BELUM REKAM';
    else if (code === 'PRINT_READY_RECORD') text = 'PRR';
    else if (
      ['BIO_CAPTURED', 'SENT_FOR_ENROLLMENT', 'RECEIVED_AT_CENTRAL', 'CARD_PRINTED'].includes(code)
    )
      text = 'SUDAH REKAM';
    else text = code.replaceAll('_', ' ');
  }
  // A few rows keyed by hand: lower case, or spaces for underscores.
  if (random.chance(0.005))
    text = random.chance(0.5) ? text.toLowerCase() : text.replaceAll('_', ' ');
  return text;
}

const pad3 = (n: number): string => String(n).padStart(3, '0');

function toResident(
  random: Random,
  p: Person,
  schemes: Map<string, { status: StatusScheme; longSex: boolean }>,
): Resident {
  const f = p.family;
  let scheme = schemes.get(f.place.kecamatanCode);
  if (!scheme) {
    scheme = { status: random.chance(0.7) ? 'code' : 'indonesian', longSex: random.chance(0.3) };
    schemes.set(f.place.kecamatanCode, scheme);
  }
  const r = random.next();
  const kode =
    r < 0.85 ? f.place.villageCode : r < 0.95 ? f.place.kecamatanCode : f.place.regencyCode;
  const b = p.birthDate;
  return {
    nik: p.nik,
    noKk: f.noKk,
    nama: p.nama,
    jenisKelamin: scheme.longSex ? (p.sex === 'L' ? 'LAKI-LAKI' : 'PEREMPUAN') : p.sex,
    tempatLahir: p.birthPlace,
    tanggalLahir: `${b.year}-${String(b.month).padStart(2, '0')}-${String(b.day).padStart(2, '0')}`,
    namaIbu: f.motherName,
    alamat: `DSN ${f.dusun} RT ${pad3(f.rt)} RW ${pad3(f.rw)}`,
    kodeWilayah: kode,
    statusKawin: p.maritalStatus,
    kewarganegaraan: p.citizenship,
    statusRekam: statusText(random, p.ktpStatus, scheme.status),
  };
}

const CLASS_SIZE = 36;
const SMK_MAJORS = ['TKJ', 'AKL', 'OTKP', 'TBSM', 'TKR', 'BDP', 'MM', 'TITL', 'APHP'] as const;
const ROMAN = { 10: 'X', 11: 'XI', 12: 'XII' } as const;

/** Gives each school's rows class names and school numbers (NIPD), sorted by class then name. */
function assignClasses(
  random: Random,
  school: GeneratedSchool,
  drafts: StudentDraft[],
  startYear: number,
): StudentDraft[] {
  const majors = random.shuffled(SMK_MAJORS).slice(0, random.int(2, 4));
  const sorted: StudentDraft[] = [];
  let seq = 0;
  for (const grade of [10, 11, 12] as const) {
    const inGrade = drafts
      .filter((d) => d.grade === grade)
      .sort((a, b) => a.nama.localeCompare(b.nama));
    const sections = Math.max(1, Math.ceil(inGrade.length / CLASS_SIZE));
    const names = Array.from({ length: sections }, (_, i): string => {
      const g = ROMAN[grade];
      if (school.kind === 'SMK')
        return `${g} ${majors[i % majors.length]} ${Math.floor(i / majors.length) + 1}`;
      if (grade === 10)
        return school.kind === 'MA' ? `${g}-${String.fromCharCode(65 + i)}` : `${g}-${i + 1}`;
      const stream = i % 2 === 0 ? (school.kind === 'MA' ? 'IPA' : 'MIPA') : 'IPS';
      return `${g} ${stream} ${Math.floor(i / 2) + 1}`;
    });
    inGrade.forEach((d, i) => {
      d.kelas = names[i % sections] as string;
    });
    inGrade.sort((a, b) => a.kelas.localeCompare(b.kelas) || a.nama.localeCompare(b.nama));
    for (const d of inGrade) {
      d.nipd = `${String((startYear - (grade - 10)) % 100).padStart(2, '0')}${String(++seq).padStart(4, '0')}`;
      sorted.push(d);
    }
  }
  return sorted;
}

function decoyName(random: Random, name: string): string {
  const r = random.next();
  if (r < 0.5) return name;
  if (r < 0.7 && startsWithMuhammad(name)) return muhammadVariant(random, name).replace(/\.$/, '');
  if (r < 0.85) return typo(random, name);
  return dropWord(random, name);
}

function emptyCounts(): Record<Corruption, number> {
  return Object.fromEntries(CORRUPTIONS.map((k) => [k, 0])) as Record<Corruption, number>;
}

/**
 * Generates a synthetic programme like Kabupaten Kediri's: schools over the 26 kecamatan, a registry
 * extract of families (twins, decoys, out-of-regency residents, every KTP-el status), the schools' lists
 * with the corruptions of SPEC §4, the truth, teams and the holiday calendar. The same options give the
 * same programme. Throws a `RangeError` for options that {@link validateDemoOptions} rejects.
 */
export function generateProgramme(
  request: Partial<DemoOptions> = {},
  onProgress?: (progress: Progress) => void,
): DemoProgramme {
  const options: DemoOptions = { ...DEFAULT_DEMO_OPTIONS, ...request };
  const problems = validateDemoOptions(options);
  if (problems.length > 0) throw new RangeError(`generateProgramme: ${problems.join('; ')}`);
  const reference = parseIsoDate(options.referenceDate) as PlainDate;
  const report = (phase: string, done: number, total: number): void =>
    onProgress?.({ phase, done, total });
  const root = new Random(options.seed);
  const places = new Places(root.fork(1), options.villages);
  const holidays = holidaysFor(reference.year);
  const schools = generateSchools(
    root.fork(2),
    options.schools,
    reference,
    new Set(holidays.map((h) => h.tanggal)),
  );

  // Families until the registry (less the decoys to come) is full.
  const duplicates = Math.round(options.students * NOISE_RATES.duplicateListing);
  const uniqueStudents = options.students - duplicates;
  const decoyTarget = Math.min(
    Math.round(uniqueStudents * 0.03),
    Math.floor(options.registry * 0.05),
  );
  const population = new PopulationBuilder(root.fork(3), places, {
    reference,
    minAge: 13,
    maxAge: 20,
  });
  const familyTarget = options.registry - decoyTarget;
  while (population.registryCount < familyTarget) {
    population.addFamily();
    if (population.families.length % 2000 === 0)
      report('families', population.registryCount, options.registry);
  }
  report('families', population.registryCount, options.registry);

  // Students: people of senior-high age, out-of-regency homes less likely, twins usually together.
  const random = root.fork(4);
  const grades = new Map<Person, 10 | 11 | 12>();
  for (const p of population.people) {
    const grade = gradeOf(random, p, reference);
    if (grade) grades.set(p, grade);
  }
  const weightOf = (p: Person): number =>
    p.family.place.inKabKediri ? 1 : p.family.place.regencyCode === '3571' ? 0.9 : 0.5;
  const order = [...grades.keys()]
    .map((p) => ({ p, key: -Math.log(1 - random.next()) / weightOf(p) }))
    .sort((a, b) => a.key - b.key)
    .map((e) => e.p);
  if (order.length < uniqueStudents) {
    throw new RangeError(
      `generateProgramme: only ${order.length} people of school age for ${uniqueStudents} students; raise registry`,
    );
  }
  const chooser = new SchoolChooser(schools);
  const nisnOf = makeNisnIssuer(random);
  const drafts: StudentDraft[] = [];
  const chosen = new Set<Person>();
  for (const p of order) {
    if (drafts.length >= uniqueStudents) break;
    if (chosen.has(p)) continue;
    const school = chooser.choose(random, p);
    chosen.add(p);
    drafts.push(draftRow(random, p, school, grades.get(p) as 10 | 11 | 12, nisnOf));
    const twin = p.isTwin
      ? p.family.children.find((c) => c !== p && c.isTwin && c.birthDate === p.birthDate)
      : undefined;
    if (
      twin &&
      !chosen.has(twin) &&
      grades.has(twin) &&
      drafts.length < uniqueStudents &&
      random.chance(0.8)
    ) {
      chosen.add(twin);
      drafts.push(draftRow(random, twin, school, grades.get(p) as 10 | 11 | 12, nisnOf));
    }
    if (drafts.length % 2000 === 0) report('students', drafts.length, options.students);
  }
  for (let i = 0; i < duplicates; i++) {
    const original = drafts[random.int(0, uniqueStudents - 1)] as StudentDraft;
    let school = original.school;
    if (schools.length > 1 && !random.chance(0.6)) {
      while (school === original.school) school = chooser.choose(random, original.person);
    }
    drafts.push(draftRow(random, original.person, school, original.grade, nisnOf, original));
  }
  report('students', drafts.length, options.students);

  // Decoys fill the registry to its size: people who look like a student but are someone else.
  // Decoys resemble listed students; in a tiny programme whose students are all absent from the
  // registry, they resemble other registry people instead.
  const listed = drafts.filter((d) => d.person.inRegistry && !d.duplicateOf).map((d) => d.person);
  const models = listed.length > 0 ? listed : population.people.filter((p) => p.inRegistry);
  const decoyCount = options.registry - population.registryCount;
  for (let i = 0; i < decoyCount; i++) {
    const like = models[random.int(0, models.length - 1)] as Person;
    population.addDecoy(like, decoyName(random, like.nama));
  }

  // Classes, NIPD and order within each school's list.
  const startYear = reference.month >= 7 ? reference.year : reference.year - 1;
  const ordered: StudentDraft[] = [];
  for (const school of schools) {
    const mine = drafts.filter((d) => d.school === school);
    ordered.push(...assignClasses(random, school, mine, startYear));
  }
  const tags = new Map(ordered.map((d) => [d, d.corruptions] as const));
  report('files', 0, schools.length);
  const rendered = renderSchoolLists(root.fork(5), schools, ordered, tags);
  report('files', schools.length, schools.length);

  const schemes = new Map<string, { status: StatusScheme; longSex: boolean }>();
  const registryRandom = root.fork(6);
  // The last family may overshoot the requested size: leave out that many people no school lists.
  const listedPeople = new Set(drafts.map((d) => d.person));
  let excess = population.registryCount - options.registry;
  const registryPeople: Person[] = [];
  for (let i = population.people.length - 1; i >= 0; i--) {
    const p = population.people[i] as Person;
    if (!p.inRegistry) continue;
    if (excess > 0 && !listedPeople.has(p)) excess--;
    else registryPeople.push(p);
  }
  registryPeople.sort((a, b) =>
    a.family.noKk < b.family.noKk ? -1 : a.family.noKk > b.family.noKk ? 1 : a.id - b.id,
  );
  const registry: Resident[] = [];
  for (const p of registryPeople) {
    registry.push(toResident(registryRandom, p, schemes));
    if (registry.length % 25_000 === 0) report('registry', registry.length, registryPeople.length);
  }
  report('registry', registry.length, registryPeople.length);

  const idOf = new Map(rendered.rows.map((r) => [r.draft, r.record.idSiswa] as const));
  const fileOf = new Map<string, string>();
  for (const file of rendered.files) for (const npsn of file.npsn) fileOf.set(npsn, file.fileName);
  const truth: TruthRow[] = rendered.rows.map(({ draft, record, fileRow }) => ({
    idSiswa: record.idSiswa,
    file: fileOf.get(draft.school.npsn) ?? '',
    fileRow,
    nik: draft.person.inRegistry ? draft.person.nik : '',
    personId: `P${draft.person.id}`,
    duplicateOf: draft.duplicateOf ? (idOf.get(draft.duplicateOf) ?? '') : '',
    isTwin: draft.person.isTwin,
    corruptions: [...draft.corruptions],
  }));

  const teams: Team[] = Array.from(
    { length: Math.max(1, Math.round(options.students / 5000)) },
    (_, i) => ({
      tim: `Tim ${i + 1}`,
      jumlahAlat: i % 2 === 0 ? 3 : 2,
      kapasitasPerAlat: 50,
    }),
  );

  const corruptions = emptyCounts();
  for (const row of truth) for (const c of row.corruptions) corruptions[c]++;
  const statuses: Record<string, number> = {};
  for (const r of registry) statuses[r.statusRekam] = (statuses[r.statusRekam] ?? 0) + 1;
  const summary: DemoSummary = {
    seed: options.seed,
    referenceDate: options.referenceDate,
    schools: schools.length,
    students: rendered.rows.length,
    registry: registry.length,
    teams: teams.length,
    holidays: holidays.length,
    families: population.families.length,
    twinsInRegistry: registryPeople.filter((p) => p.isTwin).length,
    outOfRegencyResidents: registryPeople.filter((p) => !p.family.place.inKabKediri).length,
    studentsNotInRegistry: truth.filter((t) => t.nik === '').length,
    duplicateListings: truth.filter((t) => t.duplicateOf !== '').length,
    corruptions,
    statuses,
  };
  return {
    summary,
    schools: schools.map(({ kind: _k, negeri: _n, sizeWeight: _s, ...school }) => school),
    teams,
    holidays: [...holidays],
    registry,
    students: rendered.rows.map((r) => r.record),
    truth,
    files: rendered.files,
  };
}
