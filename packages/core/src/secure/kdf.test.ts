import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPassphrase,
  deriveSecrets,
  KDF_ITERATIONS_DEFAULT,
  KDF_ITERATIONS_MAX,
  KDF_ITERATIONS_MIN,
  newSalt,
} from './kdf.js';

const FAST = KDF_ITERATIONS_MIN;
const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16));

const utf8 = new TextEncoder();

/** PBKDF2-HMAC-SHA-256 straight from Web Crypto, to compare deriveSecrets against. */
async function pbkdf2(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  bits: number,
) {
  const material = await crypto.subtle.importKey('raw', utf8.encode(passphrase), 'PBKDF2', false, [
    'deriveBits',
  ]);
  return new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
      material,
      bits,
    ),
  );
}

/** 32 bytes of HKDF-SHA-256 with the all-zero salt deriveSecrets documents. */
async function hkdf(input: Uint8Array<ArrayBuffer>, info: string) {
  const base = await crypto.subtle.importKey('raw', input, 'HKDF', false, ['deriveBits']);
  const params = {
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(32),
    info: utf8.encode(info),
  };
  return new Uint8Array(await crypto.subtle.deriveBits(params, base, 256));
}

/** True when `key` decrypts what an AES-GCM key made of `raw` encrypted. */
async function sameAesKey(key: CryptoKey, raw: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const other = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
  const iv = new Uint8Array(12);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, other, hex('cafe'));
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed).then(
    (opened) => new Uint8Array(opened).join() === hex('cafe').join(),
    () => false,
  );
}

describe('deriveSecrets', () => {
  describe('the derivation', () => {
    // RFC 7914 §11, PBKDF2-HMAC-SHA-256 with P = "Password", S = "NaCl", c = 80000: the first 32 bytes
    // of its dkLen = 64 vector, which are the whole output for dkLen = 32 (PBKDF2's first block).
    const RFC_7914_FIRST_BLOCK = hex(
      '4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56',
    );
    // HKDF-SHA-256 of that block (salt 32 zero bytes), computed once with a hand-written HKDF over
    // node:crypto HMAC. Pinned: files and keyrings depend on these exact bytes.
    const KEY_VECTOR = hex('6f9291b867a8fefed57745d4d2a7bc3effa3c5444d936a872738d1b12d792bfe');
    const VERIFIER_VECTOR = hex('0efd83d9dd4eba4bfb51c6c77d74a793f1e7254aec7d901c58f4fac26bfb38eb');
    const NACL = utf8.encode('NaCl');

    it('gives the pinned verifier: HKDF info "sahaja passphrase verifier v1" over one PBKDF2 block', async () => {
      expect(await pbkdf2('Password', NACL, 80_000, 256)).toEqual(RFC_7914_FIRST_BLOCK);
      expect(await hkdf(RFC_7914_FIRST_BLOCK, 'sahaja passphrase verifier v1')).toEqual(
        VERIFIER_VECTOR,
      );
      const { verifier } = await deriveSecrets('Password', NACL, 80_000);
      expect(verifier).toEqual(VERIFIER_VECTOR);
    });

    it('gives the pinned key: HKDF info "sahaja encryption key v1" over the same block', async () => {
      expect(await hkdf(RFC_7914_FIRST_BLOCK, 'sahaja encryption key v1')).toEqual(KEY_VECTOR);
      const { encryptionKey } = await deriveSecrets('Password', NACL, 80_000);
      expect(await sameAesKey(encryptionKey, KEY_VECTOR)).toBe(true);
    });

    it('takes the key and the verifier from one 256-bit PBKDF2 derivation', async () => {
      const salt = newSalt();
      const { encryptionKey, verifier } = await deriveSecrets('kata sandi program', salt, FAST);
      const block = await pbkdf2('kata sandi program', salt, FAST, 256);
      expect(verifier).toEqual(await hkdf(block, 'sahaja passphrase verifier v1'));
      expect(await sameAesKey(encryptionKey, await hkdf(block, 'sahaja encryption key v1'))).toBe(
        true,
      );
    });

    it('never uses raw PBKDF2 bits as the verifier or the key', async () => {
      const salt = newSalt();
      const { encryptionKey, verifier } = await deriveSecrets('kata sandi program', salt, FAST);
      const bits = await pbkdf2('kata sandi program', salt, FAST, 512);
      // Neither the first block nor the second (where the old 512-bit layout kept the verifier).
      expect(verifier).not.toEqual(bits.slice(0, 32));
      expect(verifier).not.toEqual(bits.slice(32));
      expect(await sameAesKey(encryptionKey, bits.slice(0, 32))).toBe(false);
      expect(await sameAesKey(encryptionKey, bits.slice(32))).toBe(false);
    });

    it('keeps the key apart from the verifier: the stored verifier does not decrypt', async () => {
      const { encryptionKey, verifier } = await deriveSecrets(
        'kata sandi program',
        newSalt(),
        FAST,
      );
      expect(await sameAesKey(encryptionKey, verifier)).toBe(false);
    });

    it('gives a non-extractable AES-GCM 256 key for encrypting and decrypting', async () => {
      const { encryptionKey } = await deriveSecrets('kata sandi program', newSalt(), FAST);
      expect(encryptionKey.extractable).toBe(false);
      expect(encryptionKey.algorithm).toEqual({ name: 'AES-GCM', length: 256 });
      expect([...encryptionKey.usages].sort()).toEqual(['decrypt', 'encrypt']);
    });

    it('uses 600 000 iterations unless told otherwise', async () => {
      expect(KDF_ITERATIONS_DEFAULT).toBe(600_000);
      const salt = newSalt();
      const byDefault = await deriveSecrets('kata sandi program', salt);
      const block = await pbkdf2('kata sandi program', salt, 600_000, 256);
      expect(byDefault.verifier).toEqual(await hkdf(block, 'sahaja passphrase verifier v1'));
    });
  });

  describe('the verifier', () => {
    it('is the same for the same passphrase, salt and iterations', async () => {
      const salt = newSalt();
      const a = await deriveSecrets('kata sandi program', salt, FAST);
      const b = await deriveSecrets('kata sandi program', salt, FAST);
      expect(a.verifier).toEqual(b.verifier);
      expect(a.verifier).toHaveLength(32);
    });

    it('differs with the passphrase, the salt or the iterations', async () => {
      const salt = newSalt();
      const base = await deriveSecrets('kata sandi program', salt, FAST);
      const others = await Promise.all([
        deriveSecrets('kata sandi Program', salt, FAST),
        deriveSecrets('kata sandi program', newSalt(), FAST),
        deriveSecrets('kata sandi program', salt, FAST + 1),
      ]);
      for (const other of others) expect(other.verifier).not.toEqual(base.verifier);
    });

    it('treats the composed and decomposed forms of an accented letter alike (NFC)', async () => {
      const salt = newSalt();
      const composed = await deriveSecrets('caf\u00e9 di pojok jalan', salt, FAST);
      const decomposed = await deriveSecrets('cafe\u0301 di pojok jalan', salt, FAST);
      expect(composed.verifier).toEqual(decomposed.verifier);
    });

    it('does not change the salt it was given', async () => {
      const salt = newSalt();
      const copy = salt.slice();
      await deriveSecrets('kata sandi program', salt, FAST);
      expect(salt).toEqual(copy);
    });
  });

  describe('invalid input', () => {
    it.each([
      ['fewer than 1 000 iterations', 999],
      ['no iterations', 0],
      ['negative iterations', -5],
      ['a fractional count', 1000.5],
      ['NaN', Number.NaN],
      ['more than the maximum', KDF_ITERATIONS_MAX + 1],
    ])('throws a RangeError for %s', async (_, iterations) => {
      await expect(deriveSecrets('kata sandi program', newSalt(), iterations)).rejects.toThrow(
        RangeError,
      );
    });
  });
});

describe('newSalt', () => {
  it('gives 16 fresh random bytes', () => {
    expect(newSalt()).toHaveLength(16);
    expect(newSalt()).not.toEqual(newSalt());
  });
});

describe('checkPassphrase', () => {
  describe('an acceptable passphrase', () => {
    it('accepts 10 characters and returns the passphrase as typed', () => {
      expect(checkPassphrase('0123456789')).toEqual({ ok: true, value: '0123456789' });
      expect(checkPassphrase('  bias kota 2025  ')).toEqual({
        ok: true,
        value: '  bias kota 2025  ',
      });
    });

    it('counts characters, not UTF-16 units: ten emoji are enough', () => {
      expect(checkPassphrase('💉'.repeat(10)).ok).toBe(true);
    });
  });

  describe('invalid input', () => {
    it.each([
      ['empty', ''],
      ['nine characters', '012345678'],
      ['nine characters padded with spaces', '   012345678   '],
      ['only spaces', ' '.repeat(20)],
      ['five emoji (ten UTF-16 units)', '💉'.repeat(5)],
      ['nine decomposed accented letters', 'e\u0301'.repeat(9)],
    ])('refuses %s with passphrase_too_short', (_, text) => {
      const r = checkPassphrase(text);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.issues[0].code).toBe('passphrase_too_short');
      expect(r.issues[0].message.id).toMatch(/minimal 10 karakter/);
      expect(r.issues[0].message.en).toMatch(/at least 10 characters/);
    });

    it('never repeats the passphrase in its message', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 9 }), (s) => {
          const text = `§${s}`.slice(0, 9);
          const r = checkPassphrase(text);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(JSON.stringify(r.issues)).not.toContain(text);
        }),
        { numRuns: 50 },
      );
    });
  });
});
