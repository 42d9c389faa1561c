/**
 * The laptop's passphrase (issue 9): setting it, unlocking with it, changing it. The keyring row holds
 * the data key wrapped by a key derived from the passphrase (PBKDF2-SHA-256, see `@sahaja/core/secure`);
 * the passphrase and the keys are never stored. There is no way around a forgotten passphrase: the
 * data of this laptop can then only be deleted, and the programme restored from a backup or another
 * laptop's files.
 */
import {
  changePassphrase as rewrapKeyring,
  checkPassphrase,
  createKeyring,
  unlockKeyring,
  type KeyringRecord,
} from '@sahaja/core/secure';
import type { Message } from '@sahaja/core';
import { KEYRING_ID, PLAIN_TABLES, type SahajaDatabase } from '../db/database';
import { isQuotaExceeded } from '../db/quota';
import { closeVault, openVault } from './vault';

/** Why the passphrase was not set, not accepted or not changed. */
export type PassphraseIssue = {
  readonly code:
    | 'passphrase_too_short'
    | 'passphrases_differ'
    | 'wrong_passphrase'
    | 'damaged_keyring'
    | 'no_keyring'
    | 'keyring_exists'
    | 'storage';
  readonly message: Message;
};

export type PassphraseResult =
  { readonly ok: true } | { readonly ok: false; readonly error: PassphraseIssue };

/** The binding of the laptop keyring's wrapped key (the core binds it to a "programme" id). */
const KEYRING_BINDING = 'sahaja-laptop';

/** Options for tests: fewer PBKDF2 iterations than the default 600,000. */
export interface KeyringStoreOptions {
  readonly iterations?: number;
}

/** Whether this laptop's data has a passphrase yet. */
export async function hasKeyring(db: SahajaDatabase): Promise<boolean> {
  return (await db.keyring.get(KEYRING_ID)) !== undefined;
}

/**
 * Sets the laptop's first passphrase: makes the keyring, opens the vault, and rewrites every row stored
 * before in sealed form, all in one transaction, so a failure (or the tab closed midway) leaves the
 * laptop as it was, without a passphrase and with nothing half sealed.
 */
export async function setPassphrase(
  db: SahajaDatabase,
  passphrase: string,
  repeated: string,
  options: KeyringStoreOptions = {},
): Promise<PassphraseResult> {
  const checked = checkPassphrase(passphrase);
  if (!checked.ok) return { ok: false, error: checked.issues[0] };
  if (passphrase !== repeated) return fail('passphrases_differ');
  if (await hasKeyring(db)) return fail('keyring_exists');
  const { record, keys } = await createKeyring(passphrase, {
    programmeId: KEYRING_BINDING,
    ...(options.iterations === undefined ? {} : { iterations: options.iterations }),
  });
  openVault(keys);
  const sealed = db.tables.filter((t) => !(PLAIN_TABLES as readonly string[]).includes(t.name));
  try {
    await db.transaction('rw', [db.keyring, ...sealed], async () => {
      if (await db.keyring.get(KEYRING_ID)) throw new KeyringExistsError();
      for (const table of sealed) {
        // Rows stored before are read as they are, then written back sealed (an NIK in a key
        // becomes a blind index, which is another key: hence clear and add, not put).
        const rows: unknown[] = await table.toArray();
        if (rows.length === 0) continue;
        await table.clear();
        await table.bulkAdd(rows);
      }
      await db.keyring.add({ id: KEYRING_ID, record, createdAt: new Date().toISOString() });
    });
  } catch (thrown) {
    closeVault();
    if (thrown instanceof KeyringExistsError) return fail('keyring_exists');
    return storageFailure(thrown);
  }
  return { ok: true };
}

/** Opens the vault with the passphrase; a wrong one gets a clear message and changes nothing. */
export async function unlock(db: SahajaDatabase, passphrase: string): Promise<PassphraseResult> {
  const row = await db.keyring.get(KEYRING_ID);
  if (!row) return fail('no_keyring');
  const keys = await unlockKeyring(row.record, passphrase);
  if (!keys.ok) {
    const issue = keys.issues[0];
    return issue.code === 'wrong_passphrase'
      ? fail('wrong_passphrase')
      : { ok: false, error: issue };
  }
  openVault(keys.value);
  return { ok: true };
}

/** Changes the passphrase: the data key is re-wrapped, the data itself is not touched. */
export async function changePassphrase(
  db: SahajaDatabase,
  current: string,
  next: string,
  repeated: string,
): Promise<PassphraseResult> {
  const checked = checkPassphrase(next);
  if (!checked.ok) return { ok: false, error: checked.issues[0] };
  if (next !== repeated) return fail('passphrases_differ');
  const row = await db.keyring.get(KEYRING_ID);
  if (!row) return fail('no_keyring');
  const record = await rewrapKeyring(row.record, current, next);
  if (!record.ok) return { ok: false, error: record.issues[0] };
  try {
    await db.keyring.put({ ...row, record: record.value satisfies KeyringRecord });
  } catch (thrown) {
    return storageFailure(thrown);
  }
  return { ok: true };
}

class KeyringExistsError extends Error {}

const MESSAGES = {
  wrong_passphrase: {
    id: 'Kata sandi salah. Periksa huruf besar dan kecil, lalu coba lagi.',
    en: 'The passphrase is wrong. Check capital and small letters, then try again.',
  },
  passphrases_differ: {
    id: 'Kedua kata sandi tidak sama. Ketik ulang kata sandi yang sama di kedua kolom.',
    en: 'The two passphrases differ. Type the same passphrase in both fields.',
  },
  keyring_exists: {
    id: 'Laptop ini sudah punya kata sandi. Buka dengan kata sandi itu.',
    en: 'This laptop has a passphrase already. Unlock with it.',
  },
  no_keyring: {
    id: 'Laptop ini belum punya kata sandi.',
    en: 'This laptop has no passphrase yet.',
  },
} as const;

function fail(code: keyof typeof MESSAGES): { ok: false; error: PassphraseIssue } {
  return { ok: false, error: { code, message: MESSAGES[code] } };
}

function storageFailure(thrown: unknown): { ok: false; error: PassphraseIssue } {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const quota = isQuotaExceeded(thrown);
  return {
    ok: false,
    error: {
      code: 'storage',
      message: quota
        ? {
            id: 'Ruang penyimpanan laptop tidak cukup untuk mengunci data. Tidak ada yang berubah. Kosongkan ruang, lalu coba lagi.',
            en: 'There is not enough storage space to lock the data. Nothing was changed. Free some space, then try again.',
          }
        : {
            id: `Data tidak bisa dikunci (${error.message}). Tidak ada yang berubah.`,
            en: `The data could not be locked (${error.message}). Nothing was changed.`,
          },
    },
  };
}
