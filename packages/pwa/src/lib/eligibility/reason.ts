/**
 * A listed student's reason in the UI language: the core's explanation of the decision (with its dates,
 * what to do for a follow-up status, where an out-of-region student lives, which field is invalid), or
 * why the student has no category yet. Written per row when the row is shown, never for a whole list.
 */
import { explainEligibility } from '@sahaja/core';
import type { EligibilityPolicy } from '../core/types';
import type { Locale } from '../i18n/format';
import type { MessageKey } from '../i18n/id';
import type { MessageParams } from '../i18n/translate';
import type { EligibilityRow } from './rows';

/** What {@link reasonText} needs of the app's i18n (the `i18n` object has it). */
export interface Translator {
  readonly locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
}

/**
 * The reason of `row` in `i18n.locale`. A duplicate listing names where the student is counted
 * (`original`, the row of its other listing, when known). Never contains an NIK.
 */
export function reasonText(
  row: EligibilityRow,
  policy: EligibilityPolicy,
  i18n: Translator,
  original: EligibilityRow | null = null,
): string {
  switch (row.key) {
    case 'pendingMatch':
      return i18n.t('eligibility.reason.pendingMatch');
    case 'pendingReview':
      return i18n.t('eligibility.reason.pendingReview');
    case 'duplicates':
      return original
        ? i18n.t('eligibility.reason.duplicateOf', {
            school: original.schoolName || original.student.npsn,
            kelas: original.student.kelas,
          })
        : i18n.t('eligibility.reason.duplicate');
    default:
      return row.student.decision
        ? explainEligibility(row.student.decision, policy)[i18n.locale]
        : i18n.t('eligibility.reason.pendingMatch');
  }
}
