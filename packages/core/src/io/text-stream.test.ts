import { describe, expect, it } from 'vitest';
import { decodeText } from './text-stream.js';
import { encodeUtf8, encodeWindows1252 } from './encoding.js';

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(encodeUtf8('Désa Pare', true))).toEqual({
      text: 'Désa Pare',
      encoding: 'utf-8',
      bom: true,
    });
    expect(decodeText(encodeUtf8('Désa Pare'))).toEqual({
      text: 'Désa Pare',
      encoding: 'utf-8',
      bom: false,
    });
  });

  it('reads Windows-1252 when the bytes are not UTF-8, including the 0x80–0x9F range', () => {
    const bytes = encodeWindows1252('Désa “Pare” – €5');
    expect(decodeText(bytes)).toEqual({
      text: 'Désa “Pare” – €5',
      encoding: 'windows-1252',
      bom: false,
    });
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0xe9, 0x00]);
    expect(decodeText(le)).toEqual({ text: 'aé', encoding: 'utf-16le', bom: true });
  });

  it('reads an empty file', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });
});
