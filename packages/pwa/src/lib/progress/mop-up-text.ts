/**
 * What the mop-up plan says in words, shared by the screen and the workbook so that both say the
 * same: the sentences on how many students are still to record, visited, referred and refused, and
 * the short texts of its lists.
 */
import type { MopUpPlan, MopUpReferral, MopUpUnserved, ReferredStudent } from './mop-up';
import type { ProgressKey, ProgressTranslator } from './text';

/** A sentence with its count, in the singular form when the count is one (English needs it). */
function counted(
  key: ProgressKey,
  count: number,
  params: Record<string, string>,
  tr: ProgressTranslator,
): string {
  const one = count === 1 ? 'One' : '';
  return tr.t(`${key}${one}` as ProgressKey, { count: tr.number(count), ...params });
}

/**
 * The plan in plain sentences: students still to record (absent, failed), those with a follow-up
 * visit (visits, schools, dates), those referred, those no visit can serve, and those who refused.
 */
export function mopUpSentences(plan: MopUpPlan, tr: ProgressTranslator): string[] {
  const n = (value: number) => tr.number(value);
  const sentences: string[] = [];
  if (plan.toRecord === 0) sentences.push(tr.t('progress.mopUp.nothing'));
  else {
    sentences.push(
      counted(
        'progress.mopUp.toRecord',
        plan.toRecord,
        { absent: n(plan.absent), failed: n(plan.failed) },
        tr,
      ),
    );
    if (plan.visits.length > 0 && plan.finish) {
      sentences.push(
        counted(
          'progress.mopUp.visited',
          plan.visited,
          {
            visits: n(plan.visits.length),
            schools: n(plan.visitSchools),
            start: tr.date(plan.visits[0]?.date ?? plan.start),
            finish: tr.date(plan.finish),
          },
          tr,
        ),
      );
    } else if (plan.unservedStudents === 0) {
      sentences.push(tr.t('progress.mopUp.noVisit', { min: n(plan.minForVisit) }));
    }
    if (plan.unservedStudents > 0) {
      sentences.push(
        counted(
          'progress.mopUp.unservedText',
          plan.unservedStudents,
          { schools: n(plan.unserved.length) },
          tr,
        ),
      );
    }
    sentences.push(
      plan.referred === 0
        ? tr.t('progress.mopUp.noReferral')
        : counted(
            'progress.mopUp.referred',
            plan.referred,
            { schools: n(plan.referrals.length) },
            tr,
          ),
    );
  }
  if (plan.refused > 0) sentences.push(counted('progress.mopUp.refusedText', plan.refused, {}, tr));
  return sentences;
}

/** Why a school's students are referred. */
export function referralReason(
  referral: Pick<MopUpReferral, 'reason'>,
  minForVisit: number,
  tr: ProgressTranslator,
): string {
  return referral.reason === 'few'
    ? tr.t('progress.mopUp.reason.few', { min: tr.number(minForVisit) })
    : tr.t('progress.mopUp.reason.unknown_school');
}

/** A referred student's outcome: absent, or capture failed. */
export function outcomeText(
  student: Pick<ReferredStudent, 'outcome'>,
  tr: ProgressTranslator,
): string {
  return tr.t(student.outcome === 'failed' ? 'progress.fig.failed' : 'progress.fig.absent');
}

/** A school no follow-up visit can serve, in one line. */
export function unservedText(school: MopUpUnserved, tr: ProgressTranslator): string {
  return tr.t('progress.mopUp.unserved.item', {
    school: school.nama,
    npsn: school.npsn,
    count: tr.number(school.wajib + school.dini),
    reason: tr.t(`progress.mopUp.unserved.${school.reason}`),
  });
}
