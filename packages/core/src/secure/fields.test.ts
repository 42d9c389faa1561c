import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  blindIndex,
  decryptJson,
  encryptJson,
  isEncryptedValue,
  type EncryptedValue,
} from './fields.js';
import { createKeyring, type UnlockedKeys } from './keyring.js';

const NIK = '3506011501060001';
const ROW_1 = 'students/bias-2025/row-1/nik';
const ROW_2 = 'students/bias-2025/row-2/nik';

let keys: UnlockedKeys;
let otherKeys: UnlockedKeys;
beforeAll(async () => {
  const options = { programmeId: 'bias-2025', iterations: 1_000 };
  [keys, otherKeys] = await Promise.all([
    createKeyring('frasa sandi program 2025', options).then((k) => k.keys),
    createKeyring('frasa sandi program 2025', options).then((k) => k.keys),
  ]);
});

/** Decrypts a value that must be refused, and returns the code. */
async function refusal(key: CryptoKey, value: unknown, aad: string): Promise<string> {
  const r = await decryptJson(key, value as EncryptedValue, aad);
  expect(r.ok).toBe(false);
  if (r.ok) return '';
  expect(JSON.stringify(r.issues)).not.toContain(NIK);
  return r.issues[0].code;
}

describe('encryptJson and decryptJson', () => {
  describe('a round trip', () => {
    it('gives back nested objects with Indonesian, Arabic and emoji text', async () => {
      const student = {
        nik: NIK,
        name: 'Ni Luh Putu Ayu Ṣāliḥah 💉',
        parents: [{ name: 'عبد الله', phone: '+62 812-3456-7890' }, null],
        birth: { year: 2006, month: 1, day: 15 },
        consent: true,
        note: 'alergi telur\nkelas 1A',
      };
      const r = await decryptJson(keys.data, await encryptJson(keys.data, student, ROW_1), ROW_1);
      expect(r).toEqual({ ok: true, value: student });
    });

    it('round-trips text, numbers, booleans, null and arrays', async () => {
      for (const value of ['', NIK, 0, -1.5, true, null, [], [1, 'dua']]) {
        const r = await decryptJson(keys.data, await encryptJson(keys.data, value, ROW_1), ROW_1);
        expect(r).toEqual({ ok: true, value });
      }
    });

    it('round-trips any JSON value', async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (value) => {
          const encrypted = await encryptJson(keys.data, value, ROW_1);
          const r = await decryptJson(keys.data, encrypted, ROW_1);
          expect(r).toEqual({ ok: true, value: JSON.parse(JSON.stringify(value)) });
        }),
        { numRuns: 50 },
      );
    });

    it('stores what JSON stores: a date becomes text and undefined properties vanish', async () => {
      const value = { at: new Date('2025-07-01T08:00:00Z'), gone: undefined };
      const r = await decryptJson(keys.data, await encryptJson(keys.data, value, ROW_1), ROW_1);
      expect(r).toEqual({ ok: true, value: { at: '2025-07-01T08:00:00.000Z' } });
    });
  });

  describe('what is stored', () => {
    it('is a 12-byte IV and the ciphertext with its 16-byte tag, without the plain text', async () => {
      const encrypted = await encryptJson(keys.data, NIK, ROW_1);
      expect(encrypted.iv).toBeInstanceOf(Uint8Array);
      expect(encrypted.iv).toHaveLength(12);
      expect(encrypted.data).toHaveLength(JSON.stringify(NIK).length + 16);
      expect(new TextDecoder().decode(encrypted.data)).not.toContain(NIK);
      expect(new TextDecoder().decode(encrypted.data)).not.toContain('3506');
    });

    it('uses a fresh IV each time, so equal values do not look equal', async () => {
      const [a, b] = await Promise.all([
        encryptJson(keys.data, NIK, ROW_1),
        encryptJson(keys.data, NIK, ROW_1),
      ]);
      expect(a.iv).not.toEqual(b.iv);
      expect(a.data).not.toEqual(b.data);
    });

    it('never repeats an IV over many values, and each IV owns its 12 bytes', async () => {
      // IVs are drawn from the random source 1,024 at a time: 2,500 values cross two draws.
      const encrypted = await Promise.all(
        Array.from({ length: 2_500 }, () => encryptJson(keys.data, NIK, ROW_1)),
      );
      const ivs = new Set(encrypted.map((e) => Buffer.from(e.iv).toString('hex')));
      expect(ivs.size).toBe(2_500);
      // A view into a larger buffer would carry that whole buffer into IndexedDB with each row.
      expect(encrypted.every((e) => e.iv.buffer.byteLength === 12)).toBe(true);
    });

    it('survives a structured clone, as IndexedDB stores it', async () => {
      const stored = structuredClone(await encryptJson(keys.data, { nik: NIK }, ROW_1));
      expect(isEncryptedValue(stored)).toBe(true);
      expect(await decryptJson(keys.data, stored, ROW_1)).toEqual({
        ok: true,
        value: { nik: NIK },
      });
    });

    it('does not change the value it encrypts', async () => {
      const value = { nik: NIK, list: [1, 2] };
      await encryptJson(keys.data, value, ROW_1);
      expect(value).toEqual({ nik: NIK, list: [1, 2] });
    });
  });

  describe('invalid input', () => {
    it('refuses a value swapped in from another row as tampered_value', async () => {
      const row1 = await encryptJson(keys.data, NIK, ROW_1);
      const row2 = await encryptJson(keys.data, '3506014101070002', ROW_2);
      expect(await refusal(keys.data, row1, ROW_2)).toBe('tampered_value');
      expect(await refusal(keys.data, row2, ROW_1)).toBe('tampered_value');
      expect((await decryptJson(keys.data, row1, ROW_1)).ok).toBe(true);
    });

    it("refuses a value encrypted with another programme's key as tampered_value", async () => {
      const encrypted = await encryptJson(otherKeys.data, NIK, ROW_1);
      expect(await refusal(keys.data, encrypted, ROW_1)).toBe('tampered_value');
    });

    it('refuses any changed byte of the IV or data as tampered_value', async () => {
      const encrypted = await encryptJson(keys.data, { nik: NIK }, ROW_1);
      await fc.assert(
        fc.asyncProperty(
          fc.boolean(),
          fc.nat(),
          fc.integer({ min: 1, max: 255 }),
          async (inIv, at, mask) => {
            const iv = encrypted.iv.slice();
            const data = encrypted.data.slice();
            const target = inIv ? iv : data;
            const index = at % target.length;
            target[index] = (target[index] ?? 0) ^ mask;
            expect(await refusal(keys.data, { iv, data }, ROW_1)).toBe('tampered_value');
          },
        ),
        { numRuns: 50 },
      );
    });

    it.each<[string, unknown]>([
      ['nothing', undefined],
      ['null', null],
      ['text', 'AAAA'],
      ['an empty object', {}],
      ['an IV of 16 bytes', { iv: new Uint8Array(16), data: new Uint8Array(32) }],
      ['data shorter than a tag', { iv: new Uint8Array(12), data: new Uint8Array(15) }],
      ['plain arrays instead of bytes', { iv: Array(12).fill(0), data: Array(32).fill(0) }],
    ])('refuses %s as tampered_value', async (_, value) => {
      expect(await refusal(keys.data, value, ROW_1)).toBe('tampered_value');
    });

    it('throws a TypeError for a value with no JSON form', async () => {
      await expect(encryptJson(keys.data, undefined, ROW_1)).rejects.toThrow(TypeError);
      await expect(encryptJson(keys.data, () => 1, ROW_1)).rejects.toThrow(TypeError);
    });

    it('throws for a value JSON cannot write', async () => {
      const cycle: Record<string, unknown> = {};
      cycle.self = cycle;
      await expect(encryptJson(keys.data, cycle, ROW_1)).rejects.toThrow();
      await expect(encryptJson(keys.data, 1n, ROW_1)).rejects.toThrow();
    });
  });
});

describe('isEncryptedValue', () => {
  it('recognises what encryptJson returns and nothing else', async () => {
    expect(isEncryptedValue(await encryptJson(keys.data, 1, ROW_1))).toBe(true);
    expect(isEncryptedValue({ iv: new Uint8Array(12), data: new Uint8Array(16) })).toBe(true);
    expect(isEncryptedValue({ iv: new Uint8Array(11), data: new Uint8Array(16) })).toBe(false);
    expect(isEncryptedValue({ iv: new Uint8Array(12) })).toBe(false);
    expect(isEncryptedValue(NIK)).toBe(false);
    expect(isEncryptedValue(null)).toBe(false);
  });
});

describe('blindIndex', () => {
  it('is HMAC-SHA-256 of purpose, NUL and value, cut to 16 bytes, in base64url', async () => {
    const raw = new TextEncoder().encode('kunci indeks uji 32 byte panjang');
    const key = await crypto.subtle.importKey(
      'raw',
      raw,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = new Uint8Array(
      await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`nik\u0000${NIK}`)),
    );
    const expected = btoa(String.fromCharCode(...mac.subarray(0, 16)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(await blindIndex(key, 'nik', NIK)).toBe(expected);
  });

  it('gives 22 URL-safe characters', async () => {
    expect(await blindIndex(keys.index, 'nik', NIK)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('gives the same index for the same key, purpose and value', async () => {
    expect(await blindIndex(keys.index, 'nik', NIK)).toBe(await blindIndex(keys.index, 'nik', NIK));
  });

  it('gives another index for another purpose, value or key', async () => {
    const base = await blindIndex(keys.index, 'nik', NIK);
    const others = await Promise.all([
      blindIndex(keys.index, 'no_kk', NIK),
      blindIndex(keys.index, 'nik', '3506011501060002'),
      blindIndex(otherKeys.index, 'nik', NIK),
    ]);
    for (const other of others) expect(other).not.toBe(base);
  });

  it('does not contain the value', async () => {
    const index = await blindIndex(keys.index, 'nik', NIK);
    expect(index).not.toContain('3506');
  });

  it('gives distinct indexes for distinct purpose and value pairs', async () => {
    const purpose = fc.string({ minLength: 1 }).filter((p) => !p.includes('\u0000'));
    await fc.assert(
      fc.asyncProperty(purpose, fc.string(), purpose, fc.string(), async (p1, v1, p2, v2) => {
        fc.pre(p1 !== p2 || v1 !== v2);
        const [a, b] = await Promise.all([
          blindIndex(keys.index, p1, v1),
          blindIndex(keys.index, p2, v2),
        ]);
        expect(a).not.toBe(b);
      }),
      { numRuns: 50 },
    );
  });

  describe('invalid input', () => {
    it('throws a RangeError for an empty purpose or one containing NUL', async () => {
      await expect(blindIndex(keys.index, '', NIK)).rejects.toThrow(RangeError);
      await expect(blindIndex(keys.index, 'nik\u0000x', NIK)).rejects.toThrow(RangeError);
    });
  });
});
