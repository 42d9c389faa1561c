/**
 * The audit trail as the screen and the exported file show it: each entry's texts in one language,
 * and the filters (kind, author, search) that both apply alike, so a file holds what the screen shows.
 */
import { AUDIT_KINDS, DOMAIN_EVENT_KINDS } from '@sahaja/core/sync';
import type { ExportColumn, ExportTable } from '@sahaja/core/io';
import { shortDevice } from '../sync/conflict-rows';
import type { AuditEntry } from './entries';
import { describe, kindText, stampText, whenText, type AuditTranslator } from './text';

/** An entry with its texts in one language. */
export interface AuditRow extends AuditEntry {
  /** What it did, as a sentence. */
  readonly text: string;
  /** When, as people read it ("16 Januari 2023 pukul 08.05"). */
  readonly when: string;
  readonly kindLabel: string;
  /** Everything the search box looks in, lower case. */
  readonly search: string;
}

/** The rows of `entries` in the translator's language, in their order. */
export function auditRows(entries: readonly AuditEntry[], tr: AuditTranslator): AuditRow[] {
  return entries.map((entry) => {
    const text = describe(entry.what, tr);
    const kindLabel = kindText(entry.kind, tr);
    const search = `${text}\n${entry.author}\n${shortDevice(entry.device)}\n${kindLabel}`;
    return {
      ...entry,
      text,
      when: whenText(entry.at, tr),
      kindLabel,
      search: search.toLocaleLowerCase(tr.locale),
    };
  });
}

/** What the trail is narrowed to: a kind ('' every kind), an author (null every author), a search. */
export interface AuditFilter {
  readonly kind: string;
  readonly author: string | null;
  readonly query: string;
}

export const NO_FILTER: AuditFilter = { kind: '', author: null, query: '' };

/**
 * The rows `filter` lets through, in their order: of its kind and author, and holding every word of
 * the search (in the sentence, the author, the laptop or the kind; case ignored).
 */
export function filterAudit(
  rows: readonly AuditRow[],
  filter: AuditFilter,
  locale: AuditTranslator['locale'],
): readonly AuditRow[] {
  const words = filter.query.toLocaleLowerCase(locale).split(/\s+/).filter(Boolean);
  if (filter.kind === '' && filter.author === null && words.length === 0) return rows;
  return rows.filter(
    (row) =>
      (filter.kind === '' || row.kind === filter.kind) &&
      (filter.author === null || row.author === filter.author) &&
      words.every((word) => row.search.includes(word)),
  );
}

const KIND_ORDER: readonly string[] = [...DOMAIN_EVENT_KINDS, ...AUDIT_KINDS];

/** The kinds of change in `entries`, in the app's order (kinds it does not know last, sorted). */
export function kindsOf(entries: readonly AuditEntry[]): string[] {
  const rank = (kind: string) => {
    const i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return [...new Set(entries.map((e) => e.kind))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
}

/** The authors in `entries`, sorted ('' — a change made without a name — last). */
export function authorsOf(entries: readonly AuditEntry[]): string[] {
  return [...new Set(entries.map((e) => e.author))].sort(
    (a, b) => Number(a === '') - Number(b === '') || a.localeCompare(b, 'id'),
  );
}

/**
 * The exported table of `rows` (one sheet, or the CSV file): when (sortable text), laptop, author,
 * kind, change, origin. No NIK and no birth date: the sentences never hold one.
 */
export function auditTable(rows: readonly AuditRow[], tr: AuditTranslator): ExportTable<AuditRow> {
  return { sheet: tr.t('audit.sheet'), columns: auditColumns(tr), rows, locale: tr.locale };
}

function auditColumns(tr: AuditTranslator): ExportColumn<AuditRow>[] {
  return [
    { header: tr.t('audit.col.when'), type: 'text', value: (r) => stampText(r.at), width: 18 },
    { header: tr.t('audit.col.laptop'), type: 'text', value: (r) => shortDevice(r.device) },
    {
      header: tr.t('audit.col.author'),
      type: 'text',
      value: (r) => r.author || tr.t('audit.unnamed'),
    },
    { header: tr.t('audit.col.kind'), type: 'text', value: (r) => r.kindLabel },
    { header: tr.t('audit.col.what'), type: 'text', value: (r) => r.text, width: 80 },
    {
      header: tr.t('audit.col.origin'),
      type: 'text',
      value: (r) => tr.t(r.here ? 'audit.origin.here' : 'audit.origin.merged'),
    },
  ];
}
