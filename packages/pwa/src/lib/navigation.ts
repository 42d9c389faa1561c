/**
 * The main menu: one entry per screen, in the order of the work (set up, import, match, decide, plan).
 * Each `href` comes from `resolve` with a literal path, which the type checker matches against the app's
 * routes — a menu entry can never point to a screen that does not exist.
 */
import { resolve } from '$app/paths';
import type { MessageKey } from './i18n/id';

export interface NavEntry {
  readonly href: string;
  readonly label: MessageKey;
}

export const NAV: readonly NavEntry[] = [
  { href: resolve('/'), label: 'nav.home' },
  { href: resolve('/programme'), label: 'nav.programme' },
  { href: resolve('/schools'), label: 'nav.schools' },
  { href: resolve('/import'), label: 'nav.import' },
  { href: resolve('/matching'), label: 'nav.matching' },
  { href: resolve('/eligibility'), label: 'nav.eligibility' },
  { href: resolve('/plan'), label: 'nav.plan' },
  { href: resolve('/export'), label: 'export.nav' },
  { href: resolve('/visit'), label: 'nav.visit' },
  { href: resolve('/progress'), label: 'nav.progress' },
  { href: resolve('/handover'), label: 'nav.handover' },
  { href: resolve('/exchange'), label: 'nav.exchange' },
  { href: resolve('/audit'), label: 'nav.audit' },
];

/** Whether `pathname` is the screen of `entry` (or a page under it). */
export function isCurrent(entry: NavEntry, pathname: string): boolean {
  return entry.href === resolve('/')
    ? pathname === entry.href
    : pathname === entry.href || pathname.startsWith(`${entry.href}/`);
}
