import { decodeWindows1252 } from './encoding.js';

/** The text encodings {@link decodeText} recognises. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Decoded file text and what it was. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  /** The file started with a byte-order mark (dropped from `text`). */
  readonly bom: boolean;
}

/**
 * Decodes a text file from bytes: a byte-order mark decides when present (UTF-8, UTF-16); otherwise
 * valid UTF-8 is read as UTF-8 and anything else as Windows-1252 — what Excel's "CSV" writes on an
 * Indonesian Windows laptop. Never throws.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: new TextDecoder('utf-8').decode(bytes.subarray(3)),
      encoding: 'utf-8',
      bom: true,
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      bom: true,
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      bom: true,
    };
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      bom: false,
    };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
  }
}
