import { describe, expect, it } from 'vitest';
import { formatCsv } from './csv-write.js';
import { encodeUtf8, encodeWindows1252 } from './encoding.js';

describe('writing CSV', () => {
  it('quotes cells with the delimiter, quotes or line breaks, and ends lines with CRLF', () => {
    expect(formatCsv([['a', 'b,c', 'say "hi"', 'x\ny']])).toBe('a,"b,c","say ""hi""","x\ny"\r\n');
    expect(formatCsv([['a;b', 'c']], { delimiter: ';', newline: '\n' })).toBe('"a;b";c\n');
  });

  it('writes numbers as they print and empty cells for null', () => {
    expect(formatCsv([[1, null, 2.5, undefined]])).toBe('1,,2.5,\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas, but not plain negative numbers', () => {
    expect(
      formatCsv([['=HYPERLINK("x")', '+1+2', '@SUM(A1)', '-5', '\tx']], { newline: '\n' }),
    ).toBe(`"'=HYPERLINK(""x"")",'+1+2,'@SUM(A1),-5,'\tx\n`);
  });
});

describe('text encodings', () => {
  it('adds a byte-order mark to UTF-8 only when asked', () => {
    expect([...encodeUtf8('a')]).toEqual([0x61]);
    expect([...encodeUtf8('a', true)]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
  });

  it('encodes Windows-1252, curly apostrophes included, and ? for what it cannot hold', () => {
    expect([...encodeWindows1252('Nur’aini é €')]).toEqual([
      0x4e, 0x75, 0x72, 0x92, 0x61, 0x69, 0x6e, 0x69, 0x20, 0xe9, 0x20, 0x80,
    ]);
    expect([...encodeWindows1252('ก')]).toEqual([0x3f]);
  });
});
