/**
 * A school's target students as the exports show them: its WAJIB and REKAM_DINI students, decided on
 * the registry record pemadanan found, exactly as the eligibility screen and the plan count them
 * (students pending a match or a review have no category yet; a duplicate listing counts at its
 * original only). Runs in the worker: it reads IndexedDB and decides with the core directly.
 */
import {
  createEligibilityPolicy,
  evaluateBatch,
  formatIsoDate,
  type EligibilityPolicy,
  type Message,
  type PlainDate,
} from '@sahaja/core';
import type { Resident, StudentRecord } from '../core/types';
import type { MatchRow, SahajaDatabase } from '../db';
import type { ProgrammeSettings } from '../programme/settings';

/** The categories a school prepares students for. */
export type TargetCategory = 'WAJIB' | 'REKAM_DINI';

/**
 * One student a school must prepare. Only what a school needs to know (UU 27/2022 on personal data):
 * no NIK, no mother's name, no address.
 */
export interface TargetStudent {
  readonly idSiswa: string;
  readonly nisn: string;
  readonly nama: string;
  readonly kelas: string;
  /** `L` or `P` as the registry records it (the school's list when the registry does not say). */
  readonly jenisKelamin: 'L' | 'P' | '';
  /** The registry's birth date, on which the category was decided (`YYYY-MM-DD`), or null. */
  readonly tanggalLahir: string | null;
  readonly category: TargetCategory;
  /** REKAM_DINI only: the 17th birthday, from which the card is handed over (`YYYY-MM-DD`). */
  readonly seventeenth: string | null;
}

/** A school's target students and the students it lists that have no category yet. */
export interface SchoolTargets {
  readonly npsn: string;
  /** By class, then name (see {@link compareTargets}). */
  readonly students: readonly TargetStudent[];
  readonly wajib: number;
  readonly dini: number;
  /** Students never matched or waiting for review: not in the lists until they are decided. */
  readonly pending: number;
}

/** The programme's eligibility policy, or the core's reason (both languages) for refusing it. */
export function eligibilityPolicy(
  settings: ProgrammeSettings,
): { ok: true; value: EligibilityPolicy } | { ok: false; message: Message } {
  const made = createEligibilityPolicy({
    referenceDate: settings.referenceDate,
    regions: settings.regions,
    minimumAge: settings.minimumAge,
  });
  return made.ok ? made : { ok: false, message: made.issues[0].message };
}

/** Orders students by class (numbers in class names compared as numbers), then name, NISN, id. */
export function compareTargets(
  a: Pick<TargetStudent, 'kelas' | 'nama' | 'nisn'> & { readonly idSiswa?: string },
  b: Pick<TargetStudent, 'kelas' | 'nama' | 'nisn'> & { readonly idSiswa?: string },
): number {
  return (
    a.kelas.localeCompare(b.kelas, 'id', { numeric: true, sensitivity: 'base' }) ||
    a.nama.localeCompare(b.nama, 'id', { sensitivity: 'base' }) ||
    a.nisn.localeCompare(b.nisn) ||
    (a.idSiswa ?? '').localeCompare(b.idSiswa ?? '')
  );
}

/** `L` or `P` from the ways registries and schools write sex (L/P, LAKI-LAKI/PEREMPUAN, LK/PR). */
export function sexOf(text: string): 'L' | 'P' | '' {
  const first = text.trim().toUpperCase()[0];
  return first === 'L' || first === 'P' ? first : '';
}

const iso = (date: PlainDate | undefined): string | null => (date ? formatIsoDate(date) : null);

/**
 * School `npsn`'s target students in programme `programmeId`, read in one transaction (the school's
 * students through their school index, then their matches and matched registry records by key) and
 * decided with `policy`. A school without students gives an empty list.
 */
export async function readSchoolTargets(
  db: SahajaDatabase,
  programmeId: string,
  npsn: string,
  policy: EligibilityPolicy,
): Promise<SchoolTargets> {
  const { students, matches, residents } = await db.transaction(
    'r',
    [db.students, db.matches, db.residents],
    async () => {
      const students: StudentRecord[] = await db.students
        .where('[programmeId+npsn]')
        .equals([programmeId, npsn])
        .toArray();
      const matches = await db.matches.bulkGet(
        students.map((s): [string, string] => [programmeId, s.idSiswa]),
      );
      const niks = matches.flatMap((m) => (m?.status === 'COCOK' && m.nik ? [m.nik] : []));
      const rows = await db.residents.bulkGet(
        niks.map((nik): [string, string] => [programmeId, nik]),
      );
      const residents = new Map<string, Resident>();
      for (const row of rows) if (row) residents.set(row.nik, row);
      return { students, matches, residents };
    },
  );
  return decideSchool(npsn, students, matches, residents, policy);
}

/** Decides a school's students from their matches (pure: the part of the reading that thinks). */
export function decideSchool(
  npsn: string,
  students: readonly StudentRecord[],
  matches: readonly (MatchRow | StudentMatchLike | undefined)[],
  residents: ReadonlyMap<string, Resident>,
  policy: EligibilityPolicy,
): SchoolTargets {
  const decided: { student: StudentRecord; resident: Resident | undefined }[] = [];
  let pending = 0;
  students.forEach((student, i) => {
    const match = matches[i];
    if (!match || match.status === 'PERLU_REVIEW') {
      pending++;
      return;
    }
    if (match.duplicateOf) return;
    const resident = match.status === 'COCOK' && match.nik ? residents.get(match.nik) : undefined;
    decided.push({ student, resident });
  });
  const { decisions } = evaluateBatch(
    decided.map(({ resident }) => ({ person: resident })),
    policy,
  );
  const targets: TargetStudent[] = [];
  decided.forEach(({ student, resident }, i) => {
    const decision = decisions[i];
    if (!decision) return;
    const { category } = decision;
    if (category !== 'WAJIB' && category !== 'REKAM_DINI') return;
    targets.push({
      idSiswa: student.idSiswa,
      nisn: student.nisn,
      nama: student.nama,
      kelas: student.kelas,
      jenisKelamin: sexOf(resident?.jenisKelamin ?? '') || sexOf(student.jenisKelamin),
      tanggalLahir: iso(decision.dates.birthDate),
      category,
      seventeenth: category === 'REKAM_DINI' ? iso(decision.dates.seventeenthBirthday) : null,
    });
  });
  targets.sort(compareTargets);
  const wajib = targets.filter((s) => s.category === 'WAJIB').length;
  return { npsn, students: targets, wajib, dini: targets.length - wajib, pending };
}

/** What {@link decideSchool} reads of a match. */
export type StudentMatchLike = Pick<MatchRow, 'status' | 'nik' | 'duplicateOf'>;
