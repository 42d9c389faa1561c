import { z } from 'zod';
import type { Message } from '../domain/result.js';
import type { Holiday, Resident, SchoolTarget, StudentRecord, Team } from '../domain/records.js';
import { parseDate } from '../dates/parse-date.js';
import { formatIsoDate, isIsoDateText, parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import type { EligibilityPerson } from '../eligibility/evaluate.js';
import {
  cleanIdentifier,
  isDigits,
  nikBirthCode,
  parseNik,
  SCIENTIFIC_NUMBER,
} from '../identifiers/nik.js';
import { parseNisn, parseNpsn } from '../identifiers/school-ids.js';
import { parseRegionCode } from '../regions/region-code.js';
import {
  cellText,
  describeShape,
  isNumberCell,
  plainNumberText,
  serialToIso,
  type Cell,
} from './cells.js';
import {
  HOLIDAY_FIELDS,
  PEOPLE_FIELDS,
  RESIDENT_FIELDS,
  SCHOOL_FIELDS,
  STUDENT_FIELDS,
  TEAM_FIELDS,
  type FieldSpec,
} from './fields.js';
import { SignatureBlocks } from './signature.js';

/** The kinds of file Sahaja reads. */
export type RecordKind = 'student' | 'resident' | 'people' | 'school' | 'team' | 'holiday';

/** The record each kind of file gives. */
export interface RecordOf {
  student: StudentRecord;
  resident: Resident;
  people: EligibilityPerson & { readonly npsn: string };
  school: SchoolTarget;
  team: Team;
  holiday: Holiday;
}

/** A problem with one field of one row, found while turning the row into a record. */
export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  /** `error`: the row is not imported; `warning`: it is, with the value repaired or left empty. */
  readonly severity: 'error' | 'warning';
  readonly message: Message;
  /** What the value looked like (never the value itself). */
  readonly shape: Message;
}

/** The context a row is read in. */
export interface RowContext {
  /** 1-based row number in the file or sheet. */
  readonly row: number;
  /** The year two-digit years are placed before (the programme's year). */
  readonly pivotYear: number;
  /** NPSN for rows of a one-school file that has no NPSN column. */
  readonly npsn: string | undefined;
  /** The last day of the pivot year: NIK birth dates are placed on or before it. */
  readonly nikReference: PlainDate;
  /**
   * The fields the file has a column for; absent: every field. Tells a column the file does not have
   * (an optional field left out) from an empty cell in one it has.
   */
  readonly mapped?: ReadonlySet<string>;
}

/** A data row seen through the column mapping: the cell of a field, or `undefined` when unmapped. */
export type RawRow = (field: string) => Cell | undefined;

/** A raw row over fixed values, for reading a value split out of another cell. */
const single =
  (value: string): RawRow =>
  () =>
    value;

interface Reader<R> {
  readonly fields: readonly FieldSpec[];
  /** A row with none of these filled is not a data row (a blank line, a note in another column). */
  readonly keyFields: readonly string[];
  /**
   * Reads a row into a record. Readers of the big kinds fill `into` when given (one object reused for
   * every row: zod copies it into the record that is kept).
   */
  read(raw: RawRow, ctx: RowContext, problems: FieldProblem[], into?: Mutable<R>): R;
}

type Mutable<R> = { -readonly [P in keyof R]: R[P] };

function problem(
  problems: FieldProblem[],
  field: string,
  cell: Cell | undefined,
  severity: FieldProblem['severity'],
  code: string,
  id: string,
  en: string,
): void {
  problems.push({ field, code, severity, message: { id, en }, shape: describeShape(cell) });
}

/** An identifier cell's digits: a number cell's stored digits, or the text without spaces and `'`. */
function identifierText(cell: Cell | undefined): string {
  return typeof cell === 'string' && isDigits(cell) ? cell : cleanIdentifier(numberOrText(cell));
}

/** A number cell's digits as stored (without an exponent when whole), or a text cell's text. */
function numberOrText(cell: Cell | undefined): string {
  if (typeof cell === 'string' && isDigits(cell)) return cell;
  return isNumberCell(cell) ? plainNumberText(cell.number) : cellText(cell);
}

/** A date column's value as ISO text; an unreadable value is kept as written, with a warning. */
function dateField(
  raw: RawRow,
  field: string,
  ctx: RowContext,
  problems: FieldProblem[],
  severity: FieldProblem['severity'] = 'warning',
): string {
  const cell = raw(field);
  if (typeof cell === 'string' && isIsoDateText(cell)) return cell;
  if (cell instanceof Date) return cellText(cell);
  if (isNumberCell(cell)) {
    const n = Number(cell.number);
    if (Number.isFinite(n) && n >= 1 && n < 2958466) return serialToIso(n);
  }
  const value = cellText(cell);
  if (value === '') return '';
  const iso = parseIsoDate(value);
  if (iso) return value;
  const parsed = parseDate(value, { pivotYear: ctx.pivotYear });
  if (parsed.ok) return formatIsoDate(parsed.value.date);
  const issue = parsed.issues[0];
  problem(problems, field, cell, severity, issue.code, issue.message.id, issue.message.en);
  return value;
}

/**
 * An NIK column's value. A number cell or scientific text has lost digits in Excel: the NIK is dropped
 * (students: matching goes on without it) with a warning. Other invalid NIKs are kept as cleaned digits
 * for matching, with a warning; `strict` makes them errors (the registry, where the NIK is the key).
 */
function nikField(raw: RawRow, ctx: RowContext, problems: FieldProblem[], strict: boolean): string {
  const cell = raw('nik');
  // The common case first: a clean, valid NIK, checked in one pass without allocating.
  if (typeof cell === 'string' && nikBirthCode(cell, ctx.nikReference) >= 0) return cell;
  if (isNumberCell(cell)) {
    const digits = plainNumberText(cell.number);
    if (!isDigits(digits) || digits.length !== 16 || digits.endsWith('0')) {
      problem(
        problems,
        'nik',
        cell,
        strict ? 'error' : 'warning',
        'nik_number_cell',
        'NIK tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang; format kolom NIK sebagai Teks lalu ketik ulang.',
        'The NIK was stored as a number in Excel and lost its last digits; format the NIK column as Text and re-type it.',
      );
      return '';
    }
    problem(
      problems,
      'nik',
      cell,
      'warning',
      'nik_number_cell_exact',
      'NIK tersimpan sebagai angka di Excel; angkanya masih utuh, tetapi format kolom NIK sebaiknya Teks.',
      'The NIK was stored as a number in Excel; it is still whole, but the NIK column should be formatted as Text.',
    );
    return digits;
  }
  const value = cleanIdentifier(cellText(cell));
  // The common case first: a valid NIK, checked in one pass without a regular expression.
  if (nikBirthCode(value, ctx.nikReference) >= 0) return value;
  if (value === '') {
    if (strict)
      problem(problems, 'nik', cell, 'error', 'nik_empty', 'NIK kosong.', 'The NIK is empty.');
    return '';
  }
  if (SCIENTIFIC_NUMBER.test(value)) {
    problem(
      problems,
      'nik',
      cell,
      strict ? 'error' : 'warning',
      'nik_scientific',
      'NIK tertulis sebagai angka ilmiah (mis. 3,50601E+15): digit terakhirnya sudah hilang di Excel. Ketik ulang NIK sebagai teks.',
      'The NIK is written as a scientific number (e.g. 3.50601E+15): Excel has lost its last digits. Re-type it as text.',
    );
    return '';
  }
  const parsed = parseNik(value, ctx.nikReference);
  if (!parsed.ok) {
    const issue = parsed.issues[0];
    problem(
      problems,
      'nik',
      cell,
      strict ? 'error' : 'warning',
      issue.code,
      issue.message.id,
      issue.message.en,
    );
    return isDigits(value) ? value : '';
  }
  return value;
}

const SEX_SPELLINGS: Readonly<Record<string, 'L' | 'P'>> = {
  L: 'L',
  LK: 'L',
  'LAKI-LAKI': 'L',
  'LAKI LAKI': 'L',
  LAKI: 'L',
  PRIA: 'L',
  M: 'L',
  MALE: 'L',
  P: 'P',
  PR: 'P',
  PEREMPUAN: 'P',
  WANITA: 'P',
  F: 'P',
  FEMALE: 'P',
};

function sexField(raw: RawRow, problems: FieldProblem[]): string {
  const cell = raw('jenis_kelamin');
  if (cell === 'L' || cell === 'P') return cell;
  const value = cellText(cell).toUpperCase().replace(/\.$/, '');
  if (value === '') return '';
  const sex = SEX_SPELLINGS[value];
  if (sex) return sex;
  problem(
    problems,
    'jenis_kelamin',
    cell,
    'warning',
    'sex_unknown',
    'Jenis kelamin tidak dikenal; gunakan L atau P.',
    'The sex is not recognised; use L or P.',
  );
  return '';
}

function nisnField(raw: RawRow, problems: FieldProblem[]): string {
  const cell = raw('nisn');
  const value = identifierText(cell);
  if (value === '') return '';
  const parsed = parseNisn(value);
  if (parsed.ok) return parsed.value;
  const issue = parsed.issues[0];
  if (issue.code === 'nisn_leading_zero_lost') {
    problem(
      problems,
      'nisn',
      cell,
      'warning',
      'nisn_leading_zero_restored',
      'NISN kurang dari 10 digit (angka 0 di depannya hilang di Excel); angka 0 ditambahkan kembali.',
      'The NISN had fewer than 10 digits (Excel dropped its leading zeros); the zeros were put back.',
    );
    return value.padStart(10, '0');
  }
  problem(problems, 'nisn', cell, 'warning', issue.code, issue.message.id, issue.message.en);
  return value;
}

function npsnField(
  raw: RawRow,
  ctx: RowContext,
  problems: FieldProblem[],
  required: boolean,
): string {
  const cell = raw('npsn');
  const value = isNumberCell(cell) ? plainNumberText(cell.number) : cellText(cell);
  if (value === '') {
    if (required)
      problem(problems, 'npsn', cell, 'error', 'npsn_empty', 'NPSN kosong.', 'The NPSN is empty.');
    return ctx.npsn ?? '';
  }
  const parsed = parseNpsn(value);
  if (parsed.ok) return parsed.value;
  const issue = parsed.issues[0];
  problem(
    problems,
    'npsn',
    cell,
    required ? 'error' : 'warning',
    issue.code,
    issue.message.id,
    issue.message.en,
  );
  return value;
}

/** Splits "Kediri, 17 Agustus 2006" at the comma that leaves a readable date on the right. */
function splitPlaceAndDate(value: string, pivotYear: number): [string, string] | undefined {
  for (let i = value.indexOf(','); i >= 0; i = value.indexOf(',', i + 1)) {
    const date = value.slice(i + 1).trim();
    if (parseDate(date, { pivotYear }).ok) return [value.slice(0, i).trim(), date];
  }
  return undefined;
}

/** A latitude or longitude in decimal degrees (a comma as decimal mark is read too), or undefined. */
function coordinate(
  raw: RawRow,
  field: string,
  limit: number,
  problems: FieldProblem[],
): number | undefined {
  const cell = raw(field);
  const text = (isNumberCell(cell) ? cell.number : cellText(cell)).replace(',', '.');
  if (text === '') return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || Math.abs(n) > limit) {
    problem(
      problems,
      field,
      cell,
      'warning',
      'coordinate_invalid',
      `Koordinat harus berupa derajat desimal antara -${limit} dan ${limit}; diabaikan.`,
      `The coordinate must be decimal degrees between -${limit} and ${limit}; it is ignored.`,
    );
    return undefined;
  }
  return n;
}

function wholeNumber(
  raw: RawRow,
  field: string,
  problems: FieldProblem[],
  required: boolean,
  min = 0,
): number {
  const cell = raw(field);
  const value = isNumberCell(cell) ? cell.number : cellText(cell).replace(/\.0+$/, '');
  if (value === '') {
    if (required)
      problem(
        problems,
        field,
        cell,
        'error',
        'number_empty',
        'Angka kosong.',
        'The number is empty.',
      );
    return 0;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    problem(
      problems,
      field,
      cell,
      'error',
      'number_invalid',
      `Harus bilangan bulat ${min} atau lebih.`,
      `Must be a whole number of ${min} or more.`,
    );
    return 0;
  }
  return n;
}

const STUDENT: Reader<StudentRecord> = {
  fields: STUDENT_FIELDS,
  keyFields: ['nama', 'nisn', 'nik', 'tanggal_lahir', 'tempat_tanggal_lahir'],
  read(raw, ctx, problems, into) {
    const nama = cellText(raw('nama'));
    if (nama === '') {
      problem(
        problems,
        'nama',
        raw('nama'),
        'error',
        'name_empty',
        'Nama siswa kosong.',
        "The student's name is empty.",
      );
    }
    let tempatLahir = cellText(raw('tempat_lahir'));
    let tanggalLahir = dateField(raw, 'tanggal_lahir', ctx, problems);
    const ttl = cellText(raw('tempat_tanggal_lahir'));
    if (ttl !== '' && tanggalLahir === '') {
      const split = splitPlaceAndDate(ttl, ctx.pivotYear);
      if (split) {
        tempatLahir ||= split[0];
        tanggalLahir = dateField(single(split[1]), 'tanggal_lahir', ctx, problems);
      } else {
        problem(
          problems,
          'tempat_tanggal_lahir',
          raw('tempat_tanggal_lahir'),
          'warning',
          'ttl_unreadable',
          'Tempat, tanggal lahir tidak dapat dipisah; tulis seperti "Kediri, 17 Agustus 2006".',
          'Place and date of birth cannot be split; write it like "Kediri, 17 Agustus 2006".',
        );
      }
    }
    const nisn = nisnField(raw, problems);
    const npsn = npsnField(raw, ctx, problems, false);
    const given = numberOrText(raw('id_siswa'));
    const out = into ?? ({} as Mutable<StudentRecord>);
    out.idSiswa =
      given !== ''
        ? npsn !== '' && raw('npsn') === undefined
          ? `${npsn}-${given}`
          : given
        : nisn || String(ctx.row);
    out.npsn = npsn;
    out.nisn = nisn;
    out.nik = nikField(raw, ctx, problems, false);
    out.nama = nama;
    out.jenisKelamin = sexField(raw, problems);
    out.tempatLahir = tempatLahir;
    out.tanggalLahir = tanggalLahir;
    out.namaIbu = cellText(raw('nama_ibu'));
    out.alamat = cellText(raw('alamat'));
    out.kelas = cellText(raw('kelas'));
    return out;
  },
};

const REGION_VALIDITY = new Map<string, boolean>();

/** Whether a region code is well formed, remembered: an extract repeats a few thousand codes. */
function validRegion(code: string): boolean {
  let valid = REGION_VALIDITY.get(code);
  if (valid === undefined) {
    valid = parseRegionCode(code).ok;
    if (REGION_VALIDITY.size < 50_000) REGION_VALIDITY.set(code, valid);
  }
  return valid;
}

const RESIDENT: Reader<Resident> = {
  fields: RESIDENT_FIELDS,
  keyFields: ['nik', 'nama', 'tanggal_lahir'],
  read(raw, ctx, problems, into) {
    const nama = cellText(raw('nama'));
    if (nama === '')
      problem(
        problems,
        'nama',
        raw('nama'),
        'error',
        'name_empty',
        'Nama kosong.',
        'The name is empty.',
      );
    const kode = identifierText(raw('kode_wilayah'));
    if (kode !== '' && !validRegion(kode)) {
      problem(
        problems,
        'kode_wilayah',
        raw('kode_wilayah'),
        'warning',
        'region_format',
        'Kode wilayah harus 2, 4, 6 atau 10 digit (mis. 3506 atau 3506012001).',
        'A region code has 2, 4, 6 or 10 digits (e.g. 3506 or 3506012001).',
      );
    }
    const noKk = identifierText(raw('no_kk'));
    const out = into ?? ({} as Mutable<Resident>);
    out.nik = nikField(raw, ctx, problems, true);
    out.noKk = noKk;
    out.nama = nama;
    out.jenisKelamin = sexField(raw, problems);
    out.tempatLahir = cellText(raw('tempat_lahir'));
    out.tanggalLahir = dateField(raw, 'tanggal_lahir', ctx, problems);
    out.namaIbu = cellText(raw('nama_ibu'));
    out.alamat = cellText(raw('alamat'));
    out.kodeWilayah = kode;
    out.statusKawin = cellText(raw('status_kawin'));
    out.kewarganegaraan = cellText(raw('kewarganegaraan'));
    out.statusRekam = cellText(raw('status_rekam'));
    return out;
  },
};

/** People for eligibility: values are kept as written — the eligibility rules judge them, row by row. */
const PEOPLE: Reader<RecordOf['people']> = {
  fields: PEOPLE_FIELDS,
  keyFields: [
    'nik',
    'tanggal_lahir',
    'status_kawin',
    'kewarganegaraan',
    'status_rekam',
    'kode_wilayah',
  ],
  read(raw, _ctx, problems) {
    const birth = raw('tanggal_lahir');
    const nik = raw('nik');
    if (isNumberCell(nik)) {
      problem(
        problems,
        'nik',
        nik,
        'warning',
        'nik_number_cell',
        'NIK tersimpan sebagai angka di Excel: digit terakhirnya bisa hilang. Format kolom NIK sebagai Teks lalu ketik ulang.',
        'The NIK was stored as a number in Excel: its last digits may be lost. Format the NIK column as Text and re-type it.',
      );
    }
    return {
      nik: numberOrText(nik),
      tanggalLahir:
        birth instanceof Date
          ? birth
          : isNumberCell(birth)
            ? Number(birth.number)
            : cellText(birth),
      statusKawin: cellText(raw('status_kawin')),
      kewarganegaraan: cellText(raw('kewarganegaraan')),
      statusRekam: cellText(raw('status_rekam')),
      kodeWilayah: numberOrText(raw('kode_wilayah')),
      npsn: numberOrText(raw('npsn')),
    };
  },
};

const SCHOOL: Reader<SchoolTarget> = {
  fields: SCHOOL_FIELDS,
  keyFields: ['npsn', 'nama_sekolah'],
  read(raw, ctx, problems) {
    const dates: string[] = [];
    const blackout = raw('tanggal_tidak_bisa');
    const parts =
      blackout instanceof Date ? [cellText(blackout)] : cellText(blackout).split(/[;|]/);
    for (const part of parts.map((p) => p.trim()).filter((p) => p !== '')) {
      const iso = dateField(single(part), 'tanggal_tidak_bisa', ctx, problems, 'error');
      if (parseIsoDate(iso)) dates.push(iso);
    }
    for (const p of problems)
      if (p.field === 'd') Object.assign(p, { field: 'tanggal_tidak_bisa' });
    const nama = cellText(raw('nama_sekolah'));
    if (nama === '') {
      problem(
        problems,
        'nama_sekolah',
        raw('nama_sekolah'),
        'error',
        'name_empty',
        'Nama sekolah kosong.',
        'The school name is empty.',
      );
    }
    const latitude = coordinate(raw, 'lintang', 90, problems);
    const longitude = coordinate(raw, 'bujur', 180, problems);
    // The counts are optional columns (an office's own schools file has none: the app counts the
    // students from the lists), 0 when absent; a count column the file has must be filled in.
    const counted = (field: string): boolean => ctx.mapped?.has(field) ?? true;
    return {
      npsn: npsnField(raw, ctx, problems, true),
      nama,
      kecamatan: cellText(raw('kecamatan')),
      waktuTempuhMenit: wholeNumber(raw, 'waktu_tempuh_menit', problems, false),
      jumlahWajib: wholeNumber(raw, 'jumlah_wajib', problems, counted('jumlah_wajib')),
      jumlahDini: wholeNumber(raw, 'jumlah_dini', problems, counted('jumlah_dini')),
      tanggalTidakBisa: dates,
      // Both or neither: one coordinate alone places nothing.
      ...(latitude !== undefined && longitude !== undefined && { latitude, longitude }),
    };
  },
};

const TEAM: Reader<Team> = {
  fields: TEAM_FIELDS,
  keyFields: ['tim'],
  read(raw, _ctx, problems) {
    return {
      tim: cellText(raw('tim')),
      jumlahAlat: wholeNumber(raw, 'jumlah_alat', problems, true, 1),
      kapasitasPerAlat: wholeNumber(raw, 'kapasitas_per_alat', problems, true, 1),
    };
  },
};

const HOLIDAY: Reader<Holiday> = {
  fields: HOLIDAY_FIELDS,
  keyFields: ['tanggal'],
  read(raw, ctx, problems) {
    return {
      tanggal: dateField(raw, 'tanggal', ctx, problems, 'error'),
      keterangan: cellText(raw('keterangan')),
    };
  },
};

const READERS: { readonly [K in RecordKind]: Reader<RecordOf[K]> } = {
  student: STUDENT,
  resident: RESIDENT,
  people: PEOPLE,
  school: SCHOOL,
  team: TEAM,
  holiday: HOLIDAY,
};

/** The columns a kind of file has. */
export function fieldsOf(kind: RecordKind): readonly FieldSpec[] {
  return READERS[kind].fields;
}

/** The outcome of reading one row. */
export type RowOutcome<R> =
  | { readonly kind: 'record'; readonly record: R; readonly problems: readonly FieldProblem[] }
  | { readonly kind: 'rejected'; readonly problems: readonly FieldProblem[] }
  | { readonly kind: 'not-data' };

const NOT_DATA = { kind: 'not-data' } as const;
const NO_PROBLEMS: readonly FieldProblem[] = Object.freeze([]);

const text0 = z.string();
const filled = z.string().min(1, { error: 'empty' });
const whole = (min: number) => z.number().int({ error: 'whole' }).min(min, { error: 'whole' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' });

/**
 * The records each kind of file gives, as zod schemas: every accepted row is parsed by its kind's
 * schema, so what leaves the importer has these types whatever the file held. For students and
 * residents — the large files — the field rules (NIK structure, a name, sex as L/P) are the readers':
 * they reject or repair the row with a reason naming the column, and the schema checks the types only
 * (a per-field zod check cost about a tenth of the registry's reading time, measured with the import
 * benchmark, for rules already enforced). The small files keep their rules in the schema.
 */
export const RECORD_SCHEMAS = {
  student: z.object({
    idSiswa: text0,
    npsn: text0,
    nisn: text0,
    nik: text0,
    nama: text0,
    jenisKelamin: text0,
    tempatLahir: text0,
    tanggalLahir: text0,
    namaIbu: text0,
    alamat: text0,
    kelas: text0,
  }),
  resident: z.object({
    nik: text0,
    noKk: text0,
    nama: text0,
    jenisKelamin: text0,
    tempatLahir: text0,
    tanggalLahir: text0,
    namaIbu: text0,
    alamat: text0,
    kodeWilayah: text0,
    statusKawin: text0,
    kewarganegaraan: text0,
    statusRekam: text0,
  }),
  people: z.object({
    nik: text0,
    tanggalLahir: z.union([z.string(), z.number(), z.date()]),
    statusKawin: text0,
    kewarganegaraan: text0,
    statusRekam: text0,
    kodeWilayah: text0,
    npsn: text0,
  }),
  school: z.object({
    npsn: filled,
    nama: filled,
    kecamatan: text0,
    waktuTempuhMenit: whole(0),
    jumlahWajib: whole(0),
    jumlahDini: whole(0),
    tanggalTidakBisa: z.array(isoDate),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  }),
  team: z.object({ tim: filled, jumlahAlat: whole(1), kapasitasPerAlat: whole(1) }),
  holiday: z.object({ tanggal: isoDate, keterangan: text0 }),
} as const satisfies { readonly [K in RecordKind]: z.ZodType<RecordOf[K]> };

const SCHEMA_MESSAGES: Readonly<Record<string, Message>> = {
  empty: { id: 'Wajib diisi.', en: 'Must be filled in.' },
  whole: { id: 'Harus bilangan bulat yang sah.', en: 'Must be a valid whole number.' },
  date: { id: 'Harus tanggal YYYY-MM-DD.', en: 'Must be a YYYY-MM-DD date.' },
};

/** The file column of a record property (`jumlahAlat` → `jumlah_alat`; a school's `nama` → `nama_sekolah`). */
function fieldOfProperty(kind: RecordKind, property: string): string {
  if (kind === 'school' && property === 'nama') return 'nama_sekolah';
  return property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * Builds the reader of one kind of file's data rows. Each row's fields are read and checked (errors
 * reject the row, warnings travel with the record), then the record is parsed by its kind's zod schema
 * ({@link RECORD_SCHEMAS}). A row is "not data" when none of the kind's key fields is filled (a blank
 * line) or when it belongs to a signature block under the list ("Mengetahui,", "Kepala Sekolah", the
 * head's name, "NIP. …", whatever columns they fall in; see {@link SignatureBlocks}): pass the whole
 * row as `cells` (else the mapped fields' cells stand for it). Rows must be read in file order. The
 * outcome of an accepted row is the same object each time, refilled: read it before reading the next
 * row (a million rows make a million fewer objects).
 */
export function rowReader<K extends RecordKind>(
  kind: K,
  options: Omit<RowContext, 'row' | 'nikReference'>,
): (raw: RawRow, row: number, cells?: readonly Cell[]) => RowOutcome<RecordOf[K]> {
  const reader = READERS[kind] as Reader<RecordOf[K]>;
  const schema = RECORD_SCHEMAS[kind] as unknown as z.ZodType<RecordOf[K]>;
  // One context, its row number updated: no allocation per row.
  const ctx: { -readonly [P in keyof RowContext]: RowContext[P] } = {
    ...options,
    row: 0,
    nikReference: { year: options.pivotYear, month: 12, day: 31 },
  };
  const keyFields = reader.keyFields;
  // A signing date is at least 12 years after any pupil's birth in the programme's year.
  const signatures = new SignatureBlocks(options.pivotYear - 12);
  // One scratch list for every row; a row with problems gets its own copy.
  const scratch: FieldProblem[] = [];
  // One object the reader fills for every row; zod's parse makes the record that is kept.
  const target = {} as Mutable<RecordOf[K]>;
  // The outcome of an accepted row is one object, refilled for each row (see the doc comment).
  const accepted: { kind: 'record'; record: RecordOf[K]; problems: readonly FieldProblem[] } = {
    kind: 'record',
    record: undefined as unknown as RecordOf[K],
    problems: NO_PROBLEMS,
  };
  return (raw, row, cells) => {
    let data = false;
    for (let i = 0; i < keyFields.length && !data; i++) {
      data = cellText(raw(keyFields[i] as string)) !== '';
    }
    if (!data) return NOT_DATA;
    if (signatures.isSignature(cells ?? reader.fields.map((f) => raw(f.key)))) return NOT_DATA;
    ctx.row = row;
    scratch.length = 0;
    const candidate = reader.read(raw, ctx, scratch, target);
    const problems: readonly FieldProblem[] = scratch.length === 0 ? NO_PROBLEMS : scratch.slice();
    if (problems.length > 0 && problems.some((p) => p.severity === 'error')) {
      return { kind: 'rejected', problems: problems.filter((p) => p.severity === 'error') };
    }
    const parsed = schema.safeParse(candidate);
    if (parsed.success) {
      accepted.record = parsed.data;
      accepted.problems = problems;
      return accepted;
    }
    return {
      kind: 'rejected',
      problems: parsed.error.issues.map((issue) => {
        const field = fieldOfProperty(kind, String(issue.path[0] ?? ''));
        return {
          field,
          code: `invalid_${issue.message}`,
          severity: 'error' as const,
          message: SCHEMA_MESSAGES[issue.message] ?? {
            id: 'Nilai tidak sah.',
            en: 'Invalid value.',
          },
          shape: describeShape(raw(field)),
        };
      }),
    };
  };
}
