import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv } from './csv-write.js';
import { CsvParser, detectDelimiter, parseCsv } from './csv-read.js';

describe('parseCsv', () => {
  it('reads quoted fields holding separators, doubled quotes and line breaks', () => {
    const text = 'nama,alamat\r\n"Siti, S.Pd","Jl. ""Mawar""\nRT 01"\r\nBudi,Pare\r\n';
    expect(parseCsv(text).rows).toEqual([
      ['nama', 'alamat'],
      ['Siti, S.Pd', 'Jl. "Mawar"\nRT 01'],
      ['Budi', 'Pare'],
    ]);
  });

  it('reads LF, CRLF and CR line ends and a last line without one', () => {
    expect(parseCsv('a,b\nc,d\r\ne,f\rg,h').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('drops a byte-order mark and keeps blank lines as rows so that row numbers stay the file’s', () => {
    expect(parseCsv('\ufeffnik;nama\n\n1;A\n').rows).toEqual([['nik', 'nama'], [''], ['1', 'A']]);
  });

  it('keeps empty fields and ragged rows', () => {
    expect(parseCsv('a,,c\n1\n').rows).toEqual([['a', '', 'c'], ['1']]);
  });

  it('closes a quote left open at the end of the text instead of failing', () => {
    expect(parseCsv('a,"b\nc').rows).toEqual([['a', 'b\nc']]);
  });

  it('round-trips anything formatCsv writes, with every separator (property)', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Z', '0', ' ', ',', ';', '\t', '"', '\n', '\r', 'é', '='),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(',', ';', '\t'),
        (rows, delimiter) => {
          const text = formatCsv(rows, { delimiter, neutraliseFormulas: false });
          expect(parseCsv(text, { delimiter }).rows).toEqual(rows);
        },
      ),
    );
  });
});

describe('detectDelimiter', () => {
  it('finds the separator Indonesian Excel writes, and commas, tabs and pipes', () => {
    expect(detectDelimiter('nik;nama;tgl\n1;"A, B";2\n')).toBe(';');
    expect(detectDelimiter('nik,nama\n1,"A; B"\n')).toBe(',');
    expect(detectDelimiter('nik\tnama\n1\tA\n')).toBe('\t');
    expect(detectDelimiter('nik|nama\n1|A\n')).toBe('|');
  });

  it('prefers the separator that splits every line the same way', () => {
    expect(detectDelimiter('a;b;c\n1;2,5;3\n4;5,5;6\n')).toBe(';');
  });

  it('falls back to a comma for one-column text', () => {
    expect(detectDelimiter('nik\n1\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});

describe('CsvParser', () => {
  it('gives the same rows whatever the chunk boundaries and line ends (property)', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', '\r', 'é', "'"),
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\r\n', '\n'),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 8 }),
        (rows, newline, cuts) => {
          const text = formatCsv(rows, { newline, neutraliseFormulas: false });
          const whole = parseCsv(text, { delimiter: ',' }).rows;
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const parser = new CsvParser(',');
          const chunked: string[][] = [];
          let start = 0;
          for (const p of [...points, text.length]) {
            chunked.push(...parser.push(text.slice(start, p)));
            start = p;
          }
          chunked.push(...parser.finish());
          expect(chunked).toEqual(whole);
          expect(whole).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads lone CR line ends and blank lines in a quote-free chunk', () => {
    const parser = new CsvParser(';');
    expect([...parser.push('a;b\rc;d\n\ne;f\n'), ...parser.finish()]).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      [''],
      ['e', 'f'],
    ]);
  });
});
