import { decodeWindows1252 } from './encoding.js';

/** The text encodings Sahaja reads. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Decoded file text and what it was. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  /** The file started with a byte-order mark (dropped from `text`). */
  readonly bom: boolean;
}

/**
 * Decodes a whole text file from bytes by the rules of {@link TextStreamDecoder}: a byte-order mark
 * decides; otherwise UTF-8 when the first byte outside ASCII starts valid UTF-8, else Windows-1252.
 * Never throws.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const decoder = new TextStreamDecoder();
  const text = decoder.decode(bytes, true);
  return { text, encoding: decoder.encoding ?? 'utf-8', bom: decoder.bom };
}

/**
 * Decodes a file's bytes chunk by chunk into text, deciding the encoding as it goes: a byte-order mark
 * decides at once (UTF-8, UTF-16); otherwise the first byte outside ASCII decides — a valid UTF-8
 * sequence means UTF-8, anything else Windows-1252 (what Excel's "CSV" writes on an Indonesian Windows
 * laptop). Pure ASCII reads the same either way, so nothing decoded before the decision changes.
 */
export class TextStreamDecoder {
  #encoding: TextEncoding | undefined;
  #bom = false;
  #decoder: TextDecoder | undefined;
  /** Bytes held back at the start, until there are enough to see a byte-order mark. */
  #head: Uint8Array | undefined = new Uint8Array(0);

  /** The encoding, once decided (`undefined` while every byte so far was ASCII). */
  get encoding(): TextEncoding | undefined {
    return this.#encoding;
  }

  /** True when the text started with a byte-order mark (it is not part of the decoded text). */
  get bom(): boolean {
    return this.#bom;
  }

  /** Decodes the next chunk; pass `final` with the last one (an empty chunk is fine). */
  decode(chunk: Uint8Array, final = false): string {
    let bytes = chunk;
    if (this.#head) {
      bytes = concat(this.#head, chunk);
      if (bytes.length < 3 && !final) {
        this.#head = bytes;
        return '';
      }
      this.#head = undefined;
      bytes = this.#takeBom(bytes);
    }
    if (!this.#encoding) {
      const firstHigh = firstNonAscii(bytes);
      if (firstHigh < 0) return asciiText(bytes);
      this.#decide(looksLikeUtf8(bytes.subarray(firstHigh)) ? 'utf-8' : 'windows-1252');
    }
    if (this.#encoding === 'windows-1252') return decodeWindows1252(bytes);
    return (this.#decoder as TextDecoder).decode(bytes, { stream: !final });
  }

  #takeBom(bytes: Uint8Array): Uint8Array {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      this.#bom = true;
      this.#decide('utf-8');
      return bytes.subarray(3);
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      this.#bom = true;
      this.#decide('utf-16le');
      return bytes.subarray(2);
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      this.#bom = true;
      this.#decide('utf-16be');
      return bytes.subarray(2);
    }
    return bytes;
  }

  #decide(encoding: TextEncoding): void {
    this.#encoding = encoding;
    if (encoding !== 'windows-1252') this.#decoder = new TextDecoder(encoding);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const ASCII = new TextDecoder('utf-8');

function asciiText(bytes: Uint8Array): string {
  return ASCII.decode(bytes);
}

/**
 * True when the bytes from the first non-ASCII byte on are valid UTF-8 (looking at up to 64 KiB; a
 * sequence cut by the end of the chunk counts as valid).
 */
function looksLikeUtf8(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64 * 1024);
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return false;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return true;
      const c = bytes[i + k] as number;
      if (c < 0x80 || c > 0xbf) return false;
    }
    i += length;
  }
  return true;
}

/** Index of the first byte of 0x80 or more, or -1; four bytes at a time where they are aligned. */
function firstNonAscii(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n && (bytes.byteOffset + i) % 4 !== 0) {
    if ((bytes[i] as number) >= 0x80) return i;
    i++;
  }
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, Math.floor((n - i) / 4));
  for (let w = 0; w < words.length; w++) {
    if (((words[w] as number) & 0x80808080) !== 0) {
      for (let k = i + w * 4; k < i + w * 4 + 4; k++) if ((bytes[k] as number) >= 0x80) return k;
    }
  }
  for (let k = i + words.length * 4; k < n; k++) if ((bytes[k] as number) >= 0x80) return k;
  return -1;
}
