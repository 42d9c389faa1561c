import { describe, expect, it } from 'vitest';
import {
  decimalText,
  forecastFinish,
  forecastSentences,
  forecastSummary,
  percentDone,
  percentText,
  progressText,
  versusText,
} from './text';

const id = progressText('id');
const en = progressText('en');

describe('percentDone', () => {
  it('gives the share of targets done with one decimal', () => {
    expect(percentDone({ done: 1, targets: 3 })).toBe(33.3);
    expect(percentDone({ done: 2, targets: 3 })).toBe(66.7);
    expect(percentDone({ done: 7, targets: 7 })).toBe(100);
    expect(percentDone({ done: 0, targets: 7 })).toBe(0);
  });

  it('writes it in the language’s way', () => {
    expect(percentText({ done: 1, targets: 8 }, id)).toBe('12,5%');
    expect(percentText({ done: 1, targets: 8 }, en)).toBe('12.5%');
    expect(decimalText(1234.56, 'id')).toBe('1.234,6');
  });

  describe('invalid input', () => {
    it('has no share without targets', () => {
      expect(percentDone({ done: 0, targets: 0 })).toBeNull();
      expect(percentText({ done: 0, targets: 0 }, id)).toBe('—');
    });
  });
});

describe('the forecast in words', () => {
  const projected = {
    status: 'projected',
    finish: '2023-01-20',
    perDay: 1.5,
    daysWorked: 2,
    daysNeeded: 3,
    versusPlan: { verdict: 'behind', workingDays: 3 },
  } as const;

  it('says the finish, against the plan, and how it was worked out', () => {
    expect(forecastSentences(projected, '2023-01-17', 3, id)).toEqual([
      'Perkiraan selesai: 20 Januari 2023 (3 hari kerja lebih lambat dari jadwal).',
      'Kunjungan terakhir menurut jadwal: 17 Januari 2023.',
      'Terekam per hari kerja sejauh ini: 1,5 (hari kerja yang dijalani: 2). Siswa tersisa: 3; hari kerja yang masih diperlukan: 3.',
    ]);
    expect(forecastSummary(projected, en)).toEqual({
      finish: '20 January 2023',
      versus: '3 working days behind the plan',
    });
    expect(forecastFinish(projected)).toBe('2023-01-20');
  });

  it('says ahead, on plan, or that there is no plan to compare with', () => {
    expect(versusText({ verdict: 'ahead', workingDays: 2 }, en)).toBe(
      '2 working days ahead of the plan',
    );
    expect(versusText({ verdict: 'behind', workingDays: 1 }, en)).toBe(
      '1 working day behind the plan',
    );
    expect(versusText({ verdict: 'on_plan', workingDays: 0 }, id)).toBe('sesuai jadwal');
    expect(versusText(undefined, en)).toBe('no planned visit to compare with');
  });

  it('says when all is done, or that there was nothing to do', () => {
    const finished = {
      status: 'finished',
      finish: '2023-01-16',
      versusPlan: { verdict: 'ahead', workingDays: 1 },
    } as const;
    expect(forecastSentences(finished, '2023-01-17', 0, en)[0]).toBe(
      'Every target was done on 16 January 2023 (1 working day ahead of the plan).',
    );
    const nothing = { status: 'finished', finish: undefined, versusPlan: undefined } as const;
    expect(forecastSentences(nothing, undefined, 0, id)).toEqual([
      'Tidak ada siswa sasaran yang perlu direkam.',
    ]);
    expect(forecastSummary(nothing, id)).toEqual({ finish: '—', versus: '' });
    expect(forecastFinish(nothing)).toBeNull();
  });

  it('says plainly why there is no forecast yet', () => {
    const none = { status: 'none', reason: 'no_work_yet' } as const;
    expect(forecastSentences(none, '2023-01-17', 7, en)).toEqual([
      'No forecast yet: no target student has been marked up to today, so there is no pace to extrapolate.',
      'Last visit in the plan: 17 January 2023.',
    ]);
    expect(
      forecastSentences({ status: 'none', reason: 'nothing_recorded' }, undefined, 7, id),
    ).toEqual([
      'Belum ada perkiraan: sudah ada hari kerja, tetapi belum satu pun siswa sasaran terekam, jadi lajunya nol.',
    ]);
    expect(forecastSummary(none, id)).toEqual({
      finish: 'Belum ada perkiraan (belum ada pekerjaan)',
      versus: '',
    });
    expect(forecastFinish(none)).toBeNull();
  });
});
