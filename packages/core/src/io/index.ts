/**
 * @sahaja/core/io — reading and writing the files people really send: CSV (any separator, UTF-8 or
 * Windows-1252, streamed) and XLSX, header rows below titles, column mapping, row validation into typed
 * records with issues by row and column; and CSV/XLSX writing that Excel opens correctly. Runs in Node, a
 * page and a worker (bytes in, bytes out; no file system).
 */
export {
  importRecords,
  type ImportIssueCode,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  type ImportSource,
  type IssueSummary,
  type RowIssue,
} from './import.js';
export {
  IMPORT_KINDS,
  inspectFile,
  schoolHint,
  type FileInspection,
  type ImportKind,
  type InspectOptions,
  type KindGuess,
  type SchoolHint,
  type SheetInspection,
} from './inspect.js';
export {
  programmeFiles,
  REGISTRY_COLUMNS,
  registryRow,
  schoolFileBytes,
  STUDENT_COLUMNS,
  studentRow,
  type OutputFile,
} from './demo-files.js';
export {
  importInBatches,
  type BatchImportIssueCode,
  type BatchImportOptions,
  type BatchImportReport,
  type ListedSchool,
} from './batch-import.js';
export {
  fieldsOf,
  RECORD_SCHEMAS,
  type FieldProblem,
  type RecordKind,
  type RecordOf,
} from './records.js';
export {
  HOLIDAY_FIELDS,
  normaliseHeader,
  PEOPLE_FIELDS,
  RESIDENT_FIELDS,
  SCHOOL_FIELDS,
  STUDENT_FIELDS,
  TEAM_FIELDS,
  type FieldSpec,
} from './fields.js';
export {
  findHeader,
  guessMapping,
  missingFields,
  type ColumnMapping,
  type HeaderMatch,
} from './header.js';
export { cellText, describeShape, type Cell, type NumberCell } from './cells.js';
export {
  CsvParser,
  detectDelimiter,
  parseCsv,
  type CsvDelimiter,
  type CsvTable,
} from './csv-read.js';
export { formatCsv, type CsvWriteOptions } from './csv-write.js';
export {
  tablesToXlsx,
  tableToCsv,
  tableToCsvBytes,
  type ColumnType,
  type DateOutput,
  type ExportColumn,
  type ExportTable,
} from './export.js';
export {
  decodeText,
  TextStreamDecoder,
  type DecodedText,
  type TextEncoding,
} from './text-stream.js';
export { sniffFile, type FileKind } from './sniff.js';
export { readXlsxSheets, type RawSheet } from './xlsx-read.js';
export { encodeUtf8, encodeWindows1252, decodeWindows1252 } from './encoding.js';
export { readTable, type Table, type TableIssueCode } from './table.js';
