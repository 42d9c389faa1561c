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
});
