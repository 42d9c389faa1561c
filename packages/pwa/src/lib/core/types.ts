/**
 * The core's data types as the app sees them, all derived from the one `CoreApi` type: the page never
 * imports the core's runtime code, only this contract.
 */
import type { CoreApi, DemoRequest } from '@sahaja/core/api';

export type { CoreApi, DemoRequest };

/** A generated demo programme as the worker returns it (without files and truth). */
export type DemoProgramme = Awaited<ReturnType<CoreApi['generateDemo']>>;

/** Counts that describe a demo programme. */
export type DemoSummary = DemoProgramme['summary'];

/** Progress of a long computation in the worker: `done` of `total` in the named phase. */
export type CoreProgress = Parameters<NonNullable<Parameters<CoreApi['generateDemo']>[1]>>[0];

export type School = DemoProgramme['schools'][number];
export type StudentRecord = DemoProgramme['students'][number];
export type Resident = DemoProgramme['registry'][number];
export type Team = DemoProgramme['teams'][number];
export type Holiday = DemoProgramme['holidays'][number];

/** An error that crossed the worker boundary, as data. */
export interface CoreError {
  /** `internal` for any failure inside the worker; `cancelled` when the user stopped the work. */
  readonly code: 'internal' | 'cancelled';
  readonly message: string;
}

/** The outcome of a worker call: the value, or the error as data. */
export type CoreResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CoreError };
