import { describe, expect, it } from 'vitest';
import type { MopUpPlan } from './mop-up';
import { mopUpSentences, outcomeText, referralReason, unservedText } from './mop-up-text';
import { progressText } from './text';

const id = progressText('id');
const en = progressText('en');

const school = { npsn: '20510001', nama: 'SMA Negeri 1', kecamatan: 'Pare' };

/** A plan with the figures a test gives; lists sized to match. */
function planWith(figures: Partial<MopUpPlan>): MopUpPlan {
  return {
    programme: 'Perekaman SMA 2023',
    today: '2023-01-18',
    start: '2023-01-19',
    minForVisit: 15,
    toRecord: 0,
    absent: 0,
    failed: 0,
    visited: 0,
    referred: 0,
    unservedStudents: 0,
    refused: 0,
    visits: [],
    visitSchools: 0,
    finish: undefined,
    referrals: [],
    refusedSchools: [],
    unserved: [],
    ...figures,
  };
}

const visit = (date: string) => ({ ...school, date, team: 'Tim 1', order: 0, wajib: 10, dini: 6 });
const referral = (count: number) => ({
  ...school,
  reason: 'few' as const,
  students: Array.from({ length: count }, () => ({
    nama: 'X',
    kelas: 'XII',
    category: 'WAJIB' as const,
    outcome: 'absent' as const,
  })),
});

describe('mopUpSentences', () => {
  it('says there is nobody to catch up when no target was absent or failed', () => {
    expect(mopUpSentences(planWith({}), id)).toEqual([
      'Tidak ada siswa sasaran yang tidak hadir atau gagal rekam, jadi tidak ada yang perlu disusul.',
    ]);
  });

  it('says how many are still to record, visited and referred, in plain sentences', () => {
    const p = planWith({
      toRecord: 21,
      absent: 18,
      failed: 3,
      visited: 16,
      referred: 5,
      visits: [visit('2023-01-19'), visit('2023-01-20')],
      visitSchools: 1,
      finish: '2023-01-20',
      referrals: [referral(5)],
      refused: 2,
    });
    expect(mopUpSentences(p, id)).toEqual([
      '21 siswa masih perlu direkam: 18 tidak hadir dan 3 gagal rekam.',
      '16 siswa mendapat kunjungan susulan: 2 kunjungan di 1 sekolah, 19 Januari 2023 sampai 20 Januari 2023.',
      '5 siswa dari 1 sekolah dirujuk ke kantor untuk merekam di sana.',
      '2 siswa menolak direkam: mereka tidak dikunjungi lagi, hanya dilaporkan.',
    ]);
    expect(mopUpSentences(p, en)).toEqual([
      '21 students still need recording: 18 absent and 3 with a failed capture.',
      '16 students get a follow-up visit (visits: 2; schools: 1), 19 January 2023 to 20 January 2023.',
      '5 students are referred to record at the office (schools: 1).',
      '2 students refused recording: they are not visited again, only reported.',
    ]);
  });

  it('uses the singular for one student, and says when no school reaches the threshold', () => {
    const p = planWith({
      toRecord: 1,
      absent: 1,
      referred: 1,
      referrals: [referral(1)],
      refused: 1,
    });
    expect(mopUpSentences(p, en)).toEqual([
      '1 student still needs recording: 1 absent and 0 with a failed capture.',
      'No school has at least 15 students to catch up, so there is no follow-up visit.',
      '1 student is referred to record at the office (schools: 1).',
      '1 student refused recording: they are not visited again, only reported.',
    ]);
  });

  it('names the students no follow-up visit can serve instead of claiming no visit', () => {
    const unserved = { ...school, wajib: 20, dini: 0, reason: 'too_far' as const };
    const p = planWith({ toRecord: 20, absent: 20, unservedStudents: 20, unserved: [unserved] });
    expect(mopUpSentences(p, id)).toEqual([
      '20 siswa masih perlu direkam: 20 tidak hadir dan 0 gagal rekam.',
      '20 siswa di 1 sekolah tidak bisa dijadwalkan untuk kunjungan susulan (lihat daftarnya).',
      'Tidak ada siswa yang dirujuk ke kantor.',
    ]);
    expect(unservedText(unserved, id)).toBe(
      'SMA Negeri 1 (NPSN 20510001): 20 siswa, terlalu jauh untuk satu hari kerja',
    );
  });
});

describe('the list texts', () => {
  it('say why a school is referred and what happened to a student', () => {
    expect(referralReason({ reason: 'few' }, 15, id)).toBe(
      'kurang dari 15 siswa susulan di sekolah ini',
    );
    expect(referralReason({ reason: 'unknown_school' }, 15, en)).toBe(
      'the school is no longer in the school list',
    );
    expect(outcomeText({ outcome: 'failed' }, id)).toBe('Gagal rekam');
    expect(outcomeText({ outcome: 'absent' }, en)).toBe('Absent');
  });
});
