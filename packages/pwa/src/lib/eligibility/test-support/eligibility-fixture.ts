import {
  createEligibilityPolicy,
  evaluateEligibility,
  notFoundDecision,
  type EligibilityPerson,
} from '@sahaja/core';
import type { EligibilityPolicy, School } from '../../core/types';
import {
  emptyEligibilityCounts,
  type ProgrammeEligibility,
  type StudentEligibility,
} from '../programme';

const made = createEligibilityPolicy({ referenceDate: '2023-01-16', regions: ['3506'] });
if (!made.ok) throw new Error('the fixture policy is refused');

/** Kabupaten Kediri on 16 January 2023, minimum recording age 16. */
export const POLICY: EligibilityPolicy = made.value;

/** A registry person of Kab. Kediri, 16 on the reference date, not recorded; `changes` override. */
export function person(changes: Partial<EligibilityPerson> = {}): EligibilityPerson {
  return {
    nik: '3506171708060001',
    tanggalLahir: '2006-08-17',
    statusKawin: 'BELUM KAWIN',
    kewarganegaraan: 'WNI',
    statusRekam: 'BELUM REKAM',
    kodeWilayah: '3506172001',
    ...changes,
  };
}

/** A registry person of each category, plus the students without one. */
export const PEOPLE = {
  WAJIB: person({ tanggalLahir: '2005-03-01' }),
  REKAM_DINI: person(),
  BELUM_CUKUP_UMUR: person({ tanggalLahir: '2008-05-10' }),
  SUDAH_REKAM: person({ statusRekam: 'CARD_PRINTED' }),
  PERLU_TINDAK_LANJUT: person({ statusRekam: 'DUPLICATE_RECORD' }),
  LUAR_WILAYAH: person({ kodeWilayah: '3571012001' }),
  DATA_TIDAK_VALID: person({ nik: '123' }),
  WNA: person({ kewarganegaraan: 'WNA' }),
} as const;

/** What pemadanan made of a student: a registry person's category, not found, or pending. */
export type Outcome = keyof typeof PEOPLE | 'TIDAK_DITEMUKAN' | 'review' | 'not_matched';

/** A listed student with the decision its outcome gives (the real core decides). */
export function student(
  idSiswa: string,
  npsn: string,
  nama: string,
  outcome: Outcome,
  extra: { kelas?: string; duplicateOf?: string } = {},
): StudentEligibility {
  const pending = outcome === 'review' || outcome === 'not_matched' ? outcome : null;
  let decision = null;
  if (outcome === 'TIDAK_DITEMUKAN') decision = notFoundDecision();
  else if (outcome !== 'review' && outcome !== 'not_matched') {
    decision = evaluateEligibility(PEOPLE[outcome], POLICY);
  }
  return {
    idSiswa,
    npsn,
    nama,
    kelas: extra.kelas ?? 'XII',
    nik: null,
    matchStatus: pending === 'not_matched' ? null : pending === 'review' ? 'PERLU_REVIEW' : 'COCOK',
    duplicateOf: extra.duplicateOf ?? null,
    decision,
    pending,
  };
}

/** A result holding `students` (the counts are left at zero: the row helpers do not read them). */
export function eligibilityOf(students: readonly StudentEligibility[]): ProgrammeEligibility {
  return { students, policy: POLICY, counts: emptyEligibilityCounts(), bySchool: new Map() };
}

/** A school of the programme. */
export function school(npsn: string, nama: string): School {
  return {
    npsn,
    nama,
    kecamatan: '35.06.17',
    waktuTempuhMenit: 20,
    latitude: -7.75,
    longitude: 112.18,
    tanggalTidakBisa: [],
  };
}
