/**
 * The core's import types as the import screen sees them (type-only: the page never loads the core's
 * file readers, which run in the worker).
 */
import type { Issue, Result } from '@sahaja/core';
import type { BatchImportRequest } from '@sahaja/core/api';
import type {
  BatchImportIssueCode,
  BatchImportReport,
  FileInspection,
  ImportIssueCode,
  ImportKind,
  RecordOf,
} from '@sahaja/core/io';

export type { BatchImportRequest, FileInspection, ImportKind, RecordOf };
export type {
  IssueSummary,
  KindGuess,
  ListedSchool,
  RowIssue,
  SchoolHint,
  SheetInspection,
} from '@sahaja/core/io';

/** What the worker answers to `files.inspectFile`: what the file holds, or why it cannot be read. */
export type InspectOutcome = Result<FileInspection, Issue<ImportIssueCode>>;

/** A file read for storing: the counts, issues, preview and schools (the records went in batches). */
export type ReadReport<K extends ImportKind> = BatchImportReport<RecordOf[K]>;

/** What the worker answers to `files.importInBatches`: the report, or why the file was refused. */
export type ReadOutcome<K extends ImportKind> = Result<ReadReport<K>, Issue<BatchImportIssueCode>>;

/** Why the worker refused a whole file (unreadable, no header, missing columns, invalid NPSN…). */
export type FileIssue = Issue<BatchImportIssueCode>;
