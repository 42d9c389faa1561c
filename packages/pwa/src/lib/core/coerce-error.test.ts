import { describe, expect, it } from 'vitest';
import { coerceError } from './coerce-error';

describe('coerceError', () => {
  it('keeps the message of an Error, naming its type unless it is a plain Error', () => {
    expect(coerceError(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' });
    expect(coerceError(new TypeError('x is undefined'))).toEqual({
      code: 'internal',
      message: 'TypeError: x is undefined',
    });
  });

  it('reads the message of an error-like object such as an ErrorEvent', () => {
    expect(coerceError({ message: 'Failed to load worker script' })).toEqual({
      code: 'internal',
      message: 'Failed to load worker script',
    });
  });

  it('uses a thrown string as the message', () => {
    expect(coerceError('no')).toEqual({ code: 'internal', message: 'no' });
  });

  describe('invalid input', () => {
    it.each([undefined, null, 42, '', {}, { message: '' }])(
      'gives a generic message for %j',
      (value) => {
        expect(coerceError(value)).toEqual({
          code: 'internal',
          message: 'Unknown error in the core worker',
        });
      },
    );
  });
});
