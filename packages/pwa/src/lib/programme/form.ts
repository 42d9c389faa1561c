/**
 * What the set-up forms share: a field's error as a message key (shown in the current language next to
 * the field), reading numbers typed into text boxes, and where a save stands.
 */
import type { SahajaDatabase } from '../db/database';
import type { SetupError } from '../db/setup';
import type { MessageKey } from '../i18n/id';
import type { MessageParams } from '../i18n/translate';
import type { ActiveProgramme } from './active.svelte';

/** Why one field is invalid: a message and its values, translated when shown. */
export interface FieldError {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** The errors of one form row (or a whole form), by field; a field without an entry is valid. */
export type FieldErrors<F extends string> = Partial<Record<F, FieldError>>;

/**
 * A whole number typed by a person: `undefined` when the box is empty, `NaN` when it is not a whole
 * number (`1,5`, `abc`), so the schema rejects it with the right message.
 *
 * @example
 * wholeNumber(' 480 ') // 480
 * wholeNumber('')      // undefined
 * wholeNumber('7.5')   // NaN
 */
export function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Where a form's save stands: `invalid` after a save refused for `count` bad fields. */
export type SaveStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'saving' }
  | { readonly state: 'saved' }
  | { readonly state: 'invalid'; readonly count: number }
  | { readonly state: 'failed'; readonly error: SetupError };

/**
 * The status to show while the user corrects a refused save: the number of fields still wrong, and
 * nothing once they are all corrected (until the next save).
 */
export function liveStatus(status: SaveStatus, errorCount: number): SaveStatus {
  if (status.state !== 'invalid') return status;
  return errorCount === 0 ? IDLE : { state: 'invalid', count: errorCount };
}

/** A form that has not been saved since it was opened. */
export const IDLE: SaveStatus = { state: 'idle' };

/** Turns an unexpected exception (IndexedDB unavailable, a programmer error) into a failed save. */
export function failedSave(thrown: unknown): SaveStatus {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { state: 'failed', error: { code: 'storage', message } };
}

/** How many rows and fields have an error in a per-row error table. */
export function countErrors(errors: Readonly<Record<number, object>>): number {
  return Object.values(errors).reduce((sum, row) => sum + Object.keys(row).length, 0);
}

/** What the set-up forms work with: the database and the active programme. */
export interface SetupDependencies {
  readonly db: () => SahajaDatabase;
  /** Saved rows are shown at once (`replace`); a created programme becomes active (`select`). */
  readonly active: Pick<ActiveProgramme, 'replace' | 'select' | 'refresh'>;
}
