/**
 * Writes a read file into the programme with the write function of its kind (see `db/imports.ts`).
 */
import {
  importHolidays,
  importRegistry,
  importSchools,
  importStudentList,
  importTeams,
  type ImportWriteOptions,
  type ImportWriteResult,
  type NamedSchool,
  type SahajaDatabase,
} from '../db';
import { KEDIRI_KECAMATAN, parseRegionCode } from '@sahaja/core';
import type { ImportKind, ReadReport, RecordOf } from './types';

/** A read file, ready to be written. */
export interface ReadFile {
  readonly name: string;
  readonly kind: ImportKind;
  readonly report: ReadReport<ImportKind>;
  readonly records: readonly RecordOf[ImportKind][];
  /** A one-school student list's school (no NPSN column): its NPSN and name; else null. */
  readonly school: NamedSchool | null;
}

/** Options of {@link storeFile}: progress and cancel (the file's name and counts come from it). */
export type StoreFileOptions = Pick<
  ImportWriteOptions,
  'onProgress' | 'signal' | 'chunkSize' | 'clock'
>;

/**
 * Writes `file` into programme `programmeId` in one transaction: a student list replaces its schools'
 * lists and creates missing schools (named by the file's school column, or the one-school list's
 * name); a registry, schools, teams or holidays file upserts by key. A school's kecamatan is stored as
 * a Kabupaten Kediri kecamatan code when the file gives one (by code or name), else left empty.
 */
export function storeFile(
  db: SahajaDatabase,
  programmeId: string,
  file: ReadFile,
  options: StoreFileOptions = {},
): Promise<ImportWriteResult> {
  const write: ImportWriteOptions = {
    ...options,
    fileName: file.name,
    rejected: file.report.counts.rejected,
    warnings: file.report.counts.warnings,
  };
  switch (file.kind) {
    case 'student': {
      const schools = file.school
        ? [file.school]
        : file.report.schools.map(({ npsn, nama }) => ({ npsn, nama }));
      const records = file.records as readonly RecordOf['student'][];
      return importStudentList(db, programmeId, records, { ...write, schools });
    }
    case 'resident':
      return importRegistry(
        db,
        programmeId,
        file.records as readonly RecordOf['resident'][],
        write,
      );
    case 'school': {
      const records = (file.records as readonly RecordOf['school'][]).map((school) => ({
        ...school,
        kecamatan: storedKecamatan(school.kecamatan),
      }));
      const columns = file.report.mapping.map((m) => m.field);
      return importSchools(db, programmeId, records, { ...write, columns });
    }
    case 'team':
      return importTeams(db, programmeId, file.records as readonly RecordOf['team'][], write);
    case 'holiday':
      return importHolidays(db, programmeId, file.records as readonly RecordOf['holiday'][], write);
  }
}

const KECAMATAN_BY_NAME = new Map(
  KEDIRI_KECAMATAN.map((k) => [k.nama.toLocaleLowerCase('id'), k.kode] as const),
);

/**
 * A schools file's kecamatan as the schools screen stores it: a kecamatan code with dots, from a code
 * (`350617`, `35.06.17`) or a Kabupaten Kediri kecamatan's name (`Pare`, `Kec. Pare`); empty when the
 * file's value is neither.
 */
export function storedKecamatan(text: string): string {
  const trimmed = text.trim();
  const byName = KECAMATAN_BY_NAME.get(
    trimmed.replace(/^kec(amatan)?\.?\s+/i, '').toLocaleLowerCase('id'),
  );
  if (byName) return byName;
  const parsed = parseRegionCode(trimmed);
  return parsed.ok && parsed.value.level === 'kecamatan' ? parsed.value.dotted : '';
}
