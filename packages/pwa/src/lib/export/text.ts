/**
 * The export messages in one language, for code that has no `i18n` object: the worker writes the
 * files' sheet names and headers in the language the page asks for. Only this feature's dictionary
 * is loaded, not the whole app's.
 */
import { featureText, type FeatureText } from '../i18n/feature-text';
import { exportsMessages } from '../i18n/features/export';
import type { Locale } from '../i18n/format';

/** A key of the export messages. */
export type ExportKey = keyof typeof exportsMessages.id;

/** What the texts need of a translator: the app's `i18n`, or {@link exportText}. */
export type ExportText = FeatureText<ExportKey>;

/** The export messages in `locale`. */
export function exportText(locale: Locale): ExportText {
  return featureText(exportsMessages, locale);
}
