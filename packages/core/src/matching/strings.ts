/**
 * String similarity kernels for comparing names: Jaro, Jaro-Winkler and the optimal-string-alignment
 * (restricted Damerau-Levenshtein) distance. They compare UTF-16 code units, reuse their work buffers
 * and allocate nothing per call — matching runs them millions of times. Results equal talisman's
 * (`talisman/metrics/jaro`, `jaro-winkler`, `damerau-levenshtein`), which a property test checks.
 */

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

function ensureFlags(length: number): void {
  if (flagsA.length < length) {
    flagsA = new Uint8Array(length * 2);
    flagsB = new Uint8Array(length * 2);
  }
}

/**
 * The Jaro similarity of two strings, from 0 (nothing in common) to 1 (equal). Two empty strings are
 * equal (1); an empty and a non-empty string share nothing (0).
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const swap = a.length > b.length;
  const short = swap ? b : a;
  const long = swap ? a : b;
  const ls = short.length;
  const ll = long.length;
  if (ls === 0) return 0;
  const range = Math.max(((ll / 2) | 0) - 1, 0);
  ensureFlags(ll);
  flagsA.fill(0, 0, ls);
  flagsB.fill(0, 0, ll);
  let matches = 0;
  for (let i = 0; i < ls; i++) {
    const c = short.charCodeAt(i);
    const end = Math.min(i + range + 1, ll);
    for (let j = Math.max(i - range, 0); j < end; j++) {
      if (flagsB[j] === 0 && long.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  // Matched characters out of order, counted in pairs.
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < ls; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[j] === 0) j++;
    if (short.charCodeAt(i) !== long.charCodeAt(j)) transpositions++;
    j++;
  }
  const t = (transpositions / 2) | 0;
  return (matches / a.length + matches / b.length + (matches - t) / matches) / 3;
}

/** Options of {@link jaroWinkler}. */
export interface JaroWinklerOptions {
  /** The prefix bonus applies only from this Jaro score (default 0.7, Winkler's). */
  readonly boostThreshold?: number;
  /** Weight of each common prefix character, up to four (default 0.1). */
  readonly scalingFactor?: number;
}

/**
 * The Jaro-Winkler similarity, 0 to 1: Jaro with a bonus for a common prefix of up to four characters,
 * which suits names (typos fall late in a word more often than early).
 *
 * @example
 * jaroWinkler('MARTHA', 'MARHTA') // 0.9611…
 */
export function jaroWinkler(a: string, b: string, options: JaroWinklerOptions = {}): number {
  if (a === b) return 1;
  const score = jaro(a, b);
  if (score < (options.boostThreshold ?? 0.7)) return score;
  const limit = Math.min(a.length, b.length, 4);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return score + prefix * (options.scalingFactor ?? 0.1) * (1 - score);
}

let rowPrev2 = new Int32Array(64);
let rowPrev = new Int32Array(64);
let rowCur = new Int32Array(64);
let codesB = new Uint16Array(128);

/**
 * The optimal-string-alignment distance (restricted Damerau-Levenshtein): the fewest insertions,
 * deletions, substitutions and swaps of two adjacent characters that turn one string into the other,
 * no substring edited twice. A mistyped NIK digit is 1; two swapped digits are 1.
 *
 * @example
 * osaDistance('3506011501060001', '3506011510060001') // 1 (adjacent digits swapped)
 */
export function osaDistance(a: string, b: string): number {
  if (a === b) return 0;
  let la = a.length;
  let lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  // Common prefix and suffix cost nothing.
  let start = 0;
  while (start < la && start < lb && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (la > start && lb > start && a.charCodeAt(la - 1) === b.charCodeAt(lb - 1)) {
    la--;
    lb--;
  }
  const n = la - start;
  const m = lb - start;
  if (n === 0) return m;
  if (m === 0) return n;
  if (rowCur.length < m + 1) {
    rowPrev2 = new Int32Array((m + 1) * 2);
    rowPrev = new Int32Array((m + 1) * 2);
    rowCur = new Int32Array((m + 1) * 2);
    codesB = new Uint16Array((m + 1) * 2);
  }
  const bs = codesB;
  for (let j = 0; j < m; j++) bs[j] = b.charCodeAt(start + j);
  let prev2 = rowPrev2;
  let prev = rowPrev;
  let cur = rowCur;
  for (let j = 0; j <= m; j++) prev[j] = j;
  let previousA = -1;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(start + i - 1);
    let previousB = -1;
    for (let j = 1; j <= m; j++) {
      const cb = bs[j - 1] as number;
      let best = (prev[j - 1] as number) + (ca === cb ? 0 : 1);
      const deletion = (prev[j] as number) + 1;
      if (deletion < best) best = deletion;
      const insertion = (cur[j - 1] as number) + 1;
      if (insertion < best) best = insertion;
      if (ca === previousB && cb === previousA) {
        const swap = (prev2[j - 2] as number) + 1;
        if (swap < best) best = swap;
      }
      cur[j] = best;
      previousB = cb;
    }
    previousA = ca;
    const rotate = prev2;
    prev2 = prev;
    prev = cur;
    cur = rotate;
  }
  const result = prev[m] as number;
  return result;
}
