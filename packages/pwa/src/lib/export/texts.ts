/**
 * What the export screens say about a failure, in the UI language: the core's own words for refused
 * settings, otherwise a short reason and the technical message. Never a student's data.
 */
import type { Locale } from '../i18n/format';
import type { MessageKey } from '../i18n/id';
import type { MessageParams } from '../i18n/translate';
import type { PrintFailure } from './print-job.svelte';

/** The part of the app's i18n the texts need. */
export interface ExportTranslator {
  readonly locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
}

/** Why an export or a printout failed, as a sentence in the UI language. */
export function failureText(error: PrintFailure, i18n: ExportTranslator): string {
  const reason =
    'localized' in error && error.localized
      ? error.localized[i18n.locale]
      : i18n.t(`export.error.${error.code}`, { message: error.message });
  return i18n.t('export.failed', { message: reason });
}
