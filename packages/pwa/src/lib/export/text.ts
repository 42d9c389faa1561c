/**
 * The export messages in one language, for code that has no `i18n` object: the worker writes the
 * files' sheet names and headers in the language the page asks for. Only this feature's dictionary
 * is loaded, not the whole app's.
 */
import { exportsMessages } from '../i18n/features/export';
import type { Locale } from '../i18n/format';
import { formatIsoDate, formatNumber } from '../i18n/format';
import type { MessageParams } from '../i18n/translate';

/** A key of the export messages. */
export type ExportKey = keyof typeof exportsMessages.id;

/** The export messages and formatting in one language. */
export interface ExportText {
  readonly locale: Locale;
  /** The message `key`, each `{name}` replaced by `params.name` (left as written without a value). */
  t(key: ExportKey, params?: MessageParams): string;
  /** A `YYYY-MM-DD` date as "17 Agustus 2006" / "17 August 2006". */
  date(iso: string): string;
  /** A count with the language's digit grouping. */
  number(value: number): string;
}

/** The export messages in `locale`. */
export function exportText(locale: Locale): ExportText {
  const messages = exportsMessages[locale];
  return {
    locale,
    t: (key, params = {}) =>
      messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      ),
    date: (iso) => formatIsoDate(iso, locale),
    number: (value) => formatNumber(value, locale),
  };
}
