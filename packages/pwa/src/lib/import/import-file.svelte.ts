/**
 * One file in the import list: what the worker found in it, the user's choices (kind, sheet, columns,
 * the school of a one-school list) and the read report; the records waiting to be written stay in the
 * worker. The session ({@link ImportSession}) drives it; this class only holds the state and what
 * follows from it.
 */
import { parseNpsn, type Message } from '@sahaja/core';
import type { ImportWriteError, ImportWriteSummary } from '../db';
import { effectiveMapping, missingOf, type MappingOverrides } from './fields';
import type {
  BatchImportRequest,
  FileInspection,
  ImportKind,
  KindGuess,
  ReadReport,
} from './types';

/** The bytes of a picked or dropped file (a `File` is one). */
export interface FileSource {
  readonly name: string;
  readonly size: number;
  readonly lastModified?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Where a file stands: `waiting` to be read; `inspecting` its headers; `reading` its rows;
 * `needs-input` from the user (see `blocker`); `ready` to import (see `report`); `refused` by the
 * reader (see `refusal`); reading `cancelled`; `importing`; `imported` (see `written`).
 */
export type FileStage =
  | 'waiting'
  | 'inspecting'
  | 'reading'
  | 'needs-input'
  | 'ready'
  | 'refused'
  | 'cancelled'
  | 'importing'
  | 'imported';

/**
 * What keeps a file from being read: no kind chosen; no header of that kind on the sheet; required
 * columns without a column; a one-school student list without its school's NPSN, or with one that is
 * not an NPSN.
 */
export type FileBlocker = 'kind' | 'header' | 'columns' | 'npsn' | 'npsn-invalid';

/** Where a one-school list's NPSN came from. */
export type NpsnSource = 'title' | 'file-name' | 'user';

export class ImportFile {
  /** Unique within the session. */
  readonly id: string;
  readonly source: FileSource;
  stage = $state<FileStage>('waiting');
  inspection = $state.raw<FileInspection | null>(null);
  kind = $state<ImportKind | null>(null);
  /** The sheet (index into `inspection.sheets`); 0 for CSV. */
  sheet = $state(0);
  overrides = $state.raw<MappingOverrides>({});
  /** The school of a one-school student list (no NPSN column), as typed or found. */
  npsn = $state('');
  npsnSource = $state<NpsnSource | null>(null);
  /** That school's name, for a school row the list creates. */
  schoolName = $state('');
  /** The last read's report, or null. */
  report = $state.raw<ReadReport<ImportKind> | null>(null);
  /** Why the reader refused the file, or null. */
  refusal = $state.raw<Message | null>(null);
  /** What the import wrote, once imported. */
  written = $state.raw<ImportWriteSummary | null>(null);
  /** Why the last write failed (the database is unchanged), or null. */
  writeError = $state.raw<ImportWriteError | null>(null);

  /** Bumped by every change that makes a read in flight stale. */
  version = 0;
  /** How the last read read the file (a store reads it so again if the worker lost the records). */
  request: BatchImportRequest<ImportKind> | null = null;

  /** The header of the chosen kind on the chosen sheet, as the worker found it. */
  readonly guess = $derived.by((): KindGuess | undefined => {
    const kind = this.kind;
    return kind === null
      ? undefined
      : this.inspection?.sheets[this.sheet]?.guesses.find((g) => g.kind === kind);
  });

  /** Field → column as the file will be read: the guess with the user's changes. */
  readonly mapping = $derived<Readonly<Record<string, number>>>(
    this.guess ? effectiveMapping(this.guess.mapping, this.overrides) : {},
  );

  /** Required fields without a column. */
  readonly missing = $derived<readonly string[]>(
    this.kind !== null && this.guess ? missingOf(this.kind, this.mapping) : [],
  );

  /** A student list without an NPSN column: all its students are of one school, whose NPSN is asked. */
  readonly needsNpsn = $derived(
    this.kind === 'student' && this.guess !== undefined && this.mapping.npsn === undefined,
  );

  readonly blocker = $derived.by((): FileBlocker | null => {
    if (this.kind === null) return 'kind';
    if (!this.guess) return 'header';
    if (this.missing.length > 0) return 'columns';
    if (this.needsNpsn) {
      if (this.npsn.trim() === '') return 'npsn';
      if (!parseNpsn(this.npsn).ok) return 'npsn-invalid';
    }
    return null;
  });

  /** Read and with rows to import. */
  readonly importable = $derived(
    this.stage === 'ready' && this.report !== null && this.report.counts.accepted > 0,
  );

  /** Being read or written: its choices are locked. */
  readonly busy = $derived(
    this.stage === 'inspecting' || this.stage === 'reading' || this.stage === 'importing',
  );

  #size: number | undefined;

  constructor(id: string, source: FileSource) {
    this.id = id;
    this.source = source;
  }

  get name(): string {
    return this.source.name;
  }

  /**
   * The file's size, asked of the browser once: for a file it has not described yet, Chromium looks
   * the size up on disk on every question, a synchronous call of a few milliseconds.
   */
  get size(): number {
    this.#size ??= this.source.size;
    return this.#size;
  }

  /**
   * The key the worker keeps this read's records under: a new one for every read, so a stale read's
   * records are never written.
   */
  get key(): string {
    return `${this.id}:${this.version}`;
  }

  /** Keeps a finished read's report (its records stay in the worker, under {@link key}). */
  keep(report: ReadReport<ImportKind>, request: BatchImportRequest<ImportKind>): void {
    this.report = report;
    this.request = request;
    this.refusal = null;
    this.stage = 'ready';
  }

  /** Forgets the read (its choices changed, or it was written): a new read gets a new key. */
  forget(): void {
    this.version += 1;
    this.report = null;
    this.request = null;
  }

  /**
   * Takes the worker's inspection and the choices it suggests: the likeliest kind and its sheet, and
   * for a one-school list the NPSN and name the titles or file name give.
   */
  inspected(inspection: FileInspection): void {
    this.inspection = inspection;
    this.kind = inspection.guess?.kind ?? null;
    this.sheet = inspection.guess?.sheet ?? 0;
    this.overrides = {};
    this.suggestSchool();
  }

  /** Fills the school's NPSN and name from the current guess, unless the user typed them. */
  suggestSchool(): void {
    const hint = this.guess?.school;
    if (this.npsnSource !== 'user') {
      this.npsn = hint?.npsn ?? '';
      this.npsnSource = hint?.npsnSource ?? null;
    }
    if (this.schoolName === '' && hint?.name) this.schoolName = hint.name;
  }

  /** The best sheet for `kind`: fewest missing fields, then most fields named. */
  sheetFor(kind: ImportKind): number {
    let best = this.sheet;
    let bestScore = -Infinity;
    this.inspection?.sheets.forEach((sheet, index) => {
      const guess = sheet.guesses.find((g) => g.kind === kind);
      if (!guess) return;
      const score = Object.keys(guess.mapping).length - 100 * guess.missing.length;
      if (score > bestScore || (score === bestScore && index === this.sheet)) {
        best = index;
        bestScore = score;
      }
    });
    return best;
  }
}
