import { beforeAll, describe, expect, it } from 'vitest';
import { generateProgramme } from '../generator/programme.js';
import type { DemoProgramme, SchoolFile } from '../generator/types.js';
import { importInBatches, type BatchImportReport } from './batch-import.js';
import { formatCsv } from './csv-write.js';
import { REGISTRY_COLUMNS, registryRow, schoolFileBytes } from './demo-files.js';
import { encodeUtf8 } from './encoding.js';
import { inspectFile, type ImportKind } from './inspect.js';
import type { RecordOf } from './records.js';

const csv = (rows: (string | number)[][]): Uint8Array =>
  encodeUtf8(formatCsv(rows, { neutraliseFormulas: false }));

/** Reads a file in batches; returns the report and every record handed over, in order. */
async function read<K extends ImportKind>(
  bytes: Uint8Array,
  kind: K,
  options: { npsn?: string; previewRows?: number } = {},
): Promise<{ report: BatchImportReport<RecordOf[K]>; records: RecordOf[K][]; rows: number[] }> {
  const records: RecordOf[K][] = [];
  const rows: number[] = [];
  const result = await importInBatches(bytes, {
    kind,
    pivotYear: 2023,
    ...options,
    onRecords: (batch, batchRows) => {
      records.push(...batch);
      rows.push(...batchRows);
    },
  });
  if (!result.ok) throw new Error(`refused: ${result.issues[0].code}`);
  return { report: result.value, records, rows };
}

describe('importInBatches', () => {
  describe("the demo's school lists", () => {
    let programme: DemoProgramme;
    const bytesOf = new Map<SchoolFile, Uint8Array>();
    beforeAll(async () => {
      programme = generateProgramme({ seed: 5, schools: 14, students: 1400, registry: 4200 });
      for (const file of programme.files) bytesOf.set(file, await schoolFileBytes(file));
    });

    it('hands over every row of every file, with the NPSN the inspection found for one-school lists', async () => {
      for (const file of programme.files) {
        const bytes = bytesOf.get(file) ?? new Uint8Array(0);
        const seen = await inspectFile(bytes, { fileName: file.fileName });
        const guess = seen.ok ? seen.value.sheets[seen.value.guess?.sheet ?? 0]?.guesses[0] : null;
        const npsn = guess?.mapping.npsn === undefined ? guess?.school?.npsn : undefined;
        const { report, records, rows } = await read(bytes, 'student', npsn ? { npsn } : {});
        const truth = programme.truth.filter((t) => t.file === file.fileName);
        expect(records, file.fileName).toHaveLength(truth.length);
        expect(report.counts.accepted, file.fileName).toBe(truth.length);
        expect(report.counts.rejected, file.fileName).toBe(0);
        expect(rows, file.fileName).toEqual(truth.map((t) => t.fileRow));
        expect(new Set(records.map((r) => r.npsn)), file.fileName).toEqual(new Set(file.npsn));
        expect(report.preview).toEqual(
          records.slice(0, 20).map((record, i) => ({ row: rows[i], record })),
        );
        const perSchool = file.npsn.map((id) => ({
          npsn: id,
          students: records.filter((r) => r.npsn === id).length,
        }));
        expect(report.schools.map(({ npsn: id, students }) => ({ npsn: id, students }))).toEqual(
          expect.arrayContaining(perSchool),
        );
        expect(report.schools).toHaveLength(file.npsn.length);
      }
    });

    it("names the schools of the branch office's combined list from its school column", async () => {
      const combined = programme.files.find((f) => f.npsn.length > 1);
      expect(combined).toBeDefined();
      if (!combined) return;
      const { report } = await read(bytesOf.get(combined) ?? new Uint8Array(0), 'student');
      for (const listed of report.schools) {
        expect(listed.nama).toBe(programme.schools.find((s) => s.npsn === listed.npsn)?.nama);
      }
    });
  });

  describe('store checks', () => {
    it('rejects a student row without a valid school NPSN, and counts it', async () => {
      const { report, records } = await read(
        csv([
          ['npsn', 'nama', 'tanggal_lahir', 'nisn'],
          ['20512345', 'A', '2006-01-01', '0061111111'],
          ['', 'B', '2006-01-02', '0061111112'],
          ['2051234', 'C', '2006-01-03', '0061111113'],
        ]),
        'student',
      );
      expect(records.map((r) => r.nama)).toEqual(['A']);
      expect(report.counts).toMatchObject({ dataRows: 3, accepted: 1, rejected: 2, warnings: 0 });
      const errors = report.issues.filter((i) => i.severity === 'error');
      expect(errors.map((i) => [i.row, i.field, i.column, i.code])).toEqual([
        [3, 'npsn', 'npsn', 'student_school_missing'],
        [4, 'npsn', 'npsn', 'student_school_invalid'],
      ]);
      expect(report.summary.find((s) => s.code === 'student_school_missing')).toMatchObject({
        count: 1,
        severity: 'error',
        rows: [3],
      });
      expect(report.schools).toEqual([{ npsn: '20512345', nama: '', students: 1 }]);
    });

    it('gives a one-school list its NPSN, and refuses an NPSN that is not one', async () => {
      const bytes = csv([
        ['nama', 'tanggal_lahir'],
        ['A', '2006-01-01'],
      ]);
      const { records } = await read(bytes, 'student', { npsn: 'p1234567' });
      expect(records[0]?.npsn).toBe('P1234567');
      const refused = await importInBatches(bytes, {
        kind: 'student',
        npsn: '123',
        onRecords: () => {},
      });
      expect(refused.ok ? 'ok' : refused.issues[0].code).toBe('npsn_invalid');
    });

    it('keeps a student listed twice, with a warning naming the first row', async () => {
      const { report, records } = await read(
        csv([
          ['npsn', 'nama', 'tanggal_lahir', 'nisn'],
          ['20512345', 'A', '2006-01-01', '0061111111'],
          ['20512345', 'A', '2006-01-01', '0061111111'],
        ]),
        'student',
      );
      expect(records).toHaveLength(2);
      expect(report.counts).toMatchObject({ accepted: 2, rejected: 0, warnings: 1 });
      expect(report.issues.map((i) => [i.row, i.code, i.severity, i.message.en])).toEqual([
        [
          3,
          'student_id_repeated',
          'warning',
          'Same student id as row 2 (listed twice?); both are imported and pemadanan will flag them.',
        ],
      ]);
    });

    it('keeps the first of two registry rows with one NIK and never repeats the NIK in the reason', async () => {
      const programme = generateProgramme({ seed: 3, schools: 2, students: 40, registry: 150 });
      const people = programme.registry.slice(0, 3).map(registryRow);
      const again = [...(people[0] as string[])];
      again[2] = 'NAMA LAIN';
      const { report, records } = await read(
        csv([[...REGISTRY_COLUMNS], ...people, again]),
        'resident',
      );
      expect(records.map((r) => r.nik)).toEqual(programme.registry.slice(0, 3).map((r) => r.nik));
      expect(records[0]?.nama).toBe(programme.registry[0]?.nama);
      expect(report.counts).toMatchObject({ dataRows: 4, accepted: 3, rejected: 1 });
      const [issue] = report.issues;
      expect(issue).toMatchObject({ row: 5, field: 'nik', column: 'nik', code: 'key_repeated' });
      expect(issue?.message.id).toBe('NIK sama dengan baris 2; hanya baris pertama yang diimpor.');
      const reasons = JSON.stringify([report.issues, report.summary]);
      expect(reasons).not.toContain(programme.registry[0]?.nik ?? '-');
    });

    it('moves a rejected row out of the rows with warnings', async () => {
      const { report } = await read(
        csv([
          ['tim', 'jumlah_alat', 'kapasitas_per_alat'],
          ['Tim 1', '3', '50'],
          ['TIM  1', '2', '50'],
        ]),
        'team',
      );
      expect(report.counts).toMatchObject({ accepted: 1, rejected: 1, warnings: 0 });
      expect(report.summary).toEqual([
        expect.objectContaining({ field: 'tim', code: 'key_repeated', count: 1, rows: [3] }),
      ]);
    });
  });

  describe('batches', () => {
    it('refuses a batch size that is not a positive integer', async () => {
      await expect(
        importInBatches(csv([['tim'], ['A']]), { kind: 'team', batchSize: 0, onRecords: () => {} }),
      ).rejects.toThrow(RangeError);
    });

    it('hands a large file over in several batches and waits for each', async () => {
      const rows: string[][] = [['tanggal', 'keterangan']];
      for (let i = 0; i < 12_000; i++) rows.push(['2023-01-02', `Libur ${i}`]);
      const sizes: number[] = [];
      let busy = false;
      const result = await importInBatches(csv(rows), {
        kind: 'holiday',
        previewRows: 3,
        batchSize: 2500,
        onRecords: async (batch) => {
          expect(busy).toBe(false);
          busy = true;
          await new Promise((resolve) => setTimeout(resolve, 1));
          sizes.push(batch.length);
          busy = false;
        },
      });
      expect(result.ok).toBe(true);
      expect(sizes.length).toBeGreaterThan(4);
      expect(Math.max(...sizes)).toBe(2500);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(12_000);
      if (result.ok) {
        expect(result.value.preview.map((p) => p.row)).toEqual([2, 3, 4]);
        expect(result.value).not.toHaveProperty('records');
      }
    });
  });
});
