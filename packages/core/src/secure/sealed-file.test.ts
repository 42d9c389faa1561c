import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { concatBytes, toBase64 } from './bytes.js';
import { deriveSecrets, KDF_ITERATIONS_MAX, newSalt } from './kdf.js';
import {
  openSealedFile,
  readSealedHeader,
  sealFile,
  type SealedHeader,
  type SealOptions,
} from './sealed-file.js';

const PASS = 'frasa sandi rahasia 2025';
const FAST = 1_000;
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const NIK = '3506011501060001';
const NAME = 'Siti Nurhaliza Rahmawati';
const ROSTER = encode(
  JSON.stringify({ students: [{ nik: NIK, name: NAME, birthDate: '2006-01-15', kelas: '1A' }] }),
);

const seal = (plain: Uint8Array, options: Partial<SealOptions> = {}) =>
  sealFile(plain, PASS, { kind: 'backup', iterations: FAST, ...options });

/** The header bytes' range in a sealed file. */
function headerRange(file: Uint8Array): { start: number; end: number } {
  const length = new DataView(file.buffer, file.byteOffset).getUint32(8);
  return { start: 12, end: 12 + length };
}

/** The file with `mask` XOR-ed into the byte at `index`. */
function flip(file: Uint8Array, index: number, mask = 0x01): Uint8Array {
  if (index < 0 || index >= file.length) throw new RangeError(`no byte ${index} to flip`);
  const copy = file.slice();
  copy[index] = (copy[index] ?? 0) ^ mask;
  return copy;
}

/** The file with the first occurrence of `from` in its header replaced by `to` (same length). */
function editHeader(file: Uint8Array, from: string, to: string): Uint8Array {
  const { start, end } = headerRange(file);
  const text = decode(file.subarray(start, end));
  expect(text).toContain(from);
  expect(to).toHaveLength(from.length);
  return concatBytes(file.subarray(0, start), encode(text.replace(from, to)), file.subarray(end));
}

function prefix(header: string | Uint8Array, version = 1): Uint8Array<ArrayBuffer> {
  const headerBytes = typeof header === 'string' ? encode(header) : header;
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, headerBytes.length);
  return concatBytes(encode('SAHAJA\0'), Uint8Array.of(version), length, headerBytes);
}

/**
 * A file with any header whose body really is encrypted with PASS and the header as additional data:
 * it reaches the checks after decryption that a changed file never reaches.
 */
async function craft(fields: Record<string, unknown>, body: Uint8Array): Promise<Uint8Array> {
  const salt = newSalt();
  const { encryptionKey, verifier } = await deriveSecrets(PASS, salt, FAST);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header = {
    kind: 'backup',
    createdAt: '2025-07-01T08:00:00.000Z',
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: FAST, salt: toBase64(salt) },
    verifier: toBase64(verifier),
    iv: toBase64(iv),
    compression: 'none',
    payloadBytes: body.length + 16,
    meta: {},
    ...fields,
  };
  const head = prefix(JSON.stringify(header));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: head },
    encryptionKey,
    body.slice(),
  );
  return concatBytes(head, new Uint8Array(ciphertext));
}

/** A file with a header that is a copy of a valid one with `changes`, and random bytes after it. */
function withHeader(valid: SealedHeader, changes: Record<string, unknown>): Uint8Array {
  const body = crypto.getRandomValues(new Uint8Array(valid.payloadBytes));
  return concatBytes(prefix(JSON.stringify({ ...valid, ...changes })), body);
}

const REFUSALS = [
  'not_sahaja_file',
  'unsupported_version',
  'damaged_file',
  'wrong_kind',
  'wrong_passphrase',
  'tampered_file',
];

/**
 * Opens a file that must be refused and returns the code. Every refusal in this file also checks
 * that the message gives away neither the passphrase nor the contents.
 */
async function refusal(file: Uint8Array, passphrase = PASS, expectKind?: string): Promise<string> {
  const r = await openSealedFile(file, passphrase, expectKind === undefined ? {} : { expectKind });
  expect(r.ok).toBe(false);
  if (r.ok) return '';
  expect(r.issues).toHaveLength(1);
  const [{ code, message }] = r.issues;
  expect(message.id.length).toBeGreaterThan(10);
  expect(message.en.length).toBeGreaterThan(10);
  const messages = JSON.stringify(message);
  for (const secret of [passphrase, PASS, NIK, NAME, 'Siti']) {
    if (secret !== '') expect(messages).not.toContain(secret);
  }
  return code;
}

let gzipped: Uint8Array;
let plainFile: Uint8Array;
beforeAll(async () => {
  gzipped = await seal(ROSTER, { compression: 'gzip', meta: { programmeId: 'bias-2025' } });
  plainFile = await seal(ROSTER, { compression: 'none', meta: { programmeId: 'bias-2025' } });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sealFile and openSealedFile', () => {
  describe('a round trip', () => {
    it('gives back the contents and the header with the right passphrase', async () => {
      for (const file of [gzipped, plainFile]) {
        const r = await openSealedFile(file, PASS);
        expect(r.ok && r.value.plain).toEqual(ROSTER);
        expect(r.ok && r.value.header.kind).toBe('backup');
        expect(r.ok && r.value.header.meta).toEqual({ programmeId: 'bias-2025' });
      }
    });

    it('compresses by default and shrinks repetitive contents', async () => {
      const big = encode(`${NIK};${NAME};Kelas 1A\n`.repeat(500));
      const file = await seal(big);
      expect(readSealedHeader(file)).toMatchObject({ ok: true, value: { compression: 'gzip' } });
      expect(file.length).toBeLessThan(big.length / 5);
      const r = await openSealedFile(file, PASS);
      expect(r.ok && r.value.plain).toEqual(big);
    });

    it('seals and opens empty contents', async () => {
      for (const compression of ['gzip', 'none'] as const) {
        const r = await openSealedFile(await seal(new Uint8Array(0), { compression }), PASS);
        expect(r.ok && r.value.plain).toEqual(new Uint8Array(0));
      }
    });

    it('opens a file of the expected kind', async () => {
      const exchange = await seal(ROSTER, { kind: 'exchange' });
      const r = await openSealedFile(exchange, PASS, { expectKind: 'exchange' });
      expect(r.ok).toBe(true);
    });

    it('accepts a passphrase typed in another Unicode form (NFC)', async () => {
      const file = await sealFile(ROSTER, 'kopi caf\u00e9 pagi hari', {
        kind: 'x',
        iterations: FAST,
      });
      expect((await openSealedFile(file, 'kopi cafe\u0301 pagi hari')).ok).toBe(true);
    });

    it('reads a file lying inside a larger buffer', async () => {
      const padded = concatBytes(Uint8Array.of(7, 7, 7), gzipped, Uint8Array.of(7));
      const view = padded.subarray(3, 3 + gzipped.length);
      expect((await openSealedFile(view, PASS)).ok).toBe(true);
    });

    it('ignores header fields it does not know, and does not pass them on', async () => {
      const file = await craft({ extra: 'x' }, ROSTER);
      const r = await openSealedFile(file, PASS);
      expect(r.ok && r.value.plain).toEqual(ROSTER);
      expect(r.ok && 'extra' in r.value.header).toBe(false);
    });

    it('does not change the contents it seals', async () => {
      const plain = ROSTER.slice();
      await seal(plain);
      expect(plain).toEqual(ROSTER);
    });

    it('round-trips any contents, compressed or not', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 2_000 }),
          fc.constantFrom('gzip' as const, 'none' as const),
          async (plain, compression) => {
            const r = await openSealedFile(await seal(plain, { compression }), PASS);
            expect(r.ok && r.value.plain).toEqual(plain);
          },
        ),
        { numRuns: 40 },
      );
    });
  });

  describe('the layout', () => {
    it('is SAHAJA, 0x00, version 1, the header length, the JSON header, then the ciphertext', () => {
      expect(decode(gzipped.subarray(0, 6))).toBe('SAHAJA');
      expect([...gzipped.subarray(6, 8)]).toEqual([0, 1]);
      const { start, end } = headerRange(gzipped);
      const header = JSON.parse(decode(gzipped.subarray(start, end))) as SealedHeader;
      expect(Object.keys(header)).toEqual([
        'kind',
        'createdAt',
        'kdf',
        'verifier',
        'iv',
        'compression',
        'payloadBytes',
        'meta',
      ]);
      expect(header.kdf).toEqual({
        name: 'PBKDF2',
        hash: 'SHA-256',
        iterations: FAST,
        salt: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
      });
      expect(header.verifier).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(header.iv).toMatch(/^[A-Za-z0-9+/]{16}$/);
      expect(header.payloadBytes).toBe(gzipped.length - end);
    });

    it('lets the header be read without the passphrase', () => {
      const r = readSealedHeader(gzipped);
      expect(r.ok && r.value).toMatchObject({
        kind: 'backup',
        compression: 'gzip',
        meta: { programmeId: 'bias-2025' },
        kdf: { iterations: FAST },
      });
    });

    it('writes the sealing time and the meta given', async () => {
      const file = await seal(ROSTER, {
        kind: 'exchange',
        now: new Date('2025-07-01T08:00:00Z'),
        meta: { programme: 'BIAS 2025 Kec. Kota', device: 'laptop-2', students: 412 },
      });
      expect(readSealedHeader(file)).toMatchObject({
        ok: true,
        value: {
          kind: 'exchange',
          createdAt: '2025-07-01T08:00:00.000Z',
          meta: { programme: 'BIAS 2025 Kec. Kota', device: 'laptop-2', students: 412 },
        },
      });
    });

    it('uses 600 000 PBKDF2 iterations unless told otherwise', async () => {
      const file = await sealFile(new Uint8Array(0), PASS, { kind: 'backup' });
      expect(readSealedHeader(file)).toMatchObject({
        ok: true,
        value: { kdf: { iterations: 600_000 } },
      });
    });
  });

  describe('secrecy', () => {
    function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
      outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
        for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
        return true;
      }
      return false;
    }

    it('leaves no NIK or name in the bytes, compressed or not', () => {
      for (const file of [gzipped, plainFile]) {
        expect(contains(file, encode(NIK))).toBe(false);
        expect(contains(file, encode(NAME))).toBe(false);
        expect(contains(file, encode('Siti'))).toBe(false);
      }
      expect(contains(ROSTER, encode(NIK))).toBe(true);
    });

    it('gives different bytes, salt and IV each time the same contents are sealed', async () => {
      const again = await seal(ROSTER, { compression: 'gzip', meta: { programmeId: 'bias-2025' } });
      expect(again).not.toEqual(gzipped);
      const [a, b] = [readSealedHeader(gzipped), readSealedHeader(again)];
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      expect(a.value.kdf.salt).not.toBe(b.value.kdf.salt);
      expect(a.value.iv).not.toBe(b.value.iv);
      expect(a.value.verifier).not.toBe(b.value.verifier);
    });
  });

  describe('without CompressionStream', () => {
    it('seals without compression, and the file still opens', async () => {
      vi.stubGlobal('CompressionStream', undefined);
      const file = await seal(ROSTER);
      expect(readSealedHeader(file)).toMatchObject({ ok: true, value: { compression: 'none' } });
      vi.unstubAllGlobals();
      const r = await openSealedFile(file, PASS);
      expect(r.ok && r.value.plain).toEqual(ROSTER);
    });

    it('throws when gzip is asked for', async () => {
      vi.stubGlobal('CompressionStream', undefined);
      await expect(seal(ROSTER, { compression: 'gzip' })).rejects.toThrow(/CompressionStream/);
    });

    it('throws on a gzipped file where DecompressionStream is missing too', async () => {
      vi.stubGlobal('DecompressionStream', undefined);
      await expect(openSealedFile(gzipped, PASS)).rejects.toThrow(/DecompressionStream/);
    });
  });

  describe('invalid input', () => {
    describe('the wrong passphrase or kind', () => {
      it('refuses a wrong passphrase as wrong_passphrase, not as a changed file', async () => {
        expect(await refusal(gzipped, 'frasa sandi rahasia 2024')).toBe('wrong_passphrase');
        expect(await refusal(plainFile, '')).toBe('wrong_passphrase');
        expect(await refusal(gzipped, PASS.toUpperCase())).toBe('wrong_passphrase');
      });

      it('refuses a file of another kind as wrong_kind, naming both kinds', async () => {
        expect(await refusal(gzipped, PASS, 'exchange')).toBe('wrong_kind');
        const r = await openSealedFile(gzipped, PASS, { expectKind: 'exchange' });
        expect(!r.ok && r.issues[0].message.en).toMatch(/"backup".*"exchange"/);
      });

      it('checks the kind before the passphrase', async () => {
        expect(await refusal(gzipped, 'not the passphrase', 'exchange')).toBe('wrong_kind');
      });
    });

    describe('a changed file', () => {
      it('refuses a changed byte of the ciphertext or tag as tampered_file', async () => {
        for (const file of [gzipped, plainFile]) {
          const { end } = headerRange(file);
          for (const index of [end, end + 5, file.length - 17, file.length - 1]) {
            expect(await refusal(flip(file, index))).toBe('tampered_file');
            expect(await refusal(flip(file, index, 0x80))).toBe('tampered_file');
          }
        }
      });

      it('refuses a changed header value as tampered_file', async () => {
        const edits: [string, string][] = [
          ['"kind":"backup"', '"kind":"backuq"'],
          ['"programmeId":"bias-2025"', '"programmeId":"bias-2026"'],
          ['"compression":"gzip"', '"compression":"none"'],
        ];
        for (const [from, to] of edits) {
          const changed = editHeader(gzipped, from, to);
          expect(readSealedHeader(changed).ok).toBe(true);
          expect(await refusal(changed)).toBe('tampered_file');
        }
      });

      it('refuses a header changed in its time or IV as tampered_file', async () => {
        const header = readSealedHeader(gzipped);
        if (!header.ok) throw new Error('unreadable fixture');
        const otherTime = editHeader(gzipped, header.value.createdAt, '2020-01-01T00:00:00.000Z');
        expect(await refusal(otherTime)).toBe('tampered_file');
        const otherIv = editHeader(gzipped, header.value.iv, toBase64(new Uint8Array(12)));
        expect(await refusal(otherIv)).toBe('tampered_file');
      });

      it('refuses a header that no longer reads as damaged_file', async () => {
        const { start, end } = headerRange(gzipped);
        expect(await refusal(flip(gzipped, start, 0x02))).toBe('damaged_file');
        expect(await refusal(flip(gzipped, end - 1, 0x02))).toBe('damaged_file');
      });

      it('refuses a changed magic, version or length byte', async () => {
        expect(await refusal(flip(gzipped, 0))).toBe('not_sahaja_file');
        expect(await refusal(flip(gzipped, 6))).toBe('not_sahaja_file');
        expect(await refusal(flip(gzipped, 7, 0x03))).toBe('unsupported_version');
        expect(await refusal(flip(gzipped, 7))).toBe('damaged_file');
        for (const index of [8, 9, 10, 11])
          expect(await refusal(flip(gzipped, index))).toBe('damaged_file');
      });

      it('refuses an authentic file whose gzip contents do not unpack as tampered_file', async () => {
        const file = await craft({ compression: 'gzip' }, encode('not gzip at all'));
        expect(await refusal(file)).toBe('tampered_file');
      });
    });

    describe('a cut or padded file', () => {
      it('refuses a file cut short anywhere as damaged_file', async () => {
        const { end } = headerRange(gzipped);
        for (const length of [7, 8, 11, 12, 40, end - 1, end, end + 1, gzipped.length - 1]) {
          expect(await refusal(gzipped.slice(0, length))).toBe('damaged_file');
        }
      });

      it('refuses a file with bytes added at the end as damaged_file', async () => {
        expect(await refusal(concatBytes(gzipped, Uint8Array.of(0)))).toBe('damaged_file');
      });
    });

    describe('not a Sahaja file', () => {
      it.each([
        ['an empty file', new Uint8Array(0)],
        ['random bytes', Uint8Array.from({ length: 200 }, (_, i) => (i * 73 + 11) % 256)],
        ['a PNG', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)],
        ['a ZIP or XLSX', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0, 0)],
        ['a CSV', encode('nik,nama,tanggal_lahir\n3506011501060001,Siti,2006-01-15\n')],
        ['the start of the magic only', encode('SAHAJ')],
        ['the magic in lower case', encode('sahaja\0\u0001\0\0\0\u0002{}')],
      ])('refuses %s as not_sahaja_file', async (_, bytes) => {
        expect(await refusal(bytes)).toBe('not_sahaja_file');
        expect(readSealedHeader(bytes)).toMatchObject({
          ok: false,
          issues: [
            {
              code: 'not_sahaja_file',
              message: {
                en: 'This is not a Sahaja file. Choose an exchange file or backup made by Sahaja.',
              },
            },
          ],
        });
      });
    });

    describe('a newer format', () => {
      it.each([2, 9, 255])('refuses version %i as unsupported_version', async (version) => {
        const file = gzipped.slice();
        file[7] = version;
        expect(await refusal(file)).toBe('unsupported_version');
        const r = readSealedHeader(file);
        expect(!r.ok && r.issues[0].message.en).toMatch(/newer version of Sahaja.*update/i);
      });

      it('refuses version 2 even when the rest is laid out differently', async () => {
        expect(await refusal(concatBytes(encode('SAHAJA\0'), Uint8Array.of(2)))).toBe(
          'unsupported_version',
        );
      });
    });

    describe('a malformed header', () => {
      let valid: SealedHeader;
      beforeAll(() => {
        const r = readSealedHeader(gzipped);
        if (!r.ok) throw new Error('unreadable fixture');
        valid = r.value;
      });

      it.each<[string, Record<string, unknown>]>([
        ['no kind', { kind: undefined }],
        ['an empty kind', { kind: '' }],
        ['a kind that is not text', { kind: 7 }],
        ['an overlong kind', { kind: 'x'.repeat(65) }],
        ['a creation time that is not a timestamp', { createdAt: '1 Juli 2025' }],
        ['an impossible creation time', { createdAt: '2025-02-30T25:00:00.000Z' }],
        ['another key derivation', { kdf: { name: 'scrypt' } }],
        ['no kdf', { kdf: null }],
        [
          'too few iterations',
          {
            kdf: {
              name: 'PBKDF2',
              hash: 'SHA-256',
              iterations: 10,
              salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
            },
          },
        ],
        [
          'too many iterations',
          {
            kdf: {
              name: 'PBKDF2',
              hash: 'SHA-256',
              iterations: KDF_ITERATIONS_MAX + 1,
              salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
            },
          },
        ],
        [
          'a short salt',
          { kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: FAST, salt: 'AAAA' } },
        ],
        ['a verifier that is not base64', { verifier: 'not base64!' }],
        ['a short verifier', { verifier: 'AAAA' }],
        ['a missing IV', { iv: undefined }],
        ['a 16-byte IV', { iv: 'AAAAAAAAAAAAAAAAAAAAAA==' }],
        ['an unknown compression', { compression: 'zstd' }],
        ['a payload length that is not a number', { payloadBytes: '12' }],
        ['a payload length shorter than a tag', { payloadBytes: 3 }],
        ['meta that is a list', { meta: ['a'] }],
        ['meta holding an object', { meta: { nested: { a: 1 } } }],
        ['meta holding null', { meta: { a: null } }],
      ])('refuses %s as damaged_file', async (_, changes) => {
        const file = withHeader(valid, changes);
        expect(readSealedHeader(file)).toMatchObject({
          ok: false,
          issues: [{ code: 'damaged_file' }],
        });
        expect(await refusal(file)).toBe('damaged_file');
      });

      it.each([
        ['is not JSON', encode('{kind: backup}')],
        ['is JSON but not an object', encode('[1,2,3]')],
        ['is not UTF-8', Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d)],
      ])('refuses a header that %s as damaged_file', async (_, header) => {
        expect(await refusal(concatBytes(prefix(header), new Uint8Array(32)))).toBe('damaged_file');
      });

      it('refuses a header length beyond the file or over 64 KiB as damaged_file', async () => {
        const huge = concatBytes(encode('SAHAJA\0'), Uint8Array.of(1, 0xff, 0xff, 0xff, 0xff));
        expect(await refusal(huge)).toBe('damaged_file');
        const header = encode(`{"pad":"${' '.repeat(70_000)}"}`);
        expect(await refusal(prefix(header))).toBe('damaged_file');
      });
    });

    describe('properties', () => {
      it('refuses any random bytes, never throwing', async () => {
        await fc.assert(
          fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
            expect(REFUSALS).toContain(await refusal(bytes));
          }),
          { numRuns: 50 },
        );
      });

      it('refuses random bytes and JSON after a valid magic and version, never throwing', async () => {
        await fc.assert(
          fc.asyncProperty(fc.json(), fc.uint8Array({ maxLength: 100 }), async (json, tail) => {
            expect(REFUSALS).toContain(await refusal(concatBytes(prefix(json), tail)));
            const random = concatBytes(encode('SAHAJA\0'), Uint8Array.of(1), tail);
            expect(REFUSALS).toContain(await refusal(random));
          }),
          { numRuns: 50 },
        );
      });

      it('refuses a change to any single byte of a valid file, never opening it', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(gzipped, plainFile),
            fc.nat(),
            fc.integer({ min: 1, max: 255 }),
            async (file, at, mask) => {
              expect(REFUSALS).toContain(await refusal(flip(file, at % file.length, mask)));
            },
          ),
          { numRuns: 50 },
        );
      });

      it('refuses every single-bit change of the header and length', async () => {
        const { end } = headerRange(gzipped);
        for (let index = 0; index < end; index++) {
          const r = await openSealedFile(flip(gzipped, index, 1 << (index % 8)), PASS);
          expect(r.ok).toBe(false);
        }
      });
    });

    it('never puts the passphrase or the contents in a message', async () => {
      const files = [
        gzipped,
        plainFile,
        flip(gzipped, gzipped.length - 1),
        gzipped.slice(0, 30),
        encode('nik,nama\n'),
      ];
      await fc.assert(
        fc.asyncProperty(fc.string(), fc.constantFrom(...files), async (typed, file) => {
          // The marker keeps a short random passphrase from matching a word of the message.
          expect(REFUSALS).toContain(await refusal(file, `pp-${typed}`));
        }),
        { numRuns: 50 },
      );
    });
  });

  describe('programming errors', () => {
    it.each<[string, Partial<SealOptions>, ErrorConstructor]>([
      ['too few iterations', { iterations: 999 }, RangeError],
      ['an empty kind', { kind: '' }, RangeError],
      ['an overlong kind', { kind: 'k'.repeat(65) }, RangeError],
      ['a meta value that is not finite', { meta: { count: Number.NaN } }, TypeError],
      ['a meta value that is an object', { meta: { a: {} as unknown as string } }, TypeError],
      ['an invalid date', { now: new Date('never') }, RangeError],
      ['meta too large for the header', { meta: { notes: 'x'.repeat(70_000) } }, RangeError],
    ])('throws for %s', async (_, options, type) => {
      await expect(seal(ROSTER, options)).rejects.toThrow(type);
    });
  });
});
