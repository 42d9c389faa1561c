/**
 * What the handover screens say about a failure, in the UI language: the core's own words for refused
 * settings, otherwise a short reason with the technical message. Never a student's data.
 */
import type { Locale } from '../i18n/format';
import type { MessageKey } from '../i18n/id';
import type { MessageParams } from '../i18n/translate';
import type { HandoverLoadFailure } from './handover-screen.svelte';

/** The part of the app's i18n the texts need. */
export interface HandoverTranslator {
  readonly locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
}

/** Why the handover data could not be read, as a sentence. */
export function loadFailureText(failure: HandoverLoadFailure, i18n: HandoverTranslator): string {
  if (failure.code === 'settings') {
    const reason = 'localized' in failure && failure.localized;
    return i18n.t('handover.error.settings', {
      message: reason ? reason[i18n.locale] : failure.message,
    });
  }
  return i18n.t(`handover.error.${failure.code}`, { message: failure.message });
}
