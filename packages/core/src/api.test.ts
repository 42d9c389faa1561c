import { describe, expect, it } from 'vitest';
import { createCoreApi } from './api.js';
import { explainEligibility } from './eligibility/explain.js';

describe('the core worker API', () => {
  const api = createCoreApi();

  describe('files.importRecords', () => {
    it('reads a file into records and a report that survive a structured clone', async () => {
      const bytes = new TextEncoder().encode(
        'Nama;Tgl Lahir;NIK\r\nSiti;17/08/2006;3,50601E+15\r\n',
      );
      const progress: number[] = [];
      const result = await api.files.importRecords(
        bytes,
        { kind: 'student', pivotYear: 2023 },
        (p) => progress.push(p.rows),
      );
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const copy = structuredClone(result.value);
      expect(copy.records).toEqual([
        expect.objectContaining({ nama: 'Siti', tanggalLahir: '2006-08-17', nik: '' }),
      ]);
      expect(copy.summary.map((s) => s.code)).toEqual(['nik_scientific']);
      expect(progress.at(-1)).toBe(2);
    });
  });

  describe('files.inspectFile and files.importInBatches', () => {
    const bytes = new TextEncoder().encode(
      'DATA SISWA SMA NEGERI 1 PARE\r\nNama;Tgl Lahir;NISN\r\nSiti;17/08/2006;0061234567\r\n',
    );

    it('inspects a file into plain data that survives a structured clone', async () => {
      const result = await api.files.inspectFile(bytes, { fileName: '01_20512345_sman1.csv' });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const copy = structuredClone(result.value);
      expect(copy.guess).toEqual({ kind: 'student', sheet: 0 });
      expect(copy.sheets[0]?.guesses[0]?.school).toEqual({
        npsn: '20512345',
        npsnSource: 'file-name',
        name: 'SMA NEGERI 1 PARE',
      });
    });

    it('hands records to the callback and answers with a report without them', async () => {
      const batches: string[][] = [];
      const result = await api.files.importInBatches(
        bytes,
        { kind: 'student', pivotYear: 2023, npsn: '20512345', mapping: { nisn: null } },
        (records) => void batches.push(records.map((r) => `${r.npsn} ${r.nama} ${r.nisn}`)),
      );
      expect(batches).toEqual([['20512345 Siti ']]);
      expect(result.ok && structuredClone(result.value).counts.accepted).toBe(1);
    });
  });

  describe('eligibility.evaluate', () => {
    const person = {
      nik: '3506012003060003',
      tanggalLahir: '2006-03-20',
      statusKawin: 'BELUM KAWIN',
      kewarganegaraan: 'WNI',
      statusRekam: 'BELUM REKAM',
      kodeWilayah: '3506012001',
    };

    it('answers with plain data that survives a structured clone, as it does crossing to the page', () => {
      const result = api.eligibility.evaluate(
        [
          { person, school: '20512345' },
          { person: undefined, school: '20512345' },
        ],
        { referenceDate: '2023-01-16', regions: ['3506'] },
      );
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const copy = structuredClone(result.value);
      expect(copy.decisions.map((d) => d.category)).toEqual(['REKAM_DINI', 'TIDAK_DITEMUKAN']);
      expect(copy.summary.bySchool.get('20512345')?.REKAM_DINI).toBe(1);
      expect(explainEligibility(copy.decisions[0]!, copy.policy).id).toContain('20 Maret 2023');
    });

    it('refuses invalid settings with an issue instead of throwing', () => {
      const result = api.eligibility.evaluate([{ person }], {
        referenceDate: '2023-02-30',
        regions: ['3506'],
      });
      expect(result.ok ? 'ok' : result.issues[0].code).toBe('policy_reference_date');
    });
  });

  describe('scheduling', () => {
    const request = {
      schools: [
        {
          npsn: '20500001',
          nama: 'SMA 1',
          kecamatan: 'Pare',
          waktuTempuhMenit: 30,
          jumlahWajib: 120,
          jumlahDini: 80,
          tanggalTidakBisa: [],
        },
      ],
      teams: [{ tim: 'Tim 1', jumlahAlat: 2, kapasitasPerAlat: 50 }],
      holidays: [{ tanggal: '2023-01-23', keterangan: 'Cuti bersama Imlek' }],
      start: '2023-01-16',
      end: null,
    };

    it('plans, moves and re-plans with plain data that survives a structured clone', () => {
      const planned = api.scheduling.plan(request);
      if (!planned.ok) throw new Error(planned.issues[0].message.en);
      const plan = structuredClone(planned.value);
      expect(plan.visits.map((v) => v.date)).toEqual(['2023-01-16', '2023-01-17']);

      const first = plan.visits[0]!;
      const moved = api.scheduling.move(
        plan,
        first,
        { date: '2023-01-18', team: 'Tim 1' },
        request,
      );
      if (!moved.ok) throw new Error(moved.issues[0].message.en);
      expect(structuredClone(moved.value).moved.date).toBe('2023-01-18');

      const lost = api.scheduling.replan(plan, request, {
        lostDays: [{ team: 'Tim 1', date: '2023-01-17' }],
      });
      if (!lost.ok) throw new Error(lost.issues[0].message.en);
      expect(structuredClone(lost.value).plan.visits.map((v) => v.date)).toEqual([
        '2023-01-16',
        '2023-01-18',
      ]);
    });

    it('checks a proposed visit and refuses it with every reason', () => {
      const result = api.scheduling.check(
        { date: '2023-01-23', team: 'Tim 1', npsn: '20500001', wajib: 120, dini: 0 },
        [],
        request,
      );
      expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['holiday']);
    });

    it('refuses a request it cannot plan with issues instead of throwing', () => {
      const result = api.scheduling.plan({ ...request, start: '16/01/2023', teams: [] });
      expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual([
        'invalid_start',
        'no_team',
      ]);
    });
  });
});
