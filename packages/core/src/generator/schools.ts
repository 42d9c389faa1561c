import { addDays, isoDayOfWeek, formatIsoDate, type PlainDate } from '../dates/plain-date.js';
import type { School } from '../domain/records.js';
import { KEDIRI_KECAMATAN, type Kecamatan } from '../regions/data.js';
import type { Random } from '../random/prng.js';
import { WeightedTable } from '../random/prng.js';

/** The kind of a school, which shapes its name, class names and size. */
export type SchoolKind = 'SMA' | 'SMK' | 'MA';

/** A generated school with what the generator needs beyond the public record. */
export interface GeneratedSchool extends School {
  readonly kind: SchoolKind;
  readonly negeri: boolean;
  /** Relative size: how strongly the school draws students. */
  readonly sizeWeight: number;
}

const KINDS = new WeightedTable<readonly [SchoolKind, boolean]>([
  [['SMA', true], 12],
  [['SMK', true], 10],
  [['MA', true], 5],
  [['SMA', false], 18],
  [['SMK', false], 30],
  [['MA', false], 25],
]);

const PRIVATE_NAMES: Readonly<Record<SchoolKind, readonly string[]>> = {
  SMA: [
    'PGRI',
    'ISLAM',
    'DHARMA WANITA',
    'KATOLIK SANTO YUSUF',
    'MUHAMMADIYAH',
    'BHAKTI',
    'TRI BHAKTI',
    'WACHID HASYIM',
  ],
  SMK: [
    'PGRI',
    'MUHAMMADIYAH',
    'BHAKTI',
    'TRI DHARMA',
    'ISLAM',
    'KOSGORO',
    'WIRA HUSADA',
    'SATRIA NUSANTARA',
    'AL HIKMAH',
    'TEKNOLOGI',
  ],
  MA: [
    'MIFTAHUL ULUM',
    'HIDAYATUL MUBTADIIN',
    'NURUL HUDA',
    "ASY-SYAFI'IYAH",
    'AL FALAH',
    'DARUL HIKMAH',
    "MA'ARIF",
    "HASYIM ASY'ARI",
    'SUNAN KALIJOGO',
    'AL ISHLAH',
  ],
};

/** Office of Dukcapil Kab. Kediri (the government centre in Ngasem), the start of every trip. */
export const OFFICE = { latitude: -7.79, longitude: 112.07 } as const;

/** Great-circle distance in kilometres. */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Minutes by road from the office: roads wind (×1.35) and average about 35 km/h, plus parking. */
export function travelMinutes(
  from: { latitude: number; longitude: number },
  to: { latitude: number; longitude: number },
): number {
  const minutes = (distanceKm(from, to) * 1.35 * 60) / 35 + 8;
  return Math.max(10, Math.round(minutes / 5) * 5);
}

function workingDaysFrom(start: PlainDate, count: number, skip: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let day = start;
  while (out.length < count) {
    const iso = formatIsoDate(day);
    if (isoDayOfWeek(day) <= 5 && !skip.has(iso)) out.push(iso);
    day = addDays(day, 1);
  }
  return out;
}

/**
 * Generates `count` schools spread over the 26 kecamatan (every kecamatan has one when there are at
 * least 26), more in the larger ones and in Pare, the education town.
 */
export function generateSchools(
  random: Random,
  count: number,
  reference: PlainDate,
  holidays: ReadonlySet<string>,
): GeneratedSchool[] {
  const kecamatanOrder: Kecamatan[] = [];
  const weights = new WeightedTable(
    KEDIRI_KECAMATAN.map(
      (k) =>
        [k, k.nama === 'Pare' ? 4 : k.nama === 'Ngasem' || k.nama === 'Gurah' ? 1.5 : 1] as const,
    ),
  );
  for (let i = 0; i < count; i++) {
    kecamatanOrder.push(
      i < KEDIRI_KECAMATAN.length ? (KEDIRI_KECAMATAN[i] as Kecamatan) : weights.draw(random),
    );
  }
  const usedNames = new Set<string>();
  const usedNpsn = new Set<string>();
  const negeriCount = new Map<string, number>();
  let manNumber = 0;
  const schools: GeneratedSchool[] = [];
  for (const kec of random.shuffled(kecamatanOrder)) {
    const [kind, negeri] = KINDS.draw(random);
    let nama: string;
    const kecName = kec.nama.toUpperCase();
    if (negeri && kind === 'MA') {
      nama = `MAN ${++manNumber} KEDIRI`;
    } else if (negeri) {
      const key = `${kind}${kec.kode}`;
      const n = (negeriCount.get(key) ?? 0) + 1;
      negeriCount.set(key, n);
      nama = `${kind} NEGERI ${n} ${kecName}`;
    } else {
      let attempt = 0;
      do {
        const base = random.pick(PRIVATE_NAMES[kind]);
        nama =
          attempt < 3 && random.chance(0.6)
            ? `${kind} ${base} ${kecName}`
            : `${kind} ${base} ${random.int(1, 3)} ${kecName}`;
        attempt++;
      } while (usedNames.has(nama) && attempt < 50);
      if (usedNames.has(nama)) nama = `${nama} ${schools.length + 1}`;
    }
    usedNames.add(nama);
    let npsn: string;
    do {
      npsn =
        kind === 'MA'
          ? `${random.pick(['2058', '6972'])}${String(random.int(0, 9999)).padStart(4, '0')}`
          : `205${String(random.int(10000, 49999))}`;
    } while (usedNpsn.has(npsn));
    usedNpsn.add(npsn);
    const latitude = Number((kec.latitude + random.normal(0, 0.012)).toFixed(5));
    const longitude = Number((kec.longitude + random.normal(0, 0.012)).toFixed(5));
    // Blackout days: an exam week for some schools, a single event day for others.
    const blackout = new Set<string>();
    if (random.chance(0.2)) {
      const start = addDays(reference, random.int(25, 60));
      for (const d of workingDaysFrom(start, 5, holidays)) blackout.add(d);
    }
    if (random.chance(0.15)) {
      const [d] = workingDaysFrom(addDays(reference, random.int(0, 90)), 1, holidays);
      if (d) blackout.add(d);
    }
    const sizeBase = negeri ? (kind === 'SMK' ? 3.2 : 2.8) : kind === 'SMK' ? 1.1 : 0.8;
    schools.push({
      npsn,
      nama,
      kecamatan: kec.kode,
      waktuTempuhMenit: travelMinutes(OFFICE, { latitude, longitude }),
      latitude,
      longitude,
      tanggalTidakBisa: [...blackout].sort(),
      kind,
      negeri,
      sizeWeight: sizeBase * Math.exp(random.normal(0, 0.45)),
    });
  }
  return schools;
}
