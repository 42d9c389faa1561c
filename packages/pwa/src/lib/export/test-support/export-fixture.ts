/**
 * A small stored programme for the export tests: three schools, students of every outcome (WAJIB,
 * REKAM_DINI, too young, recorded, pending review, never matched, a duplicate listing, not found), a
 * two-day plan and two teams. Generated data only; the NIK, mother's name and address carry markers
 * (`RAHASIA`) so a test can check that no export holds them.
 */
import type { Resident, StudentRecord } from '../../core/types';
import {
  replaceProgramme,
  writePlan,
  type MatchRow,
  type PlanFigures,
  type PlanVisit,
  type SahajaDatabase,
} from '../../db';
import { programmeFixture } from '../../db/test-support/programme-fixture';

export const PROGRAMME_ID = 'export-test';

/** The schools: two long names that collide once cut to 31 characters, and one without targets. */
export const SCHOOL_A = { npsn: '20510001', nama: 'SMA Negeri 1 Kabupaten Contoh Timur Jauh' };
export const SCHOOL_B = {
  npsn: '20510002',
  nama: 'SMA Negeri 1 Kabupaten Contoh Timur Jauh Sekali',
};
export const SCHOOL_C = { npsn: '20510003', nama: 'SMK Tanpa Sasaran' };

type Outcome =
  | 'WAJIB'
  | 'REKAM_DINI'
  | 'TOO_YOUNG'
  | 'RECORDED'
  | 'REVIEW'
  | 'NOT_MATCHED'
  | 'DUPLICATE'
  | 'NOT_FOUND';

const BIRTH: Record<string, string> = {
  WAJIB: '2005-03-01',
  REKAM_DINI: '2006-08-17',
  TOO_YOUNG: '2008-05-10',
  RECORDED: '2005-03-01',
};

/** idSiswa, school, name, class, outcome. */
const STUDENTS: readonly [string, string, string, string, Outcome][] = [
  ['S01', SCHOOL_A.npsn, 'BUDI SANTOSO', 'XII IPA 1', 'WAJIB'],
  ['S02', SCHOOL_A.npsn, 'ANI LESTARI', 'XII IPA 1', 'REKAM_DINI'],
  ['S03', SCHOOL_A.npsn, 'CITRA DEWI', 'XI IPA 2', 'REKAM_DINI'],
  ['S04', SCHOOL_A.npsn, 'DEWI ANGGRAINI', 'X 1', 'TOO_YOUNG'],
  ['S05', SCHOOL_A.npsn, 'EKO PRASETYO', 'XII IPA 1', 'RECORDED'],
  ['S06', SCHOOL_A.npsn, 'FAJAR NUGROHO', 'XII IPA 1', 'REVIEW'],
  ['S07', SCHOOL_A.npsn, 'GALIH PRATAMA', 'XII IPA 1', 'NOT_MATCHED'],
  ['S08', SCHOOL_A.npsn, 'BUDI SANTOSA', 'XII IPA 1', 'DUPLICATE'],
  ['S09', SCHOOL_A.npsn, 'INDAH PERMATA', 'XII IPA 1', 'NOT_FOUND'],
  ['S10', SCHOOL_A.npsn, 'JOKO WIDODO', 'XII IPA 10', 'WAJIB'],
  ['S11', SCHOOL_A.npsn, 'KARTIKA SARI', 'XII IPA 2', 'WAJIB'],
  ['S12', SCHOOL_B.npsn, 'LINA MARLINA', 'X 1', 'REKAM_DINI'],
  ['S13', SCHOOL_B.npsn, 'MAYA SARI', 'X 1', 'WAJIB'],
  ['S14', SCHOOL_C.npsn, 'NINA KURNIA', 'X 2', 'TOO_YOUNG'],
];

const nikOf = (i: number) => `35061701080${String(i + 1).padStart(5, '0')}`;

/** The two-day plan: school A on two days (Tim 1), school B after A on the first day. */
export const VISITS: readonly PlanVisit[] = [
  { date: '2023-01-16', team: 'Tim 1', npsn: SCHOOL_A.npsn, wajib: 3, dini: 0, order: 0 },
  { date: '2023-01-16', team: 'Tim 1', npsn: SCHOOL_B.npsn, wajib: 1, dini: 1, order: 1 },
  { date: '2023-01-17', team: 'Tim 1', npsn: SCHOOL_A.npsn, wajib: 0, dini: 2, order: 0 },
];

/** The plan's stored figures. */
export function planFigures(extra: Partial<PlanFigures> = {}): PlanFigures {
  return {
    mode: 'normal',
    madeAt: '2023-01-10T08:00:00.000Z',
    start: '2023-01-16',
    end: null,
    dayMinutes: 480,
    fridayMinutes: null,
    workingDays: 2,
    workingDaysWajib: 1,
    lowerBound: 1,
    lowerBoundWajib: 1,
    gap: 1,
    finish: '2023-01-17',
    finishWajib: '2023-01-16',
    visitsPerSchool: 1,
    teams: [{ team: 'Tim 1', students: 7, days: 2, utilisation: 0.0233 }],
    unserved: [{ npsn: SCHOOL_B.npsn, wajib: 0, dini: 4, reason: 'after_end' }],
    earliestEnd: null,
    targets: [
      { npsn: SCHOOL_A.npsn, wajib: 3, dini: 2 },
      { npsn: SCHOOL_B.npsn, wajib: 1, dini: 1 },
    ],
    pending: { notMatched: 1, review: 1 },
    released: [],
    change: { kind: 'plan', at: '2023-01-10T08:00:00.000Z', removed: [], added: [], lostDay: null },
    ...extra,
  };
}

/**
 * Stores the programme in `db`: records, matches as pemadanan left them (unless `matches` is false)
 * and the plan (unless `plan` is false).
 */
export async function storeExportProgramme(
  db: SahajaDatabase,
  options: { readonly plan?: boolean; readonly matches?: boolean } = {},
): Promise<void> {
  const base = programmeFixture('E', { schools: 3, students: 0, residents: 0 });
  const schools = [SCHOOL_A, SCHOOL_B, SCHOOL_C].map((s, i) => ({
    ...base.schools[i]!,
    ...s,
    kecamatan: i === 2 ? '' : '35.06.17',
    latitude: -7.75 + i * 0.01,
    longitude: 112.18,
  }));
  const students: StudentRecord[] = STUDENTS.map(([idSiswa, npsn, nama, kelas], i) => ({
    idSiswa,
    npsn,
    nisn: `00${String(61000000 + i)}`,
    nik: nikOf(i),
    nama,
    jenisKelamin: i % 2 === 0 ? 'L' : 'P',
    tempatLahir: 'KEDIRI',
    tanggalLahir: '2006-01-01',
    namaIbu: 'IBU RAHASIA',
    alamat: 'ALAMAT RAHASIA',
    kelas,
  }));
  const registry: Resident[] = STUDENTS.flatMap(([, , nama, , outcome], i) =>
    BIRTH[outcome]
      ? [
          {
            nik: nikOf(i),
            noKk: `350617010123${String(i).padStart(4, '0')}`,
            nama,
            jenisKelamin: i % 2 === 0 ? 'LAKI-LAKI' : 'PEREMPUAN',
            tempatLahir: 'KEDIRI',
            tanggalLahir: BIRTH[outcome] as string,
            namaIbu: 'IBU RAHASIA',
            alamat: 'ALAMAT RAHASIA',
            kodeWilayah: '3506172001',
            statusKawin: 'BELUM KAWIN',
            kewarganegaraan: 'WNI',
            statusRekam: outcome === 'RECORDED' ? 'CARD_PRINTED' : 'BELUM REKAM',
          },
        ]
      : [],
  );
  const stored = await replaceProgramme(db, PROGRAMME_ID, {
    ...base,
    schools,
    students,
    registry,
    teams: [
      { tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 },
      { tim: 'Tim 2', jumlahAlat: 2, kapasitasPerAlat: 50 },
    ],
  });
  if (!stored.ok) throw new Error(`fixture not stored: ${stored.error.message}`);
  await db.programmes.update(PROGRAMME_ID, {
    settings: { ...stored.value.settings, name: 'Perekaman SMA 2023' },
  });
  if (options.matches !== false) {
    const matches: MatchRow[] = STUDENTS.flatMap(([idSiswa, , , , outcome], i): MatchRow[] => {
      if (outcome === 'NOT_MATCHED') return [];
      const status =
        outcome === 'REVIEW' ? 'PERLU_REVIEW' : outcome === 'NOT_FOUND' ? 'TIDAK_COCOK' : 'COCOK';
      return [
        {
          programmeId: PROGRAMME_ID,
          idSiswa,
          nik: status === 'TIDAK_COCOK' || outcome === 'DUPLICATE' ? '' : nikOf(i),
          probability: 0.99,
          status: outcome === 'DUPLICATE' ? 'TIDAK_COCOK' : status,
          reason: outcome === 'DUPLICATE' ? 'duplicate' : 'confident',
          duplicateOf: outcome === 'DUPLICATE' ? 'S01' : '',
          explanation: [],
          candidates: [],
        },
      ];
    });
    await db.matches.bulkAdd(matches);
  }
  if (options.plan !== false) {
    const written = await writePlan(db, PROGRAMME_ID, VISITS, planFigures(), {
      pinned: new Set([`2023-01-17|Tim 1|${SCHOOL_A.npsn}`]),
    });
    if (!written.ok) throw new Error(`plan not stored: ${written.error.message}`);
  }
}
