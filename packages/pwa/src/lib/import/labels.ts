/**
 * What the import screen says about a file, a button or a finished import, as message keys with their
 * values (numbers already formatted by the caller's `format`), so the words are tested without a page.
 */
import type { I18n } from '../i18n/i18n.svelte';
import type { MessageKey } from '../i18n/id';
import type { MessageParams } from '../i18n/translate';
import { isFieldKey } from './fields';
import type { ImportFile } from './import-file.svelte';
import type { ImportNotice } from './import-session.svelte';
import type { ImportKind } from './types';

/** A message and its values. */
export interface Text {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** How a file's status looks: working, ready, waiting for the user, refused, or done. */
export type Tone = 'busy' | 'ready' | 'attention' | 'error' | 'done';

/** Formats a count in the UI language (`i18n.number`). */
export type FormatNumber = (value: number) => string;

export const KIND_LABELS: Readonly<Record<ImportKind, MessageKey>> = {
  student: 'import.kind.student',
  resident: 'import.kind.resident',
  school: 'import.kind.school',
  team: 'import.kind.team',
  holiday: 'import.kind.holiday',
};

/** The label of a field (`nama_ibu` → "Nama ibu kandung"); null for a field the screen does not know. */
export function fieldLabel(field: string): MessageKey | null {
  return isFieldKey(field) ? (`import.field.${field}` as MessageKey) : null;
}

/** A file's status in the list. */
export function fileStatus(file: ImportFile, format: FormatNumber): Text & { readonly tone: Tone } {
  switch (file.stage) {
    case 'waiting':
      return { key: 'import.status.waiting', tone: 'busy' };
    case 'inspecting':
      return { key: 'import.status.inspecting', tone: 'busy' };
    case 'reading':
      return { key: 'import.status.reading', tone: 'busy' };
    case 'importing':
      return { key: 'import.status.importing', tone: 'busy' };
    case 'imported':
      return {
        key: 'import.status.imported',
        params: { count: format(file.written?.log.accepted ?? 0) },
        tone: 'done',
      };
    case 'refused':
      return { key: 'import.status.refused', tone: 'error' };
    case 'cancelled':
      return { key: 'import.status.cancelled', tone: 'attention' };
    case 'needs-input': {
      const keys: Readonly<Record<NonNullable<ImportFile['blocker']>, MessageKey>> = {
        kind: 'import.status.needsKind',
        header: 'import.status.needsHeader',
        columns: 'import.status.needsColumns',
        npsn: 'import.status.needsNpsn',
        'npsn-invalid': 'import.status.npsnInvalid',
      };
      return { key: keys[file.blocker ?? 'kind'], tone: 'attention' };
    }
    case 'ready': {
      if (file.writeError) return { key: 'import.status.writeFailed', tone: 'error' };
      const counts = file.report?.counts;
      if (!counts || counts.accepted === 0) return { key: 'import.status.empty', tone: 'error' };
      return counts.rejected > 0
        ? {
            key: 'import.status.readyRejected',
            params: { accepted: format(counts.accepted), rejected: format(counts.rejected) },
            tone: 'ready',
          }
        : {
            key: 'import.status.ready',
            params: { accepted: format(counts.accepted) },
            tone: 'ready',
          };
    }
  }
}

/** The import button of one file: the rows it writes and, when there are, the rows it leaves out. */
export function importLabel(
  counts: { readonly accepted: number; readonly rejected: number },
  format: FormatNumber,
): Text {
  const accepted = format(counts.accepted);
  return counts.rejected > 0
    ? {
        key: 'import.action.importSkipping',
        params: { accepted, rejected: format(counts.rejected) },
      }
    : { key: 'import.action.import', params: { accepted } };
}

/** The button that imports every ready file. */
export function importAllLabel(
  ready: {
    readonly files: readonly unknown[];
    readonly accepted: number;
    readonly rejected: number;
  },
  format: FormatNumber,
): Text {
  const params = { files: format(ready.files.length), accepted: format(ready.accepted) };
  return ready.rejected > 0
    ? {
        key: 'import.action.importAllSkipping',
        params: { ...params, rejected: format(ready.rejected) },
      }
    : { key: 'import.action.importAll', params };
}

/** The sentences that report what happened to an imported, cancelled or failed file. */
export function noticeTexts(notice: ImportNotice, format: FormatNumber): Text[] {
  switch (notice.type) {
    case 'cancelled':
      return [{ key: 'import.cancelled', params: { name: notice.name } }];
    case 'failed': {
      const { code, message } = notice.error;
      const name = notice.name;
      if (code === 'quota') return [{ key: 'import.failed.quota', params: { name } }];
      if (code === 'missing') return [{ key: 'import.failed.missing', params: { name } }];
      return [{ key: 'import.failed', params: { name, message } }];
    }
    case 'imported': {
      const { summary, name, kind } = notice;
      const added = format(summary.added);
      const updated = format(summary.updated);
      if (kind === 'student') {
        const schools = format(summary.log.schools.length);
        const texts: Text[] = [
          summary.removed > 0
            ? {
                key: 'import.done.student',
                params: { name, added, schools, removed: format(summary.removed) },
              }
            : { key: 'import.done.studentNew', params: { name, added, schools } },
        ];
        if (summary.schoolsCreated > 0) {
          texts.push({
            key: 'import.done.schoolsCreated',
            params: { count: format(summary.schoolsCreated) },
          });
        }
        return texts;
      }
      return [
        {
          key: kind === 'resident' ? 'import.done.resident' : 'import.done.other',
          params: { name, added, updated },
        },
      ];
    }
  }
}

/** Whether the notices call for pemadanan to be run again (students or registry changed). */
export function needsMatchingAgain(notices: readonly ImportNotice[]): boolean {
  return notices.some(
    (n) => n.type === 'imported' && (n.kind === 'student' || n.kind === 'resident'),
  );
}

/**
 * An ISO timestamp as the laptop's local calendar date (`YYYY-MM-DD`, for `i18n.date`) and time
 * (`HH:MM`). An unreadable timestamp gives itself as the date and no time.
 */
export function localDateTime(iso: string): { readonly date: string; readonly time: string } {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return { date: iso, time: '' };
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}

/** A file's size: whole kilobytes under a megabyte (a school list is a few dozen KB), else megabytes. */
export function fileSize(bytes: number, i18n: Pick<I18n, 't' | 'number' | 'megabytes'>): string {
  if (bytes >= 1_000_000) return i18n.megabytes(bytes);
  return i18n.t('import.list.kilobytes', {
    size: i18n.number(Math.max(1, Math.ceil(bytes / 1000))),
  });
}
