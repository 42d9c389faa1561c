import { beforeAll, describe, expect, it } from 'vitest';
import type { Resident, StudentRecord } from '../domain/records.js';
import { generateProgramme } from '../generator/programme.js';
import type { DemoProgramme, TruthRow } from '../generator/types.js';
import type { Row } from './comparisons.js';
import { runLink } from './engine.js';
import {
  CANDIDATE_LIMIT,
  decideMatch,
  DEFAULT_THRESHOLDS,
  matchStudents,
  STUDENT_DUPLICATE_SETTINGS,
  type DuplicateDecision,
  type MatchCandidate,
  type MatchProgress,
  type MatchStudentsOptions,
  type MatchStudentsResult,
  type MatchThresholds,
  type ReviewDecision,
  type StudentMatch,
} from './students.js';

/** Generating and matching a programme takes seconds, more on a busy machine. */
const GENERATED_TIMEOUT_MS = 120_000;

// Invented people in an invented kecamatan (35.06.99), so that no NIK is anyone's.
function nikOf(birthDate: string, sex: 'L' | 'P', serial: number): string {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  const dd = String(Number(day) + (sex === 'P' ? 40 : 0)).padStart(2, '0');
  return `350699${dd}${month}${year.slice(2)}${String(serial).padStart(4, '0')}`;
}

function resident(
  serial: number,
  person: Partial<Resident> & { nama: string; tanggalLahir: string; jenisKelamin: 'L' | 'P' },
): Resident {
  return {
    nik: nikOf(person.tanggalLahir, person.jenisKelamin, serial),
    noKk: '3506990101010001',
    tempatLahir: 'KEDIRI',
    namaIbu: '',
    alamat: 'DSN KRAJAN RT 001 RW 002',
    kodeWilayah: '3506992001',
    statusKawin: 'BELUM KAWIN',
    kewarganegaraan: 'WNI',
    statusRekam: 'BELUM REKAM',
    ...person,
  };
}

const FAMILY_2 = { noKk: '3506990101010002', alamat: 'DSN PULE RT 011 RW 004' };
const REGISTRY = {
  mother1: resident(1, {
    nama: 'SRI WAHYUNI',
    tanggalLahir: '1980-03-02',
    jenisKelamin: 'P',
    namaIbu: 'PAINEM',
    statusKawin: 'KAWIN',
  }),
  ahmad: resident(2, {
    nama: 'AHMAD RIZKY PRATAMA',
    tanggalLahir: '2006-08-17',
    jenisKelamin: 'L',
    namaIbu: 'SRI WAHYUNI',
  }),
  // Ahmad's twin: the same birth date, mother and family; another first name.
  budi: resident(3, {
    nama: 'BUDI RIZKY PRATAMA',
    tanggalLahir: '2006-08-17',
    jenisKelamin: 'L',
    namaIbu: 'SRI WAHYUNI',
  }),
  dewi: resident(4, {
    nama: 'DEWI ANGGRAENI',
    tanggalLahir: '2007-02-03',
    jenisKelamin: 'P',
    namaIbu: 'SRI WAHYUNI',
  }),
  mother2: resident(5, {
    nama: 'SITI AMINAH',
    tanggalLahir: '1978-11-20',
    jenisKelamin: 'P',
    namaIbu: 'SUMIATI',
    statusKawin: 'KAWIN',
    ...FAMILY_2,
  }),
  nur: resident(6, {
    nama: 'NUR HIDAYAH',
    tanggalLahir: '2006-05-12',
    jenisKelamin: 'P',
    namaIbu: 'SITI AMINAH',
    ...FAMILY_2,
  }),
  eko: resident(7, {
    nama: 'EKO PRASETYO',
    tanggalLahir: '2004-01-09',
    jenisKelamin: 'L',
    namaIbu: 'SITI AMINAH',
    ...FAMILY_2,
  }),
  fajar: resident(8, {
    nama: 'FAJAR NUGROHO',
    tanggalLahir: '2006-09-30',
    jenisKelamin: 'L',
    namaIbu: 'KASIANI',
    alamat: 'DSN SUMBER',
  }),
  rina: resident(9, {
    nama: 'RINA KURNIAWATI',
    tanggalLahir: '2006-12-01',
    jenisKelamin: 'P',
    namaIbu: 'SUPARMI',
    alamat: 'DSN NGADI',
  }),
  yoga: resident(10, {
    nama: 'YOGA PRADANA',
    tanggalLahir: '2007-04-04',
    jenisKelamin: 'L',
    namaIbu: 'MURNI',
  }),
  anisa: resident(11, {
    nama: 'ANISA RAHMAWATI',
    tanggalLahir: '2006-07-19',
    jenisKelamin: 'P',
    namaIbu: 'WARSINI',
  }),
  bagus: resident(12, {
    nama: 'BAGUS SETIAWAN',
    tanggalLahir: '2005-10-10',
    jenisKelamin: 'L',
    namaIbu: 'SUNARTI',
  }),
} as const;
const REGISTRY_ROWS: readonly Resident[] = Object.values(REGISTRY);

function student(
  person: Partial<StudentRecord> & { idSiswa: string; nama: string },
): StudentRecord {
  return {
    npsn: '20599999',
    nisn: '',
    nik: '',
    jenisKelamin: '',
    tempatLahir: 'Kediri',
    tanggalLahir: '',
    namaIbu: '',
    alamat: '',
    kelas: 'XI',
    ...person,
  };
}

const STUDENTS: readonly StudentRecord[] = [
  student({
    idSiswa: 'ahmad',
    nama: 'Ahmad Rizky Pratama',
    nik: REGISTRY.ahmad.nik,
    tanggalLahir: '2006-08-17',
    jenisKelamin: 'L',
    namaIbu: 'Sri Wahyuni',
    nisn: '0061111111',
  }),
  // The twin, listed without an NIK.
  student({
    idSiswa: 'budi',
    nama: 'Budi Rizky Pratama',
    tanggalLahir: '2006-08-17',
    jenisKelamin: 'L',
    namaIbu: 'Sri Wahyuni',
    nisn: '0061111112',
  }),
  // Listed with her mother's NIK.
  student({
    idSiswa: 'nur',
    nama: 'Nur Hidayah',
    nik: REGISTRY.mother2.nik,
    tanggalLahir: '2006-05-12',
    jenisKelamin: 'P',
    namaIbu: 'Siti Aminah',
    nisn: '0061111113',
    alamat: 'Dsn. Pule RT 11/RW 04',
  }),
  // Not in the registry at all.
  student({
    idSiswa: 'galih',
    nama: 'Galih Saputra',
    tanggalLahir: '2006-02-14',
    jenisKelamin: 'L',
    namaIbu: 'Tumini',
    nisn: '0061111114',
  }),
  // Listed twice, by two schools' spellings.
  student({
    idSiswa: 'dewi-1',
    nama: 'Dewi Anggraeni',
    nik: REGISTRY.dewi.nik,
    tanggalLahir: '2007-02-03',
    jenisKelamin: 'P',
    namaIbu: 'Sri Wahyuni',
    nisn: '0071111115',
  }),
  student({
    idSiswa: 'dewi-2',
    nama: 'DEWI ANGGRAENI',
    nik: REGISTRY.dewi.nik,
    tanggalLahir: '2007-02-03',
    jenisKelamin: 'P',
    namaIbu: 'SRI WAHYUNI',
    nisn: '0071111115',
  }),
  student({
    idSiswa: 'fajar',
    nama: 'Fajar Nugroho',
    nik: REGISTRY.fajar.nik,
    tanggalLahir: '2006-09-30',
    jenisKelamin: 'L',
    namaIbu: 'Kasiani',
  }),
  student({
    idSiswa: 'rina',
    nama: 'Rina Kurniawati',
    tanggalLahir: '2006-12-01',
    jenisKelamin: 'P',
    namaIbu: 'Suparmi',
  }),
];

async function matched(
  students: readonly StudentRecord[],
  registry: Parameters<typeof matchStudents>[1],
  options: MatchStudentsOptions = {},
): Promise<MatchStudentsResult> {
  const result = await matchStudents(students, registry, options);
  if (!result.ok) throw new Error(result.issues[0].message.en);
  return result.value;
}

function byId(result: MatchStudentsResult, id: string): StudentMatch {
  const match = result.matches.find((m) => m.idSiswa === id);
  if (!match) throw new Error(`no row for ${id}`);
  return match;
}

describe('matchStudents', () => {
  let small: MatchStudentsResult;
  beforeAll(async () => {
    small = await matched(STUDENTS, REGISTRY_ROWS);
  });

  describe('on hand-made students and registry', () => {
    it('matches a student listed with her own NIK and the rest agreeing as COCOK, confidently', () => {
      expect(byId(small, 'ahmad')).toMatchObject({
        nik: REGISTRY.ahmad.nik,
        status: 'COCOK',
        reason: 'confident',
        duplicateOf: '',
      });
      expect(byId(small, 'ahmad').probability).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.match);
    });

    it('finds a student listed without an NIK by name, birth date and mother', () => {
      expect(byId(small, 'rina')).toMatchObject({ nik: REGISTRY.rina.nik, status: 'COCOK' });
    });

    it('never matches a twin automatically to the other twin', () => {
      const budi = byId(small, 'budi');
      expect(budi.status === 'COCOK' && budi.nik === REGISTRY.ahmad.nik).toBe(false);
      expect(budi.nik).toBe(REGISTRY.budi.nik);
      expect(budi.duplicateOf).toBe('');
      expect(byId(small, 'ahmad').duplicateOf).toBe('');
    });

    it("does not match a student to her mother's NIK, and finds her own registry row", () => {
      const nur = byId(small, 'nur');
      expect(nur.nik).toBe(REGISTRY.nur.nik);
      expect(nur.status).toBe('COCOK');
      const mother = nur.candidates.find((c) => c.nik === REGISTRY.mother2.nik);
      expect(mother?.probability ?? 0).toBeLessThan(DEFAULT_THRESHOLDS.review);
    });

    it('gives a student absent from the registry TIDAK_COCOK, not_found and an empty NIK', () => {
      const galih = byId(small, 'galih');
      expect(galih).toMatchObject({ nik: '', status: 'TIDAK_COCOK', reason: 'not_found' });
      expect(galih.probability).toBeLessThan(DEFAULT_THRESHOLDS.review);
    });

    it('matches one row of a student listed twice and marks the other a duplicate of it', () => {
      const rows = [byId(small, 'dewi-1'), byId(small, 'dewi-2')];
      const duplicate = rows.filter((m) => m.reason === 'duplicate');
      expect(duplicate).toHaveLength(1);
      const [dup] = duplicate as [StudentMatch];
      const kept = rows.find((m) => m !== dup) as StudentMatch;
      expect(dup.status).toBe('PERLU_REVIEW');
      expect(dup.duplicateOf).toBe(kept.idSiswa);
      expect(kept).toMatchObject({ status: 'COCOK', nik: REGISTRY.dewi.nik });
      expect(small.summary.duplicateGroups).toBe(1);
      // Only the repeated row names the other; the matched row names none.
      expect(kept.duplicateOf).toBe('');
    });

    it('counts statuses and reasons over all students', () => {
      const { summary } = small;
      expect(summary.students).toBe(STUDENTS.length);
      expect(summary.registry).toBe(REGISTRY_ROWS.length);
      const statuses = Object.values(summary.byStatus).reduce((a, b) => a + b, 0);
      const reasons = Object.values(summary.byReason).reduce((a, b) => a + b, 0);
      expect(statuses).toBe(STUDENTS.length);
      expect(reasons).toBe(STUDENTS.length);
      expect(summary.byStatus.COCOK).toBe(small.matches.filter((m) => m.status === 'COCOK').length);
      expect(summary.unusedDecisions).toBe(0);
    });

    it('explains each proposal field by field in Indonesian and English, and lists the candidates', () => {
      for (const m of small.matches) {
        for (const e of m.explanation) {
          expect(e.text.id).not.toBe('');
          expect(e.text.en).not.toBe('');
        }
        expect(m.candidates.length).toBeLessThanOrEqual(3);
        const probabilities = m.candidates.map((c) => c.probability);
        expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
        if (m.status !== 'TIDAK_COCOK') expect(m.candidates.map((c) => c.nik)).toContain(m.nik);
      }
      expect(byId(small, 'ahmad').explanation.map((e) => e.comparison)).toEqual(
        expect.arrayContaining(['NIK', 'nama', 'tanggal lahir', 'nama ibu']),
      );
      expect(byId(small, 'galih').explanation).toEqual([]);
    });
  });

  describe('review decisions', () => {
    it('never proposes a rejected pair again', async () => {
      const decisions: ReviewDecision[] = [
        { idSiswa: 'ahmad', nik: REGISTRY.ahmad.nik, decision: 'reject' },
      ];
      const again = await matched(STUDENTS, REGISTRY_ROWS, { decisions });
      const ahmad = byId(again, 'ahmad');
      expect(ahmad.nik).not.toBe(REGISTRY.ahmad.nik);
      expect(ahmad.candidates.map((c) => c.nik)).not.toContain(REGISTRY.ahmad.nik);
      expect(ahmad.status).not.toBe('COCOK');
    });

    it('makes an accepted pair COCOK with reason accepted', async () => {
      const decisions: ReviewDecision[] = [
        { idSiswa: 'budi', nik: REGISTRY.budi.nik, decision: 'accept' },
        { idSiswa: ' rina ', nik: ` ${REGISTRY.rina.nik} `, decision: 'accept' },
      ];
      const again = await matched(STUDENTS, REGISTRY_ROWS, { decisions });
      expect(byId(again, 'budi')).toMatchObject({
        nik: REGISTRY.budi.nik,
        status: 'COCOK',
        reason: 'accepted',
      });
      expect(byId(again, 'rina')).toMatchObject({ status: 'COCOK', reason: 'accepted' });
      expect(again.summary.byReason.accepted).toBe(2);
      expect(again.summary.unusedDecisions).toBe(0);
    });

    it('counts decisions it cannot apply and otherwise ignores them', async () => {
      const decisions: ReviewDecision[] = [
        { idSiswa: 'nobody', nik: REGISTRY.ahmad.nik, decision: 'reject' },
        { idSiswa: 'galih', nik: '3506990000000000', decision: 'accept' },
        { idSiswa: 'fajar', nik: '', decision: 'accept' },
        { idSiswa: 'budi', nik: REGISTRY.budi.nik, decision: 'accept' },
        { idSiswa: 'budi', nik: REGISTRY.ahmad.nik, decision: 'accept' },
      ];
      const again = await matched(STUDENTS, REGISTRY_ROWS, { decisions });
      expect(again.summary.unusedDecisions).toBe(4);
      expect(byId(again, 'budi')).toMatchObject({ nik: REGISTRY.budi.nik, reason: 'accepted' });
      expect(byId(again, 'galih').status).toBe('TIDAK_COCOK');
      expect(byId(again, 'fajar')).toMatchObject(byId(small, 'fajar'));
    });

    it('counts the rejection of an NIK that is not among the candidates as unused', async () => {
      const decisions: ReviewDecision[] = [
        { idSiswa: 'fajar', nik: REGISTRY.bagus.nik, decision: 'reject' },
      ];
      const again = await matched(STUDENTS, REGISTRY_ROWS, { decisions });
      expect(again.summary.unusedDecisions).toBe(1);
      expect(byId(again, 'fajar')).toEqual(byId(small, 'fajar'));
    });

    it('lists a rejected candidate apart, explained, and never among the candidates', async () => {
      const decisions: ReviewDecision[] = [
        { idSiswa: 'rina', nik: REGISTRY.rina.nik, decision: 'reject' },
      ];
      const again = await matched(STUDENTS, REGISTRY_ROWS, { decisions });
      const rina = byId(again, 'rina');
      expect(rina.rejected?.map((c) => c.nik)).toEqual([REGISTRY.rina.nik]);
      expect(rina.rejected?.[0]?.probability).toBe(byId(small, 'rina').probability);
      expect(rina.rejected?.[0]?.explanation.map((e) => e.comparison)).toContain('nama');
      expect(rina.candidates.map((c) => c.nik)).not.toContain(REGISTRY.rina.nik);
      expect(byId(again, 'ahmad').rejected).toBeUndefined();
    });

    it('makes a student TIDAK_COCOK (not_found) once no probable candidate is left', async () => {
      const decisions: ReviewDecision[] = [
        { idSiswa: 'rina', nik: REGISTRY.rina.nik, decision: 'reject' },
      ];
      const rina = byId(await matched(STUDENTS, REGISTRY_ROWS, { decisions }), 'rina');
      expect(rina).toMatchObject({ nik: '', status: 'TIDAK_COCOK', reason: 'not_found' });
      expect(rina.probability).toBe(rina.candidates[0]?.probability ?? 0);
      expect(rina.probability).toBeLessThan(DEFAULT_THRESHOLDS.review);
    });

    it('leaves a student with a rejected candidate to a person, even when the rest is sure', async () => {
      const ahmad = byId(small, 'ahmad');
      const other = ahmad.candidates.find((c) => c.nik !== ahmad.nik);
      if (!other) throw new Error('ahmad needs a second candidate (his twin)');
      const decisions: ReviewDecision[] = [
        { idSiswa: 'ahmad', nik: other.nik, decision: 'reject' },
      ];
      const again = byId(await matched(STUDENTS, REGISTRY_ROWS, { decisions }), 'ahmad');
      expect(again).toMatchObject({
        nik: REGISTRY.ahmad.nik,
        status: 'PERLU_REVIEW',
        reason: 'rejected',
        probability: ahmad.probability,
      });
      // Under review, the candidates carry their explanations.
      expect(again.candidates[0]?.explanation).toEqual(again.explanation);
    });
  });

  describe('candidates', () => {
    it('explains the candidates of a student under review, not those of a confident match', () => {
      const ahmad = byId(small, 'ahmad');
      expect(ahmad.reason).toBe('confident');
      expect(ahmad.candidates.every((c) => c.explanation.length === 0)).toBe(true);
      const reviewed = small.matches.filter((m) => m.reason !== 'confident');
      expect(reviewed.length).toBeGreaterThan(0);
      for (const m of reviewed) {
        for (const c of m.candidates) expect(c.explanation.length, m.idSiswa).toBeGreaterThan(0);
        const proposed = m.candidates.find((c) => c.nik === m.nik);
        if (m.status !== 'TIDAK_COCOK') expect(proposed?.explanation).toEqual(m.explanation);
      }
    });

    it('lists the three best, and more (up to the limit) only at or above the review threshold', async () => {
      const thresholds = { match: 0.999, review: 0.0001 };
      const loose = await matched(STUDENTS, REGISTRY_ROWS, { thresholds });
      for (const m of [...loose.matches, ...small.matches]) {
        expect(m.candidates.length).toBeLessThanOrEqual(CANDIDATE_LIMIT);
        m.candidates.slice(3).forEach((c) => {
          const review = loose.matches.includes(m) ? thresholds.review : DEFAULT_THRESHOLDS.review;
          expect(c.probability).toBeGreaterThanOrEqual(review);
        });
      }
    });
  });

  describe('duplicate decisions', () => {
    const dewiTwice = (nisn: string): StudentRecord[] => [
      student({
        idSiswa: 'dewi-a',
        nama: 'Dewi Anggraeni',
        tanggalLahir: '2007-02-03',
        jenisKelamin: 'P',
        namaIbu: 'Sri Wahyuni',
        nisn: '0071111115',
      }),
      student({
        idSiswa: 'dewi-b',
        nama: 'DEWI ANGGRAENI',
        tanggalLahir: '2007-02-03',
        jenisKelamin: 'P',
        namaIbu: 'SRI WAHYUNI',
        nisn,
      }),
    ];

    it('keeps two listings decided different apart: neither is a duplicate of the other', async () => {
      const duplicateDecisions: DuplicateDecision[] = [
        { idSiswa: 'dewi-2', duplicateOf: 'dewi-1', decision: 'different' },
      ];
      const again = await matched(STUDENTS, REGISTRY_ROWS, { duplicateDecisions });
      const rows = [byId(again, 'dewi-1'), byId(again, 'dewi-2')];
      expect(rows.map((m) => m.duplicateOf)).toEqual(['', '']);
      expect(rows.map((m) => m.reason)).not.toContain('duplicate');
      // Both want the same resident: one holds it, and neither is COCOK over the other's claim.
      expect(rows.filter((m) => m.status === 'COCOK')).toHaveLength(0);
      expect(again.summary.duplicateGroups).toBe(0);
      expect(again.summary.unusedDuplicateDecisions).toBe(0);
    });

    it('reads a decision either way round', async () => {
      const duplicateDecisions: DuplicateDecision[] = [
        { idSiswa: 'dewi-1', duplicateOf: 'dewi-2', decision: 'different' },
      ];
      const again = await matched(STUDENTS, REGISTRY_ROWS, { duplicateDecisions });
      expect(again.summary.duplicateGroups).toBe(0);
    });

    it('keeps two listings decided the same together, though the lists disagree on the NISN', async () => {
      const students = dewiTwice('0071111199');
      const apart = await matched(students, REGISTRY_ROWS);
      expect(apart.summary.duplicateGroups).toBe(0);
      expect(apart.matches.map((m) => m.reason)).toContain('taken');

      const duplicateDecisions: DuplicateDecision[] = [
        { idSiswa: 'dewi-b', duplicateOf: 'dewi-a', decision: 'same' },
      ];
      const together = await matched(students, REGISTRY_ROWS, { duplicateDecisions });
      expect(together.summary.duplicateGroups).toBe(1);
      const duplicate = together.matches.find((m) => m.reason === 'duplicate');
      const kept = together.matches.find((m) => m.reason !== 'duplicate');
      expect(duplicate?.duplicateOf).toBe(kept?.idSiswa);
      expect(kept).toMatchObject({ nik: REGISTRY.dewi.nik, duplicateOf: '' });
    });

    it('keeps a pair decided different apart even when a third listing is the same as both', async () => {
      const students = [
        ...dewiTwice('0071111115'),
        student({
          idSiswa: 'dewi-c',
          nama: 'Dewi Anggraeni',
          nik: REGISTRY.dewi.nik,
          tanggalLahir: '2007-02-03',
          jenisKelamin: 'P',
          namaIbu: 'Sri Wahyuni',
          nisn: '0071111115',
        }),
      ];
      const all = await matched(students, REGISTRY_ROWS);
      expect(all.matches.filter((m) => m.duplicateOf !== '')).toHaveLength(2);

      const duplicateDecisions: DuplicateDecision[] = [
        { idSiswa: 'dewi-a', duplicateOf: 'dewi-b', decision: 'different' },
      ];
      const again = await matched(students, REGISTRY_ROWS, { duplicateDecisions });
      const groupOf = (id: string): string => byId(again, id).duplicateOf || id;
      expect(groupOf('dewi-a')).not.toBe(groupOf('dewi-b'));
      expect(again.summary.duplicateGroups).toBe(1);
    });

    describe('invalid input', () => {
      it('counts decisions on unknown listings, on one row, or made both ways as unused', async () => {
        const duplicateDecisions: DuplicateDecision[] = [
          { idSiswa: 'nobody', duplicateOf: 'dewi-1', decision: 'different' },
          { idSiswa: 'dewi-1', duplicateOf: ' dewi-1 ', decision: 'same' },
          { idSiswa: 'dewi-1', duplicateOf: 'dewi-2', decision: 'same' },
          { idSiswa: 'dewi-2', duplicateOf: 'dewi-1', decision: 'different' },
        ];
        const again = await matched(STUDENTS, REGISTRY_ROWS, { duplicateDecisions });
        expect(again.summary.unusedDuplicateDecisions).toBe(4);
        // The pair decided both ways is left to the matcher, which groups it as before.
        expect(again.summary.duplicateGroups).toBe(small.summary.duplicateGroups);
        expect(again.matches).toEqual(small.matches);
      });
    });
  });

  describe('thresholds', () => {
    it('sends a pair below the COCOK threshold to review as uncertain', async () => {
      const rina = byId(small, 'rina').probability;
      const strict = await matched(STUDENTS, REGISTRY_ROWS, {
        thresholds: { match: (1 + rina) / 2, review: 0.2 },
      });
      expect(byId(strict, 'rina')).toMatchObject({
        nik: REGISTRY.rina.nik,
        status: 'PERLU_REVIEW',
        reason: 'uncertain',
      });
      expect(byId(strict, 'ahmad').status).toBe('COCOK');
    });

    it('gives TIDAK_COCOK when even the best candidate is below the review threshold', async () => {
      const rina = byId(small, 'rina').probability;
      const threshold = (1 + rina) / 2;
      const strict = await matched(STUDENTS, REGISTRY_ROWS, {
        thresholds: { match: threshold, review: threshold },
      });
      expect(byId(strict, 'rina')).toMatchObject({
        nik: '',
        status: 'TIDAK_COCOK',
        reason: 'not_found',
      });
    });

    it('keeps every status consistent with the thresholds it was given', async () => {
      for (const thresholds of [DEFAULT_THRESHOLDS, { match: 0.5, review: 0.01 }]) {
        const result = await matched(STUDENTS, REGISTRY_ROWS, { thresholds });
        expect(result.thresholds).toEqual(thresholds);
        for (const m of result.matches) {
          if (m.reason === 'confident')
            expect(m.probability).toBeGreaterThanOrEqual(thresholds.match);
          if (m.reason === 'uncertain') {
            expect(m.probability).toBeGreaterThanOrEqual(thresholds.review);
            expect(m.probability).toBeLessThan(thresholds.match);
          }
          if (m.status === 'TIDAK_COCOK') expect(m.probability).toBeLessThan(thresholds.review);
        }
      }
    });
  });

  describe('progress and stopping', () => {
    it('reports the registry run, then the duplicate search, then the assignment', async () => {
      const steps: MatchProgress['step'][] = [];
      await matched(STUDENTS, REGISTRY_ROWS, {
        onProgress: (p) => {
          if (steps.at(-1) !== p.step) steps.push(p.step);
        },
      });
      expect(steps).toEqual(['registry', 'duplicates', 'assign']);
    });

    it('stops with cancelled when the signal is aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const result = await matchStudents(STUDENTS, REGISTRY_ROWS, { signal: controller.signal });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.issues[0].code).toBe('cancelled');
    });
  });

  describe('input forms', () => {
    it('reads the registry in batches, async or not, with the same result as an array', async () => {
      async function* batches(): AsyncGenerator<readonly Resident[]> {
        yield REGISTRY_ROWS.slice(0, 5);
        yield REGISTRY_ROWS.slice(5);
      }
      const streamed = await matched(STUDENTS, batches());
      expect(streamed.matches).toEqual(small.matches);
    });

    it('does not change the students or the registry it is given', async () => {
      const students = STUDENTS.map((s) => Object.freeze({ ...s }));
      const registry = REGISTRY_ROWS.map((r) => Object.freeze({ ...r }));
      await matched(students, registry);
      expect(students).toEqual(STUDENTS);
      expect(registry).toEqual(REGISTRY_ROWS);
    });

    it('names a student by id_siswa, else NISN, else row number', async () => {
      const result = await matched(
        [
          student({ idSiswa: ' ', nisn: '0061111119', nama: 'Yoga Pradana' }),
          student({ idSiswa: '', nama: 'Anisa Rahmawati' }),
        ],
        REGISTRY_ROWS,
      );
      expect(result.matches.map((m) => m.idSiswa)).toEqual(['0061111119', '2']);
    });
  });

  describe('invalid input', () => {
    it('answers an empty list with no rows', async () => {
      const result = await matched([], REGISTRY_ROWS);
      expect(result.matches).toEqual([]);
      expect(result.summary.students).toBe(0);
    });

    it('gives every student TIDAK_COCOK against an empty registry', async () => {
      const result = await matched(STUDENTS, []);
      expect(result.matches.map((m) => m.status)).toEqual(STUDENTS.map(() => 'TIDAK_COCOK'));
    });

    it('does not read a student row with nothing in it as anyone', async () => {
      const result = await matched([student({ idSiswa: 'blank', nama: '' })], REGISTRY_ROWS);
      expect(result.matches[0]).toMatchObject({ status: 'TIDAK_COCOK', nik: '' });
    });
  });
});

describe('matchStudents on a generated programme', () => {
  let programme: DemoProgramme;
  let result: MatchStudentsResult;
  let truth: Map<string, TruthRow>;
  beforeAll(async () => {
    programme = generateProgramme({ seed: 7, students: 300, registry: 3000 });
    truth = new Map(programme.truth.map((t) => [t.idSiswa, t]));
    result = await matched(programme.students, programme.registry);
  }, GENERATED_TIMEOUT_MS);

  const truthOf = (m: StudentMatch): TruthRow => {
    const t = truth.get(m.idSiswa);
    if (!t) throw new Error(`no truth for ${m.idSiswa}`);
    return t;
  };

  it('answers one row per student, in input order', () => {
    expect(result.matches.map((m) => m.idSiswa)).toEqual(programme.students.map((s) => s.idSiswa));
  });

  it('matches most students who are in the registry, with their own NIK', () => {
    const present = result.matches.filter((m) => truthOf(m).nik !== '');
    const right = present.filter((m) => m.status === 'COCOK' && m.nik === truthOf(m).nik);
    expect(right.length / present.length).toBeGreaterThan(0.8);
  });

  it('gives no registry NIK to two COCOK students', () => {
    const niks = result.matches.filter((m) => m.status === 'COCOK').map((m) => m.nik);
    expect(new Set(niks).size).toBe(niks.length);
  });

  it("never makes a student listed with a parent's or sibling's NIK COCOK with another person", () => {
    const borrowed = result.matches.filter((m) =>
      truthOf(m).corruptions.some((c) => c === 'nik_parent' || c === 'nik_sibling'),
    );
    expect(borrowed.length).toBeGreaterThan(0);
    for (const m of borrowed) {
      if (m.status === 'COCOK') expect(m.nik).toBe(truthOf(m).nik);
    }
    expect(borrowed.some((m) => m.status === 'COCOK')).toBe(true);
  });

  it('never makes a twin COCOK with the other twin', () => {
    const twins = result.matches.filter((m) => truthOf(m).isTwin);
    expect(twins.length).toBeGreaterThan(0);
    for (const m of twins) {
      if (m.status === 'COCOK') expect(m.nik).toBe(truthOf(m).nik);
    }
  });

  it('never makes a student absent from the registry COCOK', () => {
    const absent = result.matches.filter((m) => truthOf(m).nik === '');
    expect(absent.length).toBeGreaterThan(0);
    for (const m of absent) expect(m.status).not.toBe('COCOK');
  });

  it('marks one row of each student listed twice as a duplicate of the other', () => {
    const repeats = programme.truth.filter((t) => t.duplicateOf !== '');
    expect(repeats.length).toBeGreaterThan(0);
    for (const t of repeats) {
      const rows = [t.idSiswa, t.duplicateOf].map((id) => byId(result, id));
      const duplicate = rows.filter((m) => m.reason === 'duplicate');
      expect(duplicate, t.idSiswa).toHaveLength(1);
      const other = rows.find((m) => m.reason !== 'duplicate');
      expect(duplicate[0]?.duplicateOf).toBe(other?.idSiswa);
    }
  });

  it('never has two rows of a group name each other as the duplicate', () => {
    for (const m of result.matches) {
      if (m.duplicateOf === '') continue;
      expect(byId(result, m.duplicateOf).duplicateOf, m.idSiswa).toBe('');
    }
  });

  it('explains every entry in Indonesian and English', () => {
    for (const m of result.matches) {
      for (const e of m.explanation) {
        expect(e.text.id.length).toBeGreaterThan(0);
        expect(e.text.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('does not propose rejected COCOK pairs on a second run', async () => {
    const decisions: ReviewDecision[] = result.matches
      .filter((m) => m.status === 'COCOK')
      .slice(0, 5)
      .map((m) => ({ idSiswa: m.idSiswa, nik: m.nik, decision: 'reject' }));
    expect(decisions).toHaveLength(5);
    const again = await matched(programme.students, programme.registry, { decisions });
    for (const d of decisions) {
      const m = byId(again, d.idSiswa);
      expect(m.nik).not.toBe(d.nik);
      expect(m.candidates.map((c) => c.nik)).not.toContain(d.nik);
    }
    expect(again.summary.unusedDecisions).toBe(0);
  });

  it('keeps listings decided different apart, and those decided the same together, on a second run', async () => {
    const listed = result.matches.filter((m) => m.duplicateOf !== '');
    expect(listed.length).toBeGreaterThan(1);
    const [apart, ...kept] = listed as [StudentMatch, ...StudentMatch[]];
    const duplicateDecisions: DuplicateDecision[] = [
      { idSiswa: apart.idSiswa, duplicateOf: apart.duplicateOf, decision: 'different' },
      ...kept.map((m) => ({
        idSiswa: m.idSiswa,
        duplicateOf: m.duplicateOf,
        decision: 'same' as const,
      })),
    ];
    const again = await matched(programme.students, programme.registry, { duplicateDecisions });
    expect(again.summary.unusedDuplicateDecisions).toBe(0);
    expect(byId(again, apart.idSiswa)).toMatchObject({ duplicateOf: '' });
    expect(byId(again, apart.idSiswa).reason).not.toBe('duplicate');
    for (const m of kept) expect(byId(again, m.idSiswa)).toEqual(m);
    expect(again.summary.duplicateGroups).toBe(result.summary.duplicateGroups - 1);
  });
});

describe('decideMatch', () => {
  const entry = (comparison: string, weight: number) => ({
    comparison,
    level: 'exact',
    weight,
    text: { id: 'sama persis', en: 'identical' },
  });
  const candidate = (nik: string, probability: number): MatchCandidate => ({
    nik,
    probability,
    explanation: [entry('nama', probability * 10)],
  });
  const [x, y, z] = [
    candidate('3506995708060001', 0.97),
    candidate('3506995708060002', 0.6),
    candidate('3506995708060003', 0.05),
  ];
  const review: StudentMatch = {
    idSiswa: 'S1',
    nik: x.nik,
    probability: x.probability,
    status: 'PERLU_REVIEW',
    reason: 'ambiguous',
    duplicateOf: '',
    explanation: x.explanation,
    candidates: [x, y, z],
  };

  it('makes an accepted candidate COCOK (accepted), with its probability and explanation', () => {
    expect(decideMatch(review, { nik: y.nik, decision: 'accept' })).toEqual({
      ...review,
      nik: y.nik,
      probability: y.probability,
      status: 'COCOK',
      reason: 'accepted',
      explanation: y.explanation,
    });
  });

  it('proposes the next candidate for review when the proposed one is rejected', () => {
    expect(decideMatch(review, { nik: x.nik, decision: 'reject' })).toEqual({
      ...review,
      nik: y.nik,
      probability: y.probability,
      reason: 'rejected',
      explanation: y.explanation,
      candidates: [y, z],
      rejected: [x],
    });
  });

  it('makes the student TIDAK_COCOK when the candidates left are below the review threshold', () => {
    const once = decideMatch(review, { nik: x.nik, decision: 'reject' }) as StudentMatch;
    expect(decideMatch(once, { nik: y.nik, decision: 'reject' })).toEqual({
      ...review,
      nik: '',
      probability: z.probability,
      status: 'TIDAK_COCOK',
      reason: 'not_found',
      explanation: z.explanation,
      candidates: [z],
      rejected: [x, y],
    });
  });

  it('keeps an accepted candidate when another one is rejected', () => {
    const accepted = decideMatch(review, { nik: y.nik, decision: 'accept' }) as StudentMatch;
    expect(decideMatch(accepted, { nik: x.nik, decision: 'reject' })).toEqual({
      ...accepted,
      candidates: [y, z],
      rejected: [x],
    });
  });

  it('takes a rejection back when the candidate is accepted after all', () => {
    const rejected = decideMatch(review, { nik: x.nik, decision: 'reject' }) as StudentMatch;
    const accepted = decideMatch(rejected, { nik: x.nik, decision: 'accept' });
    expect(accepted).toEqual({ ...review, status: 'COCOK', reason: 'accepted' });
    expect(accepted).not.toHaveProperty('rejected');
  });

  it('rejects an accepted candidate: the next one waits for review', () => {
    const accepted = decideMatch(review, { nik: x.nik, decision: 'accept' }) as StudentMatch;
    expect(decideMatch(accepted, { nik: x.nik, decision: 'reject' })).toMatchObject({
      nik: y.nik,
      status: 'PERLU_REVIEW',
      reason: 'rejected',
    });
  });

  it('uses the thresholds it is given', () => {
    const strict = { match: 0.999, review: 0.7 };
    expect(decideMatch(review, { nik: x.nik, decision: 'reject' }, strict)).toMatchObject({
      nik: '',
      status: 'TIDAK_COCOK',
      probability: y.probability,
    });
  });

  it('does not change the match it is given', () => {
    const frozen = Object.freeze({ ...review, candidates: Object.freeze([x, y, z]) });
    decideMatch(frozen, { nik: x.nik, decision: 'reject' });
    decideMatch(frozen, { nik: y.nik, decision: 'accept' });
    expect(frozen).toEqual(review);
  });

  describe('invalid input', () => {
    it('answers null for an NIK that is not one of the candidates', () => {
      expect(decideMatch(review, { nik: '3506990000000000', decision: 'accept' })).toBeNull();
      expect(decideMatch(review, { nik: '', decision: 'reject' })).toBeNull();
    });
  });

  describe('against a re-run of matchStudents with the decisions', () => {
    // Strict thresholds send many students to review, so there is plenty to decide.
    const thresholds: MatchThresholds = { match: 0.9999999, review: 0.05 };
    // A generated programme, with the hand-made twins and duplicates added for close candidates.
    let students: StudentRecord[];
    let registry: Resident[];
    let first: MatchStudentsResult;
    beforeAll(async () => {
      const programme = generateProgramme({ seed: 5, students: 300, registry: 3000 });
      students = [...programme.students, ...STUDENTS];
      registry = [...programme.registry, ...REGISTRY_ROWS];
      first = await matched(students, registry, { thresholds });
    }, GENERATED_TIMEOUT_MS);

    it('gives each decided student what the re-run gives', async () => {
      // Students of duplicate groups are left out: a group's kept listing can change hands.
      const grouped = new Set(first.matches.flatMap((m) => (m.duplicateOf ? [m.duplicateOf] : [])));
      const open = first.matches.filter(
        (m) => m.status === 'PERLU_REVIEW' && m.duplicateOf === '' && !grouped.has(m.idSiswa),
      );
      const several = open.filter((m) => m.candidates.length >= 2);
      // Students whose second candidate is worth a review too.
      const close = several.filter((m) => (m.candidates[1]?.probability ?? 0) >= thresholds.review);
      expect(open.length).toBeGreaterThan(10);
      expect(several.length).toBeGreaterThan(4);
      expect(close.length).toBeGreaterThan(0);

      // Each scenario: a student and the decisions made on it, in order.
      type Step = Pick<ReviewDecision, 'nik' | 'decision'>;
      const plan = new Map<StudentMatch, Step[]>();
      const take = (list: readonly StudentMatch[]): StudentMatch => {
        const m = list.find((c) => !plan.has(c));
        if (!m) throw new Error('not enough students under review');
        return m;
      };
      const a = take(open);
      plan.set(a, [{ nik: a.nik, decision: 'accept' }]);
      const b = take(several);
      plan.set(b, [{ nik: b.candidates[1]?.nik ?? '', decision: 'accept' }]);
      const c = take(close);
      plan.set(c, [{ nik: c.nik, decision: 'reject' }]);
      const d = take(several);
      plan.set(d, [
        { nik: d.candidates[0]?.nik ?? '', decision: 'reject' },
        { nik: d.candidates[1]?.nik ?? '', decision: 'reject' },
      ]);
      const e = take(open);
      plan.set(e, [
        { nik: e.nik, decision: 'reject' },
        { nik: e.nik, decision: 'accept' },
      ]);
      const f = take(several);
      plan.set(f, [
        { nik: f.nik, decision: 'accept' },
        { nik: f.nik, decision: 'reject' },
      ]);

      // What an app stores, decision by decision; the decisions as a table keeps them (last wins).
      const expected = new Map<string, StudentMatch>();
      const table = new Map<string, ReviewDecision>();
      const accepted = new Set<string>();
      for (const [match, steps] of plan) {
        let current: StudentMatch = match;
        for (const step of steps) {
          current = decideMatch(current, step, thresholds) as StudentMatch;
          expect(current, match.idSiswa).not.toBeNull();
          table.set(`${match.idSiswa} ${step.nik}`, { idSiswa: match.idSiswa, ...step });
        }
        expected.set(match.idSiswa, current);
        if (current.reason === 'accepted') accepted.add(current.nik);
      }
      // Two accepted students never share a resident (an app refuses the second).
      expect(accepted.size).toBe(
        [...expected.values()].filter((m) => m.reason === 'accepted').length,
      );

      const again = await matched(students, registry, {
        thresholds,
        decisions: [...table.values()],
      });
      expect(again.summary.unusedDecisions).toBe(0);
      for (const [id, stored] of expected) {
        const rerun = byId(again, id);
        const { candidates, ...rest } = stored;
        expect(rerun, id).toMatchObject(rest);
        expect(rerun.rejected, id).toEqual(stored.rejected);
        // The re-run may list one more candidate that was below the shortlist.
        expect(rerun.candidates.slice(0, candidates.length), id).toEqual(candidates);
      }
      expect(new Set([...expected.values()].map((m) => m.reason))).toEqual(
        new Set(['accepted', 'rejected', 'not_found']),
      );
    });
  });
});

describe('the duplicate search with placeholder NISNs', () => {
  it('does not put every student whose NISN is "-" in one block', async () => {
    const programme = generateProgramme({ seed: 11, students: 400, registry: 4000 });
    const rows = programme.students.map((s) => ({ ...s, nisn: '-' }) as unknown as Row);
    const run = await runLink(STUDENT_DUPLICATE_SETTINGS, { left: rows });
    if (!run.ok) throw new Error(run.issues[0].message.en);
    // One block of 400 rows would be 79,800 pairs.
    expect(run.value.blocking.find((b) => b.rule === 'NISN')?.pairs).toBe(0);
    expect(run.value.pairs.size).toBeLessThan(5000);
  });
});
