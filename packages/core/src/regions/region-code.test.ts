import { describe, expect, it } from 'vitest';
import { describeRegion, dottedRegionCode, parseRegionCode, regionNames } from './region-code.js';

function code(text: string) {
  const r = parseRegionCode(text);
  if (!r.ok) throw new Error(`not a region code: ${text}`);
  return r.value;
}

describe('parseRegionCode', () => {
  it.each([
    ['35', '35', 'provinsi'],
    ['3506', '35.06', 'kabupaten'],
    ['35.06', '35.06', 'kabupaten'],
    ['350601', '35.06.01', 'kecamatan'],
    ['3506012001', '35.06.01.2001', 'desa'],
    ['35.06.01.2001', '35.06.01.2001', 'desa'],
    [" '3571 ", '35.71', 'kabupaten'],
  ])('reads %s as %s (%s)', (text, dotted, level) => {
    expect(parseRegionCode(text)).toEqual({
      ok: true,
      value: { digits: dotted.replaceAll('.', ''), dotted, level },
    });
  });

  describe('invalid input', () => {
    it.each([
      ['', 'region_empty'],
      ['350', 'region_format'],
      ['35060120', 'region_format'],
      ['3500', 'region_format'],
      ['35A6', 'region_format'],
      ['9906', 'region_province'],
    ])('refuses "%s" with %s', (text, issue) => {
      const r = parseRegionCode(text);
      expect(r.ok ? 'ok' : r.issues[0].code).toBe(issue);
    });
  });
});

describe('region names', () => {
  it('names the province, regency and kecamatan the tables know', () => {
    expect(regionNames(code('3506172001'))).toEqual({
      provinsi: 'Jawa Timur',
      kabupaten: 'Kabupaten Kediri',
      kecamatan: 'Pare',
    });
    expect(describeRegion(code('350601'))).toBe('Kecamatan Semen, Kabupaten Kediri, Jawa Timur');
    expect(describeRegion(code('3571010001'))).toBe('Kota Kediri, Jawa Timur');
  });

  it('falls back to the code where the tables stop', () => {
    expect(describeRegion(code('3201'))).toBe('kode 32.01, Jawa Barat');
    expect(describeRegion(code('3201'), 'en')).toBe('code 32.01, Jawa Barat');
    expect(describeRegion(code('33'))).toBe('Jawa Tengah');
  });

  it('writes digits with dots', () => {
    expect(dottedRegionCode('3506012001')).toBe('35.06.01.2001');
    expect(dottedRegionCode('35')).toBe('35');
  });
});
