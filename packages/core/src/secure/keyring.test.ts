import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './bytes.js';
import { blindIndex, decryptJson, encryptJson } from './fields.js';
import { KDF_ITERATIONS_MAX } from './kdf.js';
import {
  changePassphrase,
  createKeyring,
  unlockKeyring,
  type KeyringRecord,
  type UnlockedKeys,
} from './keyring.js';

const PASS = 'frasa sandi program 2025';
const NEW_PASS = 'frasa sandi baru setelah rapat';
const FAST = 1_000;
const PROGRAMME = 'bias-2025-kota';
const NIK = '3506011501060001';
const AAD = `students/${PROGRAMME}/row-1/nik`;

let record: KeyringRecord;
let keys: UnlockedKeys;
beforeAll(async () => {
  ({ record, keys } = await createKeyring(PASS, { programmeId: PROGRAMME, iterations: FAST }));
});

/** Unlocks a keyring that must be refused; the message never repeats a passphrase. */
async function refusal(r: KeyringRecord, passphrase = PASS): Promise<string> {
  const result = await unlockKeyring(r, passphrase);
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.issues).toHaveLength(1);
  const message = JSON.stringify(result.issues[0].message);
  for (const secret of [passphrase, PASS, NEW_PASS]) {
    if (secret !== '') expect(message).not.toContain(secret);
  }
  return result.issues[0].code;
}

/** True for changes to apply to a valid record, as opposed to a whole replacement. */
const isPatch = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when `b` decrypts what `a` encrypted and both give the same blind index. */
async function sameKeys(a: UnlockedKeys, b: UnlockedKeys): Promise<boolean> {
  const decrypted = await decryptJson(b.data, await encryptJson(a.data, NIK, AAD), AAD);
  const [indexA, indexB] = await Promise.all([
    blindIndex(a.index, 'nik', NIK),
    blindIndex(b.index, 'nik', NIK),
  ]);
  return decrypted.ok && decrypted.value === NIK && indexA === indexB;
}

/** The record with one byte of a base64 field changed. */
function withFlippedByte(r: KeyringRecord, field: 'salt' | 'verifier' | 'iv' | 'wrappedKey') {
  const bytes = fromBase64(r[field]);
  if (!bytes) throw new Error('unreadable fixture');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return { ...r, [field]: toBase64(bytes) };
}

describe('createKeyring', () => {
  it('gives a record of plain JSON data that unlocks after a trip through JSON', async () => {
    const stored = JSON.parse(JSON.stringify(record)) as KeyringRecord;
    expect(stored).toEqual(record);
    expect(record).toEqual({
      version: 1,
      programmeId: PROGRAMME,
      iterations: FAST,
      salt: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
      verifier: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
      iv: expect.stringMatching(/^[A-Za-z0-9+/]{16}$/),
      wrappedKey: expect.stringMatching(/^[A-Za-z0-9+/]{64}$/),
    });
    const unlocked = await unlockKeyring(stored, PASS);
    expect(unlocked.ok && (await sameKeys(keys, unlocked.value))).toBe(true);
  });

  it('gives a non-extractable AES-GCM 256 data key and HMAC-SHA-256 index key', () => {
    expect(keys.data.extractable).toBe(false);
    expect(keys.data.algorithm).toEqual({ name: 'AES-GCM', length: 256 });
    expect([...keys.data.usages].sort()).toEqual(['decrypt', 'encrypt']);
    expect(keys.index.extractable).toBe(false);
    expect(keys.index.algorithm).toEqual({
      name: 'HMAC',
      hash: { name: 'SHA-256' },
      length: 256,
    });
    expect(keys.index.usages).toEqual(['sign']);
  });

  it('makes two different keys: data and index keys are not the same secret', async () => {
    await expect(crypto.subtle.sign('HMAC', keys.data, new Uint8Array(1))).rejects.toThrow();
    await expect(
      crypto.subtle.encrypt(
        { name: 'AES-GCM', iv: new Uint8Array(12) },
        keys.index,
        new Uint8Array(1),
      ),
    ).rejects.toThrow();
  });

  it('makes a new data key every time, even with the same passphrase and programme', async () => {
    const other = await createKeyring(PASS, { programmeId: PROGRAMME, iterations: FAST });
    expect(other.record.wrappedKey).not.toBe(record.wrappedKey);
    expect(other.record.salt).not.toBe(record.salt);
    expect(await sameKeys(keys, other.keys)).toBe(false);
  });

  it('uses 600 000 PBKDF2 iterations unless told otherwise', async () => {
    const made = await createKeyring(PASS, { programmeId: PROGRAMME });
    expect(made.record.iterations).toBe(600_000);
  });

  describe('invalid input', () => {
    it('throws a RangeError for too few iterations or an empty programme id', async () => {
      await expect(createKeyring(PASS, { programmeId: PROGRAMME, iterations: 10 })).rejects.toThrow(
        RangeError,
      );
      await expect(createKeyring(PASS, { programmeId: '', iterations: FAST })).rejects.toThrow(
        RangeError,
      );
    });
  });
});

describe('unlockKeyring', () => {
  it('gives the same keys as when the keyring was made', async () => {
    const r = await unlockKeyring(record, PASS);
    expect(r.ok && (await sameKeys(keys, r.value))).toBe(true);
  });

  it('does not change the record', async () => {
    const copy = { ...record };
    await unlockKeyring(record, PASS);
    await unlockKeyring(record, 'salah sama sekali');
    expect(record).toEqual(copy);
  });

  describe('invalid input', () => {
    it('refuses a wrong passphrase as wrong_passphrase', async () => {
      expect(await refusal(record, 'frasa sandi program 2024')).toBe('wrong_passphrase');
      expect(await refusal(record, '')).toBe('wrong_passphrase');
      expect(await refusal(record, ` ${PASS}`)).toBe('wrong_passphrase');
    });

    it('refuses a changed salt or verifier as wrong_passphrase: the two cannot be told apart', async () => {
      expect(await refusal(withFlippedByte(record, 'salt'))).toBe('wrong_passphrase');
      expect(await refusal(withFlippedByte(record, 'verifier'))).toBe('wrong_passphrase');
    });

    it('refuses a changed wrapped key or IV as damaged_keyring', async () => {
      expect(await refusal(withFlippedByte(record, 'wrappedKey'))).toBe('damaged_keyring');
      expect(await refusal(withFlippedByte(record, 'iv'))).toBe('damaged_keyring');
    });

    it("refuses another programme's keyring under this programme id as damaged_keyring", async () => {
      expect(await refusal({ ...record, programmeId: 'bias-2025-desa' })).toBe('damaged_keyring');
    });

    it('refuses an empty object as damaged_keyring', async () => {
      expect(await refusal({} as KeyringRecord)).toBe('damaged_keyring');
    });

    it.each<[string, unknown]>([
      ['nothing', undefined],
      ['null', null],
      ['text', 'keyring'],
      ['a list', [record]],
      ['version 2', { version: 2 }],
      ['no programme id', { programmeId: undefined }],
      ['an empty programme id', { programmeId: '' }],
      ['iterations as text', { iterations: '1000' }],
      ['too few iterations', { iterations: 999 }],
      ['too many iterations', { iterations: KDF_ITERATIONS_MAX + 1 }],
      ['a salt that is not base64', { salt: 'garam!' }],
      ['a short salt', { salt: 'AAAA' }],
      ['a verifier as bytes', { verifier: new Uint8Array(32) }],
      ['a short IV', { iv: 'AAAA' }],
      ['a truncated wrapped key', { wrappedKey: 'AAAA' }],
    ])('refuses a record with %s as damaged_keyring', async (_, changes) => {
      const bad = isPatch(changes) ? { ...record, ...changes } : changes;
      expect(await refusal(bad as KeyringRecord)).toBe('damaged_keyring');
    });

    it('refuses any record with one changed field byte, never throwing', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            'salt' as const,
            'verifier' as const,
            'iv' as const,
            'wrappedKey' as const,
          ),
          fc.nat(),
          fc.integer({ min: 1, max: 255 }),
          async (field, at, mask) => {
            const bytes = fromBase64(record[field]);
            if (!bytes) throw new Error('unreadable fixture');
            const index = at % bytes.length;
            bytes[index] = (bytes[index] ?? 0) ^ mask;
            const code = await refusal({ ...record, [field]: toBase64(bytes) });
            expect(['wrong_passphrase', 'damaged_keyring']).toContain(code);
          },
        ),
        { numRuns: 40 },
      );
    });
  });
});

describe('changePassphrase', () => {
  let changed: KeyringRecord;
  beforeAll(async () => {
    const r = await changePassphrase(record, PASS, NEW_PASS);
    if (!r.ok) throw new Error('could not change the passphrase');
    changed = r.value;
  });

  it('unlocks with the new passphrase to the same data key', async () => {
    const r = await unlockKeyring(changed, NEW_PASS);
    expect(r.ok && (await sameKeys(keys, r.value))).toBe(true);
  });

  it('no longer unlocks with the old passphrase', async () => {
    expect(await refusal(changed, PASS)).toBe('wrong_passphrase');
  });

  it('keeps data encrypted before the change readable', async () => {
    const before = await encryptJson(keys.data, { nik: NIK }, AAD);
    const r = await unlockKeyring(changed, NEW_PASS);
    if (!r.ok) throw new Error('could not unlock');
    expect(await decryptJson(r.value.data, before, AAD)).toEqual({ ok: true, value: { nik: NIK } });
  });

  it('writes a fresh salt, verifier, IV and wrapping, keeping programme, version and iterations', () => {
    expect(changed).toMatchObject({ version: 1, programmeId: PROGRAMME, iterations: FAST });
    for (const field of ['salt', 'verifier', 'iv', 'wrappedKey'] as const) {
      expect(changed[field]).not.toBe(record[field]);
    }
  });

  it('can raise the iteration count', async () => {
    const r = await changePassphrase(record, PASS, NEW_PASS, { iterations: 2_000 });
    expect(r.ok && r.value.iterations).toBe(2_000);
    expect(r.ok && (await unlockKeyring(r.value, NEW_PASS)).ok).toBe(true);
  });

  it('does not change the record it was given', async () => {
    const copy = { ...record };
    await changePassphrase(record, PASS, NEW_PASS);
    expect(record).toEqual(copy);
    expect((await unlockKeyring(record, PASS)).ok).toBe(true);
  });

  describe('invalid input', () => {
    it('refuses a wrong old passphrase as wrong_passphrase', async () => {
      const r = await changePassphrase(record, 'bukan frasa sandinya', NEW_PASS);
      expect(r).toMatchObject({ ok: false, issues: [{ code: 'wrong_passphrase' }] });
      expect(JSON.stringify(r)).not.toContain(NEW_PASS);
    });

    it('refuses a damaged record as damaged_keyring', async () => {
      const r = await changePassphrase(withFlippedByte(record, 'wrappedKey'), PASS, NEW_PASS);
      expect(r).toMatchObject({ ok: false, issues: [{ code: 'damaged_keyring' }] });
    });

    it('throws a RangeError for too few iterations', async () => {
      await expect(changePassphrase(record, PASS, NEW_PASS, { iterations: 1 })).rejects.toThrow(
        RangeError,
      );
    });
  });
});
