import { KEDIRI_KECAMATAN, KOTA_KEDIRI } from '../regions/data.js';
import type { Random } from '../random/prng.js';
import { WeightedTable } from '../random/prng.js';
import { VILLAGE_HEADS, VILLAGE_TAILS } from './names.js';
import type { Village } from './types.js';

/** A village where families live, with its kecamatan and regency. */
export interface Place {
  /** 10-digit code without dots, e.g. `3506012001`. */
  readonly villageCode: string;
  readonly villageName: string;
  /** 6-digit kecamatan code without dots. */
  readonly kecamatanCode: string;
  /** 4-digit regency code without dots. */
  readonly regencyCode: string;
  readonly inKabKediri: boolean;
}

/**
 * Relative population of Kabupaten Kediri's kecamatan (rough, from the order of magnitude of the
 * published figures: Pare, Ngadiluwih, Kandat and Wates are among the largest).
 */
// prettier-ignore
const KECAMATAN_WEIGHT: Readonly<Record<string, number>> = {
  Semen: 5, Mojo: 7, Kras: 5.5, Ngadiluwih: 7.5, Kandat: 6.5, Wates: 7.5, Ngancar: 5, Puncu: 5.5,
  Plosoklaten: 6, Gurah: 6.5, Pagu: 3.5, Gampengrejo: 3, Grogol: 3.5, Papar: 4.5, Purwoasri: 5.5,
  Plemahan: 5.5, Pare: 9.5, Kepung: 7.5, Kandangan: 4.5, Tarokan: 5, Kunjang: 3.5, Banyakan: 5,
  Ringinrejo: 4.5, 'Kayen Kidul': 4.5, Ngasem: 6, Badas: 5.5,
};

/** Regencies whose residents are often in the extract and the schools (share of families, %). */
const OUT_OF_REGENCY: readonly (readonly [string, number, number])[] = [
  // [regency code, share of families in %, number of kecamatan to spread over]
  [KOTA_KEDIRI.replace('.', ''), 5.0, 3],
  ['3518', 1.2, 20], // Nganjuk
  ['3505', 0.9, 22], // Blitar
  ['3504', 0.6, 19], // Tulungagung
  ['3517', 0.7, 21], // Jombang
  ['3507', 0.5, 33], // Malang
];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function synthesiseVillageNames(random: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    names.add(`${random.pick(VILLAGE_HEADS)}${random.pick(VILLAGE_TAILS)}`);
  }
  return [...names];
}

/** The places of a programme: real villages when given, otherwise synthesised ones with valid codes. */
export class Places {
  readonly #kediri: ReadonlyMap<string, readonly Place[]>;
  readonly #outside: readonly Place[][];
  readonly #table: WeightedTable<() => Place>;

  constructor(random: Random, villages?: readonly Village[]) {
    const kediri = new Map<string, Place[]>();
    for (const kec of KEDIRI_KECAMATAN) {
      const kecCode = kec.kode.replaceAll('.', '');
      const given = (villages ?? [])
        .filter((v) => v.kode.startsWith(`${kec.kode}.`))
        .map((v) => ({ code: v.kode.replaceAll('.', ''), name: v.nama.toUpperCase() }));
      const list =
        given.length > 0
          ? given
          : synthesiseVillageNames(random, random.int(10, 16)).map((name, i) => ({
              code: `${kecCode}${pad(2001 + i, 4)}`,
              name,
            }));
      kediri.set(
        kecCode,
        list.map((v) => ({
          villageCode: v.code,
          villageName: v.name,
          kecamatanCode: kecCode,
          regencyCode: kecCode.slice(0, 4),
          inKabKediri: true,
        })),
      );
    }
    this.#kediri = kediri;

    this.#outside = OUT_OF_REGENCY.map(([regency, , kecamatanCount]) => {
      const places: Place[] = [];
      const isCity = regency.startsWith('357');
      for (let k = 1; k <= kecamatanCount; k++) {
        const kecCode = `${regency}${pad(k, 2)}`;
        const names = synthesiseVillageNames(random, isCity ? 6 : 4);
        names.forEach((name, i) =>
          places.push({
            villageCode: `${kecCode}${pad((isCity ? 1001 : 2001) + i, 4)}`,
            villageName: name,
            kecamatanCode: kecCode,
            regencyCode: regency,
            inKabKediri: false,
          }),
        );
      }
      return places;
    });

    const entries: [() => Place, number][] = [];
    const outsideShare = OUT_OF_REGENCY.reduce((sum, [, share]) => sum + share, 0);
    const totalKediriWeight = Object.values(KECAMATAN_WEIGHT).reduce((a, b) => a + b, 0);
    for (const kec of KEDIRI_KECAMATAN) {
      const list = kediri.get(kec.kode.replaceAll('.', '')) as Place[];
      const weight = ((KECAMATAN_WEIGHT[kec.nama] ?? 5) / totalKediriWeight) * (100 - outsideShare);
      entries.push([() => random.pick(list), weight]);
    }
    OUT_OF_REGENCY.forEach(([, share], i) => {
      const list = this.#outside[i] as Place[];
      entries.push([() => random.pick(list), share]);
    });
    this.#table = new WeightedTable(entries);
  }

  /** A random domicile, Kab. Kediri's kecamatan weighted by population, some outside the regency. */
  drawDomicile(random: Random): Place {
    return this.#table.draw(random)();
  }

  /** A random Kab. Kediri kecamatan code (6 digits). */
  anyKediriKecamatan(random: Random): string {
    return random.pick([...this.#kediri.keys()]);
  }
}
