/**
 * The at-rest key of a programme (issue 9). Personal fields in IndexedDB are encrypted with a random
 * data key, never with the passphrase itself: the data key is stored wrapped (encrypted) by the key
 * derived from the passphrase, so changing the passphrase re-wraps 32 bytes instead of re-encrypting
 * every record.
 *
 * From the 32 random bytes, HKDF-SHA-256 derives two non-extractable keys: an AES-GCM key for
 * values (info `sahaja data v1`) and an HMAC-SHA-256 key for blind indexes (info
 * `sahaja blind index v1`), so one key is never used for two purposes.
 */
import { fail, ok, type Issue, type Result } from '../domain/result.js';
import { equalBytes, fromBase64, randomBytes, toBase64, utf8 } from './bytes.js';
import {
  assertIterations,
  deriveSecrets,
  isIterationCount,
  KDF_ITERATIONS_DEFAULT,
  newSalt,
  SALT_BYTES,
  VERIFIER_BYTES,
} from './kdf.js';

/** The keyring record format this code writes and reads. */
export const KEYRING_VERSION = 1;

const SECRET_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Additional data of the wrapped key: binds it to its programme, so records cannot be swapped. */
const WRAP_LABEL = 'sahaja keyring v1';
const DATA_INFO = 'sahaja data v1';
const INDEX_INFO = 'sahaja blind index v1';

/**
 * A programme's keyring as stored in IndexedDB: plain JSON-able data, useless without the passphrase.
 * Losing it loses the encrypted data for good, so backups matter.
 */
export interface KeyringRecord {
  readonly version: 1;
  readonly programmeId: string;
  /** PBKDF2-HMAC-SHA-256 iterations. */
  readonly iterations: number;
  /** Base64 of the 16-byte PBKDF2 salt. */
  readonly salt: string;
  /** Base64 of the 32-byte passphrase verifier (see `deriveSecrets`). */
  readonly verifier: string;
  /** Base64 of the 12-byte IV used to wrap the data key. */
  readonly iv: string;
  /** Base64 of the AES-GCM-wrapped 32-byte data secret (48 bytes with the tag). */
  readonly wrappedKey: string;
}

/** The keys an unlocked keyring gives; both non-extractable, so they can be used but never read. */
export interface UnlockedKeys {
  /** AES-GCM 256 for personal fields (`encryptJson`, `decryptJson`). */
  readonly data: CryptoKey;
  /** HMAC-SHA-256 for search indexes over personal fields (`blindIndex`). */
  readonly index: CryptoKey;
}

/** Options of {@link createKeyring}. */
export interface KeyringOptions {
  readonly programmeId: string;
  /** PBKDF2 iterations; {@link KDF_ITERATIONS_DEFAULT} unless a test needs speed. */
  readonly iterations?: number;
}

/** Why a keyring cannot be unlocked. */
export type KeyringIssueCode = 'wrong_passphrase' | 'damaged_keyring';

/**
 * Makes a programme's keyring: a new random data secret, wrapped with `passphrase`. Check the
 * passphrase with `checkPassphrase` first. Throws a RangeError for an empty programme id or
 * iterations out of range.
 *
 * @example
 * const { record, keys } = await createKeyring(passphrase, { programmeId: 'bias-2025' });
 * await db.keyrings.put(record);
 */
export async function createKeyring(
  passphrase: string,
  options: KeyringOptions,
): Promise<{ readonly record: KeyringRecord; readonly keys: UnlockedKeys }> {
  const { programmeId, iterations = KDF_ITERATIONS_DEFAULT } = options;
  assertIterations(iterations);
  if (programmeId.length === 0) throw new RangeError('A keyring needs a programme id');
  const secret = randomBytes(SECRET_BYTES);
  try {
    const keys = await keysFrom(secret);
    const record = await wrap(secret, passphrase, programmeId, iterations);
    return { record, keys };
  } finally {
    secret.fill(0);
  }
}

/**
 * Unlocks a keyring with its passphrase. Never throws on a bad record or passphrase:
 * `wrong_passphrase`, or `damaged_keyring` when the record is malformed or its wrapped key does not
 * decrypt although the passphrase is right (changed bytes or a record of another programme).
 */
export async function unlockKeyring(
  record: KeyringRecord,
  passphrase: string,
): Promise<Result<UnlockedKeys, Issue<KeyringIssueCode>>> {
  const secret = await unwrap(record, passphrase);
  if (!secret.ok) return secret;
  try {
    return ok(await keysFrom(secret.value));
  } finally {
    secret.value.fill(0);
  }
}

/**
 * A new record for the same data key under `newPassphrase`, with fresh salt and IV; data encrypted
 * before stays readable. Check the new passphrase with `checkPassphrase` first. Keeps the record's
 * iteration count unless `options.iterations` gives another (a chance to raise it). Fails like
 * {@link unlockKeyring} when `oldPassphrase` does not unlock the record; does not change `record`.
 */
export async function changePassphrase(
  record: KeyringRecord,
  oldPassphrase: string,
  newPassphrase: string,
  options: { readonly iterations?: number } = {},
): Promise<Result<KeyringRecord, Issue<KeyringIssueCode>>> {
  if (options.iterations !== undefined) assertIterations(options.iterations);
  const secret = await unwrap(record, oldPassphrase);
  if (!secret.ok) return secret;
  try {
    const iterations = options.iterations ?? record.iterations;
    return ok(await wrap(secret.value, newPassphrase, record.programmeId, iterations));
  } finally {
    secret.value.fill(0);
  }
}

async function wrap(
  secret: Uint8Array<ArrayBuffer>,
  passphrase: string,
  programmeId: string,
  iterations: number,
): Promise<KeyringRecord> {
  const salt = newSalt();
  const { encryptionKey, verifier } = await deriveSecrets(passphrase, salt, iterations);
  const iv = randomBytes(IV_BYTES);
  const wrapped = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: wrapData(programmeId) },
    encryptionKey,
    secret,
  );
  return {
    version: KEYRING_VERSION,
    programmeId,
    iterations,
    salt: toBase64(salt),
    verifier: toBase64(verifier),
    iv: toBase64(iv),
    wrappedKey: toBase64(new Uint8Array(wrapped)),
  };
}

/** The raw data secret of a keyring; the caller zeroes it after use. */
async function unwrap(
  record: unknown,
  passphrase: string,
): Promise<Result<Uint8Array<ArrayBuffer>, Issue<KeyringIssueCode>>> {
  const read = readRecord(record);
  if (read === undefined) return damagedKeyring();
  const secrets = await deriveSecrets(passphrase, read.salt, read.iterations);
  const passphraseMatches = equalBytes(secrets.verifier, read.verifier);
  secrets.verifier.fill(0);
  if (!passphraseMatches) {
    return fail(
      'wrong_passphrase',
      'Frasa sandi program salah. Periksa huruf besar dan kecil, lalu coba lagi.',
      'The programme passphrase is wrong. Check capital and small letters, then try again.',
    );
  }
  let secret: Uint8Array<ArrayBuffer>;
  try {
    secret = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: read.iv, additionalData: wrapData(read.programmeId) },
        secrets.encryptionKey,
        read.wrappedKey,
      ),
    );
  } catch {
    return damagedKeyring();
  }
  return ok(secret);
}

function wrapData(programmeId: string): Uint8Array<ArrayBuffer> {
  return utf8.encode(`${WRAP_LABEL}\u0000${programmeId}`);
}

/** The record's fields, decoded, or `undefined` when any is missing or malformed. */
function readRecord(record: unknown) {
  if (typeof record !== 'object' || record === null) return undefined;
  const r = record as Partial<Record<keyof KeyringRecord, unknown>>;
  if (r.version !== KEYRING_VERSION || !isIterationCount(r.iterations)) return undefined;
  if (typeof r.programmeId !== 'string' || r.programmeId.length === 0) return undefined;
  const salt = decoded(r.salt, SALT_BYTES);
  const verifier = decoded(r.verifier, VERIFIER_BYTES);
  const iv = decoded(r.iv, IV_BYTES);
  const wrappedKey = decoded(r.wrappedKey, SECRET_BYTES + TAG_BYTES);
  if (!salt || !verifier || !iv || !wrappedKey) return undefined;
  return { programmeId: r.programmeId, iterations: r.iterations, salt, verifier, iv, wrappedKey };
}

function decoded(value: unknown, length: number): Uint8Array<ArrayBuffer> | undefined {
  const bytes = typeof value === 'string' ? fromBase64(value) : undefined;
  return bytes?.length === length ? bytes : undefined;
}

async function keysFrom(secret: Uint8Array<ArrayBuffer>): Promise<UnlockedKeys> {
  const base = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  // RFC 5869's default salt (HashLen zero bytes): the input is already uniformly random.
  const salt = new Uint8Array(32);
  const data = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8.encode(DATA_INFO) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const index = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8.encode(INDEX_INFO) },
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  return { data, index };
}

function damagedKeyring() {
  return fail(
    'damaged_keyring',
    'Data kunci program di perangkat ini rusak, sehingga data tidak dapat dibuka. Pulihkan program dari cadangan.',
    "The programme's key data on this device is damaged, so its data cannot be opened. Restore the programme from a backup.",
  );
}
