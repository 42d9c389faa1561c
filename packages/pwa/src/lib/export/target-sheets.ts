/**
 * The target-list workbook's sheets: a summary with each school's counts, then one sheet per school
 * with the students it must prepare. Headers in the language asked for; no NIK, mother's name or
 * address (UU 27/2022): only what a school needs to know.
 */
import type { ExportColumn, ExportTable } from '@sahaja/core/io';
import type { School } from '../core/types';
import type { SchoolTargets, TargetStudent } from './school-targets';
import { SheetNames } from './sheet-names';
import type { ExportText } from './text';

/** A target student with their line number in the school's list. */
export interface NumberedTarget extends TargetStudent {
  readonly no: number;
}

/** One school's line in the summary. */
export interface TargetSummaryRow {
  readonly npsn: string;
  readonly nama: string;
  readonly kecamatan: string;
  readonly wajib: number;
  readonly dini: number;
  readonly pending: number;
  /** The school's visit dates in the plan, `YYYY-MM-DD` (empty without a plan). */
  readonly visitDates: readonly string[];
}

/** A school of the workbook: the school, its kecamatan's name, its targets and visit dates. */
export interface TargetSchool {
  readonly school: Pick<School, 'npsn' | 'nama'>;
  /** The kecamatan as people read it (its name, else its code). */
  readonly kecamatan: string;
  readonly targets: SchoolTargets;
  readonly visitDates: readonly string[];
}

/** The columns of a school's list (see {@link NumberedTarget}). */
export function targetColumns(text: ExportText): ExportColumn<NumberedTarget>[] {
  const { t } = text;
  return [
    { header: t('export.col.no'), type: 'number', value: (s) => s.no },
    { header: t('export.col.nisn'), type: 'identifier', value: (s) => s.nisn },
    { header: t('export.col.name'), type: 'text', value: (s) => s.nama },
    { header: t('export.col.class'), type: 'text', value: (s) => s.kelas },
    { header: t('export.col.sex'), type: 'text', value: (s) => s.jenisKelamin },
    { header: t('export.col.birthDate'), type: 'date', value: (s) => s.tanggalLahir },
    { header: t('export.col.category'), type: 'text', value: (s) => s.category },
    { header: t('export.col.seventeenth'), type: 'date', value: (s) => s.seventeenth },
  ];
}

/** A school's students numbered 1, 2, … in the order given (class, then name). */
export function numberTargets(students: readonly TargetStudent[]): NumberedTarget[] {
  return students.map((s, i) => ({ ...s, no: i + 1 }));
}

/** The summary sheet's columns. */
export function summaryColumns(text: ExportText): ExportColumn<TargetSummaryRow>[] {
  const { t } = text;
  return [
    { header: t('export.col.npsn'), type: 'identifier', value: (r) => r.npsn },
    { header: t('export.col.school'), type: 'text', value: (r) => r.nama },
    { header: t('export.col.kecamatan'), type: 'text', value: (r) => r.kecamatan },
    { header: t('export.col.wajib'), type: 'number', value: (r) => r.wajib },
    { header: t('export.col.dini'), type: 'number', value: (r) => r.dini },
    { header: t('export.col.total'), type: 'number', value: (r) => r.wajib + r.dini },
    { header: t('export.col.pending'), type: 'number', value: (r) => r.pending },
    {
      header: t('export.col.visitDates'),
      type: 'text',
      value: (r) => r.visitDates.map((d) => text.date(d)).join(', '),
    },
  ];
}

/**
 * The workbook's tables. With `summary` (every school's list): a summary sheet first, one line per
 * school in the order given, then a sheet per school that has target students (a school without has
 * nothing to send). Without (one school's list): a sheet per school given, even an empty one. Sheet
 * names are the schools' names, unique, at most 31 characters, without `[]:*?/\`.
 */
export function targetTables(
  schools: readonly TargetSchool[],
  text: ExportText,
  options: { readonly summary: boolean },
): ExportTable<unknown>[] {
  const names = new SheetNames();
  const tables: ExportTable<unknown>[] = [];
  if (options.summary) {
    const rows: TargetSummaryRow[] = schools.map(({ school, kecamatan, targets, visitDates }) => ({
      npsn: school.npsn,
      nama: school.nama,
      kecamatan,
      wajib: targets.wajib,
      dini: targets.dini,
      pending: targets.pending,
      visitDates,
    }));
    const summary: ExportTable<TargetSummaryRow> = {
      sheet: names.name(text.t('export.sheet.summary'), 'Summary'),
      columns: summaryColumns(text),
      rows,
    };
    tables.push(summary as ExportTable<unknown>);
  }
  const columns = targetColumns(text);
  for (const { school, targets } of schools) {
    if (options.summary && targets.students.length === 0) continue;
    const table: ExportTable<NumberedTarget> = {
      sheet: names.name(school.nama, school.npsn),
      columns,
      rows: numberTargets(targets.students),
    };
    tables.push(table as ExportTable<unknown>);
  }
  return tables;
}
