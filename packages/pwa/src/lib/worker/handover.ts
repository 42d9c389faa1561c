/**
 * The card handover's reading, done in the worker next to the data: the page sends a programme id and
 * receives the early-recorded students (a few thousand small rows), never the 20,000 students and
 * their registry records it takes to decide them. Every failure comes back as a value.
 */
import Dexie from 'dexie';
import type { Message } from '@sahaja/core';
import type { SahajaDatabase } from '../db';
import {
  CardDataRefusal,
  readCardData,
  type CardData,
  type CardDataProgress,
} from '../handover/card-data';

/** Why the handover data could not be read; nothing is written, so nothing is lost. */
export interface HandoverError {
  /**
   * `missing`: the programme is not stored; `settings`: the core refused its eligibility settings
   * (see `localized`); `storage`: IndexedDB failed; `internal`: anything else.
   */
  readonly code: 'missing' | 'settings' | 'storage' | 'internal';
  readonly message: string;
  /** The reason in both UI languages, when the core wrote one. */
  readonly localized?: Message;
}

export type HandoverOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: HandoverError };

/** The card handover's group of the worker's API. */
export interface HandoverApi {
  /** Programme `programmeId`'s early-recorded students, schools and holidays (see `readCardData`). */
  cardData(
    programmeId: string,
    onProgress?: (progress: CardDataProgress) => void,
  ): Promise<HandoverOutcome<CardData>>;
}

/** The handover reading over the database `db()` opens (the app's, or a test's fake one). */
export function createHandoverApi(db: () => SahajaDatabase): HandoverApi {
  return {
    cardData: async (programmeId, onProgress) => {
      try {
        return { ok: true, value: await readCardData(db(), programmeId, onProgress) };
      } catch (thrown) {
        return { ok: false, error: handoverError(thrown) };
      }
    },
  };
}

function handoverError(thrown: unknown): HandoverError {
  if (thrown instanceof CardDataRefusal) {
    const { code, localized } = thrown;
    return { code, message: localized?.en ?? code, ...(localized && { localized }) };
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { code: thrown instanceof Dexie.DexieError ? 'storage' : 'internal', message };
}
