/**
 * The audit trail's sentences, written on demand in the language asked for: the worker describes each
 * change as phrases (a message key and its values, see {@link AuditPhrase}); the screen and the
 * exported file write them with the same function, so both say the same. The worker has no `i18n`
 * object: it gets an {@link AuditTranslator} for the language the page asks for.
 */
import { featureText, type FeatureText } from '../i18n/feature-text';
import type { Locale } from '../i18n/format';
import { audit } from '../i18n/features/audit';
import { localDateTime } from '../matching/format';

/** A key of the audit messages. */
export type AuditKey = keyof typeof audit.id;

/** A sentence's key (`audit.what.*`). */
export type AuditSentenceKey = Extract<AuditKey, `audit.what.${string}`>;

/**
 * A value in a sentence: a text shown as it is (a name, a team, a file name), a count, a calendar
 * date, or one or more words of the UI language (`audit.term.<term>`; a term this version has no
 * word for is shown as it is).
 */
export type AuditValue =
  | string
  | { readonly count: number }
  | { readonly date: string }
  | { readonly terms: readonly string[] };

/** One phrase of a change's description: a sentence and its values. */
export interface AuditPhrase {
  readonly key: AuditSentenceKey;
  readonly values: Readonly<Record<string, AuditValue>>;
}

/** What the texts need of a translator: the app's `i18n`, or {@link auditText}. */
export type AuditTranslator = FeatureText<AuditKey>;

/** The audit messages and formatting in `locale`. */
export function auditText(locale: Locale): AuditTranslator {
  return featureText(audit, locale);
}

const isKey = (key: string): key is AuditKey => key in audit.id;

/** A word of the UI language (`audit.term.<term>`), or the term itself when there is none. */
export function termText(term: string, tr: AuditTranslator): string {
  const key = `audit.term.${term}`;
  return isKey(key) ? tr.t(key) : term;
}

function valueText(value: AuditValue, tr: AuditTranslator): string {
  if (typeof value === 'string') return value;
  if ('count' in value) return tr.number(value.count);
  if ('date' in value) return tr.date(value.date);
  return value.terms.map((term) => termText(term, tr)).join(', ');
}

/** A change's description, its phrases joined, in the translator's language. */
export function describe(phrases: readonly AuditPhrase[], tr: AuditTranslator): string {
  return phrases
    .map(({ key, values }) =>
      tr.t(
        key,
        Object.fromEntries(Object.entries(values).map(([name, v]) => [name, valueText(v, tr)])),
      ),
    )
    .join(' ');
}

/** A kind of change for people (`audit.kind.<kind>`), or the kind itself when it has no name. */
export function kindText(kind: string, tr: AuditTranslator): string {
  const key = `audit.kind.${kind}`;
  return isKey(key) ? tr.t(key) : kind;
}

/** When a change was made, on the laptop's clock: "16 Januari 2023 pukul 08.05". */
export function whenText(at: number, tr: AuditTranslator): string {
  const moment = Number.isFinite(at) ? localDateTime(new Date(at).toISOString()) : null;
  return moment ? tr.t('audit.when', { date: tr.date(moment.date), time: moment.time }) : '';
}

/** When a change was made, sortable in a spreadsheet: "2023-01-16 08:05" (the laptop's clock). */
export function stampText(at: number): string {
  const moment = Number.isFinite(at) ? localDateTime(new Date(at).toISOString()) : null;
  return moment ? `${moment.date} ${moment.time}` : '';
}
