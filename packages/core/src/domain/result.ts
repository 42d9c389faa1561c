/**
 * Expected failures are values, not exceptions: a parser or a rule returns a {@link Result}, and a failure
 * carries {@link Issue}s that say what is wrong in words a person can act on, in Indonesian and English.
 */

/** A sentence in the two languages of the product. */
export interface Message {
  /** Bahasa Indonesia (the default). */
  readonly id: string;
  /** English. */
  readonly en: string;
}

/** What is wrong with one value: a stable `code` for programs and a message for people. */
export interface Issue<Code extends string = string> {
  readonly code: Code;
  readonly message: Message;
}

/** Success with a value, or failure with at least one issue. */
export type Result<T, I extends Issue = Issue> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly [I, ...I[]] };

/** A successful {@link Result}. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A failed {@link Result} with one issue. */
export function fail<Code extends string>(
  code: Code,
  id: string,
  en: string,
): { readonly ok: false; readonly issues: readonly [Issue<Code>] } {
  return { ok: false, issues: [{ code, message: { id, en } }] };
}
