import { formatIsoDate, formatMegabytes, formatNumber, type Locale } from './format';
import type { MessageKey } from './id';
import { translate, type MessageParams } from './translate';

/** Where the chosen language is remembered between visits. */
export const LOCALE_STORAGE_KEY = 'sahaja.locale';

export const LOCALES: readonly Locale[] = ['id', 'en'];

function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/** The UI language (Bahasa Indonesia unless the user chose English) and formatting in it. */
export class I18n {
  locale = $state<Locale>('id');

  #storage: Storage | null;

  constructor(storage: Storage | null) {
    this.#storage = storage;
    const saved = this.#read();
    if (saved) this.locale = saved;
  }

  /** Switches the language and remembers the choice on this device. */
  setLocale(locale: Locale): void {
    this.locale = locale;
    try {
      this.#storage?.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Storage can be full or blocked; the choice then lasts for this visit only.
    }
  }

  /** The message `key` in the current language. */
  t = (key: MessageKey, params?: MessageParams): string => translate(this.locale, key, params);

  /** A `YYYY-MM-DD` date as "17 Agustus 2006" in the current language. */
  date = (iso: string): string => formatIsoDate(iso, this.locale);

  /** A count with the current language's digit grouping. */
  number = (value: number): string => formatNumber(value, this.locale);

  /** A size in bytes, in megabytes. */
  megabytes = (bytes: number): string => formatMegabytes(bytes, this.locale);

  #read(): Locale | null {
    try {
      const saved = this.#storage?.getItem(LOCALE_STORAGE_KEY);
      return isLocale(saved) ? saved : null;
    } catch {
      return null;
    }
  }
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The app's language state. */
export const i18n = new I18n(browserStorage());
