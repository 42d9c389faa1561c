/**
 * Who records a handover on this laptop: the laptop's random id (kept in its storage, so that every
 * event says which laptop made it when logs are merged) and the staff member's name as the visit day
 * remembers it. The same keys as the visit day's, so both name a laptop alike.
 */

/** Where the laptop's id is kept. */
export const DEVICE_KEY = 'sahaja.device';
/** Where the name of the staff member at the laptop is kept (written by the visit day). */
export const OPERATOR_KEY = 'sahaja.operator';

/** A new laptop id: random, so that two laptops never share one. */
export const newDeviceId = (): string => `laptop-${crypto.randomUUID()}`;

/**
 * This laptop's id from `storage`; made with `make` and stored the first time. When storage is
 * missing or refuses (private mode), a new id is made that lasts as long as the page.
 */
export function deviceId(storage: Storage | null, make: () => string = newDeviceId): string {
  const known = read(storage, DEVICE_KEY);
  if (known) return known;
  const made = make();
  try {
    storage?.setItem(DEVICE_KEY, made);
  } catch {
    // Storage refused: the id lasts as long as the page.
  }
  return made;
}

/** The staff member's name kept on this laptop, trimmed; empty when none. */
export function operatorName(storage: Storage | null): string {
  return read(storage, OPERATOR_KEY)?.trim() ?? '';
}

function read(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) || null;
  } catch {
    return null;
  }
}

/** The browser's local storage, or null where it cannot be used. */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
