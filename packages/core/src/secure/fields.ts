/**
 * Personal fields at rest (issue 9): each value encrypted on its own with the programme's data key,
 * bound to its place by additional data, and searched through blind indexes (keyed hashes) instead of
 * plain-text indexes.
 */
import { fail, ok, type Issue, type Result } from '../domain/result.js';
import { toBase64Url, utf8 } from './bytes.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bytes of HMAC-SHA-256 kept in a blind index: 128 bits, far beyond any chance collision. */
const INDEX_BYTES = 16;

/**
 * An encrypted value as stored in IndexedDB (which keeps typed arrays as they are): a random 96-bit
 * IV and the AES-GCM ciphertext with its 16-byte tag.
 */
export interface EncryptedValue {
  readonly iv: Uint8Array;
  readonly data: Uint8Array;
}

/** IVs drawn from the random source at a time: sealing 150,000 rows called it 150,000 times. */
const IVS_PER_DRAW = 1_024;
let ivPool = new Uint8Array(0);
let ivPoolUsed = 0;

/** A fresh random IV, each byte of the pool used once (the IV is stored in plain text anyway). */
function freshIv(): Uint8Array<ArrayBuffer> {
  if (ivPoolUsed + IV_BYTES > ivPool.length) {
    ivPool = crypto.getRandomValues(new Uint8Array(IV_BYTES * IVS_PER_DRAW));
    ivPoolUsed = 0;
  }
  // A copy, not a view: a stored view would take the whole pool into IndexedDB with it.
  const iv = ivPool.slice(ivPoolUsed, ivPoolUsed + IV_BYTES);
  ivPoolUsed += IV_BYTES;
  return iv;
}

/** Why a value cannot be decrypted. */
export type EncryptedValueIssueCode = 'tampered_value';

/** True for something shaped like an {@link EncryptedValue}: a 12-byte `iv` and at least a tag of `data`. */
export function isEncryptedValue(value: unknown): value is EncryptedValue {
  if (typeof value !== 'object' || value === null) return false;
  const { iv, data } = value as Partial<Record<keyof EncryptedValue, unknown>>;
  return (
    iv instanceof Uint8Array &&
    iv.length === IV_BYTES &&
    data instanceof Uint8Array &&
    data.length >= TAG_BYTES
  );
}

/**
 * Encrypts the JSON of `value` with a fresh random IV. `aad` names the value's place, e.g.
 * `students/<programmeId>/<rowKey>/nik`, and must be given again to decrypt, so a ciphertext copied
 * into another row or field does not decrypt. The value goes through `JSON.stringify` (dates become
 * text, `undefined` properties vanish); throws a TypeError for a value with no JSON form (`undefined`,
 * a function) and whatever `JSON.stringify` throws (a cycle, a bigint).
 *
 * @example
 * const nik = await encryptJson(keys.data, '3506011501060001', `students/${programmeId}/${rowKey}/nik`);
 */
export async function encryptJson(
  key: CryptoKey,
  value: unknown,
  aad: string,
): Promise<EncryptedValue> {
  const json: string | undefined = JSON.stringify(value);
  if (json === undefined) throw new TypeError('encryptJson needs a value that has a JSON form');
  const iv = freshIv();
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8.encode(aad) },
    key,
    utf8.encode(json),
  );
  return { iv, data: new Uint8Array(data) };
}

/**
 * Decrypts a value from {@link encryptJson} with the same key and `aad`. Never throws on bad input:
 * `tampered_value` when the value was changed, moved from another place (other `aad`), encrypted
 * with another key, or is not an {@link EncryptedValue} at all.
 */
export async function decryptJson(
  key: CryptoKey,
  encrypted: EncryptedValue,
  aad: string,
): Promise<Result<unknown, Issue<EncryptedValueIssueCode>>> {
  if (!isEncryptedValue(encrypted)) return tamperedValue();
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: encrypted.iv.slice(), additionalData: utf8.encode(aad) },
      key,
      encrypted.data.slice(),
    );
    return ok(JSON.parse(strictUtf8.decode(plain)) as unknown);
  } catch {
    return tamperedValue();
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A blind index of `value` for lookups by equality without storing the value: base64url of the first
 * 16 bytes of HMAC-SHA-256 over `purpose`, a NUL and `value` (22 characters). The same key, purpose and
 * value always give the same index; another purpose gives an unrelated one, so indexes of one field
 * cannot be matched against another's. It cannot be reversed without the key, but a value from a small
 * set (a birth year) can still be guessed by whoever holds the key. Normalise `value` first (e.g. the
 * 16 digits of an NIK): other spellings give other indexes. Throws a RangeError for an empty purpose or
 * one containing NUL.
 *
 * @example
 * const nikIndex = await blindIndex(keys.index, 'nik', '3506011501060001');
 */
export async function blindIndex(
  indexKey: CryptoKey,
  purpose: string,
  value: string,
): Promise<string> {
  // A NUL inside the purpose would let ('a\0b', 'c') and ('a', 'b\0c') share an index.
  if (purpose.length === 0 || purpose.includes('\u0000')) {
    throw new RangeError('A blind index purpose must be non-empty and contain no NUL character');
  }
  const mac = await crypto.subtle.sign('HMAC', indexKey, utf8.encode(`${purpose}\u0000${value}`));
  return toBase64Url(new Uint8Array(mac, 0, INDEX_BYTES));
}

function tamperedValue() {
  return fail(
    'tampered_value',
    'Data ini rusak atau telah diubah, sehingga tidak dapat dibaca.',
    'This data is damaged or was changed, so it cannot be read.',
  );
}
