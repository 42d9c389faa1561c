/**
 * The progress screen's state: the dashboard's figures for the active programme, computed in the
 * export worker from the raw outcomes each time the screen is shown (or asked to compute again), and
 * the workbook download. Every failure is kept as data for the screen to say.
 */
import type { IsoDate } from '../db';
import type { ExportClient, ExportFailure } from '../export/export-client.svelte';
import type { Locale } from '../i18n/format';
import type { ExportFile } from '../worker/exports';
import type { ProgressDashboard } from './dashboard';

export interface ProgressScreenDependencies {
  readonly client: Pick<ExportClient, 'progressDashboard' | 'progressWorkbook'>;
  /** Offers a made file to the user (the browser's download). */
  readonly save: (file: ExportFile) => void;
  /** The laptop's date, `YYYY-MM-DD`. */
  readonly today: () => IsoDate;
}

/** What the last download did. */
export type DownloadNotice =
  | { readonly kind: 'done'; readonly fileName: string }
  | { readonly kind: 'failed'; readonly error: ExportFailure };

export class ProgressScreen {
  stage = $state<'loading' | 'ready' | 'failed'>('loading');
  /** The figures shown; kept while they are computed again for the same programme. */
  dashboard = $state.raw<ProgressDashboard | null>(null);
  error = $state.raw<ExportFailure | null>(null);
  downloading = $state(false);
  notice = $state.raw<DownloadNotice | null>(null);

  #deps: ProgressScreenDependencies;
  #shown = 0;
  #programmeId: string | null = null;

  constructor(deps: ProgressScreenDependencies) {
    this.#deps = deps;
  }

  /** Computes programme `programmeId`'s figures as of today; a later call wins over an earlier one. */
  async show(programmeId: string): Promise<void> {
    const shown = ++this.#shown;
    if (programmeId !== this.#programmeId) {
      this.dashboard = null;
      this.notice = null;
    }
    this.#programmeId = programmeId;
    this.stage = 'loading';
    const result = await this.#deps.client.progressDashboard({
      programmeId,
      today: this.#deps.today(),
    });
    if (shown !== this.#shown) return;
    if (result.ok) {
      this.dashboard = result.value;
      this.error = null;
      this.stage = 'ready';
    } else {
      this.error = result.error;
      this.stage = 'failed';
    }
  }

  /** The same figures as an XLSX workbook, in `locale`, offered as a download. One at a time. */
  async download(programmeId: string, locale: Locale): Promise<void> {
    if (this.downloading) return;
    this.downloading = true;
    this.notice = null;
    try {
      const result = await this.#deps.client.progressWorkbook({
        programmeId,
        locale,
        today: this.dashboard?.today ?? this.#deps.today(),
      });
      if (!result.ok) {
        this.notice = { kind: 'failed', error: result.error };
        return;
      }
      this.#deps.save(result.value);
      this.notice = { kind: 'done', fileName: result.value.fileName };
    } finally {
      this.downloading = false;
    }
  }
}
