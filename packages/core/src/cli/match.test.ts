import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProgramme } from '../generator/programme.js';
import type { DemoProgramme, TruthRow } from '../generator/types.js';
import { parseCsv } from '../io/csv-read.js';
import { formatCsv } from '../io/csv-write.js';
import { REGISTRY_COLUMNS, STUDENT_COLUMNS, registryRow, studentRow } from '../io/demo-files.js';
import { run } from './main.js';
import { REASON_TEXT } from './match.js';
import { captureIo } from '../../test/capture-io.js';

const OUTPUT_HEADER = [
  'id_siswa',
  'nik_cocok',
  'probabilitas',
  'status',
  'alasan',
  'duplikat_dari',
  'penjelasan',
];

describe('sahaja match', () => {
  let dir: string;
  let programme: DemoProgramme;
  let students: string;
  let registry: string;
  let truth: Map<string, TruthRow>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sahaja-match-'));
    programme = generateProgramme({ seed: 7, schools: 6, students: 120, registry: 800 });
    truth = new Map(programme.truth.map((t) => [t.idSiswa, t]));
    students = join(dir, 'siswa.csv');
    registry = join(dir, 'registri.csv');
    await writeFile(
      students,
      formatCsv([[...STUDENT_COLUMNS], ...programme.students.map(studentRow)]),
    );
    await writeFile(
      registry,
      formatCsv([[...REGISTRY_COLUMNS], ...programme.registry.map(registryRow)]),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function readOut(
    path: string,
  ): Promise<{ header: string[]; rows: Record<string, string>[] }> {
    const [header = [], ...rows] = parseCsv(await readFile(path, 'utf8')).rows;
    return {
      header,
      rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))),
    };
  }

  async function match(out: string, ...extra: string[]) {
    const c = captureIo();
    const code = await run(
      ['match', '--students', students, '--registry', registry, '--out', out, ...extra],
      c.io,
    );
    return { code, ...c };
  }

  describe('output', () => {
    let result: Awaited<ReturnType<typeof match>>;
    let written: Awaited<ReturnType<typeof readOut>>;
    beforeAll(async () => {
      result = await match(join(dir, 'hasil.csv'));
      written = await readOut(join(dir, 'hasil.csv'));
    });

    it('writes one row per student, in order, with the seven columns', () => {
      expect(result.err).toEqual([]);
      expect(result.code).toBe(0);
      expect(written.header).toEqual(OUTPUT_HEADER);
      expect(written.rows.map((r) => r.id_siswa)).toEqual(programme.students.map((s) => s.idSiswa));
    });

    it('gives each row a status, a probability and a reason in Indonesian', () => {
      const reasons = Object.values(REASON_TEXT).map((t) => t.id);
      for (const r of written.rows) {
        expect(['COCOK', 'PERLU_REVIEW', 'TIDAK_COCOK']).toContain(r.status);
        expect(r.probabilitas).toMatch(/^[01]\.\d{6}$/);
        expect(reasons).toContain(r.alasan);
        if (r.status === 'TIDAK_COCOK') expect(r.nik_cocok).toBe('');
        else expect(r.nik_cocok).toMatch(/^\d{16}$/);
      }
    });

    it('proposes each registry NIK for one COCOK student at most, and most of them rightly', () => {
      const cocok = written.rows.filter((r) => r.status === 'COCOK');
      expect(new Set(cocok.map((r) => r.nik_cocok)).size).toBe(cocok.length);
      const right = cocok.filter((r) => r.nik_cocok === truth.get(r.id_siswa ?? '')?.nik);
      expect(cocok.length).toBeGreaterThan(written.rows.length * 0.8);
      expect(right.length).toBe(cocok.length);
    });

    it('explains each proposal field by field, with decimal commas', () => {
      const cocok = written.rows.find((r) => r.status === 'COCOK');
      expect(cocok?.penjelasan).toMatch(/nama: [^;]+ \([+−]\d+,\d\)/);
      expect(cocok?.penjelasan).toContain('tanggal lahir: ');
    });

    it('names the row a duplicate listing repeats', () => {
      const duplicates = written.rows.filter((r) => r.alasan === REASON_TEXT.duplicate.id);
      expect(duplicates.length).toBeGreaterThan(0);
      const ids = new Set(written.rows.map((r) => r.id_siswa));
      for (const r of duplicates) expect(ids).toContain(r.duplikat_dari);
    });

    it('sums up the statuses on standard output', () => {
      const cocok = written.rows.filter((r) => r.status === 'COCOK').length;
      expect(result.out[0]).toMatch(
        new RegExp(`^Wrote 120 rows to .*hasil\\.csv: COCOK ${cocok}, PERLU_REVIEW \\d+`),
      );
    });
  });

  describe('options', () => {
    it('writes alasan and penjelasan in English with --lang en', async () => {
      const out = join(dir, 'hasil-en.csv');
      expect((await match(out, '--lang', 'en')).code).toBe(0);
      const { rows } = await readOut(out);
      const reasons = Object.values(REASON_TEXT).map((t) => t.en);
      for (const r of rows) expect(reasons).toContain(r.alasan);
      expect(rows.map((r) => r.alasan)).toContain(REASON_TEXT.confident.en);
      const cocok = rows.find((r) => r.status === 'COCOK');
      expect(cocok?.penjelasan).toMatch(/nama: [^;]+ \([+−]\d+\.\d\)/);
      expect(cocok?.penjelasan).toContain('identical');
    });

    it('honours review decisions: a rejected pair is not proposed, an accepted one is COCOK', async () => {
      const first = (await readOut(join(dir, 'hasil.csv'))).rows;
      const [rejected, accepted] = first.filter((r) => r.status === 'COCOK');
      const review = first.find((r) => r.status === 'PERLU_REVIEW' && r.nik_cocok !== '');
      if (!rejected || !accepted) throw new Error('needs two COCOK rows');
      const decisions = join(dir, 'keputusan.csv');
      const rows = [
        ['id_siswa', 'nik', 'keputusan'],
        [rejected.id_siswa ?? '', rejected.nik_cocok ?? '', 'tolak'],
        [accepted.id_siswa ?? '', accepted.nik_cocok ?? '', 'TERIMA'],
      ];
      if (review) rows.push([review.id_siswa ?? '', review.nik_cocok ?? '', 'accept']);
      await writeFile(decisions, formatCsv(rows));
      const out = join(dir, 'hasil-keputusan.csv');
      const result = await match(out, '--decisions', decisions);
      expect(result.err).toEqual([]);
      const after = new Map((await readOut(out)).rows.map((r) => [r.id_siswa, r]));
      expect(after.get(rejected.id_siswa)?.nik_cocok).not.toBe(rejected.nik_cocok);
      expect(after.get(accepted.id_siswa)).toMatchObject({
        nik_cocok: accepted.nik_cocok,
        status: 'COCOK',
        alasan: REASON_TEXT.accepted.id,
      });
      if (review) {
        expect(after.get(review.id_siswa)).toMatchObject({
          nik_cocok: review.nik_cocok,
          status: 'COCOK',
          alasan: REASON_TEXT.accepted.id,
        });
      }
    });

    it('says how many decisions could not be applied', async () => {
      const decisions = join(dir, 'keputusan-asing.csv');
      await writeFile(
        decisions,
        formatCsv([
          ['id_siswa', 'nik', 'keputusan'],
          ['tidak-ada', '3506990000000000', 'terima'],
        ]),
      );
      const result = await match(join(dir, 'hasil-asing.csv'), '--decisions', decisions);
      expect(result.code).toBe(0);
      expect(result.out.join('\n')).toMatch(/1 decisions could not be applied/);
    });

    it('takes the COCOK and review thresholds from the command line', async () => {
      const out = join(dir, 'hasil-ambang.csv');
      expect(
        (await match(out, '--threshold', '0.9999999999', '--review-threshold', '0.5')).code,
      ).toBe(0);
      const strict = (await readOut(out)).rows;
      const loose = (await readOut(join(dir, 'hasil.csv'))).rows;
      const cocok = (rows: Record<string, string>[]): number =>
        rows.filter((r) => r.status === 'COCOK').length;
      expect(cocok(strict)).toBeLessThan(cocok(loose));
      for (const r of strict) {
        if (r.alasan === REASON_TEXT.uncertain.id)
          expect(Number(r.probabilitas)).toBeGreaterThanOrEqual(0.5);
      }
    });
  });

  describe('invalid input', () => {
    async function fails(args: string[], message: RegExp): Promise<void> {
      const c = captureIo();
      const code = await run(['match', ...args], c.io);
      expect([1, 2]).toContain(code);
      expect(c.err).toHaveLength(1);
      expect(c.err[0]).toMatch(message);
    }

    it('says which required option is missing', async () => {
      const out = join(dir, 'never.csv');
      await fails(['--registry', 'r.csv', '--out', out], /--students FILE is required/);
      await fails(['--students', 's.csv', '--out', out], /--registry FILE is required/);
      await fails(['--students', 's.csv', '--registry', 'r.csv'], /--out FILE is required/);
      await fails(['--students', '--registry', 'r.csv'], /--students needs a value/);
      expect(existsSync(out)).toBe(false);
    });

    it('refuses a threshold that is not a probability, or a review threshold above it', async () => {
      const base = [
        '--students',
        students,
        '--registry',
        registry,
        '--out',
        join(dir, 'never.csv'),
      ];
      await fails([...base, '--threshold', '1.5'], /--threshold must be a probability/);
      await fails([...base, '--threshold', 'tinggi'], /--threshold must be a probability/);
      await fails([...base, '--review-threshold', '0'], /--review-threshold must be a probability/);
      await fails(
        [...base, '--threshold', '0.6', '--review-threshold', '0.7'],
        /--review-threshold must not be above --threshold/,
      );
      await fails([...base, '--lang', 'jv'], /--lang must be id or en/);
      expect(existsSync(join(dir, 'never.csv'))).toBe(false);
    });

    it('names the row of a decision that is neither terima nor tolak', async () => {
      const decisions = join(dir, 'keputusan-salah.csv');
      await writeFile(
        decisions,
        formatCsv([
          ['id_siswa', 'nik', 'keputusan'],
          ['a', '3506990000000000', 'terima'],
          ['b', '3506990000000001', 'mungkin'],
        ]),
      );
      await fails(
        [
          '--students',
          students,
          '--registry',
          registry,
          '--out',
          join(dir, 'never.csv'),
          '--decisions',
          decisions,
        ],
        /keputusan-salah\.csv: row 3: keputusan must be terima or tolak .*got "mungkin"/,
      );
    });

    it('names the columns a decisions file needs', async () => {
      const decisions = join(dir, 'keputusan-kolom.csv');
      await writeFile(
        decisions,
        formatCsv([
          ['id_siswa', 'status'],
          ['a', 'terima'],
        ]),
      );
      await fails(
        [
          '--students',
          students,
          '--registry',
          registry,
          '--out',
          join(dir, 'never.csv'),
          '--decisions',
          decisions,
        ],
        /needs the columns id_siswa, nik and keputusan/,
      );
    });

    it('says clearly when the registry cannot be read, and writes no output', async () => {
      const out = join(dir, 'never.csv');
      const base = ['--students', students, '--out', out];
      await fails(
        [...base, '--registry', join(dir, 'tidak-ada.csv')],
        /tidak-ada\.csv: no such file/,
      );
      await fails([...base, '--registry', dir], /is a folder, not a file/);
      const noColumns = join(dir, 'registri-salah.csv');
      await writeFile(noColumns, 'kolom_a,kolom_b\n1,2\n');
      await fails([...base, '--registry', noColumns], /registri-salah\.csv: .*nik/i);
      const headerOnly = join(dir, 'registri-kosong.csv');
      await writeFile(headerOnly, `${REGISTRY_COLUMNS.join(',')}\n`);
      await fails([...base, '--registry', headerOnly], /registri-kosong\.csv: no registry rows/);
      const binary = join(dir, 'registri.xls');
      await writeFile(binary, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]));
      await fails([...base, '--registry', binary], /registri\.xls: .*\.xls/);
      expect(existsSync(out)).toBe(false);
    });

    it('keeps an earlier output file when the run fails', async () => {
      const out = join(dir, 'kept.csv');
      await writeFile(out, 'earlier');
      await fails(
        ['--students', students, '--registry', join(dir, 'tidak-ada.csv'), '--out', out],
        /no such file/,
      );
      expect(await readFile(out, 'utf8')).toBe('earlier');
    });

    it('says when the student list has no usable rows', async () => {
      const empty = join(dir, 'siswa-kosong.csv');
      await writeFile(empty, `${STUDENT_COLUMNS.join(',')}\n`);
      await fails(
        ['--students', empty, '--registry', registry, '--out', join(dir, 'never.csv')],
        /siswa-kosong\.csv: no student rows/,
      );
    });
  });
});
