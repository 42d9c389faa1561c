/**
 * The import screen's work: the list of picked files, each looked at and read in the worker one after
 * another (headers and guessed mapping first, then every row with the user's mapping), and the writing
 * of the files the user imports, one transaction per file, with progress and cancel. Also the
 * programme's import log.
 */
import type { CoreClient } from '../core/core-client.svelte';
import type { ImportProgress } from '../core/types';
import {
  listImports,
  type ImportRow,
  type ImportWriteResult,
  type NamedSchool,
  type ImportWriteError,
  type ImportWriteProgress,
  type ImportWriteSummary,
  type ProgrammeRow,
  type SahajaDatabase,
} from '../db';
import type { MappingOverrides } from './fields';
import { ImportFile, type FileSource } from './import-file.svelte';
import type { BatchImportRequest, ImportKind } from './types';

/** The User Timing measure recorded on the page for each file written (the benchmark reads it). */
export const IMPORT_WRITE_MEASURE = 'sahaja:import-file';

export interface ImportSessionDependencies {
  readonly core: CoreClient;
  readonly db: () => SahajaDatabase;
  /** Marks reading or writing as work a reload would lose; returns its release. */
  readonly hold?: () => () => void;
  /** Told of the programme's row after each file is written (new counts), e.g. `active.replace`. */
  readonly onProgramme?: (programme: ProgrammeRow) => void;
}

/** The programme the files go into. */
export interface ImportTarget {
  readonly id: string;
  /** Two-digit years in the files are placed in the hundred years ending with this one. */
  readonly pivotYear: number;
}

/** Writing the chosen files: file `file` of `files` (its id and name), `done` of `total` rows. */
export interface WriteProgress extends ImportWriteProgress {
  readonly file: number;
  readonly files: number;
  readonly id: string;
  readonly name: string;
}

/** What happened to a file the user imported, for the messages under the import button. */
export type ImportNotice = { readonly id: string; readonly name: string } & (
  | { readonly type: 'imported'; readonly kind: ImportKind; readonly summary: ImportWriteSummary }
  | { readonly type: 'cancelled' }
  | { readonly type: 'failed'; readonly error: ImportWriteError }
);

/** Reading a file in the worker: which file, and the bytes and rows read so far. */
export interface ReadProgress {
  readonly name: string;
  readonly progress: ImportProgress | null;
}

export class ImportSession {
  /** The write going on: the file being written (its place in the batch), or null. */
  #writing = $state.raw<{ file: Omit<WriteProgress, 'done' | 'total'> } | null>(null);
  readonly target: ImportTarget;
  files = $state.raw<readonly ImportFile[]>([]);
  /** The file whose mapping, preview and report are shown. */
  selectedId = $state<string | null>(null);
  /** The programme's import log, the latest first. */
  history = $state.raw<readonly ImportRow[]>([]);
  /** Why the import log could not be read, or null. */
  historyError = $state<string | null>(null);
  /** Files the last `add` left out because they were already in the list. */
  skipped = $state(0);
  notices = $state.raw<readonly ImportNotice[]>([]);
  /** The file being read in the worker, or null. */
  reading = $state.raw<ImportFile | null>(null);

  readonly selected = $derived(this.files.find((f) => f.id === this.selectedId) ?? null);
  /** Writing the chosen files: which file, and the rows the worker has written of it. */
  readonly writeProgress = $derived.by((): WriteProgress | null => {
    const writing = this.#writing;
    if (!writing) return null;
    const file = this.files.find((f) => f.id === writing.file.id);
    const total = file?.report?.counts.accepted ?? file?.written?.added ?? 0;
    const progress = this.#deps.core.writeProgress ?? { done: 0, total };
    return { ...writing.file, ...progress };
  });
  readonly writing = $derived(this.#writing !== null);
  readonly readProgress = $derived.by((): ReadProgress | null =>
    this.reading ? { name: this.reading.name, progress: this.#deps.core.fileProgress } : null,
  );
  /** Files ready to import, and what importing them all would write and leave out. */
  readonly ready = $derived.by(() => {
    const files = this.files.filter((f) => f.importable);
    let accepted = 0;
    let rejected = 0;
    for (const f of files) {
      accepted += f.report?.counts.accepted ?? 0;
      rejected += f.report?.counts.rejected ?? 0;
    }
    return { files, accepted, rejected };
  });
  /**
   * NPSN → the names of the student lists in the list that hold that school: a school in several
   * files has its list replaced by whichever is imported last.
   */
  readonly schoolFiles = $derived.by(() => {
    const byNpsn: Record<string, string[]> = {};
    for (const file of this.files) {
      if (file.kind !== 'student' || file.stage !== 'ready' || !file.report) continue;
      for (const school of file.report.schools) {
        byNpsn[school.npsn] = [...(byNpsn[school.npsn] ?? []), file.name];
      }
    }
    return byNpsn as Readonly<Record<string, readonly string[]>>;
  });

  #deps: ImportSessionDependencies;
  #pumping = false;
  #next = 0;
  /** The write's id in the worker, for a cancel. */
  #job: string | null = null;
  #jobs = 0;
  #cancelled = false;

  constructor(deps: ImportSessionDependencies, target: ImportTarget) {
    this.#deps = deps;
    this.target = target;
  }

  /**
   * Adds files to the list and starts reading them (in order, in the worker). A file already in the
   * list and not yet imported (same name, size and date) is left out and counted in `skipped`. A
   * single file added to a list with none open is opened.
   */
  add(sources: readonly FileSource[]): void {
    const same = (a: FileSource, b: FileSource) =>
      a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
    const added: ImportFile[] = [];
    let skipped = 0;
    for (const source of sources) {
      const listed = [...this.files, ...added].some(
        (f) => f.stage !== 'imported' && same(f.source, source),
      );
      if (listed) skipped++;
      else added.push(new ImportFile(`f${++this.#next}`, source));
    }
    this.skipped = skipped;
    this.files = [...this.files, ...added];
    // One file is opened at once; of several, the person opens the one the list says needs them
    // (drawing a file's mapping, preview and report while 70 are read would hold the page up).
    if (this.selectedId === null && added.length === 1 && added[0]) this.selectedId = added[0].id;
    void this.#pump();
  }

  /** Takes a file off the list (not while files are being written). */
  remove(file: ImportFile): void {
    if (file.stage === 'importing' || this.writing) return;
    this.#deps.core.forgetFile(file.key);
    file.forget();
    this.files = this.files.filter((f) => f !== file);
    if (this.selectedId === file.id) this.selectedId = this.files[0]?.id ?? null;
  }

  /** Takes the imported files off the list. */
  clearImported(): void {
    this.files = this.files.filter((f) => f.stage !== 'imported');
    if (!this.files.some((f) => f.id === this.selectedId)) {
      this.selectedId = this.files[0]?.id ?? null;
    }
  }

  select(file: ImportFile): void {
    this.selectedId = file.id;
  }

  /** Reads the file as `kind`, on the sheet that best holds it, with the guessed columns. */
  setKind(file: ImportFile, kind: ImportKind): void {
    if (!this.#changeable(file)) return;
    file.kind = kind;
    file.sheet = file.sheetFor(kind);
    file.overrides = {};
    file.suggestSchool();
    this.#reread(file);
  }

  /** Reads the file from sheet `sheet`, with the columns guessed there. */
  setSheet(file: ImportFile, sheet: number): void {
    if (!this.#changeable(file)) return;
    file.sheet = sheet;
    file.overrides = {};
    file.suggestSchool();
    this.#reread(file);
  }

  /** Reads `field` from column `column` (0-based), or not at all (null). */
  setColumn(file: ImportFile, field: string, column: number | null): void {
    if (!this.#changeable(file)) return;
    const overrides: Record<string, number | null> = { ...file.overrides, [field]: column };
    // A choice equal to the guess is no change, unless another choice took that column meanwhile.
    const taken = Object.entries(overrides).some(([f, c]) => f !== field && c === column);
    if (column !== null && column === file.guess?.mapping[field] && !taken) delete overrides[field];
    file.overrides = overrides as MappingOverrides;
    this.#reread(file);
  }

  /** Back to the columns guessed from the headers. */
  resetColumns(file: ImportFile): void {
    if (!this.#changeable(file)) return;
    file.overrides = {};
    this.#reread(file);
  }

  /** The school of a one-school student list, as the user typed it. */
  setNpsn(file: ImportFile, npsn: string): void {
    if (!this.#changeable(file) || npsn.trim() === file.npsn.trim()) return;
    file.npsn = npsn.trim();
    file.npsnSource = 'user';
    this.#reread(file);
  }

  /** The name a school created from a one-school list gets (nothing to read again). */
  setSchoolName(file: ImportFile, name: string): void {
    file.schoolName = name.trim().replace(/\s+/g, ' ');
  }

  /** Reads a cancelled file again (or every cancelled file). */
  readAgain(file?: ImportFile): void {
    for (const f of file ? [file] : this.files) {
      if (f.stage === 'cancelled') f.stage = 'waiting';
    }
    void this.#pump();
  }

  /** Stops reading: the file being read and those waiting are marked cancelled. */
  cancelReading(): void {
    if (!this.reading) return;
    for (const f of this.files) if (f.stage === 'waiting') f.stage = 'cancelled';
    this.#deps.core.cancel();
  }

  /**
   * Writes `files` (by default every file ready to import), one transaction each, in list order;
   * stops at a cancel, or at a failure that would fail the rest too (no space, programme gone). The
   * imported files let go of their records; the programme's new counts go to `onProgramme`.
   */
  async importFiles(files: readonly ImportFile[] = this.ready.files): Promise<void> {
    if (this.writing) return;
    const chosen = files.filter((f) => f.importable);
    if (chosen.length === 0) return;
    const release = this.#deps.hold?.() ?? (() => {});
    this.#cancelled = false;
    this.#writing = { file: { file: 0, files: chosen.length, id: '', name: '' } };
    this.notices = [];
    try {
      for (const [index, file] of chosen.entries()) {
        if (this.#cancelled) break;
        const report = file.report;
        // A file taken off the list (or read again) meanwhile has nothing to write any more.
        if (!report || file.kind === null || !this.files.includes(file)) continue;
        file.stage = 'importing';
        file.writeError = null;
        const base = { file: index + 1, files: chosen.length, id: file.id, name: file.name };
        const school = file.needsNpsn ? { npsn: file.npsn, nama: file.schoolName } : null;
        this.#writing = { file: base };
        const result = await this.#store(file, school);
        if (!result.ok) {
          file.stage = 'ready';
          if (result.error.code === 'cancelled') {
            this.#notify({ type: 'cancelled', id: file.id, name: file.name });
            break;
          }
          file.writeError = result.error;
          this.#notify({ type: 'failed', id: file.id, name: file.name, error: result.error });
          if (result.error.code !== 'storage') break;
          continue;
        }
        file.written = result.value;
        file.forget();
        file.stage = 'imported';
        this.#notify({
          type: 'imported',
          id: file.id,
          name: file.name,
          kind: file.kind,
          summary: result.value,
        });
        this.#deps.onProgramme?.(result.value.programme);
      }
    } finally {
      this.#writing = null;
      this.#cancelled = false;
      release();
      await this.refreshHistory();
    }
  }

  /** Stops writing: the file being written is rolled back; the files written before it stay. */
  cancelImport(): void {
    if (!this.#writing) return;
    this.#cancelled = true;
    if (this.#job) this.#deps.core.abortStore(this.#job);
  }

  /**
   * Writes `file`'s read in the worker, which holds its records (or reads the bytes again if it lost
   * them), and turns every failure into an {@link ImportWriteError}.
   */
  async #store(file: ImportFile, school: NamedSchool | null): Promise<ImportWriteResult> {
    const request = file.request;
    if (!request) return { ok: false, error: { code: 'cancelled', message: 'Not read' } };
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.source.arrayBuffer());
    } catch (thrown) {
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      return { ok: false, error: { code: 'storage', message } };
    }
    if (this.#cancelled) return { ok: false, error: { code: 'cancelled', message: 'Cancelled' } };
    const job = `${file.key}#${++this.#jobs}`;
    this.#job = job;
    try {
      const target = { programmeId: this.target.id, name: file.name, school };
      const called = await this.#deps.core.storeFile(file.key, bytes, request, target, job);
      if (!called.ok) {
        const { code, message } = called.error;
        return {
          ok: false,
          error: { code: code === 'cancelled' ? 'cancelled' : 'storage', message },
        };
      }
      const outcome = called.value;
      if (outcome.ok) {
        // The write's duration as a User Timing entry (no personal data), for the benchmark.
        const end = performance.now();
        const start = Math.max(0, end - outcome.value.writeMs);
        performance.measure(IMPORT_WRITE_MEASURE, { start, end });
        return outcome;
      }
      const { code, message } = outcome.error;
      return { ok: false, error: { code: code === 'refused' ? 'storage' : code, message } };
    } finally {
      this.#job = null;
    }
  }

  /** Reads the programme's import log again. */
  async refreshHistory(): Promise<void> {
    try {
      this.history = await listImports(this.#deps.db(), this.target.id);
      this.historyError = null;
    } catch (thrown) {
      this.historyError = thrown instanceof Error ? thrown.message : String(thrown);
    }
  }

  /** Whether the user may change a file's choices: not while it is written or once it is. */
  #changeable(file: ImportFile): boolean {
    return file.stage !== 'importing' && file.stage !== 'imported' && file.inspection !== null;
  }

  #reread(file: ImportFile): void {
    this.#deps.core.forgetFile(file.key);
    file.forget();
    file.writeError = null;
    file.stage = 'waiting';
    void this.#pump();
  }

  #notify(notice: ImportNotice): void {
    this.notices = [...this.notices, notice];
  }

  /** Reads the waiting files one after another; one pump runs at a time. */
  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    const release = this.#deps.hold?.() ?? (() => {});
    try {
      for (;;) {
        const file = this.files.find((f) => f.stage === 'waiting');
        if (!file) break;
        this.reading = file;
        await this.#read(file);
      }
    } finally {
      this.reading = null;
      this.#pumping = false;
      release();
    }
  }

  /** Inspects a file (once) and reads its rows with the current choices, unless a choice is missing. */
  async #read(file: ImportFile): Promise<void> {
    const version = file.version;
    const stale = () => file.version !== version || !this.files.includes(file);
    // The bytes are handed to the worker with each call, so each call gets them afresh.
    const open = async (): Promise<Uint8Array | null> => {
      try {
        return new Uint8Array(await file.source.arrayBuffer());
      } catch (thrown) {
        if (stale()) return null;
        // The file was moved or deleted since it was picked.
        const message = thrown instanceof Error ? thrown.message : String(thrown);
        file.refusal = {
          id: `Berkas tidak dapat dibuka: ${message}`,
          en: `The file cannot be opened: ${message}`,
        };
        file.stage = 'refused';
        return null;
      }
    };
    let bytes = await open();
    if (!bytes) return;
    // Every await may see the user change a choice: that change set the file waiting again.
    if (stale()) return;
    if (!file.inspection) {
      file.stage = 'inspecting';
      const called = await this.#deps.core.inspectFile(bytes, file.name);
      if (stale()) return;
      if (!called.ok) return this.#stopped(file, called.error.code, called.error.message);
      if (!called.value.ok) {
        file.refusal = called.value.issues[0].message;
        file.stage = 'refused';
        return;
      }
      file.inspected(called.value.value);
    }
    const kind = file.kind;
    if (file.blocker !== null || kind === null) {
      file.stage = 'needs-input';
      return;
    }
    file.stage = 'reading';
    const request: BatchImportRequest<ImportKind> = {
      kind,
      pivotYear: this.target.pivotYear,
      mapping: file.overrides,
      ...(file.inspection?.format === 'xlsx' && { sheet: file.sheet }),
      ...(file.needsNpsn && { npsn: file.npsn }),
    };
    const key = file.key;
    if (bytes.byteLength === 0 && file.size > 0) {
      bytes = await open();
      if (!bytes || stale()) return;
    }
    const called = await this.#deps.core.readFile(key, bytes, request);
    if (stale()) {
      // A choice changed meanwhile: this read's records will never be written.
      this.#deps.core.forgetFile(key);
      return;
    }
    if (!called.ok) return this.#stopped(file, called.error.code, called.error.message);
    if (!called.value.ok) {
      file.refusal = called.value.issues[0].message;
      file.stage = 'refused';
      return;
    }
    file.keep(called.value.value, request);
  }

  #stopped(file: ImportFile, code: 'internal' | 'cancelled', message: string): void {
    if (code === 'cancelled') {
      file.stage = 'cancelled';
      return;
    }
    file.refusal = {
      id: `Pembaca berkas gagal: ${message}`,
      en: `The file reader failed: ${message}`,
    };
    file.stage = 'refused';
  }
}
