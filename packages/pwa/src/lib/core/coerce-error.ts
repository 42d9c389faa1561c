import type { CoreError } from './types';

/**
 * Turns anything thrown across the worker boundary into plain data a person can read.
 * Comlink rethrows worker errors as `Error`s; a worker that fails to start yields an `ErrorEvent`.
 *
 * @example coerceError(new TypeError('x is undefined')) // { code: 'internal', message: 'TypeError: x is undefined' }
 */
export function coerceError(thrown: unknown): CoreError {
  if (thrown instanceof Error) {
    const prefix = thrown.name && thrown.name !== 'Error' ? `${thrown.name}: ` : '';
    return { code: 'internal', message: `${prefix}${thrown.message}` };
  }
  if (typeof thrown === 'object' && thrown !== null && 'message' in thrown) {
    const { message } = thrown;
    if (typeof message === 'string' && message !== '') return { code: 'internal', message };
  }
  if (typeof thrown === 'string' && thrown !== '') return { code: 'internal', message: thrown };
  return { code: 'internal', message: 'Unknown error in the core worker' };
}
