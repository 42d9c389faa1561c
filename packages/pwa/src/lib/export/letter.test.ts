import { describe, expect, it } from 'vitest';
import { NO_OFFICE, type OfficeSettings } from '../programme/settings';
import { AGENCY, letterModel, letterWarnings, officeHasBlanks, type Segment } from './letter';
import { letterData } from './schedule';
import { A, A_TARGETS, SOURCE } from './test-support/schedule-fixture';

const OFFICE: OfficeSettings = {
  government: 'Pemerintah Kabupaten Kediri',
  name: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kediri',
  address: 'Jl. Contoh No. 1, Kediri',
  contact: 'Telp. (0354) 000000',
  place: 'Kediri',
  numberPrefix: '470/',
  signatoryTitle: 'Kepala Dinas',
  signatoryName: 'NAMA PEJABAT CONTOH',
  signatoryRank: 'Pembina (IV/a)',
  signatoryNip: '197001011995031001',
  kkCopies: true,
};

const DATA = letterData(A.npsn, SOURCE, A_TARGETS);
const text = (segments: readonly Segment[]) =>
  segments.map((s) => (typeof s === 'string' ? s : `[${'.'.repeat(3)}]`)).join('');

describe('letterModel', () => {
  describe('with the office’s details', () => {
    const letter = letterModel(DATA, { office: OFFICE, today: '2023-01-09' });

    it('heads the letter with the office, place and date, number and subject', () => {
      expect(text(letter.letterhead.government)).toBe('PEMERINTAH KABUPATEN KEDIRI');
      expect(text(letter.letterhead.office)).toBe(
        'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN KEDIRI',
      );
      expect(text(letter.placeDate)).toBe('Kediri, 9 Januari 2023');
      expect(text(letter.number)).toBe('470/[...]');
      expect(letter.subject).toBe('Pemberitahuan Jadwal Perekaman KTP-el bagi Siswa');
      expect(letter.recipient).toEqual(['Kepada', 'Yth. Kepala SMA A', 'di', 'Tempat']);
      expect(letter.hasBlanks).toBe(false);
    });

    it('states each visit day with the arrival and recording times, in Indonesian', () => {
      expect(letter.visits).toEqual([
        {
          day: 'Senin, 16 Januari 2023',
          arrival: 'pukul 07.50',
          recording: 'pukul 08.10 s.d. 08.17',
          students: '3 siswa wajib KTP-el',
        },
        {
          day: 'Selasa, 17 Januari 2023',
          arrival: 'pukul 07.50',
          recording: 'pukul 08.10 s.d. 08.15',
          students: '2 siswa rekam dini',
        },
      ]);
      expect(letter.opening).toContain('3 siswa wajib KTP-el dan 2 siswa rekam dini di SMA A');
    });

    it('asks for a room, sockets for the team’s sets, the students and, when wanted, KK copies', () => {
      expect(letter.prepare).toHaveLength(5);
      expect(letter.prepare[0]).toContain('3 (tiga) meja perekaman');
      expect(letter.prepare[1]).toContain('4 (empat) titik');
      expect(letter.prepare.join(' ')).toContain('fotokopi Kartu Keluarga (KK)');
      const without = letterModel(DATA, {
        office: { ...OFFICE, kkCopies: false },
        today: '2023-01-09',
      });
      expect(without.prepare.join(' ')).not.toContain('Kartu Keluarga');
    });

    it('is signed by the office’s signatory, the NIP grouped', () => {
      expect(text(letter.signatory.title)).toBe('Kepala Dinas');
      expect(text(letter.signatory.name)).toBe('NAMA PEJABAT CONTOH');
      expect(letter.signatory.rank).toBe('Pembina (IV/a)');
      expect(text(letter.signatory.nip)).toBe('NIP. 19700101 199503 1 001');
    });

    it('attaches the timetable per class and the students with their turns', () => {
      expect(letter.timetable.map((l) => [l.day, l.time, l.kelas, l.wajib, l.dini])).toEqual([
        ['Senin, 16 Januari 2023', '08.10–08.12', 'XII 1', 1, 0],
        ['Senin, 16 Januari 2023', '08.12–08.15', 'XII 2', 1, 0],
        ['Senin, 16 Januari 2023', '08.15–08.17', 'XII 10', 1, 0],
        ['Selasa, 17 Januari 2023', '08.10–08.12', 'XII 1', 0, 1],
        ['Selasa, 17 Januari 2023', '08.12–08.15', 'XI 2', 0, 1],
      ]);
      expect(letter.students.map((s) => [s.no, s.nama, s.kelas, s.category, s.turn])).toEqual([
        [1, 'CITRA', 'XI 2', 'REKAM_DINI', '17 Jan 2023, 08.12'],
        [2, 'ANI', 'XII 1', 'REKAM_DINI', '17 Jan 2023, 08.10'],
        [3, 'BUDI', 'XII 1', 'WAJIB', '16 Jan 2023, 08.10'],
        [4, 'KARTIKA', 'XII 2', 'WAJIB', '16 Jan 2023, 08.12'],
        [5, 'JOKO', 'XII 10', 'WAJIB', '16 Jan 2023, 08.15'],
      ]);
    });
  });

  describe('without the office’s details', () => {
    const letter = letterModel(DATA, { office: NO_OFFICE, today: '2023-01-09' });

    it('leaves blanks to fill in by hand and invents no name', () => {
      expect(letter.hasBlanks).toBe(true);
      expect(letter.letterhead.government).toEqual([{ blank: 40 }]);
      expect(text(letter.letterhead.office)).toBe(AGENCY.toUpperCase());
      expect(text(letter.placeDate)).toBe('[...], 9 Januari 2023');
      expect(letter.number).toEqual([{ blank: 30 }]);
      expect(letter.signatory.title).toEqual([{ blank: 36 }]);
      expect(letter.signatory.name).toEqual([{ blank: 30 }]);
      expect(letter.signatory.rank).toBeNull();
      expect(text(letter.signatory.nip)).toBe('NIP. [...]');
    });
  });

  describe('invalid input', () => {
    it('marks students the plan does not hold as not yet scheduled', () => {
      const more = {
        ...DATA,
        students: [
          ...DATA.students,
          {
            nisn: '1',
            nama: 'ZAHRA',
            kelas: 'XII 1',
            category: 'WAJIB' as const,
            date: null,
            team: null,
            start: null,
            end: null,
          },
        ],
      };
      const letter = letterModel(more, { office: NO_OFFICE, today: '2023-01-09' });
      expect(letter.students.at(-1)).toMatchObject({ turn: 'belum terjadwal', scheduled: false });
    });
  });
});

describe('letterWarnings', () => {
  it('says nothing when the plan holds every target student', () => {
    expect(letterWarnings(DATA)).toEqual([]);
  });

  it('says when the targets changed since the plan and who has no turn', () => {
    const extra = {
      nisn: '1',
      nama: 'ZAHRA',
      kelas: 'XII 1',
      category: 'WAJIB' as const,
      date: null,
      team: null,
      start: null,
      end: null,
    };
    const changed = {
      ...DATA,
      students: [...DATA.students, extra],
      targets: { ...DATA.targets, wajib: 4 },
    };
    expect(letterWarnings(changed)).toEqual([
      { kind: 'changed', now: 6, planned: 5 },
      { kind: 'unscheduled', count: 1 },
    ]);
  });
});

describe('officeHasBlanks', () => {
  it('is true until every printed detail is filled in (rank and KK copies are optional)', () => {
    expect(officeHasBlanks(NO_OFFICE)).toBe(true);
    expect(officeHasBlanks({ ...OFFICE, signatoryRank: '' })).toBe(false);
    expect(officeHasBlanks({ ...OFFICE, place: ' ' })).toBe(true);
  });
});
