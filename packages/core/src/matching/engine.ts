/**
 * The linking engine: finds candidate pairs with several blocking rules, grades every comparison of
 * every pair, fits the Fellegi–Sunter model to the data and scores each pair. The smaller side (the
 * left file: students) is held in memory and indexed; the right file (the registry, up to a whole
 * regency) is read once in batches, so memory grows with the candidate pairs, not with the registry.
 */
import type { Issue, Result } from '../domain/result.js';
import { ok } from '../domain/result.js';
import { Random } from '../random/prng.js';
import { blockingKey } from './blocking.js';
import {
  comparatorFor,
  type Comparator,
  type LevelInfo,
  type Prepared,
  type PrepareContext,
  type Row,
} from './comparisons.js';
import {
  estimatePrior,
  expectationMaximisation,
  patternsOf,
  type EmSession,
  type FittedComparison,
  type FittedModel,
} from './model.js';
import { MISSING_LEVEL, PairStore } from './pairs.js';
import type { LinkSettings } from './settings.js';

/** Progress of a run: `done` of `total` units in a phase (`total` 0 when not known yet). */
export interface LinkProgress {
  readonly phase: 'prepare' | 'block' | 'estimate' | 'score';
  readonly done: number;
  readonly total: number;
}

/** What each blocking rule brought. */
export interface BlockingCount {
  readonly rule: string;
  /** Candidate pairs the rule produced. */
  readonly pairs: number;
  /** Of those, pairs no earlier rule had produced. */
  readonly newPairs: number;
}

/** The records to link: the left file, and the right one (as a whole or in batches) in `link` mode. */
export interface LinkInput {
  readonly left: readonly Row[];
  readonly right?: readonly Row[] | Iterable<readonly Row[]> | AsyncIterable<readonly Row[]>;
  /** Number of right rows, when known, for progress. */
  readonly rightCount?: number;
}

/** Options of {@link runLink}. */
export interface LinkOptions {
  readonly onProgress?: ((progress: LinkProgress) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  /** More candidate pairs than this stops the run with `too_many_pairs` (default 60 million). */
  readonly maxPairs?: number | undefined;
}

/** Why a run stopped. */
export type LinkIssueCode = 'cancelled' | 'too_many_pairs';

/** A finished run: the model, the blocking counts and every candidate pair with its weight. */
export interface LinkRun {
  readonly settings: LinkSettings;
  readonly model: FittedModel;
  readonly blocking: readonly BlockingCount[];
  readonly pairs: PairStore;
  /** Match weight of each pair (log2 of the odds). */
  readonly weights: Float64Array;
  readonly leftCount: number;
  readonly rightCount: number;
  /** Id of each left row (from the settings' id column, else the row number from 1). */
  readonly leftIds: readonly string[];
  /** Id of each right row that is in a pair, by the index pairs use. */
  readonly rightIds: readonly string[];
  /** The right row's position in its file (0-based), by the index pairs use. */
  readonly rightRows: Int32Array;
  /** For comparisons with term frequencies: the exact-agreement weight of each left row's value. */
  readonly termFrequencyWeights: readonly (Float64Array | undefined)[];
}

/** A pair's match probability from its weight. */
export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

class Stop extends Error {
  constructor(readonly code: LinkIssueCode) {
    super(code);
  }
}

interface PreparedRecord {
  readonly values: readonly (Prepared | undefined)[];
}

const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** Lets other work (a cancel message, the page) run; reports progress and honours the signal. */
class Pacer {
  #last = now();
  constructor(
    readonly options: LinkOptions,
    readonly sliceMs = 40,
  ) {}
  async tick(progress: () => LinkProgress): Promise<void> {
    if (now() - this.#last < this.sliceMs) return;
    this.options.onProgress?.(progress());
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (this.options.signal?.aborted) throw new Stop('cancelled');
    this.#last = now();
  }
  check(): void {
    if (this.options.signal?.aborted) throw new Stop('cancelled');
  }
}

async function* batchesOf(source: NonNullable<LinkInput['right']>): AsyncGenerator<readonly Row[]> {
  // An array of rows (not an array of batches, which is iterated like any other source).
  if (Array.isArray(source) && !Array.isArray(source[0])) {
    const rows = source as readonly Row[];
    for (let i = 0; i < rows.length; i += 4096) yield rows.slice(i, i + 4096);
    return;
  }
  for await (const batch of source as AsyncIterable<readonly Row[]>) yield batch;
}

/** The value a comparison reads: one column, or several joined by a space. */
function valueOf(row: Row, columns: readonly string[]): string {
  if (columns.length === 1) return row[columns[0] as string] ?? '';
  return columns
    .map((c) => (row[c] ?? '').trim())
    .filter((v) => v !== '')
    .join(' ');
}

const normalised = (values: readonly number[]): number[] => {
  const sum = values.reduce((a, b) => a + b, 0);
  return values.map((v) => v / sum);
};

/** Pseudo-counts that pull estimates towards the defaults when the data are few. */
const U_PSEUDO_PAIRS = 1000;
const M_PSEUDO_MATCHES = 5;
/** Sessions with fewer candidate pairs than this leave m at the defaults. */
const MIN_EM_PAIRS = 200;

/**
 * Links the left rows to the right rows (or finds duplicates among the left rows in `dedupe` mode):
 * blocking, comparison, model fitting (u from random pairs, m by EM, prior) and scoring. Deterministic:
 * the same input and settings give the same pairs and weights. Stops with `cancelled` when the signal
 * aborts and with `too_many_pairs` when blocking rules are too loose.
 */
export async function runLink(
  settings: LinkSettings,
  input: LinkInput,
  options: LinkOptions = {},
): Promise<Result<LinkRun, Issue<LinkIssueCode>>> {
  try {
    return ok(await link(settings, input, options));
  } catch (error) {
    if (error instanceof Stop) {
      const message =
        error.code === 'cancelled'
          ? { id: 'Pemadanan dibatalkan.', en: 'Matching was cancelled.' }
          : {
              id: 'Aturan blocking menghasilkan terlalu banyak pasangan; pakai aturan yang lebih sempit.',
              en: 'The blocking rules produce too many pairs; use narrower rules.',
            };
      return { ok: false, issues: [{ code: error.code, message }] };
    }
    throw error;
  }
}

async function link(
  settings: LinkSettings,
  input: LinkInput,
  options: LinkOptions,
): Promise<LinkRun> {
  const dedupe = settings.mode === 'dedupe';
  const K = settings.comparisons.length;
  const R = settings.blocking.length;
  if (R > 31) throw new RangeError('runLink: at most 31 blocking rules');
  const comparators: Comparator[] = settings.comparisons.map((c) =>
    comparatorFor(c.method, { jaroWinkler: c.jaroWinkler }),
  );
  const contexts = (side: 'left' | 'right'): PrepareContext[] =>
    settings.comparisons.map((c) => ({
      birthDateColumn: side === 'left' || dedupe ? c.birthDateColumn : undefined,
      sexColumn: side === 'left' || dedupe ? c.sexColumn : undefined,
      checkFit: side === 'left' || dedupe,
    }));
  const leftContexts = contexts('left');
  const rightContexts = contexts('right');
  const pacer = new Pacer(options);
  const maxPairs = options.maxPairs ?? 60_000_000;

  const prepare = (row: Row, side: 'left' | 'right'): PreparedRecord => ({
    values: settings.comparisons.map((c, k) =>
      (comparators[k] as Comparator).prepare(
        valueOf(row, side === 'left' ? c.leftColumns : c.rightColumns),
        row,
        ((side === 'left' ? leftContexts : rightContexts) as PrepareContext[])[k] as PrepareContext,
      ),
    ),
  });

  // The left side: prepared values, ids and one index per blocking rule.
  const left = input.left;
  const leftPrepared: PreparedRecord[] = [];
  const leftIds: string[] = [];
  const indices: Map<string, number[]>[] = settings.blocking.map(() => new Map());
  const tfCounts: (Map<string, number> | undefined)[] = settings.comparisons.map((c) =>
    c.termFrequency ? new Map() : undefined,
  );
  const addToIndex = (row: Row, i: number): void => {
    settings.blocking.forEach((rule, r) => {
      const key = blockingKey(row, rule.left);
      if (key === '') return;
      const list = (indices[r] as Map<string, number[]>).get(key);
      if (list) list.push(i);
      else (indices[r] as Map<string, number[]>).set(key, [i]);
    });
  };
  for (let i = 0; i < left.length; i++) {
    const row = left[i] as Row;
    const p = prepare(row, 'left');
    leftPrepared.push(p);
    const id = (row[settings.leftId] ?? '').trim();
    leftIds.push(id === '' ? String(i + 1) : id);
    tfCounts.forEach((counts, k) => {
      const key = p.values[k]?.key;
      if (!counts || key === undefined) return;
      counts.set(key, dedupe ? (counts.get(key) ?? 0) + 1 : (counts.get(key) ?? 0));
    });
    if (!dedupe) addToIndex(row, i);
    await pacer.tick(() => ({ phase: 'prepare', done: i, total: left.length }));
  }

  // Candidate pairs: each right row looks up every rule's block on the left.
  const pairs = new PairStore(K, 1 << 16);
  const ruleCounts = new Float64Array(R);
  const ruleNew = new Float64Array(R);
  const seenStamp = new Int32Array(left.length).fill(-1);
  const seenMask = new Uint32Array(left.length);
  const found: number[] = [];
  const levels = new Uint8Array(K);
  const rightIds: string[] = [];
  const rightRows: number[] = [];
  const random = new Random(settings.seed);
  const reservoirSize = 5000;
  const reservoir: PreparedRecord[] = [];
  let rightCount = 0;

  const candidatesFor = (row: Row, j: number, parts: 'left' | 'right'): void => {
    found.length = 0;
    settings.blocking.forEach((rule, r) => {
      const key = blockingKey(row, parts === 'left' ? rule.left : rule.right);
      if (key === '') return;
      const list = (indices[r] as Map<string, number[]>).get(key);
      if (!list) return;
      ruleCounts[r] = (ruleCounts[r] as number) + list.length;
      for (const i of list) {
        if (seenStamp[i] !== j) {
          seenStamp[i] = j;
          seenMask[i] = 0;
          found.push(i);
          ruleNew[r] = (ruleNew[r] as number) + 1;
        }
        seenMask[i] = (seenMask[i] as number) | (1 << r);
      }
    });
  };

  const addPairs = (p: PreparedRecord, compact: number): void => {
    for (const i of found) {
      const a = (leftPrepared[i] as PreparedRecord).values;
      for (let k = 0; k < K; k++) {
        const x = a[k];
        const y = p.values[k];
        levels[k] = x && y ? (comparators[k] as Comparator).compare(x, y) : MISSING_LEVEL;
      }
      pairs.add(i, compact, seenMask[i] as number, levels);
    }
    if (pairs.size > maxPairs) throw new Stop('too_many_pairs');
  };

  if (dedupe) {
    for (let j = 0; j < left.length; j++) {
      const row = left[j] as Row;
      candidatesFor(row, j, 'left');
      if (found.length > 0) addPairs(leftPrepared[j] as PreparedRecord, j);
      addToIndex(row, j);
      await pacer.tick(() => ({ phase: 'block', done: j, total: left.length }));
    }
    rightCount = left.length;
  } else {
    for await (const batch of batchesOf(input.right ?? [])) {
      for (const row of batch) {
        const j = rightCount++;
        const p = prepare(row, 'right');
        tfCounts.forEach((counts, k) => {
          const key = p.values[k]?.key;
          if (!counts || key === undefined) return;
          const c = counts.get(key);
          if (c !== undefined) counts.set(key, c + 1);
        });
        if (reservoir.length < reservoirSize) reservoir.push(p);
        else {
          const slot = random.int(0, j);
          if (slot < reservoirSize) reservoir[slot] = p;
        }
        candidatesFor(row, j, 'right');
        if (found.length === 0) continue;
        const compact = rightIds.length;
        const id = (row[settings.rightId] ?? '').trim();
        rightIds.push(id === '' ? String(j + 1) : id);
        rightRows.push(j);
        addPairs(p, compact);
      }
      await pacer.tick(() => ({
        phase: 'block',
        done: rightCount,
        total: input.rightCount ?? 0,
      }));
    }
  }
  if (dedupe) {
    for (let j = 0; j < left.length; j++) {
      rightIds.push(leftIds[j] as string);
      rightRows.push(j);
    }
  }
  pacer.check();

  // u from random pairs, blended with the defaults when the files are small.
  const defaults = comparators.map((c) => c.levels);
  const uCounts = defaults.map((ls) => ls.map(() => 0));
  const possible = dedupe
    ? (left.length * (left.length - 1)) / 2
    : left.length * Math.max(rightCount, 1);
  const samples = Math.min(settings.randomPairs, Math.max(possible, 0));
  const rightPool = dedupe ? leftPrepared : reservoir;
  for (let s = 0; s < samples && left.length > 0 && rightPool.length > 0; s++) {
    const i = random.int(0, left.length - 1);
    let j = random.int(0, rightPool.length - 1);
    if (dedupe && j === i) j = (j + 1) % rightPool.length;
    if (dedupe && j === i) continue;
    const a = (leftPrepared[i] as PreparedRecord).values;
    const b = (rightPool[j] as PreparedRecord).values;
    for (let k = 0; k < K; k++) {
      const x = a[k];
      const y = b[k];
      if (x && y) {
        const l = (comparators[k] as Comparator).compare(x, y);
        const row = uCounts[k] as number[];
        row[l] = (row[l] as number) + 1;
      }
    }
  }
  const u = defaults.map((ls, k) => {
    const d = normalised(ls.map((l) => l.u));
    const counts = uCounts[k] as number[];
    const n = counts.reduce((a, b) => a + b, 0);
    return d.map((x, l) => ((counts[l] as number) + U_PSEUDO_PAIRS * x) / (n + U_PSEUDO_PAIRS));
  });
  options.onProgress?.({ phase: 'estimate', done: 0, total: R + 1 });
  pacer.check();

  // m by EM, one session per blocking rule with the rule's own fields held out.
  const levelCounts = defaults.map((ls) => ls.length);
  const neutral = defaults.map((ls) => ls.map((l) => l.neutral === true));
  const mDefault = defaults.map((ls) => normalised(ls.map((l) => l.m)));
  const mSum = mDefault.map((row) => row.map(() => 0));
  const mWeight = new Float64Array(K);
  const sessions: EmSession[] = [];
  for (let r = 0; settings.estimateM && r < R; r++) {
    const rule = settings.blocking[r] as (typeof settings.blocking)[number];
    const used = new Set([...rule.left, ...rule.right].flatMap((p) => [p.column].flat()));
    const active = settings.comparisons.map(
      (c) => ![...c.leftColumns, ...c.rightColumns].some((column) => used.has(column)),
    );
    const patterns = patternsOf(pairs, levelCounts, r, neutral);
    const total = patterns.counts.reduce((a, b) => a + b, 0);
    // A handful of pairs cannot teach EM anything reliable: keep the defaults.
    if (total < MIN_EM_PAIRS) continue;
    const fit = expectationMaximisation(patterns, active, mDefault, u, M_PSEUDO_MATCHES);
    const expected = fit.share * total;
    sessions.push({
      rule: rule.name,
      pairs: total,
      iterations: fit.iterations,
      matchShare: fit.share,
      heldOut: settings.comparisons.filter((_, k) => !active[k]).map((c) => c.name),
    });
    for (let k = 0; k < K; k++) {
      if (!active[k]) continue;
      mWeight[k] = (mWeight[k] as number) + expected;
      (fit.m[k] as number[]).forEach((x, l) => {
        (mSum[k] as number[])[l] = ((mSum[k] as number[])[l] as number) + x * expected;
      });
    }
    options.onProgress?.({ phase: 'estimate', done: r + 1, total: R + 1 });
    await pacer.tick(() => ({ phase: 'estimate', done: r + 1, total: R + 1 }));
  }
  const m = mDefault.map((row, k) =>
    (mWeight[k] as number) > 0 ? (mSum[k] as number[]).map((x) => x / (mWeight[k] as number)) : row,
  );
  const allPatterns = patternsOf(pairs, levelCounts, undefined, neutral);
  const prior = estimatePrior(allPatterns, m, u, Math.max(possible, 1));
  const priorWeight = Math.log2(prior / (1 - prior));

  const fitted: FittedComparison[] = settings.comparisons.map((c, k) => ({
    name: c.name,
    termFrequency: c.termFrequency,
    mEstimated: (mWeight[k] as number) > 0,
    levels: (defaults[k] as readonly LevelInfo[]).map((info, l) => {
      const mk = (m[k] as number[])[l] as number;
      const uk = (u[k] as number[])[l] as number;
      const w = Math.log2(mk / uk);
      return {
        id: info.id,
        m: mk,
        u: uk,
        weight: info.neutral ? 0 : info.neverPositive ? Math.min(w, 0) : w,
        text: info.text,
      };
    }),
  }));

  // Term frequencies: agreeing on a common value is weaker evidence than on a rare one.
  const population = dedupe ? left.length : Math.max(rightCount, 1);
  const tfWeight: (Float64Array | undefined)[] = tfCounts.map((counts, k) => {
    if (!counts) return undefined;
    const out = new Float64Array(left.length);
    const mExact = (m[k] as number[])[0] as number;
    const uExact = (u[k] as number[])[0] as number;
    for (let i = 0; i < left.length; i++) {
      const key = (leftPrepared[i] as PreparedRecord).values[k]?.key;
      const count = key === undefined ? 0 : (counts.get(key) ?? 0) - (dedupe ? 1 : 0);
      // The value's frequency, pulled towards the average agreement when the file is small.
      const uValue = (Math.max(count, 1) + U_PSEUDO_PAIRS * uExact) / (population + U_PSEUDO_PAIRS);
      out[i] = Math.log2(mExact / uValue);
    }
    return out;
  });

  const weights = new Float64Array(pairs.size);
  for (let p = 0; p < pairs.size; p++) {
    let w = priorWeight;
    for (let k = 0; k < K; k++) {
      const l = pairs.level(p, k);
      if (l === MISSING_LEVEL) continue;
      const tf = tfWeight[k];
      w +=
        l === 0 && tf
          ? (tf[pairs.left(p)] as number)
          : ((fitted[k] as FittedComparison).levels[l] as { weight: number }).weight;
    }
    weights[p] = w;
    if ((p & 0xffff) === 0)
      await pacer.tick(() => ({ phase: 'score', done: p, total: pairs.size }));
  }
  options.onProgress?.({ phase: 'score', done: pairs.size, total: pairs.size });

  return {
    settings,
    model: {
      comparisons: fitted,
      prior,
      priorWeight,
      sessions,
      randomPairs: samples,
    },
    blocking: settings.blocking.map((rule, r) => ({
      rule: rule.name,
      pairs: ruleCounts[r] as number,
      newPairs: ruleNew[r] as number,
    })),
    pairs,
    weights,
    leftCount: left.length,
    rightCount,
    leftIds,
    rightIds,
    rightRows: Int32Array.from(rightRows),
    termFrequencyWeights: tfWeight,
  };
}

/** One comparison's part in a pair's weight. */
export interface ExplanationEntry {
  readonly comparison: string;
  /** The level's id, or `missing` when a side had no value. */
  readonly level: string;
  /** The weight (log2 of the odds) this comparison added (negative: took away). */
  readonly weight: number;
  readonly text: { readonly id: string; readonly en: string };
}

/** Field by field, how a pair's weight came about (the prior is not listed; see `model.priorWeight`). */
export function explainPair(run: LinkRun, pair: number): ExplanationEntry[] {
  return run.model.comparisons.map((c, k) => {
    const l = run.pairs.level(pair, k);
    if (l === MISSING_LEVEL) {
      return {
        comparison: c.name,
        level: 'missing',
        weight: 0,
        text: { id: 'kosong di salah satu sisi', en: 'missing on one side' },
      };
    }
    const info = c.levels[l] as FittedComparison['levels'][number];
    const tf = run.termFrequencyWeights[k];
    const weight = l === 0 && tf ? (tf[run.pairs.left(pair)] as number) : info.weight;
    return { comparison: c.name, level: info.id, weight, text: info.text };
  });
}

/**
 * The pairs at or above a probability, most probable first (ties: left then right row order). With
 * `oneToOne`, each record takes part in at most one pair: the most probable is kept.
 */
export function linkPairs(run: LinkRun, threshold: number, oneToOne: boolean): number[] {
  const minWeight = Math.log2(threshold / (1 - threshold));
  const { pairs, weights } = run;
  const chosen: number[] = [];
  for (let p = 0; p < pairs.size; p++) if ((weights[p] as number) >= minWeight) chosen.push(p);
  chosen.sort(
    (a, b) =>
      (weights[b] as number) - (weights[a] as number) ||
      pairs.left(a) - pairs.left(b) ||
      pairs.right(a) - pairs.right(b),
  );
  if (!oneToOne) return chosen;
  const dedupe = run.settings.mode === 'dedupe';
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  return chosen.filter((p) => {
    const a = pairs.left(p);
    const b = pairs.right(p);
    const taken = dedupe ? usedLeft.has(a) || usedLeft.has(b) : usedLeft.has(a) || usedRight.has(b);
    if (taken) return false;
    usedLeft.add(a);
    if (dedupe) usedLeft.add(b);
    else usedRight.add(b);
    return true;
  });
}

/** A link between a left record and a right record (row indices; in `dedupe` both are left rows). */
export interface Link {
  readonly left: number;
  /** The right record's index as pairs use it (see {@link LinkRun.rightIds}). */
  readonly right: number;
  readonly probability: number;
}

/**
 * The links a run's settings ask for: the pairs at or above the threshold (one-to-one if set), or, for
 * deduplication with `clusters`, every pair of records joined by a chain of such pairs. A clustered
 * pair's probability is that of the weakest link on the strongest chain joining it (so at least the
 * threshold, and at least its own probability when it was compared). Sorted by left then right.
 */
export function links(run: LinkRun): Link[] {
  const { threshold, oneToOne, clusters, mode } = run.settings;
  const { pairs, weights } = run;
  const direct = linkPairs(run, threshold, oneToOne && !(clusters && mode === 'dedupe'));
  if (!(clusters && mode === 'dedupe')) {
    return direct
      .map((p) => ({
        left: pairs.left(p),
        right: pairs.right(p),
        probability: probabilityOf(weights[p] as number),
      }))
      .sort((a, b) => a.left - b.left || a.right - b.right);
  }
  // Strongest chains: a maximum spanning forest of the links (Kruskal, strongest first).
  const n = run.leftCount;
  const root = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) {
      root[i] = root[root[i] as number] as number;
      i = root[i] as number;
    }
    return i;
  };
  const edges = new Map<number, { to: number; probability: number }[]>();
  const addEdge = (a: number, b: number, probability: number): void => {
    const list = edges.get(a);
    if (list) list.push({ to: b, probability });
    else edges.set(a, [{ to: b, probability }]);
  };
  for (const p of direct) {
    const a = pairs.left(p);
    const b = pairs.right(p);
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    root[ra] = rb;
    const probability = probabilityOf(weights[p] as number);
    addEdge(a, b, probability);
    addEdge(b, a, probability);
  }
  const out: Link[] = [];
  for (const start of [...edges.keys()].sort((a, b) => a - b)) {
    // Walk the tree from `start`, carrying the weakest link so far.
    const stack: [number, number, number][] = [[start, -1, 1]];
    while (stack.length > 0) {
      const [node, from, weakest] = stack.pop() as [number, number, number];
      if (node > start) out.push({ left: start, right: node, probability: weakest });
      for (const e of edges.get(node) ?? []) {
        if (e.to !== from) stack.push([e.to, node, Math.min(weakest, e.probability)]);
      }
    }
  }
  return out.sort((a, b) => a.left - b.left || a.right - b.right);
}
