import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Row } from './comparisons.js';
import {
  explainPair,
  linkPairs,
  links,
  probabilityOf,
  runLink,
  type LinkInput,
  type LinkOptions,
  type LinkProgress,
  type LinkRun,
} from './engine.js';
import { parseLinkSettings, type LinkSettings, type LinkSettingsInput } from './settings.js';

/** Settings from their JSON form (tests of bad settings call parseLinkSettings themselves). */
function settingsOf(input: LinkSettingsInput): LinkSettings {
  const parsed = parseLinkSettings(input);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message.en).join('; '));
  return parsed.value;
}

const PEOPLE: LinkSettingsInput = {
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
};

// Invented people. a1–b1, a2–b3 and a3–b4 are the same person written differently; b2 shares a1's
// birth date, b5 shares a2's, b6 shares a2's name; a4 has no counterpart.
const LEFT: Row[] = [
  { id: 'a1', nama: 'Rizky Pratama', lahir: '2006-01-15', kota: 'Kediri', jk: 'L' },
  { id: 'a2', nama: 'Siti Aminah', lahir: '2006-03-20', kota: 'Pare', jk: 'P' },
  { id: 'a3', nama: 'Eko Susanto', lahir: '2007-07-07', kota: '', jk: 'L' },
  { id: 'a4', nama: 'Dewi Lestari', lahir: '2005-11-02', kota: 'Kediri', jk: 'P' },
];
const RIGHT: Row[] = [
  { id: 'b1', nama: 'RIZKY PRATAMA', lahir: '15-01-2006', kota: 'Kab. Kediri', jk: 'LAKI-LAKI' },
  { id: 'b2', nama: 'SRI WAHYUNI', lahir: '2006-01-15', kota: 'Nganjuk', jk: 'P' },
  { id: 'b3', nama: 'SITI AMINAH', lahir: '2006-03-20', kota: 'Pare', jk: 'P' },
  { id: 'b4', nama: 'EKO SUSANTO', lahir: '2007-07-07', kota: 'Wates', jk: 'L' },
  { id: 'b5', nama: 'Budi Santoso', lahir: '2006-03-20', kota: 'Pare', jk: 'L' },
  { id: 'b6', nama: 'Siti Aminah', lahir: '1999-09-09', kota: 'Blitar', jk: 'P' },
];

async function linked(
  settings: LinkSettings,
  input: LinkInput,
  options: LinkOptions = {},
): Promise<LinkRun> {
  const result = await runLink(settings, input, options);
  if (!result.ok) throw new Error(result.issues[0].message.en);
  return result.value;
}

/** Every candidate pair as `leftId-rightId` → its index. */
function pairIndex(run: LinkRun): Map<string, number> {
  const index = new Map<string, number>();
  for (let p = 0; p < run.pairs.size; p++) {
    index.set(`${run.leftIds[run.pairs.left(p)]}-${run.rightIds[run.pairs.right(p)]}`, p);
  }
  return index;
}

function probabilityOfPair(run: LinkRun, key: string): number {
  const p = pairIndex(run).get(key);
  if (p === undefined) throw new Error(`${key} is not a candidate pair`);
  return probabilityOf(run.weights[p] as number);
}

async function* inBatches(rows: readonly Row[], size: number): AsyncGenerator<readonly Row[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

describe('probabilityOf', () => {
  it('reads weight 0 as even odds and each bit as a doubling of the odds', () => {
    expect(probabilityOf(0)).toBe(0.5);
    expect(probabilityOf(1)).toBeCloseTo(2 / 3, 12);
    expect(probabilityOf(-1)).toBeCloseTo(1 / 3, 12);
    expect(probabilityOf(10)).toBeCloseTo(1024 / 1025, 12);
  });

  it('is a probability, increasing in the weight, and symmetric about 0 (property)', () => {
    const weight = fc.double({ min: -60, max: 60, noNaN: true });
    fc.assert(
      fc.property(weight, weight, (a, b) => {
        const p = probabilityOf(a);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(p + probabilityOf(-a)).toBeCloseTo(1, 12);
        if (a < b) expect(probabilityOf(a)).toBeLessThanOrEqual(probabilityOf(b));
      }),
    );
  });
});

describe('parseLinkSettings', () => {
  describe('defaults', () => {
    it('links two files at threshold 0.5, not one-to-one, and estimates m, when nothing says otherwise', () => {
      const parsed = parseLinkSettings(PEOPLE);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value).toMatchObject({
        mode: 'link',
        leftId: 'id',
        rightId: 'id',
        threshold: 0.5,
        oneToOne: false,
        clusters: false,
        seed: 1,
        randomPairs: 200_000,
        estimateM: true,
      });
      expect(parsed.value.comparisons.map((c) => [c.name, c.termFrequency])).toEqual([
        ['nama', false],
        ['lahir', false],
        ['kota', false],
        ['jk', false],
      ]);
    });

    it('names a comparison after its column and an unnamed rule after its keys', () => {
      const parsed = parseLinkSettings({
        id: 'id',
        comparisons: [{ column: 'nama', method: 'name' }],
        blocking: [
          {
            keys: [
              { column: 'nama', transform: 'first_word_phonetic' },
              { column: 'lahir', transform: 'year' },
            ],
          },
          { keys: [{ column: 'nik' }] },
        ],
      });
      expect(parsed.ok && parsed.value.comparisons[0]?.name).toBe('nama');
      const [both, nik] = parsed.ok ? parsed.value.blocking.map((b) => b.name) : [];
      expect(both).toMatch(/nama:first_word_phonetic.+lahir:year/);
      expect(nik).toBe('nik:value');
    });
  });

  describe('columns of each side', () => {
    it('reads { left, right } as the two files’ own column names', () => {
      const parsed = parseLinkSettings({
        id: { left: 'id_siswa', right: 'nik' },
        comparisons: [
          {
            name: 'nama',
            column: { left: 'nama_siswa', right: 'nama_lgkp' },
            method: 'name',
            termFrequency: true,
          },
        ],
        blocking: [
          {
            name: 'lahir',
            keys: [{ column: { left: 'tgl', right: 'tgl_lhr' }, transform: 'date' }],
          },
        ],
        mode: 'link',
        threshold: 0.9,
        oneToOne: true,
      });
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value).toMatchObject({
        leftId: 'id_siswa',
        rightId: 'nik',
        threshold: 0.9,
        oneToOne: true,
        blocking: [
          {
            name: 'lahir',
            left: [{ column: 'tgl', transform: 'date' }],
            right: [{ column: 'tgl_lhr', transform: 'date' }],
          },
        ],
      });
      expect(parsed.value.comparisons[0]?.termFrequency).toBe(true);
    });

    it('compares several columns read as one value with a single column of the other file', async () => {
      const settings = settingsOf({
        id: 'id',
        comparisons: [
          { name: 'nama', column: { left: ['depan', 'belakang'], right: 'nama' }, method: 'name' },
        ],
        blocking: [{ keys: [{ column: 'lahir', transform: 'date' }] }],
      });
      const run = await linked(settings, {
        left: [{ id: 'a', depan: 'Rizky', belakang: 'Pratama', lahir: '2006-01-15' }],
        right: [{ id: 'b', nama: 'RIZKY PRATAMA', lahir: '2006-01-15' }],
      });
      expect(explainPair(run, 0)[0]?.level).toBe('exact');
    });
  });

  describe('invalid input', () => {
    const valid = PEOPLE as Record<string, unknown>;
    it.each<[string, unknown, string]>([
      ['an unknown top-level key', { ...valid, colour: 'red' }, '(top level)'],
      [
        'an unknown key in a comparison',
        { ...valid, comparisons: [{ column: 'nama', method: 'name', weight: 2 }] },
        'comparisons.0',
      ],
      [
        'an unknown method',
        { ...valid, comparisons: [{ column: 'nama', method: 'fuzzy' }] },
        'comparisons.0.method',
      ],
      [
        'an unknown transform',
        { ...valid, blocking: [{ keys: [{ column: 'nama', transform: 'soundex' }] }] },
        'blocking.0.keys.0.transform',
      ],
      [
        'a prefix of no characters',
        { ...valid, blocking: [{ keys: [{ column: 'nama', transform: 'prefix:0' }] }] },
        'blocking.0.keys.0.transform',
      ],
      ['threshold 0', { ...valid, threshold: 0 }, 'threshold'],
      ['threshold 1', { ...valid, threshold: 1 }, 'threshold'],
      ['a threshold above 1', { ...valid, threshold: 1.5 }, 'threshold'],
      ['a threshold written as text', { ...valid, threshold: '0.9' }, 'threshold'],
      ['no comparisons', { ...valid, comparisons: [] }, 'comparisons'],
      ['no blocking rules', { ...valid, blocking: [] }, 'blocking'],
      ['a blocking rule without keys', { ...valid, blocking: [{ keys: [] }] }, 'blocking.0.keys'],
      ['an unknown mode', { ...valid, mode: 'merge' }, 'mode'],
      ['no id column', { comparisons: valid.comparisons, blocking: valid.blocking }, 'id'],
      [
        'Jaro-Winkler bands in the wrong order',
        { ...valid, comparisons: [{ column: 'kota', method: 'text', jaroWinkler: [0.8, 0.9] }] },
        'comparisons.0.jaroWinkler',
      ],
      ['too few random pairs', { ...valid, randomPairs: 10 }, 'randomPairs'],
      ['a fractional seed', { ...valid, seed: 1.5 }, 'seed'],
      ['null', null, '(top level)'],
      ['an array', [], '(top level)'],
    ])('refuses %s with an issue naming the setting', (_, input, path) => {
      const parsed = parseLinkSettings(input);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      const issue = parsed.issues.find((i) => i.path === path);
      expect(issue, parsed.issues.map((i) => i.path).join(', ')).toBeDefined();
      expect(issue?.code).toBe('settings_invalid');
      expect(issue?.message.en).toContain(path);
      expect(issue?.message.id).toContain(path);
    });

    it('names the unknown key itself', () => {
      const parsed = parseLinkSettings({ ...(PEOPLE as object), colour: 'red' });
      expect(!parsed.ok && parsed.issues[0].message.en).toContain('colour');
    });

    it('reports every problem, not only the first', () => {
      const parsed = parseLinkSettings({ ...(PEOPLE as object), threshold: 2, comparisons: [] });
      expect(!parsed.ok && parsed.issues.map((i) => i.path).sort()).toEqual([
        'comparisons',
        'threshold',
      ]);
    });

    it('never throws, whatever JSON it is given (property)', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (json) => {
          const parsed = parseLinkSettings(json);
          if (!parsed.ok) {
            expect(parsed.issues.every((i) => i.code === 'settings_invalid')).toBe(true);
          }
        }),
      );
    });
  });
});

describe('runLink', () => {
  const settings = settingsOf(PEOPLE);

  describe('scoring', () => {
    it('gives a true pair a high probability and an unrelated pair a low one', async () => {
      const run = await linked(settings, { left: LEFT, right: RIGHT });
      expect(probabilityOfPair(run, 'a1-b1')).toBeGreaterThan(0.99);
      expect(probabilityOfPair(run, 'a2-b3')).toBeGreaterThan(0.99);
      expect(probabilityOfPair(run, 'a1-b2')).toBeLessThan(0.01);
      expect(probabilityOfPair(run, 'a2-b5')).toBeLessThan(0.5);
      expect(probabilityOfPair(run, 'a2-b6')).toBeLessThan(0.5);
    });

    it('still scores a true pair high when one side lacks a value', async () => {
      const run = await linked(settings, { left: LEFT, right: RIGHT });
      expect(probabilityOfPair(run, 'a3-b4')).toBeGreaterThan(0.99);
    });

    it('weighs agreement on a common value less than on a rare one (term frequencies)', async () => {
      const tf = settingsOf({
        id: 'id',
        comparisons: [{ column: 'nama', method: 'name', termFrequency: true }],
        blocking: [{ keys: [{ column: 'lahir', transform: 'year' }] }],
      });
      const right: Row[] = [
        ...Array.from({ length: 6 }, (_, i) => ({
          id: `r${i}`,
          nama: 'SITI AMINAH',
          lahir: `2006-01-1${i}`,
        })),
        { id: 'rare', nama: 'ZAKIYA NURFADILAH', lahir: '2006-05-05' },
      ];
      const run = await linked(tf, {
        left: [
          { id: 'common', nama: 'Siti Aminah', lahir: '2006-01-10' },
          { id: 'rare', nama: 'Zakiya Nurfadilah', lahir: '2006-05-05' },
        ],
        right,
      });
      const index = pairIndex(run);
      const weight = (key: string): number =>
        explainPair(run, index.get(key) as number)[0]?.weight ?? Number.NaN;
      expect(weight('common-r0')).toBeLessThan(weight('rare-rare'));
    });
  });

  describe('blocking', () => {
    it('counts the pairs each rule brings and those no earlier rule brought', async () => {
      const run = await linked(settings, { left: LEFT, right: RIGHT });
      // lahir: a1–b1, a1–b2, a2–b3, a3–b4, a2–b5; nama: a1–b1, a2–b3, a3–b4 again and a2–b6 new.
      expect(run.blocking).toEqual([
        { rule: 'lahir', pairs: 5, newPairs: 5 },
        { rule: 'nama', pairs: 4, newPairs: 1 },
      ]);
      expect([...pairIndex(run).keys()].sort()).toEqual([
        'a1-b1',
        'a1-b2',
        'a2-b3',
        'a2-b5',
        'a2-b6',
        'a3-b4',
      ]);
      expect(run.leftCount).toBe(4);
      expect(run.rightCount).toBe(6);
    });

    it('never pairs records whose keys are all empty', async () => {
      const run = await linked(settings, {
        left: [{ id: 'x', nama: '', lahir: '' }],
        right: [{ id: 'y', nama: '', lahir: 'tidak tahu' }],
      });
      expect(run.pairs.size).toBe(0);
      expect(run.blocking.map((b) => b.pairs)).toEqual([0, 0]);
    });

    it('takes ids from the id column, else the row number from 1', async () => {
      const run = await linked(settings, {
        left: [{ nama: 'Rizky Pratama', lahir: '2006-01-15' }],
        right: [
          { id: 'b9', nama: 'Bagus', lahir: '2001-01-01' },
          { id: ' ', nama: 'Rizky Pratama', lahir: '2006-01-15' },
        ],
      });
      expect(run.leftIds).toEqual(['1']);
      expect(run.rightIds[run.pairs.right(0)]).toBe('2');
      expect(run.rightRows[run.pairs.right(0)]).toBe(1);
    });
  });

  describe('dedupe mode', () => {
    const dedupe = settingsOf({ ...PEOPLE, mode: 'dedupe' });
    const rows: Row[] = [
      ...LEFT,
      { id: 'a5', nama: 'RIZKY PRATAMA', lahir: '15/01/2006', kota: 'Kab. Kediri', jk: 'L' },
      { id: 'a6', nama: 'Siti Aminah', lahir: '2006-03-20', kota: 'Pare', jk: 'P' },
    ];

    it('finds the rows of one file that are the same person', async () => {
      const run = await linked(dedupe, { left: rows });
      expect(probabilityOfPair(run, 'a1-a5')).toBeGreaterThan(0.99);
      expect(probabilityOfPair(run, 'a2-a6')).toBeGreaterThan(0.99);
      expect(linkPairs(run, 0.5, false).map((p) => run.rightIds[run.pairs.right(p)])).toEqual(
        expect.arrayContaining(['a5', 'a6']),
      );
    });

    const person = fc.record({
      nama: fc.constantFrom('Rizky Pratama', 'RIZKY PRATAMA', 'Siti Aminah', 'Eko Susanto', ''),
      lahir: fc.constantFrom('2006-01-15', '15-01-2006', '2006-03-20', ''),
      kota: fc.constantFrom('Kediri', 'Pare', ''),
      jk: fc.constantFrom('L', 'P', ''),
    });

    it('never pairs a row with itself and yields each pair once, left before right (property)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(person, { maxLength: 12 }), async (people) => {
          const run = await linked(dedupe, { left: people });
          const seen = new Set<string>();
          for (let p = 0; p < run.pairs.size; p++) {
            const a = run.pairs.left(p);
            const b = run.pairs.right(p);
            expect(a).toBeLessThan(b);
            expect(seen.has(`${a}-${b}`)).toBe(false);
            seen.add(`${a}-${b}`);
          }
        }),
        { numRuns: 40 },
      );
    });
  });

  describe('determinism and input forms', () => {
    it('gives identical pairs and weights for the same input twice', async () => {
      const first = await linked(settings, { left: LEFT, right: RIGHT });
      const second = await linked(settings, { left: LEFT, right: RIGHT });
      expect(second.weights).toEqual(first.weights);
      expect([...pairIndex(second)]).toEqual([...pairIndex(first)]);
      expect(second.model).toEqual(first.model);
    });

    it('reads the right file as async or sync batches with the same result as an array', async () => {
      function* syncBatches(): Generator<readonly Row[]> {
        yield RIGHT.slice(0, 4);
        yield RIGHT.slice(4);
      }
      const whole = await linked(settings, { left: LEFT, right: RIGHT });
      const streamed = await linked(settings, { left: LEFT, right: inBatches(RIGHT, 2) });
      const chunked = await linked(settings, { left: LEFT, right: syncBatches() });
      const arrayOfBatches = await linked(settings, {
        left: LEFT,
        right: [RIGHT.slice(0, 3), RIGHT.slice(3)],
      });
      for (const run of [streamed, chunked, arrayOfBatches]) {
        expect(run.weights).toEqual(whole.weights);
        expect([...pairIndex(run)]).toEqual([...pairIndex(whole)]);
        expect(run.rightCount).toBe(RIGHT.length);
      }
    });

    it('does not change its input rows', async () => {
      const left = LEFT.map((r) => Object.freeze({ ...r }));
      const right = RIGHT.map((r) => Object.freeze({ ...r }));
      await linked(settings, { left, right });
      expect(left).toEqual(LEFT);
      expect(right).toEqual(RIGHT);
    });
  });

  describe('progress and stopping', () => {
    it('reports progress phase by phase, ending with the whole of the score phase', async () => {
      const seen: LinkProgress[] = [];
      const run = await linked(
        settings,
        { left: LEFT, right: RIGHT },
        { onProgress: (p) => seen.push(p) },
      );
      const order = ['prepare', 'block', 'estimate', 'score'];
      const phases = seen.map((p) => order.indexOf(p.phase));
      expect(phases).toContain(order.indexOf('estimate'));
      expect(phases).toEqual([...phases].sort((a, b) => a - b));
      expect(seen.at(-1)).toEqual({ phase: 'score', done: run.pairs.size, total: run.pairs.size });
    });

    it('stops with cancelled when the signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const result = await runLink(
        settings,
        { left: LEFT, right: RIGHT },
        { signal: controller.signal },
      );
      expect(result.ok).toBe(false);
      expect(!result.ok && result.issues[0].code).toBe('cancelled');
      expect(!result.ok && result.issues[0].message.en).toMatch(/cancelled/);
    });

    it('stops with cancelled when the signal aborts during the run', async () => {
      const controller = new AbortController();
      const result = await runLink(
        settings,
        { left: LEFT, right: RIGHT },
        {
          signal: controller.signal,
          onProgress: (p) => {
            if (p.phase === 'estimate') controller.abort();
          },
        },
      );
      expect(!result.ok && result.issues[0].code).toBe('cancelled');
    });

    it('stops with too_many_pairs when blocking brings more pairs than allowed, and not at the limit', async () => {
      const over = await runLink(settings, { left: LEFT, right: RIGHT }, { maxPairs: 5 });
      expect(over.ok).toBe(false);
      expect(!over.ok && over.issues[0].code).toBe('too_many_pairs');
      expect(!over.ok && over.issues[0].message.id).not.toBe('');
      const at = await runLink(settings, { left: LEFT, right: RIGHT }, { maxPairs: 6 });
      expect(at.ok).toBe(true);
    });
  });

  describe('invalid input', () => {
    it('links nothing, without failing, when either file is empty', async () => {
      const noLeft = await linked(settings, { left: [], right: RIGHT });
      const noRight = await linked(settings, { left: LEFT, right: [] });
      const noRightAtAll = await linked(settings, { left: LEFT });
      for (const run of [noLeft, noRight, noRightAtAll]) {
        expect(run.pairs.size).toBe(0);
        expect(linkPairs(run, 0.5, true)).toEqual([]);
      }
    });

    it('reads a missing column as an empty value', async () => {
      const run = await linked(settings, {
        left: [{ id: 'a', lahir: '2006-01-15' }],
        right: [{ id: 'b', lahir: '2006-01-15', nama: 'Rizky' }],
      });
      expect(explainPair(run, 0).map((e) => e.level)).toEqual([
        'missing',
        'exact',
        'missing',
        'missing',
      ]);
    });

    it('throws for more than 31 blocking rules (a programmer error)', async () => {
      const many: LinkSettings = {
        ...settings,
        blocking: Array.from({ length: 32 }, (_, i) => ({
          name: `r${i}`,
          left: [{ column: 'lahir', transform: 'date' as const }],
          right: [{ column: 'lahir', transform: 'date' as const }],
        })),
      };
      await expect(runLink(many, { left: LEFT, right: RIGHT })).rejects.toThrow(/31/);
    });
  });
});

describe('explainPair', () => {
  const settings = settingsOf(PEOPLE);

  it('lists every comparison with its level, weight and text in both languages', async () => {
    const run = await linked(settings, { left: LEFT, right: RIGHT });
    const entries = explainPair(run, pairIndex(run).get('a1-b1') as number);
    expect(entries.map((e) => [e.comparison, e.level])).toEqual([
      ['nama', 'exact'],
      ['lahir', 'exact'],
      ['kota', 'same'],
      ['jk', 'exact'],
    ]);
    for (const e of entries) {
      expect(e.weight).toBeGreaterThan(0);
      expect(e.text.id).not.toBe('');
      expect(e.text.en).not.toBe('');
    }
  });

  it('gives a value missing on one side the level missing and weight 0', async () => {
    const run = await linked(settings, { left: LEFT, right: RIGHT });
    const kota = explainPair(run, pairIndex(run).get('a3-b4') as number)[2];
    expect(kota).toEqual({
      comparison: 'kota',
      level: 'missing',
      weight: 0,
      text: { id: 'kosong di salah satu sisi', en: 'missing on one side' },
    });
  });

  it('gives disagreement a negative weight', async () => {
    const run = await linked(settings, { left: LEFT, right: RIGHT });
    const entries = explainPair(run, pairIndex(run).get('a1-b2') as number);
    expect(entries[0]).toMatchObject({ level: 'different' });
    expect(entries[0]?.weight).toBeLessThan(0);
  });

  it('adds up, with the prior, to the pair’s weight', async () => {
    const run = await linked(settings, { left: LEFT, right: RIGHT });
    for (let p = 0; p < run.pairs.size; p++) {
      const sum = explainPair(run, p).reduce((s, e) => s + e.weight, run.model.priorWeight);
      expect(sum).toBeCloseTo(run.weights[p] as number, 9);
    }
  });
});

describe('linkPairs', () => {
  const settings = settingsOf(PEOPLE);
  // a1 and a7 both resemble b1; a7 is the weaker candidate. a1 also resembles b7.
  const left: Row[] = [
    ...LEFT,
    { id: 'a7', nama: 'Rizky Pratama', lahir: '2006-01-15', kota: 'Nganjuk', jk: 'L' },
  ];
  const right: Row[] = [
    ...RIGHT,
    { id: 'b7', nama: 'Rizki Pratama', lahir: '2006-01-15', kota: 'Kediri', jk: 'L' },
  ];

  it('returns the pairs at or above the threshold, most probable first', async () => {
    const run = await linked(settings, { left: LEFT, right: RIGHT });
    const links = linkPairs(run, 0.5, false);
    const keys = links.map(
      (p) => `${run.leftIds[run.pairs.left(p)]}-${run.rightIds[run.pairs.right(p)]}`,
    );
    expect(keys.sort()).toEqual(['a1-b1', 'a2-b3', 'a3-b4']);
    const weights = links.map((p) => run.weights[p] as number);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('with oneToOne, uses each record at most once and keeps the most probable pair', async () => {
    const run = await linked(settings, { left, right });
    const all = linkPairs(run, 0.5, false);
    const one = linkPairs(run, 0.5, true);
    const key = (p: number): string =>
      `${run.leftIds[run.pairs.left(p)]}-${run.rightIds[run.pairs.right(p)]}`;
    expect(all.map(key)).toEqual(expect.arrayContaining(['a1-b1', 'a7-b1', 'a1-b7']));
    expect(one.map(key)).toContain('a1-b1');
    expect(one.map(key)).not.toContain('a7-b1');
    expect(one.map(key)).not.toContain('a1-b7');
    expect(new Set(one.map((p) => run.pairs.left(p))).size).toBe(one.length);
    expect(new Set(one.map((p) => run.pairs.right(p))).size).toBe(one.length);
  });

  it('keeps only pairs at or above any threshold, one-to-one a subset of all (property)', async () => {
    const run = await linked(settings, { left, right });
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (threshold) => {
        const all = linkPairs(run, threshold, false);
        const one = linkPairs(run, threshold, true);
        for (let p = 0; p < run.pairs.size; p++) {
          const probability = probabilityOf(run.weights[p] as number);
          if (probability > threshold + 1e-9) expect(all).toContain(p);
          if (probability < threshold - 1e-9) expect(all).not.toContain(p);
        }
        expect(one.every((p) => all.includes(p))).toBe(true);
        expect(new Set(one.map((p) => run.pairs.left(p))).size).toBe(one.length);
        expect(new Set(one.map((p) => run.pairs.right(p))).size).toBe(one.length);
      }),
    );
  });

  it('with oneToOne in dedupe mode, lets a row take part in one pair, on either side', async () => {
    const dedupe = settingsOf({ ...PEOPLE, mode: 'dedupe' });
    const rows: Row[] = [
      LEFT[0] as Row,
      { id: 'a5', nama: 'RIZKY PRATAMA', lahir: '15/01/2006', kota: 'Kab. Kediri', jk: 'L' },
      { id: 'a8', nama: 'Rizky Pratama', lahir: '2006-01-15', kota: 'Kediri', jk: 'L' },
    ];
    const run = await linked(dedupe, { left: rows });
    expect(linkPairs(run, 0.5, false)).toHaveLength(3);
    const one = linkPairs(run, 0.5, true);
    expect(one).toHaveLength(1);
    const used = one.flatMap((p) => [run.pairs.left(p), run.pairs.right(p)]);
    expect(new Set(used).size).toBe(used.length);
  });
});

describe('links', () => {
  it('gives the pairs at or above the settings’ threshold, in left then right order', async () => {
    const run = await linked(settingsOf({ ...PEOPLE, threshold: 0.9 }), {
      left: LEFT,
      right: RIGHT,
    });
    const found = links(run);
    expect(found.map((l) => `${run.leftIds[l.left]}-${run.rightIds[l.right]}`)).toEqual([
      'a1-b1',
      'a2-b3',
      'a3-b4',
    ]);
    expect(new Set(found.map((l) => l.probability))).toEqual(
      new Set(linkPairs(run, 0.9, false).map((p) => probabilityOf(run.weights[p] as number))),
    );
  });

  describe('clusters in dedupe mode', () => {
    // x and y share a birth date, y and z an NISN; x and z are never compared.
    const CHAIN: LinkSettingsInput = {
      id: 'id',
      mode: 'dedupe',
      comparisons: [
        { column: 'nama', method: 'name' },
        { column: 'lahir', method: 'date' },
        { column: 'nisn', method: 'identifier' },
      ],
      blocking: [
        { keys: [{ column: 'lahir', transform: 'date' }] },
        { keys: [{ column: 'nisn', transform: 'digits' }] },
      ],
      threshold: 0.9,
      estimateM: false,
    };
    const rows: Row[] = [
      { id: 'x', nama: 'Rizky Pratama', lahir: '2006-01-15', nisn: '' },
      { id: 'y', nama: 'RIZKY PRATAMA', lahir: '15/01/2006', nisn: '0061234567' },
      { id: 'z', nama: 'Rizky Pratama', lahir: '2006-11-05', nisn: '0061234567' },
      { id: 'w', nama: 'Siti Aminah', lahir: '2006-03-20', nisn: '0069999999' },
    ];

    it('reports only the compared pairs without clusters', async () => {
      const run = await linked(settingsOf(CHAIN), { left: rows });
      expect(links(run).map((l) => `${run.leftIds[l.left]}-${run.rightIds[l.right]}`)).toEqual([
        'x-y',
        'y-z',
      ]);
    });

    it('reports every pair joined by a chain, as strong as its weakest link', async () => {
      const run = await linked(settingsOf({ ...CHAIN, clusters: true }), { left: rows });
      const found = links(run);
      expect(found.map((l) => `${run.leftIds[l.left]}-${run.rightIds[l.right]}`)).toEqual([
        'x-y',
        'x-z',
        'y-z',
      ]);
      const [xy, xz, yz] = found.map((l) => l.probability) as [number, number, number];
      expect(xz).toBe(Math.min(xy, yz));
      for (const l of found) expect(l.left).toBeLessThan(l.right);
    });
  });
});
