/**
 * How the matching screens write the core's numbers and codes: probabilities as percentages that never
 * round a doubt away, weights in bits with their sign, region codes with their names.
 */
import { describeRegion, parseRegionCode } from '@sahaja/core';
import type { Locale } from '../i18n/format';

const NUMBER_LOCALES: Readonly<Record<Locale, string>> = { id: 'id-ID', en: 'en-GB' };

/**
 * A match probability as a percentage with two decimals: "97,35 %" (id) / "97.35%" (en). A value
 * short of certainty never shows as 100 %, nor a value above zero as 0 %: they read "> 99,99 %" and
 * "< 0,01 %".
 */
export function formatProbability(probability: number, locale: Locale): string {
  const format = (value: number) =>
    new Intl.NumberFormat(NUMBER_LOCALES[locale], {
      style: 'percent',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(value);
  if (probability > 0.9999 && probability < 1) return `> ${format(0.9999)}`;
  if (probability > 0 && probability < 0.0001) return `< ${format(0.0001)}`;
  return format(probability);
}

/** A weight in bits with its sign and one decimal: "+8,7" / "−3,2" (a true minus sign), "0,0". */
export function formatWeight(weight: number, locale: Locale): string {
  const rounded = Math.round(weight * 10) / 10;
  const text = new Intl.NumberFormat(NUMBER_LOCALES[locale], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(Math.abs(rounded));
  if (rounded === 0) return text;
  return `${rounded > 0 ? '+' : '−'}${text}`;
}

/**
 * A registry region code with dots and the names the app knows: "35.06.01.2001 (Kecamatan Semen,
 * Kabupaten Kediri, Jawa Timur)". A code that cannot be read is shown as it is; an empty one as ''.
 */
export function regionText(code: string, locale: Locale): string {
  if (code.trim() === '') return '';
  const parsed = parseRegionCode(code);
  if (!parsed.ok) return code;
  const names = describeRegion(parsed.value, locale);
  return names ? `${parsed.value.dotted} (${names})` : parsed.value.dotted;
}

/**
 * A timestamp's calendar date (`YYYY-MM-DD`) and time (`HH:MM`) on the laptop's clock, for "finished
 * on … at …"; null for a timestamp that cannot be read.
 */
export function localDateTime(
  iso: string,
): { readonly date: string; readonly time: string } | null {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`,
    time: `${pad(moment.getHours())}:${pad(moment.getMinutes())}`,
  };
}
