import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../io/csv-read.js';
import { formatCsv } from '../io/csv-write.js';
import { run } from './main.js';
import { captureIo } from '../../test/capture-io.js';

const CONFIG = {
  id: 'id',
  comparisons: [
    { column: 'nama', method: 'name' },
    { column: 'lahir', method: 'date' },
    { column: 'kota', method: 'place' },
    { column: 'jk', method: 'sex' },
  ],
  blocking: [
    { name: 'lahir', keys: [{ column: 'lahir', transform: 'date' }] },
    { name: 'nama', keys: [{ column: 'nama', transform: 'name_phonetic' }] },
  ],
  threshold: 0.9,
};

// Invented people. a1–b1, a2–b3 and a3–b4 are the same person; a5 repeats a1 within the left file.
const HEADER = ['id', 'nama', 'lahir', 'kota', 'jk'];
const LEFT = [
  ['a1', 'Rizky Pratama', '2006-01-15', 'Kediri', 'L'],
  ['a2', 'Siti Aminah', '2006-03-20', 'Pare', 'P'],
  ['a3', 'Eko Susanto', '2007-07-07', 'Wates', 'L'],
  ['a4', 'Dewi Lestari', '2005-11-02', 'Kediri', 'P'],
  ['a5', 'RIZKY PRATAMA', '15/01/2006', 'Kab. Kediri', 'LAKI-LAKI'],
];
const RIGHT = [
  ['b1', 'Moch. Rizky Pratama', '15-01-2006', 'Kab. Kediri', 'L'],
  ['b2', 'Sri Wahyuni', '2006-01-15', 'Nganjuk', 'P'],
  ['b3', 'SITI AMINAH', '2006-03-20', 'Pare', 'P'],
  ['b4', 'EKO SUSANTO', '2007-07-07', 'Wates', 'L'],
  ['b5', 'Budi Santoso', '2006-03-20', 'Pare', 'L'],
];

describe('sahaja link', () => {
  let dir: string;
  let config: string;
  let left: string;
  let right: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sahaja-link-'));
    config = join(dir, 'config.json');
    left = join(dir, 'a.csv');
    right = join(dir, 'b.csv');
    await writeFile(config, JSON.stringify(CONFIG));
    await writeFile(left, formatCsv([HEADER, ...LEFT]));
    await writeFile(right, formatCsv([HEADER, ...RIGHT]));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function readOut(path: string): Promise<{ header: string[]; rows: string[][] }> {
    const [header = [], ...rows] = parseCsv(await readFile(path, 'utf8')).rows;
    return { header, rows };
  }

  async function link(args: string[]) {
    const c = captureIo();
    const code = await run(['link', ...args], c.io);
    return { code, ...c };
  }

  describe('linking two files', () => {
    it('writes left_id,right_id,probability for the pairs at or above the threshold, in file order', async () => {
      const out = join(dir, 'links.csv');
      const result = await link([
        '--config',
        config,
        '--left',
        left,
        '--right',
        right,
        '--out',
        out,
      ]);
      expect(result.err).toEqual([]);
      expect(result.code).toBe(0);
      const { header, rows } = await readOut(out);
      expect(header).toEqual(['left_id', 'right_id', 'probability']);
      // In the order of the left file, then of the right.
      expect(rows.map(([a, b]) => `${a}-${b}`)).toEqual(['a1-b1', 'a2-b3', 'a3-b4', 'a5-b1']);
      for (const r of rows) {
        expect(r[2]).toMatch(/^[01]\.\d{6}$/);
        expect(Number(r[2])).toBeGreaterThanOrEqual(0.9);
      }
    });

    it('says how many links and candidate pairs, rule by rule', async () => {
      const out = join(dir, 'links-summary.csv');
      const result = await link([
        '--config',
        config,
        '--left',
        left,
        '--right',
        right,
        '--out',
        out,
      ]);
      expect(result.out).toEqual([
        `Wrote 4 links to ${out} (7 candidate pairs; lahir: 7, nama: 2).`,
      ]);
    });

    it('uses each record once with oneToOne', async () => {
      const oneToOne = join(dir, 'config-1to1.json');
      await writeFile(oneToOne, JSON.stringify({ ...CONFIG, oneToOne: true }));
      const out = join(dir, 'links-1to1.csv');
      expect(
        (await link(['--config', oneToOne, '--left', left, '--right', right, '--out', out])).code,
      ).toBe(0);
      const { rows } = await readOut(out);
      expect(rows.map(([a, b]) => `${a}-${b}`).sort()).toEqual(
        expect.arrayContaining(['a2-b3', 'a3-b4']),
      );
      expect(rows).toHaveLength(3);
      expect(new Set(rows.map((r) => r[0])).size).toBe(3);
      expect(new Set(rows.map((r) => r[1])).size).toBe(3);
    });

    it('links the two files when the config says dedupe but --right is given, and says so', async () => {
      const dedupe = join(dir, 'config-dedupe.json');
      await writeFile(dedupe, JSON.stringify({ ...CONFIG, mode: 'dedupe' }));
      const out = join(dir, 'links-mode.csv');
      const result = await link([
        '--config',
        dedupe,
        '--left',
        left,
        '--right',
        right,
        '--out',
        out,
      ]);
      expect(result.code).toBe(0);
      expect(result.out[0]).toMatch(/says mode "dedupe", but --right was given: linking/);
      expect((await readOut(out)).rows.every(([, b]) => b?.startsWith('b'))).toBe(true);
    });

    it('reads each file’s own column names from { left, right }', async () => {
      const renamed = join(dir, 'b-renamed.csv');
      await writeFile(
        renamed,
        formatCsv([['nik', 'nama_lgkp', 'tgl_lhr', 'tempat', 'kelamin'], ...RIGHT]),
      );
      const sides = join(dir, 'config-sides.json');
      await writeFile(
        sides,
        JSON.stringify({
          id: { left: 'id', right: 'nik' },
          comparisons: [
            { name: 'nama', column: { left: 'nama', right: 'nama_lgkp' }, method: 'name' },
            { name: 'lahir', column: { left: 'lahir', right: 'tgl_lhr' }, method: 'date' },
          ],
          blocking: [
            { keys: [{ column: { left: 'lahir', right: 'tgl_lhr' }, transform: 'date' }] },
          ],
          threshold: 0.9,
        }),
      );
      const out = join(dir, 'links-sides.csv');
      const result = await link([
        '--config',
        sides,
        '--left',
        left,
        '--right',
        renamed,
        '--out',
        out,
      ]);
      expect(result.err).toEqual([]);
      expect((await readOut(out)).rows.map(([a, b]) => `${a}-${b}`)).toEqual(
        expect.arrayContaining(['a1-b1', 'a2-b3', 'a3-b4']),
      );
    });
  });

  describe('deduplicating one file', () => {
    it('without --right, pairs the records of the left file that are the same person', async () => {
      const out = join(dir, 'dupes.csv');
      const result = await link(['--config', config, '--left', left, '--out', out]);
      expect(result.err).toEqual([]);
      expect(result.code).toBe(0);
      const { header, rows } = await readOut(out);
      expect(header).toEqual(['left_id', 'right_id', 'probability']);
      expect(rows.map(([a, b]) => `${a}-${b}`)).toEqual(['a1-a5']);
    });
  });

  describe('invalid input', () => {
    async function fails(args: string[], message: RegExp): Promise<void> {
      const result = await link(args);
      expect([1, 2]).toContain(result.code);
      expect(result.err).toHaveLength(1);
      expect(result.err[0]).toMatch(message);
    }

    it('says which required option is missing', async () => {
      await fails(['--left', left, '--out', 'x.csv'], /--config FILE is required/);
      await fails(['--config', config, '--out', 'x.csv'], /--left FILE is required/);
      await fails(['--config', config, '--left', left], /--out FILE is required/);
    });

    it('refuses a config that is not JSON', async () => {
      const broken = join(dir, 'broken.json');
      await writeFile(broken, '{ "id": "id", ');
      await fails(
        ['--config', broken, '--left', left, '--out', join(dir, 'never.csv')],
        /broken\.json: not valid JSON/,
      );
    });

    it('refuses invalid settings, naming the setting', async () => {
      const bad = join(dir, 'bad-method.json');
      await writeFile(
        bad,
        JSON.stringify({ ...CONFIG, comparisons: [{ column: 'nama', method: 'fuzzy' }] }),
      );
      await fails(
        ['--config', bad, '--left', left, '--out', join(dir, 'never.csv')],
        /bad-method\.json: Setting comparisons\.0\.method/,
      );
    });

    it('names a column the settings use but a file lacks', async () => {
      const noKota = join(dir, 'no-kota.csv');
      await writeFile(
        noKota,
        formatCsv([['id', 'nama', 'lahir', 'jk'], ...RIGHT.map((r) => [r[0], r[1], r[2], r[4]])]),
      );
      await fails(
        ['--config', config, '--left', left, '--right', noKota, '--out', join(dir, 'never.csv')],
        /no-kota\.csv: the settings use column\(s\) "kota", which the file does not have \(it has id, nama, lahir, jk\)/,
      );
      await fails(
        ['--config', config, '--left', noKota, '--out', join(dir, 'never.csv')],
        /no-kota\.csv: the settings use column\(s\) "kota"/,
      );
    });

    it('names a missing input or config file, and writes no output', async () => {
      const out = join(dir, 'never.csv');
      await fails(
        ['--config', join(dir, 'nope.json'), '--left', left, '--out', out],
        /nope\.json: no such file/,
      );
      await fails(
        ['--config', config, '--left', join(dir, 'nope.csv'), '--out', out],
        /nope\.csv: no such file/,
      );
      await fails(
        ['--config', config, '--left', left, '--right', join(dir, 'nope.csv'), '--out', out],
        /nope\.csv: no such file/,
      );
      expect(existsSync(out)).toBe(false);
    });

    it('keeps an earlier output file when the run fails', async () => {
      const out = join(dir, 'kept.csv');
      await writeFile(out, 'earlier');
      await fails(
        ['--config', config, '--left', join(dir, 'nope.csv'), '--out', out],
        /no such file/,
      );
      expect(await readFile(out, 'utf8')).toBe('earlier');
    });
  });
});
