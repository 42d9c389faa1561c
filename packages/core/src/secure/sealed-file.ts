/**
 * The sealed file (issue 9): how exchange files and backups leave the laptop. The passphrase protects
 * the contents; a small plain-text header says what the file is, so the app can show "backup of
 * programme X made on …" before asking for the passphrase, and refuse a foreign or changed file with a
 * message a person can act on.
 *
 * Layout, all integers big-endian:
 *
 * | bytes    | content                                                                  |
 * | -------- | ------------------------------------------------------------------------ |
 * | 0–6      | magic `SAHAJA` + 0x00                                                    |
 * | 7        | format version (1)                                                       |
 * | 8–11     | header length `n` in bytes                                               |
 * | 12…12+n  | header: UTF-8 JSON, see {@link SealedHeader}                             |
 * | 12+n…end | AES-GCM ciphertext of the (optionally gzipped) contents, 16-byte tag last |
 *
 * Every byte before the ciphertext (magic, version, length and header) is the AES-GCM additional data,
 * so changing any of them makes decryption fail.
 */
import { fail, ok, type Issue, type Result } from '../domain/result.js';
import { concatBytes, equalBytes, fromBase64, randomBytes, toBase64, utf8 } from './bytes.js';
import {
  assertIterations,
  deriveSecrets,
  isIterationCount,
  KDF_ITERATIONS_DEFAULT,
  newSalt,
  SALT_BYTES,
  VERIFIER_BYTES,
} from './kdf.js';

/** The format version this code writes; files with a higher one are refused as `unsupported_version`. */
export const SEALED_FORMAT_VERSION = 1;

/** Largest header accepted, in bytes; a header is a few hundred bytes unless `meta` is misused. */
export const MAX_HEADER_BYTES = 65_536;

/** Longest `kind` label accepted, in UTF-16 code units. */
export const MAX_KIND_LENGTH = 64;

/** `SAHAJA` + 0x00. */
const MAGIC = Uint8Array.of(0x53, 0x41, 0x48, 0x41, 0x4a, 0x41, 0x00);
const PREFIX_BYTES = MAGIC.length + 1 + 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** How the contents were packed before encryption. */
export type Compression = 'gzip' | 'none';

/** The plain-text header of a sealed file, readable without the passphrase. */
export interface SealedHeader {
  /** What the file is for: `'exchange'`, `'backup'` or another short label the app chooses. */
  readonly kind: string;
  /** When it was sealed, as `Date.prototype.toISOString` writes it. */
  readonly createdAt: string;
  readonly kdf: {
    readonly name: 'PBKDF2';
    readonly hash: 'SHA-256';
    readonly iterations: number;
    /** Base64 of 16 random bytes. */
    readonly salt: string;
  };
  /** Base64 of the 32-byte passphrase verifier (see `deriveSecrets`). */
  readonly verifier: string;
  /** Base64 of the 12 random bytes of the AES-GCM initialisation vector. */
  readonly iv: string;
  readonly compression: Compression;
  /**
   * Bytes after the header (ciphertext and tag), so that a file cut short in transfer is reported as
   * incomplete (`damaged_file`) rather than as changed (`tampered_file`).
   */
  readonly payloadBytes: number;
  /**
   * What the app wants to show before the passphrase is typed: programme id and name, device, counts,
   * app version. Stored in PLAIN TEXT: never put names, NIK, birth dates or other personal data here.
   */
  readonly meta: Readonly<Record<string, string | number>>;
}

/** Why the header of a file cannot be read. */
export type SealedHeaderIssueCode = 'not_sahaja_file' | 'unsupported_version' | 'damaged_file';

/** Why a sealed file cannot be opened. */
export type SealedFileIssueCode =
  SealedHeaderIssueCode | 'wrong_kind' | 'wrong_passphrase' | 'tampered_file';

/** Options of {@link sealFile}. */
export interface SealOptions {
  /** See {@link SealedHeader.kind}: 1 to 64 characters. */
  readonly kind: string;
  /** See {@link SealedHeader.meta}: plain text, no personal data. Values are text or finite numbers. */
  readonly meta?: Readonly<Record<string, string | number>>;
  /** PBKDF2 iterations; {@link KDF_ITERATIONS_DEFAULT} unless a test needs speed. */
  readonly iterations?: number;
  /** The sealing time written in the header; the clock by default. */
  readonly now?: Date;
  /** `'gzip'` by default where `CompressionStream` exists, else `'none'`. */
  readonly compression?: Compression;
}

/** Options of {@link openSealedFile}. */
export interface OpenOptions {
  /** Refuse a file of another kind with `wrong_kind`, before the passphrase is tried. */
  readonly expectKind?: string;
}

/** An opened sealed file. */
export interface OpenedFile {
  readonly header: SealedHeader;
  readonly plain: Uint8Array;
}

/** True where `CompressionStream` exists (Node 20, current browsers and workers). */
export function canCompress(): boolean {
  return typeof globalThis.CompressionStream === 'function';
}

/**
 * Encrypts `plain` with a key derived from `passphrase` and returns the sealed file's bytes. Fresh
 * salt and IV every call, so sealing the same contents twice gives different bytes. Throws (a
 * programming error) for an empty or overlong kind, a meta value that is not text or a finite number,
 * a header over 64 KiB, an invalid `now`, iterations out of range, or `'gzip'` asked for where
 * `CompressionStream` is missing. Does not change `plain`.
 *
 * @example
 * const file = await sealFile(new TextEncoder().encode(json), passphrase, {
 *   kind: 'backup',
 *   meta: { programmeId: 'bias-2025', programmeName: 'BIAS 2025 Kec. Kota', students: 412 },
 * });
 */
export async function sealFile(
  plain: Uint8Array,
  passphrase: string,
  options: SealOptions,
): Promise<Uint8Array> {
  const { kind, meta = {}, iterations = KDF_ITERATIONS_DEFAULT, now = new Date() } = options;
  assertIterations(iterations);
  if (kind.length === 0 || kind.length > MAX_KIND_LENGTH) {
    throw new RangeError(`A sealed file's kind must have 1 to ${MAX_KIND_LENGTH} characters`);
  }
  if (!isMeta(meta)) {
    throw new TypeError("A sealed file's meta values must be text or finite numbers");
  }
  if (!Number.isFinite(now.getTime())) throw new RangeError('`now` must be a valid Date');
  const compression = options.compression ?? (canCompress() ? 'gzip' : 'none');
  if (compression === 'gzip' && !canCompress()) {
    throw new Error('gzip compression needs CompressionStream, which this environment lacks');
  }

  const body = compression === 'gzip' ? await pipe(plain, new CompressionStream('gzip')) : plain;
  const salt = newSalt();
  const { encryptionKey, verifier } = await deriveSecrets(passphrase, salt, iterations);
  const iv = randomBytes(IV_BYTES);
  // Written field by field, so the JSON has a fixed order and holds nothing the caller slipped in.
  const header: SealedHeader = {
    kind,
    createdAt: now.toISOString(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    verifier: toBase64(verifier),
    iv: toBase64(iv),
    compression,
    payloadBytes: body.length + TAG_BYTES,
    meta: Object.fromEntries(Object.entries(meta)),
  };
  const headerBytes = utf8.encode(JSON.stringify(header));
  if (headerBytes.length > MAX_HEADER_BYTES) {
    throw new RangeError(
      `A sealed file's header must fit in ${MAX_HEADER_BYTES} bytes; shorten meta`,
    );
  }
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, headerBytes.length);
  const prefix = concatBytes(MAGIC, Uint8Array.of(SEALED_FORMAT_VERSION), length, headerBytes);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: prefix },
    encryptionKey,
    body.slice(),
  );
  return concatBytes(prefix, new Uint8Array(ciphertext));
}

/**
 * Reads the plain-text header of a sealed file without the passphrase, to show what the file is
 * before asking for it. Never throws: anything that is not an intact sealed file is
 * `not_sahaja_file`, `unsupported_version` or `damaged_file` (cut short, extra bytes, or a header that
 * is not the expected JSON). A header that reads well may still have been changed: only
 * {@link openSealedFile} can tell.
 */
export function readSealedHeader(
  bytes: Uint8Array,
): Result<SealedHeader, Issue<SealedHeaderIssueCode>> {
  const parsed = parseSealed(bytes);
  return parsed.ok ? ok(parsed.value.header) : parsed;
}

/**
 * Checks the passphrase and decrypts a sealed file. Never throws on bad bytes or a bad passphrase:
 * the header codes of {@link readSealedHeader}, then `wrong_kind` (not `expectKind`),
 * `wrong_passphrase` (the verifier does not match), or `tampered_file` (the passphrase is right but
 * the contents or header were changed). A change to the salt, iteration count or verifier in the
 * header cannot be told from a wrong passphrase and is reported as one. Throws only for a gzip file
 * where `DecompressionStream` is missing (every supported runtime has it).
 */
export async function openSealedFile(
  bytes: Uint8Array,
  passphrase: string,
  options: OpenOptions = {},
): Promise<Result<OpenedFile, Issue<SealedFileIssueCode>>> {
  const parsed = parseSealed(bytes);
  if (!parsed.ok) return parsed;
  const { header, salt, verifier, iv, bodyStart } = parsed.value;
  if (options.expectKind !== undefined && header.kind !== options.expectKind) {
    return wrongKind(header.kind, options.expectKind);
  }

  const secrets = await deriveSecrets(passphrase, salt, header.kdf.iterations);
  const passphraseMatches = equalBytes(secrets.verifier, verifier);
  secrets.verifier.fill(0);
  if (!passphraseMatches) {
    return fail(
      'wrong_passphrase',
      'Frasa sandi salah untuk berkas ini. Periksa huruf besar dan kecil, lalu coba lagi.',
      'The passphrase is wrong for this file. Check capital and small letters, then try again.',
    );
  }

  let body: Uint8Array;
  try {
    body = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv, additionalData: bytes.slice(0, bodyStart) },
        secrets.encryptionKey,
        bytes.slice(bodyStart),
      ),
    );
  } catch {
    return tampered();
  }
  if (header.compression === 'none') return ok({ header, plain: body });
  if (typeof globalThis.DecompressionStream !== 'function') {
    throw new Error(
      'This file is gzipped and needs DecompressionStream, which this environment lacks',
    );
  }
  try {
    return ok({ header, plain: await pipe(body, new DecompressionStream('gzip')) });
  } catch {
    // Authentic contents that do not unpack: written wrongly, so just as unusable as changed ones.
    return tampered();
  }
}

/** A header with the decoded bytes it names and where the ciphertext starts. */
interface Parsed {
  readonly header: SealedHeader;
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly verifier: Uint8Array<ArrayBuffer>;
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly bodyStart: number;
}

function parseSealed(bytes: Uint8Array): Result<Parsed, Issue<SealedHeaderIssueCode>> {
  if (bytes.length < MAGIC.length || MAGIC.some((b, i) => bytes[i] !== b)) {
    return fail(
      'not_sahaja_file',
      'Ini bukan berkas Sahaja. Pilih berkas pertukaran atau cadangan yang dibuat oleh Sahaja.',
      'This is not a Sahaja file. Choose an exchange file or backup made by Sahaja.',
    );
  }
  // The version comes first: a newer format may lay out the rest differently.
  const version = bytes[MAGIC.length];
  if (version !== undefined && version > SEALED_FORMAT_VERSION) {
    return fail(
      'unsupported_version',
      'Berkas ini dibuat oleh Sahaja versi yang lebih baru. Perbarui aplikasi untuk membukanya.',
      'This file was made by a newer version of Sahaja. Update the app to open it.',
    );
  }
  if (version !== SEALED_FORMAT_VERSION || bytes.length < PREFIX_BYTES) return damaged();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(MAGIC.length + 1);
  const bodyStart = PREFIX_BYTES + headerLength;
  if (headerLength > MAX_HEADER_BYTES || bodyStart > bytes.length) return damaged();

  let raw: unknown;
  try {
    raw = JSON.parse(strictUtf8.decode(bytes.subarray(PREFIX_BYTES, bodyStart)));
  } catch {
    return damaged();
  }
  const parsed = readHeader(raw);
  if (parsed === undefined || bytes.length - bodyStart !== parsed.header.payloadBytes) {
    return damaged();
  }
  return ok({ ...parsed, bodyStart });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const CREATED_AT = /^(?:\d{4}|[+-]\d{6})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The header from parsed JSON, with its base64 fields decoded; `undefined` if anything is off. */
function readHeader(raw: unknown): Omit<Parsed, 'bodyStart'> | undefined {
  if (!isRecord(raw) || !isRecord(raw.kdf)) return undefined;
  const { kind, createdAt, kdf, compression, payloadBytes, meta } = raw;
  if (typeof kind !== 'string' || kind.length === 0 || kind.length > MAX_KIND_LENGTH)
    return undefined;
  if (typeof createdAt !== 'string' || !CREATED_AT.test(createdAt)) return undefined;
  if (!Number.isFinite(Date.parse(createdAt))) return undefined;
  if (kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || !isIterationCount(kdf.iterations))
    return undefined;
  if (compression !== 'gzip' && compression !== 'none') return undefined;
  if (typeof payloadBytes !== 'number' || !Number.isSafeInteger(payloadBytes)) return undefined;
  if (payloadBytes < TAG_BYTES || !isMeta(meta)) return undefined;
  const salt = decoded(kdf.salt, SALT_BYTES);
  const verifier = decoded(raw.verifier, VERIFIER_BYTES);
  const iv = decoded(raw.iv, IV_BYTES);
  if (!salt || !verifier || !iv) return undefined;
  return {
    // Rebuilt rather than passed on, so only known fields reach the app.
    header: {
      kind,
      createdAt,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: kdf.iterations, salt: toBase64(salt) },
      verifier: toBase64(verifier),
      iv: toBase64(iv),
      compression,
      payloadBytes,
      // fromEntries defines keys such as `__proto__` as plain properties.
      meta: Object.fromEntries(Object.entries(meta)),
    },
    salt,
    verifier,
    iv,
  };
}

/** The bytes of a base64 field of exactly `length` bytes, or `undefined`. */
function decoded(value: unknown, length: number): Uint8Array<ArrayBuffer> | undefined {
  const bytes = typeof value === 'string' ? fromBase64(value) : undefined;
  return bytes?.length === length ? bytes : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMeta(value: unknown): value is Record<string, string | number> {
  return (
    isRecord(value) &&
    Object.values(value).every(
      (v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
    )
  );
}

function damaged() {
  return fail(
    'damaged_file',
    'Berkas ini rusak atau tidak lengkap. Minta berkas dikirim ulang, atau gunakan salinan lain.',
    'This file is damaged or incomplete. Ask for it to be sent again, or use another copy.',
  );
}

function tampered() {
  return fail(
    'tampered_file',
    'Isi berkas ini telah diubah atau rusak, jadi tidak dibuka. Minta berkas dikirim ulang dari sumbernya.',
    "This file's contents were changed or damaged, so it was not opened. Ask for it to be sent again from its source.",
  );
}

function wrongKind(actual: string, expected: string) {
  return fail(
    'wrong_kind',
    `Berkas ini berjenis "${actual}", padahal yang diminta berjenis "${expected}". Pilih berkas yang tepat.`,
    `This is a "${actual}" file, but a "${expected}" file is needed here. Choose the right file.`,
  );
}

/** Runs `bytes` through a compression or decompression stream; rejects if the stream fails. */
async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array<ArrayBuffer>> {
  const writer = stream.writable.getWriter();
  // The reader below reports any failure; these reject with the same error, so they are silenced
  // rather than left unhandled. Not awaited: the stream only drains as the reader pulls.
  writer.write(bytes.slice()).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return concatBytes(...chunks);
    chunks.push(value);
  }
}
