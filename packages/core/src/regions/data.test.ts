import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JAWA_TIMUR_REGENCIES, KEDIRI_KECAMATAN, PROVINCES } from './data.js';

// The public Kepmendagri table lives outside the repository (../shared/data); it is never copied in.
const tablePath = fileURLToPath(
  new URL('../../../../../shared/data/wilayah/wilayah.csv', import.meta.url),
);
const haveTable = existsSync(tablePath);
if (!haveTable) {
  console.warn(
    `SKIPPED: the region-table checks need ${tablePath}, which is absent on this machine.`,
  );
}

describe('the built-in region tables', () => {
  it('has the 38 provinces, 38 regencies and cities of Jawa Timur and the 26 kecamatan of Kab. Kediri', () => {
    expect(PROVINCES).toHaveLength(38);
    expect(JAWA_TIMUR_REGENCIES).toHaveLength(38);
    expect(KEDIRI_KECAMATAN.map((k) => k.nama)).toEqual([
      'Semen',
      'Mojo',
      'Kras',
      'Ngadiluwih',
      'Kandat',
      'Wates',
      'Ngancar',
      'Puncu',
      'Plosoklaten',
      'Gurah',
      'Pagu',
      'Gampengrejo',
      'Grogol',
      'Papar',
      'Purwoasri',
      'Plemahan',
      'Pare',
      'Kepung',
      'Kandangan',
      'Tarokan',
      'Kunjang',
      'Banyakan',
      'Ringinrejo',
      'Kayen Kidul',
      'Ngasem',
      'Badas',
    ]);
  });

  describe.skipIf(!haveTable)('against the Kepmendagri table in ../shared/data/wilayah', () => {
    const rows = haveTable
      ? readFileSync(tablePath, 'utf8')
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => {
            const comma = line.indexOf(',');
            return [line.slice(0, comma), line.slice(comma + 1).trim()] as const;
          })
      : [];
    const names = new Map(rows);

    it('agrees on every province', () => {
      const provinces = rows.filter(([k]) => k.length === 2);
      expect(PROVINCES.map((p) => [p.kode, p.nama])).toEqual(provinces);
    });

    it('agrees on every regency and city of Jawa Timur', () => {
      const regencies = rows.filter(([k]) => /^35\.\d{2}$/.test(k));
      expect(JAWA_TIMUR_REGENCIES.map((r) => [r.kode, r.nama])).toEqual(regencies);
    });

    it("agrees on Kab. Kediri's kecamatan", () => {
      for (const k of KEDIRI_KECAMATAN) expect(names.get(k.kode)).toBe(k.nama);
      expect(rows.filter(([k]) => /^35\.06\.\d{2}$/.test(k))).toHaveLength(26);
    });
  });
});
