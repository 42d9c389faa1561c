import { describe, expect, it } from 'vitest';
import type { OutcomeMark, WalkInEvent } from '@sahaja/core/field';
import type { School, StudentMatch } from '../core/types';
import { walkInCounts, walkInRows } from './walk-ins';

const visit = { date: '2023-01-16', team: 'Tim 1', npsn: '20512345' };
const walkIn = (id: string, extra: Partial<WalkInEvent> = {}): WalkInEvent => ({
  id,
  at: '2023-01-16T02:00:00.000Z',
  kind: 'walk_in',
  visit,
  nama: `Siswa ${id}`,
  needsMatching: true,
  ...extra,
});
const match = (
  idSiswa: string,
  status: StudentMatch['status'],
  duplicateOf = '',
): StudentMatch => ({
  idSiswa,
  nik: status === 'TIDAK_COCOK' ? '' : '3506995506070002',
  probability: 0.5,
  status,
  reason: duplicateOf ? 'duplicate' : status === 'COCOK' ? 'confident' : 'not_found',
  duplicateOf,
  explanation: [],
  candidates: [],
});
const school = { npsn: '20512345', nama: 'SMA Negeri 1 Contoh' } as School;
const recorded: OutcomeMark = {
  id: 'm1',
  at: '2023-01-16T02:05:00.000Z',
  kind: 'mark',
  visit,
  idSiswa: 'walkin:a',
  outcome: 'recorded',
};

describe('walk-in rows', () => {
  it('say where each walk-in stands, with its school, visit and outcome', () => {
    const rows = walkInRows(
      [
        { walkIn: walkIn('walkin:a', { kelas: 'XI IPA 2' }), outcome: recorded },
        { walkIn: walkIn('walkin:b'), outcome: null },
        { walkIn: walkIn('walkin:c'), outcome: null },
        { walkIn: walkIn('walkin:d'), outcome: null },
        { walkIn: walkIn('walkin:e', { visit: { ...visit, npsn: '99999999' } }), outcome: null },
      ],
      new Map([
        ['walkin:a', match('walkin:a', 'COCOK')],
        ['walkin:b', match('walkin:b', 'PERLU_REVIEW')],
        ['walkin:c', match('walkin:c', 'PERLU_REVIEW', 'S-17')],
        ['walkin:d', match('walkin:d', 'TIDAK_COCOK')],
      ]),
      new Map([[school.npsn, school]]),
    );
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      ['walkin:a', 'COCOK'],
      ['walkin:b', 'PERLU_REVIEW'],
      ['walkin:c', 'duplicate'],
      ['walkin:d', 'TIDAK_COCOK'],
      ['walkin:e', 'unmatched'],
    ]);
    expect(rows[0]).toMatchObject({
      nama: 'Siswa walkin:a',
      kelas: 'XI IPA 2',
      school: 'SMA Negeri 1 Contoh',
      visitDate: '2023-01-16',
      team: 'Tim 1',
      outcome: recorded,
    });
    // A school the programme no longer has is named by its NPSN.
    expect(rows[4]).toMatchObject({ school: '99999999', kelas: '', match: null, outcome: null });
    expect(walkInCounts(rows)).toEqual({
      unmatched: 1,
      PERLU_REVIEW: 1,
      duplicate: 1,
      TIDAK_COCOK: 1,
      COCOK: 1,
    });
  });

  it('are none for no walk-ins', () => {
    expect(walkInRows([], new Map(), new Map())).toEqual([]);
    expect(Object.values(walkInCounts([]))).toEqual([0, 0, 0, 0, 0]);
  });
});
