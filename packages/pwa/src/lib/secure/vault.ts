/**
 * The keys that open the laptop's data, held in memory only while it is unlocked (issue 9). Each
 * JavaScript realm has its own vault: the page opens its vault with the passphrase, then hands the
 * keys to each worker it starts (`CryptoKey`s cross `postMessage` without becoming readable). Locking
 * forgets them; the sealed tables then refuse every read and write until the next unlock.
 */
import type { UnlockedKeys } from '@sahaja/core/secure';

/** Thrown by a read or write of a sealed table while the vault is locked. */
export class LockedError extends Error {
  override readonly name = 'LockedError';
  constructor() {
    super('Data laptop ini terkunci: buka dengan kata sandi dulu. (The data is locked.)');
  }
}

let keys: UnlockedKeys | null = null;
const listeners = new Set<(open: boolean) => void>();

/** Opens this realm's vault with `unlocked` (from the keyring). */
export function openVault(unlocked: UnlockedKeys): void {
  keys = unlocked;
  for (const listener of listeners) listener(true);
}

/** Forgets this realm's keys. */
export function closeVault(): void {
  if (keys === null) return;
  keys = null;
  for (const listener of listeners) listener(false);
}

/** Whether this realm's vault holds keys. */
export function isVaultOpen(): boolean {
  return keys !== null;
}

/** The keys, or a {@link LockedError} when the vault is locked. */
export function vaultKeys(): UnlockedKeys {
  if (keys === null) throw new LockedError();
  return keys;
}

/** The keys, or null when locked (to hand them to a worker when there are any). */
export function vaultKeysOrNull(): UnlockedKeys | null {
  return keys;
}

/** Calls `listener` with `true` on every open and `false` on every close; returns the unsubscribe. */
export function watchVault(listener: (open: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
