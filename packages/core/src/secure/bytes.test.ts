import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  concatBytes,
  equalBytes,
  fromBase64,
  randomBytes,
  toBase64,
  toBase64Url,
} from './bytes.js';

describe('base64', () => {
  it('writes the RFC 4648 test vectors', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [text, base64] of cases) {
      expect(toBase64(new TextEncoder().encode(text))).toBe(base64);
      expect(fromBase64(base64)).toEqual(new TextEncoder().encode(text));
    }
  });

  it('round-trips any bytes, including arrays longer than one slice', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      }),
      { numRuns: 30 },
    );
  });

  it('writes base64url without padding', () => {
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('-_-_');
    expect(toBase64Url(Uint8Array.of(0xff))).toBe('_w');
  });

  describe('invalid input', () => {
    it.each([
      ['missing padding', 'Zg'],
      ['spaces', 'Zm9v YmFy'],
      ['a line break', 'Zm9v\nYmFy'],
      ['base64url characters', '-_-_'],
      ['padding in the middle', 'Zg==Zm9v'],
      ['a wrong length', 'Zm9vY'],
    ])('refuses %s', (_, text) => {
      expect(fromBase64(text)).toBeUndefined();
    });
  });
});

describe('equalBytes', () => {
  it('is true for the same bytes and false for any difference', () => {
    expect(equalBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true);
    expect(equalBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false);
    expect(equalBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2))).toBe(false);
    expect(equalBytes(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });
});

describe('concatBytes', () => {
  it('joins the parts in order into a new array', () => {
    const a = Uint8Array.of(1, 2);
    const joined = concatBytes(a, Uint8Array.of(), Uint8Array.of(3));
    expect(joined).toEqual(Uint8Array.of(1, 2, 3));
    joined[0] = 9;
    expect(a[0]).toBe(1);
  });
});

describe('randomBytes', () => {
  it('gives the number of bytes asked for, different each time', () => {
    expect(randomBytes(16)).toHaveLength(16);
    expect(randomBytes(16)).not.toEqual(randomBytes(16));
  });
});
