import type { Message } from '../domain/result.js';
import type { PlainDate } from '../dates/plain-date.js';
import type { EligibilityDecision } from './evaluate.js';
import type { EligibilityPolicy } from './policy.js';
import {
  adultReason,
  earlyReason,
  followUpReason,
  FOREIGNER_REASON,
  invalidReason,
  marriedReason,
  NOT_FOUND_REASON,
  outsideReason,
  recordedReason,
  tooYoungReason,
} from './reasons.js';
import { ADULT_AGE } from './policy.js';

/**
 * The reason for a decision in plain Indonesian and English, with the dates that follow from it: the
 * 17th birthday (card handover), the date the person may be recorded, what to do for a follow-up
 * status, where an out-of-region person lives, what is wrong with an invalid row. Written on demand —
 * a batch of a million decisions does not carry two million sentences. Pass the policy the decision was
 * made with. Never repeats an NIK or a name.
 *
 * @example
 * explainEligibility(decision, policy).id
 * // 'Berumur 16 tahun pada 16 Januari 2023: boleh direkam lebih awal (minimal 16 tahun). KTP-el
 * //  diserahkan pada ulang tahun ke-17, 20 Maret 2023.'
 */
export function explainEligibility(
  decision: EligibilityDecision,
  policy: EligibilityPolicy,
): Message {
  const on = policy.referenceDate;
  const age = decision.dates.age ?? 0;
  const seventeenth = decision.dates.seventeenthBirthday as PlainDate;
  switch (decision.reasonCode) {
    case 'invalid':
      return invalidReason(
        decision.detail?.invalidField ?? 'nik',
        decision.detail?.problem ?? { id: '', en: '' },
      );
    case 'foreigner':
      return FOREIGNER_REASON;
    case 'recorded':
      return recordedReason(decision.status, age < ADULT_AGE ? seventeenth : undefined);
    case 'follow_up':
      return followUpReason(decision.status);
    case 'outside_region':
      return outsideReason(policy.regionLabel, decision.detail?.domicile ?? '');
    case 'adult':
      return adultReason(age, on, seventeenth);
    case 'married':
      return marriedReason(age, decision.maritalStatus ?? 'KAWIN');
    case 'early':
      return earlyReason(age, on, policy.minimumAge, seventeenth);
    case 'too_young':
      return tooYoungReason(
        age,
        on,
        policy.minimumAge,
        decision.dates.eligibleFrom as PlainDate,
        seventeenth,
      );
    case 'not_found':
      return NOT_FOUND_REASON;
  }
}
