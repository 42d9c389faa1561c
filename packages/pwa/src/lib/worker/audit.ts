/**
 * The audit trail, read in a worker: reading every change of a season (20,000 and more) and naming
 * their students is work the page should not wait on. The page receives the entries (phrases, not
 * sentences: it writes them in its language), or the trail as an XLSX or CSV file made here.
 */
import { tableToCsvBytes, tablesToXlsx, type ExportTable } from '@sahaja/core/io';
import { localToday, type SahajaDatabase } from '../db';
import type { Locale } from '../i18n/format';
import { readAuditTrail, type AuditEntry } from '../audit/entries';
import { auditRows, auditTable, filterAudit, type AuditFilter } from '../audit/rows';
import { auditText } from '../audit/text';
import { attempt, Refusal, slug, XLSX_TYPE, type ExportFile, type ExportOutcome } from './exports';

/** Whose trail, and which laptop is asking (its changes are "made here"). */
export interface AuditRequest {
  readonly programmeId: string;
  readonly device: string;
}

/** A file of the trail: as the screen filters it, in the language of the screen. */
export interface AuditFileRequest extends AuditRequest {
  readonly locale: Locale;
  readonly filter: AuditFilter;
  readonly format: 'xlsx' | 'csv';
}

/** An exported trail and how many changes it holds. */
export interface AuditFile extends ExportFile {
  readonly count: number;
}

/** The audit group of the worker's API. */
export interface AuditApi {
  /** Every change of the programme, newest first (empty for a programme without changes). */
  trail(request: AuditRequest): Promise<ExportOutcome<readonly AuditEntry[]>>;
  /** The changes the filter lets through as a file; refuses `missing` for an unknown programme. */
  file(request: AuditFileRequest): Promise<ExportOutcome<AuditFile>>;
}

const CSV_TYPE = 'text/csv;charset=utf-8';

/** The audit operations over the database `db()` opens (the app's, or a test's fake one). */
export function createAuditApi(db: () => SahajaDatabase): AuditApi {
  return {
    trail: ({ programmeId, device }) => attempt(() => readAuditTrail(db(), programmeId, device)),
    file: (request) =>
      attempt(async () => {
        const programme = await db().programmes.get(request.programmeId);
        if (!programme) throw new Refusal('missing');
        const tr = auditText(request.locale);
        const entries = await readAuditTrail(db(), request.programmeId, request.device);
        const rows = filterAudit(auditRows(entries, tr), request.filter, request.locale);
        const table = auditTable(rows, tr);
        const name = `${tr.t('audit.file')}-${slug(programme.settings.name)}-${localToday()}`;
        return request.format === 'csv'
          ? {
              bytes: tableToCsvBytes(table),
              fileName: `${name}.csv`,
              type: CSV_TYPE,
              count: rows.length,
            }
          : {
              bytes: await tablesToXlsx([table as ExportTable<unknown>]),
              fileName: `${name}.xlsx`,
              type: XLSX_TYPE,
              count: rows.length,
            };
      }),
  };
}
