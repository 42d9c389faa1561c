/**
 * Pemadanan of school lists against the registry extract (SPEC §4): the engine with the
 * students-vs-registry settings, then one-to-one assignment, review decisions, duplicates within the
 * lists, and the three statuses COCOK (auto-accept), PERLU_REVIEW (a person decides) and TIDAK_COCOK.
 */
import type { Issue, Result } from '../domain/result.js';
import { ok } from '../domain/result.js';
import type { Resident, StudentRecord } from '../domain/records.js';
import type { Row } from './comparisons.js';
import {
  explainPair,
  probabilityOf,
  runLink,
  type BlockingCount,
  type ExplanationEntry,
  type LinkIssueCode,
  type LinkProgress,
  type LinkRun,
} from './engine.js';
import type { FittedModel } from './model.js';
import type { LinkSettings } from './settings.js';

/** The three outcomes of pemadanan for a student. */
export type MatchStatus = 'COCOK' | 'PERLU_REVIEW' | 'TIDAK_COCOK';

/** Why a student got its status. */
export type MatchReason =
  /** A person accepted this pair in review. */
  | 'accepted'
  /** The model is sure and nothing competes. */
  | 'confident'
  /** Probable, but below the COCOK threshold. */
  | 'uncertain'
  /** Another registry person (a twin, a namesake) or another student scores nearly as high. */
  | 'ambiguous'
  /** Name or birth date disagree too much for an automatic match, whatever the rest says. */
  | 'weak_identity'
  /** The student's best registry person went to another student who fits better. */
  | 'taken'
  /** The same student is listed again (same person as `duplicateOf`). */
  | 'duplicate'
  /**
   * A reviewer rejected a candidate of this student: the most probable candidate left waits for a
   * person too (never accepted automatically).
   */
  | 'rejected'
  /** No registry person is probable enough (or every probable one was rejected in review). */
  | 'not_found';

/** A registry person considered for a student, with how the pair scored. */
export interface MatchCandidate {
  readonly nik: string;
  readonly probability: number;
  /**
   * Field by field, for a student a person may review (every reason but `confident`); empty for a
   * confident match, whose candidates nobody compares (it would triple the stored results).
   */
  readonly explanation: readonly ExplanationEntry[];
}

/** The pemadanan of one student row. */
export interface StudentMatch {
  readonly idSiswa: string;
  /** The proposed registry NIK; empty for TIDAK_COCOK. */
  readonly nik: string;
  /** Match probability of the proposed pair (of the best candidate for TIDAK_COCOK; 0 when none). */
  readonly probability: number;
  readonly status: MatchStatus;
  readonly reason: MatchReason;
  /** For a duplicate listing: the id of the other row of the same student. */
  readonly duplicateOf: string;
  /** Field by field, how the proposed (or best) pair scored; empty when there was no candidate. */
  readonly explanation: readonly ExplanationEntry[];
  /**
   * The candidates, most probable first (the proposed one included): the three best, and up to
   * {@link CANDIDATE_LIMIT} when more reach the review threshold. Rejected pairs are never among them.
   */
  readonly candidates: readonly MatchCandidate[];
  /** The candidates a reviewer rejected, most probable first; left out when there are none. */
  readonly rejected?: readonly MatchCandidate[];
}

/** A review decision on a (student, registry NIK) pair. */
export interface ReviewDecision {
  readonly idSiswa: string;
  readonly nik: string;
  readonly decision: 'accept' | 'reject';
}

/**
 * A reviewer's decision on two listings the matcher took for the same student: `same` keeps them one
 * student (one listing counts) on every run; `different` keeps them apart, so each is matched alone.
 */
export interface DuplicateDecision {
  readonly idSiswa: string;
  readonly duplicateOf: string;
  readonly decision: 'same' | 'different';
}

/** The two probability thresholds: COCOK at or above `match`, PERLU_REVIEW at or above `review`. */
export interface MatchThresholds {
  readonly match: number;
  readonly review: number;
}

/**
 * Default thresholds. COCOK needs odds of 999 to 1 (a wrong automatic match records the wrong person,
 * so it must be rare); below 1 to 4 a candidate is not worth a reviewer's time.
 */
export const DEFAULT_THRESHOLDS: MatchThresholds = { match: 0.999, review: 0.2 };

/**
 * A competitor within this many bits (a factor 2^bits in the odds) of the best pair makes it
 * ambiguous: 5 bits is 32 to 1.
 */
export const AMBIGUITY_MARGIN_BITS = 5;

/** Candidates listed per student at most (the three best always, more only above the review threshold). */
export const CANDIDATE_LIMIT = 5;

/** Options of {@link matchStudents}. */
export interface MatchStudentsOptions {
  readonly thresholds?: MatchThresholds | undefined;
  readonly decisions?: readonly ReviewDecision[] | undefined;
  readonly duplicateDecisions?: readonly DuplicateDecision[] | undefined;
  readonly onProgress?: ((progress: MatchProgress) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** Progress of {@link matchStudents}: the linking phases, then the duplicate search and assignment. */
export interface MatchProgress {
  readonly step: 'registry' | 'duplicates' | 'assign';
  readonly phase: LinkProgress['phase'] | 'assign';
  readonly done: number;
  readonly total: number;
}

/** Counts over the students. */
export interface MatchSummary {
  readonly students: number;
  readonly registry: number;
  readonly byStatus: Readonly<Record<MatchStatus, number>>;
  readonly byReason: Readonly<Record<MatchReason, number>>;
  readonly candidatePairs: number;
  readonly duplicateGroups: number;
  /**
   * Review decisions that could not be applied (student id unknown, NIK not among the student's
   * candidates, or contradicting another decision).
   */
  readonly unusedDecisions: number;
  /**
   * Duplicate decisions that could not be applied (a listing unknown, both ids the same row, or
   * contradicting another decision).
   */
  readonly unusedDuplicateDecisions: number;
}

/** What {@link matchStudents} answers. */
export interface MatchStudentsResult {
  /** One per student row, in input order. */
  readonly matches: readonly StudentMatch[];
  readonly summary: MatchSummary;
  readonly model: FittedModel;
  readonly blocking: readonly BlockingCount[];
  readonly duplicateModel: FittedModel;
  readonly thresholds: MatchThresholds;
}

const FIELD_NAMES = {
  nik: 'NIK',
  nama: 'nama',
  tanggalLahir: 'tanggal lahir',
  namaIbu: 'nama ibu',
  jenisKelamin: 'jenis kelamin',
  tempatLahir: 'tempat lahir',
  alamat: 'alamat',
  nisn: 'NISN',
} as const;

const compare = (
  column: keyof typeof FIELD_NAMES,
  method: LinkSettings['comparisons'][number]['method'],
  extra: Partial<LinkSettings['comparisons'][number]> = {},
): LinkSettings['comparisons'][number] => ({
  name: FIELD_NAMES[column],
  method,
  leftColumns: [column],
  rightColumns: [column],
  termFrequency: false,
  ...extra,
});

const rule = (
  name: string,
  ...parts: [string, LinkSettings['blocking'][number]['left'][number]['transform']][]
): LinkSettings['blocking'][number] => {
  const keyParts = parts.map(([column, transform]) => ({ column, transform }));
  return { name, left: keyParts, right: keyParts };
};

/**
 * The students-vs-registry settings: NIK (with the borrowed-NIK check), name and mother's name with
 * term frequencies, birth date, sex, birthplace and address; five blocking rules so that a missing or
 * wrong NIK, a mistyped date or a respelt name still leaves the true pair a candidate.
 */
export const STUDENT_REGISTRY_SETTINGS: LinkSettings = {
  mode: 'link',
  leftId: 'idSiswa',
  rightId: 'nik',
  comparisons: [
    compare('nik', 'nik', { birthDateColumn: 'tanggalLahir', sexColumn: 'jenisKelamin' }),
    compare('nama', 'name', { termFrequency: true }),
    compare('tanggalLahir', 'date'),
    compare('namaIbu', 'name', { termFrequency: true }),
    compare('jenisKelamin', 'sex'),
    compare('tempatLahir', 'place'),
    compare('alamat', 'place'),
  ],
  blocking: [
    rule('NIK', ['nik', 'digits']),
    rule('tanggal lahir', ['tanggalLahir', 'date']),
    rule('nama (fonetik) + tahun lahir', ['nama', 'name_phonetic'], ['tanggalLahir', 'year']),
    rule(
      'nama (fonetik) + tanggal & bulan lahir',
      ['nama', 'name_phonetic'],
      ['tanggalLahir', 'month_day'],
    ),
    rule(
      'nama ibu (fonetik) + tanggal & bulan lahir',
      ['namaIbu', 'name_phonetic'],
      ['tanggalLahir', 'month_day'],
    ),
    rule(
      'nama ibu (fonetik) + kata pertama nama + tahun lahir',
      ['namaIbu', 'name_phonetic'],
      ['nama', 'first_word_phonetic'],
      ['tanggalLahir', 'year'],
    ),
  ],
  threshold: DEFAULT_THRESHOLDS.review,
  oneToOne: true,
  clusters: false,
  seed: 1,
  randomPairs: 200_000,
  estimateM: true,
};

/**
 * The settings for finding students listed twice (NISN joins the comparisons). m stays at the
 * defaults: a list holds few duplicates and many siblings and twins, and EM would learn "same family".
 */
export const STUDENT_DUPLICATE_SETTINGS: LinkSettings = {
  ...STUDENT_REGISTRY_SETTINGS,
  mode: 'dedupe',
  estimateM: false,
  rightId: 'idSiswa',
  comparisons: [compare('nisn', 'identifier'), ...STUDENT_REGISTRY_SETTINGS.comparisons],
  blocking: [rule('NISN', ['nisn', 'digits']), ...STUDENT_REGISTRY_SETTINGS.blocking],
};

/** Name levels that say "the same name, written differently". */
const NAME_SAME = new Set(['exact', 'reordered', 'typo', 'word_added_or_dropped', 'phonetic']);

/**
 * A match is never automatic on the NIK alone: the name must be the same up to spelling, a typo or a
 * word (a twin's name, with another first word, is only "similar" and goes to review), and the birth
 * date must agree up to a typing mistake unless the student's own NIK is equal.
 */
function identityHolds(explanation: readonly ExplanationEntry[]): boolean {
  const level = (name: string): string =>
    explanation.find((e) => e.comparison === name)?.level ?? 'missing';
  if (!NAME_SAME.has(level(FIELD_NAMES.nama))) return false;
  const date = level(FIELD_NAMES.tanggalLahir);
  return date !== 'different' && date !== 'missing' ? true : level(FIELD_NAMES.nik) === 'exact';
}

/**
 * Two rows are the same student only if the name is the same up to spelling and a word, and the
 * identifiers do not contradict it: a different NISN on both rows means two students (twins share
 * everything but the first name and the NISN) unless the student's own NIK is equal.
 */
function sameStudent(explanation: readonly ExplanationEntry[]): boolean {
  const level = (name: string): string =>
    explanation.find((e) => e.comparison === name)?.level ?? 'missing';
  if (!NAME_SAME.has(level(FIELD_NAMES.nama))) return false;
  const date = level(FIELD_NAMES.tanggalLahir);
  if (date === 'different') return false;
  return level(FIELD_NAMES.nisn) !== 'different' || level(FIELD_NAMES.nik) === 'exact';
}

class UnionFind {
  readonly #parent: Int32Array;
  constructor(n: number) {
    this.#parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.#parent[root] !== root) root = this.#parent[root] as number;
    let x = i;
    while (this.#parent[x] !== root) {
      const next = this.#parent[x] as number;
      this.#parent[x] = root;
      x = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller index is the root, so a group's root is its first row.
    if (ra < rb) this.#parent[rb] = ra;
    else if (rb < ra) this.#parent[ra] = rb;
  }
}

/** A student's id as SPEC §7 says: `id_siswa`, else NISN, else the row number (from 1). */
export function studentIdOf(student: StudentRecord, index: number): string {
  return student.idSiswa.trim() || student.nisn.trim() || String(index + 1);
}

const zeroCounts = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Matches student rows to registry people. Deterministic; stops with `cancelled` when the signal
 * aborts. Review decisions are applied on every run: a rejected pair is never proposed and the
 * student's next candidate waits for a person; an accepted one is COCOK (when its NIK is still among
 * the student's candidates). Duplicate decisions keep two listings one student (`same`) or apart
 * (`different`).
 */
export async function matchStudents(
  students: readonly StudentRecord[],
  registry:
    readonly Resident[] | AsyncIterable<readonly Resident[]> | Iterable<readonly Resident[]>,
  options: MatchStudentsOptions = {},
): Promise<Result<MatchStudentsResult, Issue<LinkIssueCode>>> {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const ids = students.map(studentIdOf);
  const left: Row[] = students.map((s, i) => ({ ...s, idSiswa: ids[i] }) as unknown as Row);
  const report =
    (step: MatchProgress['step']) =>
    (p: LinkProgress): void =>
      options.onProgress?.({ step, ...p });

  const registryRun = await runLink(
    STUDENT_REGISTRY_SETTINGS,
    {
      left,
      right: registry as unknown as LinkRunInputRight,
      // An array of people (not of batches) tells the progress its total.
      ...(Array.isArray(registry) &&
        !Array.isArray(registry[0]) && { rightCount: registry.length }),
    },
    { onProgress: report('registry'), signal: options.signal },
  );
  if (!registryRun.ok) return registryRun;
  const duplicateRun = await runLink(
    STUDENT_DUPLICATE_SETTINGS,
    { left },
    { onProgress: report('duplicates'), signal: options.signal },
  );
  if (!duplicateRun.ok) return duplicateRun;
  options.onProgress?.({ step: 'assign', phase: 'assign', done: 0, total: students.length });
  const result = assign(registryRun.value, duplicateRun.value, ids, thresholds, {
    review: options.decisions ?? [],
    duplicates: options.duplicateDecisions ?? [],
  });
  options.onProgress?.({
    step: 'assign',
    phase: 'assign',
    done: students.length,
    total: students.length,
  });
  return ok(result);
}

type LinkRunInputRight = NonNullable<Parameters<typeof runLink>[1]['right']>;

/**
 * A student's listed candidates from its best ones (most probable first): the first three, and any
 * further one up to {@link CANDIDATE_LIMIT} that reaches the review threshold.
 */
function shortlist<T extends { readonly probability: number }>(
  best: readonly T[],
  review: number,
): T[] {
  return best.filter((c, k) => k < CANDIDATE_LIMIT && (k < 3 || c.probability >= review));
}

/**
 * What a review decision does to a student's match: exactly what {@link matchStudents} gives the
 * student on a re-run with the decision added to the earlier ones, so an app can show (and store) the
 * outcome at once. Accepting makes the candidate COCOK (`accepted`); rejecting removes it from the
 * candidates and, unless another candidate was accepted, proposes the most probable one left for
 * review (`rejected`), or makes the student TIDAK_COCOK (`not_found`) when none reaches the review
 * threshold. A rejected candidate can be accepted again. The match is not changed.
 *
 * A re-run may list one more candidate (one that was below the shortlist) and, for a student whose
 * candidates carry no explanation (a confident match), explain the next one. Other students are not
 * touched: a re-run may give a resident the student no longer holds to another student.
 *
 * Returns null when `decision.nik` is none of the student's candidates, listed or rejected (a decision
 * the matcher would not apply either).
 *
 * @example
 * const after = decideMatch(match, { nik: match.nik, decision: 'accept' }, result.thresholds);
 */
export function decideMatch(
  match: StudentMatch,
  decision: Pick<ReviewDecision, 'nik' | 'decision'>,
  thresholds: MatchThresholds = DEFAULT_THRESHOLDS,
): StudentMatch | null {
  const nik = decision.nik.trim();
  const earlier = match.rejected ?? [];
  const candidate = [...match.candidates, ...earlier].find((c) => c.nik === nik);
  if (!candidate) return null;
  // Stable: among equal probabilities the moved candidate goes last.
  const mostProbableFirst = (a: MatchCandidate, b: MatchCandidate): number =>
    b.probability - a.probability;
  const others = match.candidates.filter((c) => c.nik !== nik);
  const { rejected: _rejected, ...rest } = match;
  const withRejected = (next: StudentMatch, rejected: MatchCandidate[]): StudentMatch =>
    rejected.length > 0 ? { ...next, rejected } : next;

  if (decision.decision === 'accept') {
    return withRejected(
      {
        ...rest,
        nik,
        probability: candidate.probability,
        status: 'COCOK',
        reason: 'accepted',
        explanation: candidate.explanation,
        candidates: shortlist([...others, candidate].sort(mostProbableFirst), thresholds.review),
      },
      earlier.filter((c) => c.nik !== nik),
    );
  }
  const rejected = [...earlier.filter((c) => c.nik !== nik), candidate].sort(mostProbableFirst);
  if (match.reason === 'accepted' && match.nik !== nik) {
    return withRejected({ ...rest, candidates: others }, rejected);
  }
  const next = others[0];
  const probable = next !== undefined && next.probability >= thresholds.review;
  return withRejected(
    {
      ...rest,
      nik: probable ? next.nik : '',
      probability: next?.probability ?? 0,
      status: probable ? 'PERLU_REVIEW' : 'TIDAK_COCOK',
      reason: probable ? 'rejected' : 'not_found',
      explanation: next?.explanation ?? [],
      candidates: others,
    },
    rejected,
  );
}

/**
 * Groups the rows that are one student: the duplicate decisions first (`same` joins two rows,
 * `different` keeps them in separate groups whatever joins them otherwise), then the pairs the
 * duplicate search is sure of, most probable first. A pair decided both ways counts as undecided.
 */
function duplicateGroups(
  duplicates: LinkRun,
  rowOfId: ReadonlyMap<string, number>,
  thresholds: MatchThresholds,
  decisions: readonly DuplicateDecision[],
  n: number,
): { groups: UnionFind; unused: number } {
  const groups = new UnionFind(n);
  let unused = 0;
  const pairKey = (a: number, b: number): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  const decided = new Map<
    string,
    { a: number; b: number; decision: DuplicateDecision['decision']; count: number; mixed: boolean }
  >();
  for (const d of decisions) {
    const a = rowOfId.get(d.idSiswa.trim());
    const b = rowOfId.get(d.duplicateOf.trim());
    if (a === undefined || b === undefined || a === b) {
      unused++;
      continue;
    }
    const key = pairKey(a, b);
    const seen = decided.get(key);
    if (!seen) decided.set(key, { a, b, decision: d.decision, count: 1, mixed: false });
    else {
      seen.count++;
      seen.mixed ||= seen.decision !== d.decision;
    }
  }
  const apart: [number, number][] = [];
  const same: { a: number; b: number; count: number }[] = [];
  for (const entry of decided.values()) {
    if (entry.mixed) unused += entry.count;
    else if (entry.decision === 'different') apart.push([entry.a, entry.b]);
    else same.push(entry);
  }
  /** Joins the groups of a and b unless a `different` pair would end up in one group. */
  const join = (a: number, b: number): boolean => {
    const ra = groups.find(a);
    const rb = groups.find(b);
    if (ra === rb) return true;
    for (const [x, y] of apart) {
      const rx = groups.find(x);
      const ry = groups.find(y);
      if ((rx === ra && ry === rb) || (rx === rb && ry === ra)) return false;
    }
    groups.union(a, b);
    return true;
  };
  for (const { a, b, count } of same) if (!join(a, b)) unused += count;

  const sure: number[] = [];
  for (let p = 0; p < duplicates.pairs.size; p++) {
    if (
      probabilityOf(duplicates.weights[p] as number) >= thresholds.match &&
      sameStudent(explainPair(duplicates, p))
    ) {
      sure.push(p);
    }
  }
  sure.sort(
    (p, q) => (duplicates.weights[q] as number) - (duplicates.weights[p] as number) || p - q,
  );
  for (const p of sure) join(duplicates.pairs.left(p), duplicates.pairs.right(p));
  return { groups, unused };
}

function assign(
  run: LinkRun,
  duplicates: LinkRun,
  ids: readonly string[],
  thresholds: MatchThresholds,
  decisions: {
    readonly review: readonly ReviewDecision[];
    readonly duplicates: readonly DuplicateDecision[];
  },
): MatchStudentsResult {
  const n = ids.length;
  const { pairs, weights } = run;

  const rowOfId = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!rowOfId.has(id)) rowOfId.set(id, i);
  });

  // Duplicate groups: rows decided to be one student, and pairs of rows surely the same student.
  const { groups, unused: unusedDuplicateDecisions } = duplicateGroups(
    duplicates,
    rowOfId,
    thresholds,
    decisions.duplicates,
    n,
  );

  // Review decisions by (student, NIK).
  const rejected = new Set<string>();
  const accepted = new Map<number, string>();
  let unusedDecisions = 0;
  for (const d of decisions.review) {
    const i = rowOfId.get(d.idSiswa.trim());
    const nik = d.nik.trim();
    if (i === undefined || nik === '') {
      unusedDecisions++;
      continue;
    }
    if (d.decision === 'reject') rejected.add(`${i}\u0000${nik}`);
    else if (accepted.has(i) && accepted.get(i) !== nik) unusedDecisions++;
    else accepted.set(i, nik);
  }

  // Each student's candidates (rejected pairs apart), most probable first (ties: registry order).
  const byLeft: number[][] = Array.from({ length: n }, () => []);
  const byRight = new Map<number, number[]>();
  const rejectedOf = new Map<number, number[]>();
  const applied = new Set<string>();
  // Only pairs near the COCOK threshold can compete with a COCOK pair for its registry person.
  const rivalWeight = Math.log2(thresholds.match / (1 - thresholds.match)) - AMBIGUITY_MARGIN_BITS;
  for (let p = 0; p < pairs.size; p++) {
    const i = pairs.left(p);
    if (rejected.size > 0) {
      const key = `${i}\u0000${run.rightIds[pairs.right(p)] as string}`;
      if (rejected.has(key)) {
        applied.add(key);
        const list = rejectedOf.get(i);
        if (list) list.push(p);
        else rejectedOf.set(i, [p]);
        continue;
      }
    }
    (byLeft[i] as number[]).push(p);
    if ((weights[p] as number) < rivalWeight) continue;
    const j = pairs.right(p);
    const list = byRight.get(j);
    if (list) list.push(p);
    else byRight.set(j, [p]);
  }
  // A rejection of a pair that is not a candidate changes nothing.
  unusedDecisions += rejected.size - applied.size;
  const order = (a: number, b: number): number =>
    (weights[b] as number) - (weights[a] as number) ||
    pairs.right(a) - pairs.right(b) ||
    pairs.left(a) - pairs.left(b);
  // Only each student's best candidates need an order; the rest are scanned as they are.
  const leading = (list: readonly number[]): number[] => {
    const top: number[] = [];
    for (const p of list) {
      if (top.length === CANDIDATE_LIMIT && order(p, top[CANDIDATE_LIMIT - 1] as number) >= 0) {
        continue;
      }
      top.push(p);
      top.sort(order);
      if (top.length > CANDIDATE_LIMIT) top.pop();
    }
    return top;
  };
  const best = byLeft.map(leading);

  const chosen = new Int32Array(n).fill(-1);
  const holder = new Map<number, number>();
  const reasons: (MatchReason | undefined)[] = new Array(n);

  // Accepted decisions first.
  for (const [i, nik] of [...accepted].sort((a, b) => a[0] - b[0])) {
    const p = (byLeft[i] as number[]).find((q) => run.rightIds[pairs.right(q)] === nik);
    if (p === undefined || holder.has(pairs.right(p))) {
      unusedDecisions++;
      continue;
    }
    chosen[i] = p;
    holder.set(pairs.right(p), i);
    reasons[i] = 'accepted';
  }

  // Then greedy one-to-one assignment, most probable pairs first. A student with a rejected pair
  // takes no part: a person decides among its other candidates.
  const minWeight = Math.log2(thresholds.review / (1 - thresholds.review));
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    if (reasons[i] !== undefined || rejectedOf.has(i)) continue;
    for (const p of byLeft[i] as number[])
      if ((weights[p] as number) >= minWeight) candidates.push(p);
  }
  candidates.sort(order);
  for (const p of candidates) {
    const i = pairs.left(p);
    if (chosen[i] !== -1 || reasons[i] !== undefined) continue;
    const j = pairs.right(p);
    const other = holder.get(j);
    if (other === undefined) {
      chosen[i] = p;
      holder.set(j, i);
    } else if (groups.find(other) === groups.find(i)) {
      chosen[i] = p;
      reasons[i] = 'duplicate';
    }
  }

  // Each duplicate group's representative: the row that holds a registry person, else its first row.
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = groups.find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  }
  const representatives = new Map<number, number>();
  for (const [root, list] of members) {
    if (list.length < 2) continue;
    const holderRow = list.find((i) => chosen[i] !== -1 && reasons[i] !== 'duplicate');
    representatives.set(root, holderRow ?? root);
  }

  const margin = AMBIGUITY_MARGIN_BITS;
  const byStatus = zeroCounts<MatchStatus>(['COCOK', 'PERLU_REVIEW', 'TIDAK_COCOK']);
  const byReason = zeroCounts<MatchReason>([
    'accepted',
    'confident',
    'uncertain',
    'ambiguous',
    'weak_identity',
    'taken',
    'duplicate',
    'rejected',
    'not_found',
  ]);
  const candidateOf = (p: number, explained: boolean): MatchCandidate => ({
    nik: run.rightIds[pairs.right(p)] as string,
    probability: probabilityOf(weights[p] as number),
    explanation: explained ? explainPair(run, p) : [],
  });
  const matches: StudentMatch[] = ids.map((idSiswa, i) => {
    const list = byLeft[i] as number[];
    const top = best[i] as number[];
    const p = chosen[i] as number;
    let status: MatchStatus;
    let reason: MatchReason;
    let duplicateOf = '';
    const shown = p !== -1 ? p : top[0];
    const explanation = shown === undefined ? [] : explainPair(run, shown);
    if (p === -1) {
      const first = top[0];
      if (first !== undefined && (weights[first] as number) >= minWeight) {
        status = 'PERLU_REVIEW';
        if (rejectedOf.has(i)) reason = 'rejected';
        else {
          const owner = holder.get(pairs.right(first)) as number;
          reason = groups.find(owner) === groups.find(i) ? 'duplicate' : 'taken';
          if (reason === 'duplicate') duplicateOf = ids[owner] as string;
        }
      } else {
        status = 'TIDAK_COCOK';
        reason = 'not_found';
      }
    } else if (reasons[i] === 'accepted') {
      status = 'COCOK';
      reason = 'accepted';
    } else if (reasons[i] === 'duplicate') {
      status = 'PERLU_REVIEW';
      reason = 'duplicate';
      duplicateOf = ids[holder.get(pairs.right(p)) as number] as string;
    } else {
      const w = weights[p] as number;
      const j = pairs.right(p);
      const rival =
        list.some((q) => q !== p && pairs.right(q) !== j && (weights[q] as number) >= w - margin) ||
        (byRight.get(j) ?? []).some(
          (q) =>
            pairs.left(q) !== i &&
            groups.find(pairs.left(q)) !== groups.find(i) &&
            (weights[q] as number) >= w - margin,
        );
      if (probabilityOf(w) < thresholds.match) [status, reason] = ['PERLU_REVIEW', 'uncertain'];
      else if (rival) [status, reason] = ['PERLU_REVIEW', 'ambiguous'];
      else if (!identityHolds(explanation)) [status, reason] = ['PERLU_REVIEW', 'weak_identity'];
      else [status, reason] = ['COCOK', 'confident'];
    }
    // Every other row of a duplicate group names the group's representative; it names none itself.
    const representative = representatives.get(groups.find(i));
    if (representative !== undefined)
      duplicateOf = representative === i ? '' : (ids[representative] as string);
    byStatus[status]++;
    byReason[reason]++;
    const proposed = status === 'TIDAK_COCOK' ? undefined : shown;
    // Nobody compares the candidates of a confident match: they go without explanations.
    const explained = reason !== 'confident';
    const match: StudentMatch = {
      idSiswa,
      nik: proposed === undefined ? '' : (run.rightIds[pairs.right(proposed)] as string),
      probability: shown === undefined ? 0 : probabilityOf(weights[shown] as number),
      status,
      reason,
      duplicateOf,
      explanation,
      candidates: shortlist(
        top.map((q) => ({ q, probability: probabilityOf(weights[q] as number) })),
        thresholds.review,
      ).map(({ q }) => candidateOf(q, explained)),
    };
    const refused = rejectedOf.get(i);
    return refused
      ? { ...match, rejected: [...refused].sort(order).map((q) => candidateOf(q, true)) }
      : match;
  });

  return {
    matches,
    summary: {
      students: n,
      registry: run.rightCount,
      byStatus,
      byReason,
      candidatePairs: pairs.size,
      duplicateGroups: representatives.size,
      unusedDecisions,
      unusedDuplicateDecisions,
    },
    model: run.model,
    blocking: run.blocking,
    duplicateModel: duplicates.model,
    thresholds,
  };
}
