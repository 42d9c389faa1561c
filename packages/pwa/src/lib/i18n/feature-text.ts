/**
 * One feature's messages in one language, for code that has no `i18n` object (a worker writing a
 * file's sheet names and headers in the language the page asks for). Only that feature's dictionary
 * is loaded, not the whole app's.
 */
import { formatIsoDate, formatNumber, type Locale } from './format';
import type { MessageParams } from './translate';

/** What a feature's texts need of a translator: the app's `i18n` fits, or {@link featureText}. */
export interface FeatureText<K extends string> {
  readonly locale: Locale;
  /** The message `key`, each `{name}` replaced by `params.name` (left as written without a value). */
  t(key: K, params?: MessageParams): string;
  /** A `YYYY-MM-DD` date as "17 Agustus 2006" / "17 August 2006". */
  date(iso: string): string;
  /** A count with the language's digit grouping. */
  number(value: number): string;
}

/** The messages of `feature` (its `id` and `en` dictionaries) in `locale`. */
export function featureText<K extends string>(
  feature: { readonly id: Readonly<Record<K, string>>; readonly en: Readonly<Record<K, string>> },
  locale: Locale,
): FeatureText<K> {
  const messages = feature[locale];
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
