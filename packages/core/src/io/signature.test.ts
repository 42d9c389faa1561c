import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateProgramme } from '../generator/programme.js';
import type { Cell } from './cells.js';
import { isSignatureText, SignatureBlocks } from './signature.js';

const FROM = 2011;

describe('isSignatureText', () => {
  it.each([
    'Mengetahui,',
    'MENGETAHUI',
    'Menyetujui:',
    'a.n. Kepala Sekolah',
    'Plt. Kepala Sekolah',
    'Kepala SMA Negeri 1 Pare',
    'Wali Kelas XII IPA 1',
    'Operator Sekolah',
    'Kediri, 9 Januari 2023',
    'Kediri, 09-01-2023',
    'Kab. Kediri, 9 Jan. 2023',
    'Pare, ......... Januari 2023',
    'Kediri,            2023',
    'Drs. H. SUPRAPTO, M.Pd.',
    'SITI AMINAH, S.Pd.',
    'Moch. Ali, S.Ag., M.Pd.I',
    'Hj. Siti Romlah',
    '( SUPRAPTO )',
    'NIP. 19650312 199003 1 007',
    'NIP. 19xxxxxxxx',
    'NIP : -',
    'NUPTK 1234567890123456',
    'Pembina Tk. I',
    'Penata Muda Tk. I / III b',
    '__________________',
    'Mengetahui,\nKepala Sekolah\n\n\nSUPRAPTO\nNIP. 19650312 199003 1 007',
  ])('is true for a signature line: %j', (line) => {
    expect(isSignatureText(line, FROM)).toBe(true);
  });

  it.each([
    'Siti Aminah',
    'MUHAMMAD RIZKY',
    'M. Rizky Pratama',
    'Moch. Ali',
    'Guruh Saputra',
    'Ketut Ardana',
    'Nip',
    'Nipah Lestari',
    'Stefani',
    'Aminah, Siti',
    'Kediri, 17 Agustus 2006',
    'Kediri',
    '0061234567',
    '3506011501060001',
    '17/08/2006',
    'XII IPA 1',
    'SUPRAPTO\nSITI',
  ])('is false for data: %j', (text) => {
    expect(isSignatureText(text, FROM)).toBe(false);
  });

  it('is false for every name of a generated programme’s students and registry', () => {
    const programme = generateProgramme({ seed: 11, schools: 6, students: 1500, registry: 4500 });
    const names = [
      ...programme.students.map((s) => s.nama),
      ...programme.registry.flatMap((r) => [r.nama, r.namaIbu]),
    ];
    expect(names.filter((name) => isSignatureText(name, FROM))).toEqual([]);
  });
});

describe('SignatureBlocks', () => {
  it('takes the rows of a block, a bare name under it included, until a data row', () => {
    const blocks = new SignatureBlocks(FROM);
    const rows: Cell[][] = [
      ['', 'Mengetahui,'],
      ['', 'Kepala Sekolah', 'Wali Kelas'],
      ['', 'SUPRAPTO', 'SITI MAEMUNAH'],
      ['', { number: '196503121990031007' }],
      ['7', 'Budi'],
      ['', 'SUPRAPTO'],
    ];
    expect(rows.map((row) => blocks.isSignature(row))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('does not take a bare name without a signature line above it', () => {
    const blocks = new SignatureBlocks(FROM);
    expect(blocks.isSignature(['', 'SUPRAPTO'])).toBe(false);
  });

  it('takes a date cell only beside "Kediri," and "Kediri," only beside a date', () => {
    const date = new Date(Date.UTC(2023, 0, 9));
    expect(new SignatureBlocks(FROM).isSignature(['Kediri,', date])).toBe(true);
    expect(new SignatureBlocks(FROM).isSignature(['Kediri,'])).toBe(false);
    expect(new SignatureBlocks(FROM).isSignature(['', date])).toBe(false);
  });

  it('never takes a row of four filled cells, or a row that starts with its number (property)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('Mengetahui,', 'Kepala Sekolah', 'NIP. 1965', 'Drs. H. A, M.Pd.'),
    );
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 999 }),
        (cells, number) => {
          const blocks = new SignatureBlocks(FROM);
          blocks.isSignature(['', 'Mengetahui,']);
          expect(blocks.isSignature([String(number), ...cells])).toBe(false);
          const filled = ['a', 'b', 'c', 'd', ...cells];
          expect(new SignatureBlocks(FROM).isSignature(filled)).toBe(false);
        },
      ),
    );
  });
});
