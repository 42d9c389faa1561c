/**
 * The audit trail screen's state: the active programme's changes read in the worker, their sentences
 * in the UI language, the filters, and the file of what is shown. Every failure is kept as data for
 * the screen to say.
 */
import type { ExportResult } from '../export/export-client.svelte';
import type { AuditFile, AuditFileRequest, AuditRequest } from '../worker/audit';
import type { AuditEntry } from './entries';
import { auditRows, authorsOf, filterAudit, kindsOf, type AuditFilter } from './rows';
import type { AuditTranslator } from './text';

/** The worker's audit operations as the page calls them: failures as data. */
export interface AuditCalls {
  readonly trail: (request: AuditRequest) => Promise<ExportResult<readonly AuditEntry[]>>;
  readonly file: (request: AuditFileRequest) => Promise<ExportResult<AuditFile>>;
}

export interface AuditScreenDependencies {
  readonly calls: AuditCalls;
  /** This laptop's id: its own changes are told from merged ones. */
  readonly device: () => string;
  /** The UI language's translator (the app's `i18n`). */
  readonly translator: () => AuditTranslator;
  /** Offers a made file to the user (the browser's download). */
  readonly download: (bytes: Uint8Array, fileName: string, type: string) => void;
}

/** What the last download did. */
export type AuditNotice =
  | { readonly kind: 'done'; readonly fileName: string; readonly count: number }
  | { readonly kind: 'failed'; readonly message: string };

export class AuditScreen {
  loaded = $state(false);
  loadError = $state<string | null>(null);
  entries = $state.raw<readonly AuditEntry[]>([]);
  /** The kind shown ('' every kind). */
  kind = $state('');
  /** The author shown (null every author; '' the changes made without a name). */
  author = $state<string | null>(null);
  query = $state('');
  /** The format of the file being made, or null. */
  exporting = $state<AuditFileRequest['format'] | null>(null);
  notice = $state.raw<AuditNotice | null>(null);

  /** Every entry with its texts in the UI language, newest first. */
  readonly rows = $derived.by(() => auditRows(this.entries, this.#deps.translator()));
  readonly filter = $derived<AuditFilter>({
    kind: this.kind,
    author: this.author,
    query: this.query,
  });
  /** The rows the filters let through. */
  readonly shown = $derived.by(() =>
    filterAudit(this.rows, this.filter, this.#deps.translator().locale),
  );
  readonly kinds = $derived(kindsOf(this.entries));
  readonly authors = $derived(authorsOf(this.entries));
  readonly filtered = $derived(this.kind !== '' || this.author !== null || this.query !== '');

  readonly #deps: AuditScreenDependencies;
  #loads = 0;

  constructor(deps: AuditScreenDependencies) {
    this.#deps = deps;
  }

  /** Reads programme `programmeId`'s trail; a later call wins over an earlier one. */
  async load(programmeId: string): Promise<void> {
    const load = ++this.#loads;
    const result = await this.#deps.calls.trail({ programmeId, device: this.#deps.device() });
    if (load !== this.#loads) return;
    if (result.ok) {
      this.entries = result.value;
      this.loadError = null;
    } else {
      this.loadError = result.error.message;
    }
    this.loaded = true;
  }

  /** Shows every change again. */
  clearFilters(): void {
    this.kind = '';
    this.author = null;
    this.query = '';
  }

  /** Makes the file of the changes shown, in `format` and the UI language, and offers it. */
  async download(programmeId: string, format: AuditFileRequest['format']): Promise<void> {
    if (this.exporting) return;
    this.exporting = format;
    this.notice = null;
    try {
      const result = await this.#deps.calls.file({
        programmeId,
        device: this.#deps.device(),
        locale: this.#deps.translator().locale,
        filter: { ...this.filter },
        format,
      });
      if (!result.ok) {
        this.notice = { kind: 'failed', message: result.error.message };
        return;
      }
      const { bytes, fileName, type, count } = result.value;
      this.#deps.download(bytes, fileName, type);
      this.notice = { kind: 'done', fileName, count };
    } finally {
      this.exporting = null;
    }
  }
}
