/**
 * The Fellegi–Sunter model: for every comparison, the probability of each agreement level among true
 * matches (m) and among non-matches (u). A pair's match weight is the prior log-odds plus, per
 * comparison, log2(m/u) of its level; missing values add nothing. u comes from random pairs (almost all
 * non-matches); m from expectation–maximisation on the candidate pairs, one session per blocking rule
 * with the rule's own fields held out (a rule that requires equal birth dates says nothing about how
 * often true matches agree on the birth date); the prior from the candidate pairs with m and u fixed.
 */
import { MISSING_LEVEL, type PairStore } from './pairs.js';

/** One agreement level of a fitted comparison. */
export interface FittedLevel {
  readonly id: string;
  readonly m: number;
  readonly u: number;
  /** log2(m/u), capped at 0 for levels that may never add weight. */
  readonly weight: number;
  readonly text: { readonly id: string; readonly en: string };
}

/** A comparison with its fitted levels. */
export interface FittedComparison {
  readonly name: string;
  readonly levels: readonly FittedLevel[];
  /** Whether m came from the data (EM) or stayed at the defaults. */
  readonly mEstimated: boolean;
  readonly termFrequency: boolean;
}

/** One EM session: the blocking rule whose pairs it used and what it found. */
export interface EmSession {
  readonly rule: string;
  readonly pairs: number;
  readonly iterations: number;
  /** Expected share of the session's pairs that are matches. */
  readonly matchShare: number;
  /** Comparisons held out because the rule uses their fields. */
  readonly heldOut: readonly string[];
}

/** The fitted model. */
export interface FittedModel {
  readonly comparisons: readonly FittedComparison[];
  /** Probability that two records drawn at random are a match. */
  readonly prior: number;
  /** log2(prior / (1 − prior)). */
  readonly priorWeight: number;
  readonly sessions: readonly EmSession[];
  readonly randomPairs: number;
}

/** Distinct level patterns of a set of pairs with how many pairs have each (EM runs on these). */
interface Patterns {
  readonly levels: Uint8Array;
  readonly counts: Float64Array;
  readonly size: number;
}

/**
 * Groups pairs (those with `rule` among their rules, or all) by their pattern of levels; neutral levels
 * count as missing.
 */
export function patternsOf(
  pairs: PairStore,
  levelCounts: readonly number[],
  rule: number | undefined,
  neutral: readonly (readonly boolean[])[],
): Patterns {
  const K = pairs.comparisons;
  const radix: number[] = [];
  let r = 1;
  for (let k = 0; k < K; k++) {
    radix.push(r);
    r *= (levelCounts[k] as number) + 1;
  }
  const index = new Map<number, number>();
  const order: number[] = [];
  const counts: number[] = [];
  const mask = rule === undefined ? 0 : 1 << rule;
  for (let i = 0; i < pairs.size; i++) {
    if (mask !== 0 && (pairs.rules(i) & mask) === 0) continue;
    let code = 0;
    for (let k = 0; k < K; k++) {
      const l = pairs.level(i, k);
      const missing = l === MISSING_LEVEL || (neutral[k] as readonly boolean[])[l] === true;
      code += (missing ? (levelCounts[k] as number) : l) * (radix[k] as number);
    }
    const at = index.get(code);
    if (at === undefined) {
      index.set(code, counts.length);
      order.push(code);
      counts.push(1);
    } else counts[at] = (counts[at] as number) + 1;
  }
  const levels = new Uint8Array(order.length * K);
  order.forEach((code, p) => {
    let rest = code;
    for (let k = K - 1; k >= 0; k--) {
      const l = Math.floor(rest / (radix[k] as number));
      rest -= l * (radix[k] as number);
      levels[p * K + k] = l === levelCounts[k] ? MISSING_LEVEL : l;
    }
  });
  return { levels, counts: Float64Array.from(counts), size: order.length };
}

/** log-likelihood ratio terms of one pattern under m and u, over the active comparisons. */
function logRatio(
  patterns: Patterns,
  p: number,
  active: readonly boolean[],
  m: readonly (readonly number[])[],
  u: readonly (readonly number[])[],
): number {
  const K = active.length;
  let sum = 0;
  for (let k = 0; k < K; k++) {
    if (!active[k]) continue;
    const l = patterns.levels[p * K + k] as number;
    if (l === MISSING_LEVEL) continue;
    sum += Math.log((m[k] as number[])[l] as number) - Math.log((u[k] as number[])[l] as number);
  }
  return sum;
}

const posterior = (logPriorOdds: number, logLr: number): number => {
  const x = logPriorOdds + logLr;
  return x > 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
};

/**
 * Expectation–maximisation of m (u fixed) and of the session's match share over the patterns, with
 * `pseudoMatches` matches' worth of the starting m as a prior. Returns the new m for the active
 * comparisons, the match share and the iterations used.
 */
export function expectationMaximisation(
  patterns: Patterns,
  active: readonly boolean[],
  mStart: readonly (readonly number[])[],
  u: readonly (readonly number[])[],
  pseudoMatches = 0,
  maxIterations = 100,
): { m: number[][]; share: number; iterations: number } {
  const K = active.length;
  let m = mStart.map((row) => [...row]);
  let share = 0.1;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const mass = m.map((row) => row.map(() => 0));
    const present = new Float64Array(K);
    let matches = 0;
    let total = 0;
    const logOdds = Math.log(share / (1 - share));
    for (let p = 0; p < patterns.size; p++) {
      const c = patterns.counts[p] as number;
      const post = posterior(logOdds, logRatio(patterns, p, active, m, u)) * c;
      matches += post;
      total += c;
      for (let k = 0; k < K; k++) {
        if (!active[k]) continue;
        const l = patterns.levels[p * K + k] as number;
        if (l === MISSING_LEVEL) continue;
        (mass[k] as number[])[l] = ((mass[k] as number[])[l] as number) + post;
        present[k] = (present[k] as number) + post;
      }
    }
    const next = m.map((row, k) => {
      if (!active[k] || (present[k] as number) === 0) return row;
      // A Dirichlet prior of `pseudoMatches` matches at the starting m keeps few data near it.
      const start = mStart[k] as readonly number[];
      const raw = (mass[k] as number[]).map((x, l) =>
        Math.max(
          (x + pseudoMatches * (start[l] as number)) / ((present[k] as number) + pseudoMatches),
          1e-6,
        ),
      );
      const sum = raw.reduce((a, b) => a + b, 0);
      return raw.map((x) => x / sum);
    });
    const nextShare = Math.min(Math.max(matches / Math.max(total, 1), 1e-9), 1 - 1e-9);
    let change = Math.abs(nextShare - share);
    next.forEach((row, k) =>
      row.forEach((x, l) => {
        change = Math.max(change, Math.abs(x - ((m[k] as number[])[l] as number)));
      }),
    );
    m = next;
    share = nextShare;
    if (change < 1e-6) {
      iterations++;
      break;
    }
  }
  return { m, share, iterations };
}

/**
 * The prior probability that two random records match, with m and u fixed: the fixed point of
 * λ = (expected matches among the candidate pairs) / (all possible pairs). Pairs no blocking rule
 * brought count as non-matches.
 */
export function estimatePrior(
  patterns: Patterns,
  m: readonly (readonly number[])[],
  u: readonly (readonly number[])[],
  possiblePairs: number,
): number {
  const active = m.map(() => true);
  const lr = new Float64Array(patterns.size);
  for (let p = 0; p < patterns.size; p++) lr[p] = logRatio(patterns, p, active, m, u);
  let prior = Math.min(0.5, Math.max(1 / possiblePairs, patterns.size > 0 ? 1e-6 : 1e-12));
  for (let it = 0; it < 500; it++) {
    const logOdds = Math.log(prior / (1 - prior));
    let matches = 0;
    for (let p = 0; p < patterns.size; p++)
      matches += posterior(logOdds, lr[p] as number) * (patterns.counts[p] as number);
    const next = Math.min(Math.max(matches / possiblePairs, 1e-15), 0.5);
    if (Math.abs(next - prior) <= prior * 1e-7) {
      prior = next;
      break;
    }
    prior = next;
  }
  return prior;
}
