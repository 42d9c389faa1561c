/**
 * Walk-ins (issue 8): a student who turns up at a visit but is not on the school's list. The team
 * records what it can and marks the outcome as for anyone else; the walk-in waits for matching
 * (pemadanan) against the registry later, which is why it always says `needsMatching: true`.
 */
import { parseIsoDate, type PlainDate } from '../dates/plain-date.js';
import type { IsoDate, Sex, StudentRecord } from '../domain/records.js';
import type { Message } from '../domain/result.js';
import { parseNik } from '../identifiers/nik.js';
import { parseNisn } from '../identifiers/school-ids.js';
import type { VisitKey } from '../scheduling/types.js';
import { revokedIds, type EventBase } from './events.js';
import {
  fieldIssue,
  readIsoDate,
  readText,
  requireText,
  type FieldIssue,
  type RawRecord,
} from './validate.js';

/** The start of a walk-in's id, which is also the `idSiswa` its outcome marks use. */
export const WALK_IN_PREFIX = 'walkin:';

/** A student added at a visit; their outcome is marked with `idSiswa` = this event's `id`. */
export interface WalkInEvent extends EventBase {
  readonly kind: 'walk_in';
  readonly visit: VisitKey;
  readonly nama: string;
  readonly tanggalLahir?: IsoDate;
  readonly nisn?: string;
  /** Checked structurally with the visit date as reference; it may still be a relative's. */
  readonly nik?: string;
  readonly kelas?: string;
  readonly jenisKelamin?: Sex;
  readonly note?: string;
  readonly needsMatching: true;
}

/** True when `idSiswa` names a walk-in rather than a listed student. */
export const isWalkInId = (idSiswa: string): boolean =>
  idSiswa.startsWith(WALK_IN_PREFIX) && idSiswa.length > WALK_IN_PREFIX.length;

/** The walk-ins of a log that are not undone, in event order. */
export function liveWalkIns(
  events: readonly (EventBase & { readonly kind: string })[],
): WalkInEvent[] {
  const revoked = revokedIds(events);
  return events.filter((e): e is WalkInEvent => e.kind === 'walk_in' && !revoked.has(e.id));
}

/**
 * A walk-in as a student of the school it turned up at, for pemadanan (`matchStudents`): its id is
 * the student id, the visit's school its NPSN, and what the team did not write down is empty, as in
 * a school list with gaps. The match then links the outcome marked at the visit to a registry person.
 *
 * @example
 * walkInStudent(walkIn).idSiswa === walkIn.id; // its marks and its match share the id
 */
export function walkInStudent(walkIn: WalkInEvent): StudentRecord {
  return {
    idSiswa: walkIn.id,
    npsn: walkIn.visit.npsn,
    nisn: walkIn.nisn ?? '',
    nik: walkIn.nik ?? '',
    nama: walkIn.nama,
    jenisKelamin: walkIn.jenisKelamin ?? '',
    tempatLahir: '',
    tanggalLahir: walkIn.tanggalLahir ?? '',
    namaIbu: '',
    alamat: '',
    kelas: walkIn.kelas ?? '',
  };
}

const label = (id: string, en: string) => ({ id, en });

/** A walk-in's own fields, after the envelope, kind and visit. */
type WalkInFields = Omit<WalkInEvent, keyof EventBase | 'kind' | 'visit'>;

/**
 * Reads a walk-in's own fields (`validateVisitEvent` reads the rest) and checks that its `id` is a
 * walk-in id. Only the name is required: a student without papers can still be recorded and matched
 * later. The NIK and birth date are checked against the visit's date when the visit could be read.
 */
export function readWalkIn(
  raw: RawRecord,
  visit: VisitKey | undefined,
  issues: FieldIssue[],
): WalkInFields | undefined {
  const before = issues.length;
  const id = raw['id'];
  if (typeof id === 'string' && id.trim() !== '' && !isWalkInId(id.trim())) {
    issues.push(
      fieldIssue(
        'id',
        'invalid_id',
        `Id siswa susulan harus diawali "${WALK_IN_PREFIX}" (mis. ${WALK_IN_PREFIX}1f3a…).`,
        `A walk-in's id starts with "${WALK_IN_PREFIX}" (e.g. ${WALK_IN_PREFIX}1f3a…).`,
      ),
    );
  }
  const nama = requireText(raw, 'nama', { label: label('Nama', 'name'), max: 100 }, issues);
  const tanggalLahir = readBirthDate(raw, visit, issues);
  const nisn = readIdentifier(raw, 'nisn', issues, (text) => {
    const parsed = parseNisn(text);
    return parsed.ok ? parsed.value : parsed.issues[0].message;
  });
  // A visit that was read has a real date.
  const visitDate = visit && (parseIsoDate(visit.date) as PlainDate);
  const nik = readIdentifier(raw, 'nik', issues, (text) => {
    if (!visitDate) return text;
    const parsed = parseNik(text, visitDate);
    return parsed.ok ? parsed.value.nik : parsed.issues[0].message;
  });
  const kelas = readText(raw, 'kelas', { label: label('Kelas', 'class'), max: 30 }, issues);
  const sex = readText(
    raw,
    'jenisKelamin',
    { label: label('Jenis kelamin', 'sex'), max: 20 },
    issues,
  );
  const jenisKelamin = sex?.toUpperCase();
  if (jenisKelamin !== undefined && jenisKelamin !== 'L' && jenisKelamin !== 'P') {
    issues.push(
      fieldIssue(
        'jenisKelamin',
        'invalid_sex',
        'Jenis kelamin harus L atau P.',
        'The sex must be L (male) or P (female).',
      ),
    );
  }
  const note = readText(
    raw,
    'note',
    { label: label('Catatan', 'note'), max: 500, multiline: true },
    issues,
  );
  if (issues.length > before || nama === undefined) return undefined;
  return {
    nama,
    ...(tanggalLahir !== undefined && { tanggalLahir }),
    ...(nisn !== undefined && { nisn }),
    ...(nik !== undefined && { nik }),
    ...(kelas !== undefined && { kelas }),
    ...((jenisKelamin === 'L' || jenisKelamin === 'P') && { jenisKelamin }),
    ...(note !== undefined && { note }),
    needsMatching: true,
  };
}

/** An optional birth date, which cannot be after the visit. */
function readBirthDate(
  raw: RawRecord,
  visit: VisitKey | undefined,
  issues: FieldIssue[],
): IsoDate | undefined {
  const value = raw['tanggalLahir'];
  if (value === undefined || value === null || value === '') return undefined;
  const date = readIsoDate(raw, 'tanggalLahir', label('Tanggal lahir', 'birth date'), issues);
  if (date === undefined || !visit || date <= visit.date) return date;
  issues.push(
    fieldIssue(
      'tanggalLahir',
      'birth_after_visit',
      'Tanggal lahir tidak boleh sesudah tanggal kunjungan.',
      'The birth date cannot be after the visit.',
    ),
  );
  return undefined;
}

/** An optional NISN or NIK, cleaned by `check`, which returns it or says what is wrong. */
function readIdentifier(
  raw: RawRecord,
  key: 'nisn' | 'nik',
  issues: FieldIssue[],
  check: (text: string) => string | Message,
): string | undefined {
  const name = key.toUpperCase();
  const text = readText(raw, key, { label: { id: name, en: name }, max: 40 }, issues);
  if (text === undefined) return undefined;
  const checked = check(text);
  if (typeof checked === 'string') return checked;
  issues.push({
    field: key,
    code: key === 'nik' ? 'invalid_nik' : 'invalid_nisn',
    message: checked,
  });
  return undefined;
}
