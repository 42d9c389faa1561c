import { describe, expect, it } from 'vitest';
import { currentOutcomes, validateVisitEvent, type VisitEvent } from './marks.js';
import { at, mark, undo, VISIT, walkIn } from './test-support/events.js';
import type { FieldIssue } from './validate.js';
import type { Resident } from '../domain/records.js';
import { matchStudents } from '../matching/students.js';
import { isWalkInId, liveWalkIns, WALK_IN_PREFIX, walkInStudent } from './walk-ins.js';

const WALK_IN = {
  id: 'walkin:7f3a',
  at: at(0),
  kind: 'walk_in',
  visit: VISIT,
  nama: 'Siti Aminah',
};

function problems(input: unknown): string[] {
  const result = validateVisitEvent(input, []);
  if (result.ok) throw new Error('expected the walk-in to be refused');
  return result.issues.map((i: FieldIssue) => `${i.field}: ${i.code}`);
}

describe('walk-ins', () => {
  it('needs only a name, and is always flagged for matching', () => {
    expect(validateVisitEvent(WALK_IN, [])).toEqual({
      ok: true,
      value: { ...WALK_IN, needsMatching: true },
    });
    expect(validateVisitEvent({ ...WALK_IN, needsMatching: false }, [])).toMatchObject({
      value: { needsMatching: true },
    });
  });

  it('keeps the details it is given, identifiers cleaned and the sex upper-case', () => {
    const result = validateVisitEvent(
      {
        ...WALK_IN,
        tanggalLahir: '2007-06-15',
        nisn: " '0071234567",
        nik: '3506 0155 0607 0002',
        kelas: ' XI  IPA 2 ',
        jenisKelamin: 'p',
        note: 'pindahan dari Blitar',
      },
      [],
    );
    expect(result).toEqual({
      ok: true,
      value: {
        ...WALK_IN,
        tanggalLahir: '2007-06-15',
        nisn: '0071234567',
        nik: '3506015506070002',
        kelas: 'XI IPA 2',
        jenisKelamin: 'P',
        note: 'pindahan dari Blitar',
        needsMatching: true,
      },
    });
  });

  it('treats blank optional details as absent', () => {
    const result = validateVisitEvent({ ...WALK_IN, nisn: '', nik: ' ', tanggalLahir: '' }, []);
    expect(result).toEqual({ ok: true, value: { ...WALK_IN, needsMatching: true } });
  });

  describe('invalid input', () => {
    it('refuses an id without the walk-in prefix, since marks use it as the student id', () => {
      expect(problems({ ...WALK_IN, id: 'abc' })).toEqual(['id: invalid_id']);
      expect(problems({ ...WALK_IN, id: WALK_IN_PREFIX })).toEqual(['id: invalid_id']);
    });

    it('refuses a walk-in without a name', () => {
      expect(problems({ ...WALK_IN, nama: '  ' })).toEqual(['nama: required']);
    });

    it('checks the NIK with the NIK validator and passes on its reason', () => {
      const result = validateVisitEvent({ ...WALK_IN, nik: '3506013206070002' }, []);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.issues[0]).toMatchObject({ field: 'nik', code: 'invalid_nik' });
        expect(result.issues[0].message.en).toMatch(/birth date/);
      }
      expect(problems({ ...WALK_IN, nik: '35060155060700' })).toEqual(['nik: invalid_nik']);
    });

    it('checks the NISN', () => {
      expect(problems({ ...WALK_IN, nisn: '12345' })).toEqual(['nisn: invalid_nisn']);
    });

    it('refuses a sex other than L or P, and a birth date that is not a date or after the visit', () => {
      expect(problems({ ...WALK_IN, jenisKelamin: 'X' })).toEqual(['jenisKelamin: invalid_sex']);
      expect(problems({ ...WALK_IN, tanggalLahir: '15/06/2007' })).toEqual([
        'tanggalLahir: invalid_date',
      ]);
      expect(problems({ ...WALK_IN, tanggalLahir: '2023-01-17' })).toEqual([
        'tanggalLahir: birth_after_visit',
      ]);
    });

    it('reports every field at once', () => {
      expect(
        problems({
          ...WALK_IN,
          id: 'x',
          at: '',
          nama: '',
          nik: '1',
          nisn: 'abc',
          jenisKelamin: 'LP',
        }),
      ).toEqual([
        'at: required',
        'id: invalid_id',
        'nama: required',
        'nisn: invalid_nisn',
        'nik: invalid_nik',
        'jenisKelamin: invalid_sex',
      ]);
    });
  });

  describe('in the log', () => {
    it('recognises a walk-in id', () => {
      expect(isWalkInId('walkin:1')).toBe(true);
      expect(isWalkInId('walkin:')).toBe(false);
      expect(isWalkInId('0071234567')).toBe(false);
    });

    it('lists the walk-ins not undone, and their outcomes use the same marks', () => {
      const log: VisitEvent[] = [
        walkIn('walkin:1', 0),
        walkIn('walkin:2', 1),
        mark('m1', 'walkin:1', 'recorded', 2),
        undo('u1', 'walkin:2', 3),
      ];
      expect(liveWalkIns(log).map((w) => w.id)).toEqual(['walkin:1']);
      expect(currentOutcomes(log).outcomes.get('walkin:1')?.outcome).toBe('recorded');
    });

    it('is empty for an empty log', () => {
      expect(liveWalkIns([])).toEqual([]);
    });
  });

  describe('for pemadanan', () => {
    // An invented person in an invented kecamatan (35.06.99): no NIK here is anyone's.
    const PERSON: Resident = {
      nik: '3506995506070002',
      noKk: '3506990101010001',
      nama: 'SITI AMINAH',
      jenisKelamin: 'P',
      tempatLahir: 'KEDIRI',
      tanggalLahir: '2007-06-15',
      namaIbu: 'SRI WAHYUNI',
      alamat: 'DSN KRAJAN RT 001 RW 002',
      kodeWilayah: '3506992001',
      statusKawin: 'BELUM KAWIN',
      kewarganegaraan: 'WNI',
      statusRekam: 'BELUM REKAM',
    };
    const OTHER: Resident = {
      ...PERSON,
      nik: '3506990301080003',
      nama: 'AHMAD FAUZI',
      jenisKelamin: 'L',
      tanggalLahir: '2008-01-03',
    };

    it("is a student of the visit's school, with the id its marks use and gaps left empty", () => {
      expect(walkInStudent(walkIn('walkin:1', 0))).toEqual({
        idSiswa: 'walkin:1',
        npsn: VISIT.npsn,
        nisn: '',
        nik: '',
        nama: 'Siti Aminah',
        jenisKelamin: '',
        tempatLahir: '',
        tanggalLahir: '',
        namaIbu: '',
        alamat: '',
        kelas: '',
      });
      expect(
        walkInStudent(
          walkIn('walkin:2', 0, {
            nisn: '0071234567',
            nik: PERSON.nik,
            jenisKelamin: 'P',
            tanggalLahir: '2007-06-15',
            kelas: 'XI IPA 2',
            note: 'pindahan',
          }),
        ),
      ).toMatchObject({
        nisn: '0071234567',
        nik: PERSON.nik,
        jenisKelamin: 'P',
        tanggalLahir: '2007-06-15',
        kelas: 'XI IPA 2',
      });
    });

    it('is matched to its registry person by its NIK, or by name and birth date without one', async () => {
      const withNik = walkInStudent(walkIn('walkin:1', 0, { nik: PERSON.nik }));
      const withoutNik = walkInStudent(
        walkIn('walkin:2', 1, {
          nama: 'Ahmad Fauzi',
          tanggalLahir: '2008-01-03',
          jenisKelamin: 'L',
        }),
      );
      const nobody = walkInStudent(walkIn('walkin:3', 2, { nama: 'Bambang Sutrisno' }));
      const result = await matchStudents([withNik, withoutNik, nobody], [PERSON, OTHER]);
      if (!result.ok) throw new Error(result.issues[0].message.en);
      const byId = new Map(result.value.matches.map((m) => [m.idSiswa, m]));
      expect(byId.get('walkin:1')).toMatchObject({ status: 'COCOK', nik: PERSON.nik });
      expect(byId.get('walkin:2')).toMatchObject({ status: 'COCOK', nik: OTHER.nik });
      expect(byId.get('walkin:3')).toMatchObject({ status: 'TIDAK_COCOK', nik: '' });
    });
  });
});
