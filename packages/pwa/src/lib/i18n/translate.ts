import { en } from './en';
import type { Locale } from './format';
import { id, type MessageKey, type Messages } from './id';

/** The dictionaries of every UI language. */
export const DICTIONARIES: Readonly<Record<Locale, Messages>> = { id, en };

/** Values for the `{name}` placeholders of a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The message `key` in `locale`, with each `{name}` replaced by `params.name`. A placeholder without a
 * value is left as written, so a missing value shows up instead of vanishing.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return DICTIONARIES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
