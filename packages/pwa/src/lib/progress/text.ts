/**
 * The progress messages in one language, and the sentences the screen and the workbook share (the
 * forecast, percentages), so that both say the same. The worker has no `i18n` object: it gets a
 * {@link ProgressText} for the language the page asks for, loading only this feature's dictionary.
 */
import { featureText, type FeatureText } from '../i18n/feature-text';
import type { Forecast, PlanComparison } from '@sahaja/core/field';
import type { Locale } from '../i18n/format';
import { progress } from '../i18n/features/progress';

/** A key of the progress messages. */
export type ProgressKey = keyof typeof progress.id;

/** What the texts need of a translator: the app's `i18n`, or {@link progressText}. */
export type ProgressTranslator = FeatureText<ProgressKey>;

/** The progress messages and formatting in `locale`. */
export function progressText(locale: Locale): ProgressTranslator {
  return featureText(progress, locale);
}

const DECIMALS: Readonly<Record<Locale, Intl.NumberFormat>> = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

/** A figure with at most one decimal in the language's writing: 45,5 (id) / 45.5 (en). */
export function decimalText(value: number, locale: Locale): string {
  return DECIMALS[locale].format(value);
}

/**
 * The share of targets done, in per cent with one decimal (`45.5`), or null when there are no
 * targets (0 of 0 is no percentage).
 */
export function percentDone(figures: {
  readonly done: number;
  readonly targets: number;
}): number | null {
  if (figures.targets === 0) return null;
  return Math.round((figures.done / figures.targets) * 1000) / 10;
}

/** {@link percentDone} as text ("45,5%"), or "—" without targets. */
export function percentText(
  figures: { readonly done: number; readonly targets: number },
  tr: ProgressTranslator,
): string {
  const percent = percentDone(figures);
  return percent === null
    ? tr.t('progress.none')
    : tr.t('progress.percent', { value: decimalText(percent, tr.locale) });
}

/** A finish against the plan: "2 hari kerja lebih lambat dari jadwal", or that there is no plan. */
export function versusText(comparison: PlanComparison | undefined, tr: ProgressTranslator): string {
  if (!comparison) return tr.t('progress.forecast.noPlan');
  if (comparison.verdict === 'on_plan') return tr.t('progress.forecast.on_plan');
  const one = comparison.workingDays === 1 ? 'One' : '';
  return tr.t(`progress.forecast.${comparison.verdict}${one}`, {
    days: tr.number(comparison.workingDays),
  });
}

/** The forecast's finish date, or null when there is none (nothing to do, or no pace yet). */
export function forecastFinish(forecast: Forecast): string | null {
  return forecast.status === 'none' ? null : (forecast.finish ?? null);
}

/** What a forecast says, in short: for a table cell or a spreadsheet. */
export interface ForecastSummary {
  /** The forecast finish date, a line on it being done, or why there is none. */
  readonly finish: string;
  /** Against the plan; empty without a forecast. */
  readonly versus: string;
}

/** A forecast in a few words, for a table's cells. */
export function forecastSummary(forecast: Forecast, tr: ProgressTranslator): ForecastSummary {
  if (forecast.status === 'none') {
    return {
      finish: `${tr.t('progress.forecast.none')} (${tr.t(`progress.forecast.noneShort.${forecast.reason}`)})`,
      versus: '',
    };
  }
  // Done with nothing to do: no date, and nothing to hold against the plan.
  if (forecast.finish === undefined) return { finish: tr.t('progress.none'), versus: '' };
  return { finish: tr.date(forecast.finish), versus: versusText(forecast.versusPlan, tr) };
}

/**
 * A forecast in sentences: the finish (or that all is done, or why there is no forecast yet) and how
 * it stands against the plan's last visit, then how it was worked out.
 */
export function forecastSentences(
  forecast: Forecast,
  plannedFinish: string | undefined,
  remaining: number,
  tr: ProgressTranslator,
): string[] {
  const planned = plannedFinish
    ? [tr.t('progress.forecast.planned', { date: tr.date(plannedFinish) })]
    : [];
  if (forecast.status === 'none') return [tr.t(`progress.forecast.${forecast.reason}`), ...planned];
  const versus = versusText(forecast.versusPlan, tr);
  if (forecast.status === 'finished') {
    const done = forecast.finish
      ? tr.t('progress.forecast.finished', { date: tr.date(forecast.finish) })
      : tr.t('progress.forecast.finishedNothing');
    return [forecast.finish ? `${done} (${versus}).` : done, ...planned];
  }
  return [
    `${tr.t('progress.forecast.finish', { date: tr.date(forecast.finish) })} (${versus}).`,
    ...planned,
    tr.t('progress.forecast.pace', {
      perDay: decimalText(forecast.perDay, tr.locale),
      days: tr.number(forecast.daysWorked),
      remaining: tr.number(remaining),
      needed: tr.number(forecast.daysNeeded),
    }),
  ];
}
