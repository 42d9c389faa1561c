/**
 * Encryption for Sahaja (issue 9), on Web Crypto alone (Node 20, browsers, workers; no dependencies).
 *
 * - Passphrase → keys: PBKDF2-HMAC-SHA-256, 600 000 iterations (OWASP 2023), 16-byte random salt,
 *   passphrase NFC-normalised, 256 bits out (one PBKDF2 block, so an unlock costs what one guess costs
 *   an attacker). HKDF-SHA-256 (salt 32 zero bytes) splits them into the AES-GCM key (info
 *   `sahaja encryption key v1`) and a stored 32-byte verifier (info `sahaja passphrase verifier v1`)
 *   that tells a wrong passphrase (`wrong_passphrase`) from changed data (`tampered_*`).
 * - Encryption: AES-GCM with 256-bit keys, a fresh random 96-bit IV per encryption, 128-bit tag;
 *   additional data binds ciphertext to its context (file header, keyring's programme, field place).
 * - Sealed file (exchange files, backups): `SAHAJA\0`, version byte 1, 4-byte big-endian header length,
 *   UTF-8 JSON header (kind, createdAt, kdf, verifier, iv, compression, payloadBytes, meta — plain
 *   text, readable without the passphrase, never personal data), then the ciphertext of the contents,
 *   gzipped where `CompressionStream` exists (else `none`). All bytes before the ciphertext are its
 *   additional data, so any changed byte is refused.
 * - Keyring (IndexedDB): a random 32-byte secret wrapped by the passphrase key; HKDF-SHA-256 splits it
 *   into the data key (AES-GCM, info `sahaja data v1`) and the blind-index key (HMAC-SHA-256, info
 *   `sahaja blind index v1`), both non-extractable. Changing the passphrase re-wraps only the secret.
 * - Blind index: HMAC-SHA-256(purpose ‖ 0x00 ‖ value), first 128 bits, base64url (22 characters).
 */
export {
  checkPassphrase,
  deriveSecrets,
  KDF_ITERATIONS_DEFAULT,
  KDF_ITERATIONS_MAX,
  KDF_ITERATIONS_MIN,
  newSalt,
  PASSPHRASE_MIN_CHARACTERS,
  type DerivedSecrets,
  type PassphraseIssueCode,
} from './kdf.js';
export {
  canCompress,
  MAX_HEADER_BYTES,
  openSealedFile,
  readSealedHeader,
  sealFile,
  SEALED_FORMAT_VERSION,
  type Compression,
  type OpenedFile,
  type OpenOptions,
  type SealedFileIssueCode,
  type SealedHeader,
  type SealedHeaderIssueCode,
  type SealOptions,
} from './sealed-file.js';
export {
  changePassphrase,
  createKeyring,
  KEYRING_VERSION,
  unlockKeyring,
  type KeyringIssueCode,
  type KeyringOptions,
  type KeyringRecord,
  type UnlockedKeys,
} from './keyring.js';
export {
  blindIndex,
  decryptJson,
  encryptJson,
  isEncryptedValue,
  type EncryptedValue,
  type EncryptedValueIssueCode,
} from './fields.js';
