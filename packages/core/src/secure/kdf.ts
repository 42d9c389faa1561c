/**
 * From a passphrase to keys (issue 9): PBKDF2-HMAC-SHA-256 with a random salt gives 256 bits, which
 * HKDF-SHA-256 splits into an AES-GCM key and a verifier, so that a wrong passphrase can be told apart
 * from a file that was changed.
 *
 * Why PBKDF2 gives exactly 256 bits: PBKDF2 computes every 256-bit block of its output separately with
 * the full iteration count. Asking it for 512 bits would make every unlock pay twice, while an attacker
 * testing guesses against the stored verifier would compute only the block holding the verifier. One
 * block, split by HKDF, makes the owner's cost and the attacker's cost per guess the same.
 */
import { fail, ok, type Issue, type Result } from '../domain/result.js';
import { randomBytes, utf8 } from './bytes.js';

/** PBKDF2-HMAC-SHA-256 iterations for new files and keyrings: OWASP's 2023 recommendation. */
export const KDF_ITERATIONS_DEFAULT = 600_000;

/** Fewest iterations accepted: below this a passphrase is too cheap to guess (tests use it for speed). */
export const KDF_ITERATIONS_MIN = 1_000;

/**
 * Most iterations accepted. The count is read from files and keyrings that may be hostile; a bound
 * keeps a changed count from freezing the app for hours.
 */
export const KDF_ITERATIONS_MAX = 10_000_000;

/** Bytes of salt from {@link newSalt}. */
export const SALT_BYTES = 16;

/** Bytes of a {@link DerivedSecrets.verifier}. */
export const VERIFIER_BYTES = 32;

/** Bits PBKDF2 derives: one SHA-256 block, so the iteration count is paid once (see the module note). */
const PBKDF2_BITS = 256;

/** HKDF info of the AES-GCM key derived from the PBKDF2 bits. */
const ENCRYPTION_KEY_INFO = 'sahaja encryption key v1';

/** HKDF info of the verifier derived from the PBKDF2 bits. */
const VERIFIER_INFO = 'sahaja passphrase verifier v1';

/**
 * HKDF salt: RFC 5869's default of 32 zero bytes (HashLen). The PBKDF2 bits are already uniformly
 * random and already depend on the random file or keyring salt, so a second salt here would add
 * nothing; the keyring's HKDF uses the same default.
 */
const HKDF_SALT = new Uint8Array(32);

/** What a passphrase and salt give. */
export interface DerivedSecrets {
  /** AES-GCM 256, non-extractable, for encrypt and decrypt. */
  readonly encryptionKey: CryptoKey;
  /**
   * 32 bytes stored beside what the key protects: if the verifier of a typed passphrase matches, the
   * passphrase is right, and a decryption failure can only mean changed data.
   */
  readonly verifier: Uint8Array<ArrayBuffer>;
}

/** A fresh random salt of {@link SALT_BYTES} bytes; use a new one for every file and keyring. */
export function newSalt(): Uint8Array<ArrayBuffer> {
  return randomBytes(SALT_BYTES);
}

/**
 * Throws a RangeError unless `iterations` is a whole number from {@link KDF_ITERATIONS_MIN} to
 * {@link KDF_ITERATIONS_MAX}: a count outside is a programming error, not something a person chose.
 */
export function assertIterations(iterations: number): void {
  if (!isIterationCount(iterations)) {
    throw new RangeError(
      `PBKDF2 iterations must be a whole number from ${KDF_ITERATIONS_MIN} to ${KDF_ITERATIONS_MAX}, got ${iterations}`,
    );
  }
}

/** True for an iteration count this module accepts (for readers of stored counts). */
export function isIterationCount(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= KDF_ITERATIONS_MIN &&
    value <= KDF_ITERATIONS_MAX
  );
}

/**
 * Derives 256 bits with PBKDF2-HMAC-SHA-256 (one block, so `iterations` is paid once), then splits them
 * with HKDF-SHA-256 (salt: 32 zero bytes) into the encryption key (info `sahaja encryption key v1`)
 * and the verifier (info `sahaja passphrase verifier v1`). Knowing the verifier tells nothing about
 * the key, yet checking a guess against it costs a full PBKDF2 run. The passphrase is NFC-normalised,
 * so `é` typed as one character or as `e` + accent gives the same keys. Throws a RangeError for an
 * iteration count outside the accepted range.
 *
 * @example
 * const salt = newSalt();
 * const { encryptionKey, verifier } = await deriveSecrets('kata sandi program', salt);
 */
export async function deriveSecrets(
  passphrase: string,
  salt: Uint8Array,
  iterations: number = KDF_ITERATIONS_DEFAULT,
): Promise<DerivedSecrets> {
  assertIterations(iterations);
  const material = await crypto.subtle.importKey(
    'raw',
    utf8.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: salt.slice(), iterations },
      material,
      PBKDF2_BITS,
    ),
  );
  let base: CryptoKey;
  try {
    base = await crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey', 'deriveBits']);
  } finally {
    // The raw bits are not needed once imported; do not leave them in memory.
    bits.fill(0);
  }
  const encryptionKey = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: utf8.encode(ENCRYPTION_KEY_INFO) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const verifier = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: utf8.encode(VERIFIER_INFO) },
      base,
      VERIFIER_BYTES * 8,
    ),
  );
  return { encryptionKey, verifier };
}

/** Why a passphrase cannot be set. */
export type PassphraseIssueCode = 'passphrase_too_short';

/** Characters a programme passphrase needs at least, not counting spaces at either end. */
export const PASSPHRASE_MIN_CHARACTERS = 10;

/**
 * The rule for setting a programme passphrase: at least 10 characters once spaces at the ends are
 * trimmed, counted in Unicode code points after NFC normalisation (so `é` is one however it was
 * typed). Returns the passphrase unchanged on success (not trimmed: keys come from exactly what was
 * typed), or `passphrase_too_short`. The message never repeats the passphrase.
 */
export function checkPassphrase(text: string): Result<string, Issue<PassphraseIssueCode>> {
  const characters = [...text.normalize('NFC').trim()].length;
  if (characters < PASSPHRASE_MIN_CHARACTERS) {
    return fail(
      'passphrase_too_short',
      `Frasa sandi minimal ${PASSPHRASE_MIN_CHARACTERS} karakter, tidak termasuk spasi di awal dan akhir. Kalimat pendek yang mudah diingat lebih aman daripada satu kata.`,
      `The passphrase needs at least ${PASSPHRASE_MIN_CHARACTERS} characters, not counting spaces at the start and end. A short sentence you can remember is safer than one word.`,
    );
  }
  return ok(text);
}
