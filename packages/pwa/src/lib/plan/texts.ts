/**
 * What the plan screen says about its last action and its errors, in the UI language. Schools are
 * named by name (NPSN when unknown), never a student; dates are written as people write them.
 */
import type { Locale } from '../i18n/format';
import type { MessageKey } from '../i18n/id';
import type { MessageParams } from '../i18n/translate';
import type { PlanError, PlanNotice } from './plan-manager.svelte';
import type { StaleReason } from './staleness';

/** The part of the app's i18n the texts need. */
export interface PlanTranslator {
  readonly locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  date(iso: string): string;
  number(value: number): string;
}

/** Counts written so far, per language: a plan repeats the same few counts hundreds of times. */
const counts = new Map<string, string>();
const MAX_CACHED_COUNTS = 10_000;

/**
 * `i18n.number(value)`, remembered: the calendar and the school list write a few hundred counts on
 * every change, and each fresh number format costs the page time.
 */
export function countText(i18n: Pick<PlanTranslator, 'locale' | 'number'>, value: number): string {
  const key = `${i18n.locale}|${value}`;
  let text = counts.get(key);
  if (text === undefined) {
    text = i18n.number(value);
    if (counts.size < MAX_CACHED_COUNTS) counts.set(key, text);
  }
  return text;
}

/** What the last action did, in the UI language. */
export function noticeText(
  notice: PlanNotice,
  i18n: PlanTranslator,
  schoolName: (npsn: string) => string,
): string {
  switch (notice.kind) {
    case 'planned':
      return notice.pinned > 0
        ? i18n.t('plan.notice.plannedPinned', {
            visits: i18n.number(notice.visits),
            pinned: i18n.number(notice.pinned),
          })
        : i18n.t('plan.notice.planned', { visits: i18n.number(notice.visits) });
    case 'cancelled':
      return i18n.t('plan.notice.cancelled');
    case 'pinned':
      return i18n.t(notice.pinned ? 'plan.notice.pinned' : 'plan.notice.unpinned', {
        school: schoolName(notice.visit.npsn),
        date: i18n.date(notice.visit.date),
        team: notice.visit.team,
      });
    case 'moved':
      return i18n.t('plan.notice.moved', {
        school: schoolName(notice.visit.npsn),
        date: i18n.date(notice.visit.date),
        team: notice.visit.team,
      });
    case 'replanned':
      return i18n.t('plan.notice.replanned', {
        team: notice.day.team,
        date: i18n.date(notice.day.date),
        removed: i18n.number(notice.removed),
        added: i18n.number(notice.added),
      });
    case 'lostStored':
      return i18n.t('plan.notice.lostStored', {
        team: notice.day.team,
        date: i18n.date(notice.day.date),
      });
    case 'lostRemoved':
      return i18n.t('plan.notice.lostRemoved', {
        team: notice.day.team,
        date: i18n.date(notice.day.date),
      });
  }
}

/** Why something did not happen, in the UI language, with what to do about it. */
export function errorText(error: PlanError, i18n: PlanTranslator): string {
  const message = error.detail?.[i18n.locale] ?? '';
  return i18n.t(`plan.error.${error.code}`, { message });
}

/** Schools named in full in a reason; the rest are counted. */
const NAMED_SCHOOLS = 5;

/**
 * Why the stored plan is out of date, one sentence per reason in the UI language (see
 * {@link StaleReason}); schools by name, the first five, then how many more.
 */
export function staleTexts(
  reasons: readonly StaleReason[],
  i18n: PlanTranslator,
  schoolName: (npsn: string) => string,
): string[] {
  return reasons.map((reason) => {
    if (reason.kind !== 'schools') return i18n.t(`plan.stale.${reason.kind}`);
    const names = reason.npsns.slice(0, NAMED_SCHOOLS).map(schoolName).join(', ');
    const more = reason.npsns.length - NAMED_SCHOOLS;
    const schools =
      more > 0 ? i18n.t('plan.stale.more', { names, count: i18n.number(more) }) : names;
    return i18n.t('plan.stale.schools', { schools });
  });
}
