import { z } from 'zod';
import { ok, type Issue, type Result } from '../domain/result.js';
import { isKeyTransform, type BlockingRule, type KeyPart } from './blocking.js';
import { COMPARISON_METHODS, type ComparisonMethod } from './comparisons.js';

/** One field compared between the two records. */
export interface ComparisonSettings {
  /** A name for explanations, e.g. `nama`. */
  readonly name: string;
  readonly method: ComparisonMethod;
  /** The left file's column(s); several columns are read as one value, joined by a space. */
  readonly leftColumns: readonly string[];
  readonly rightColumns: readonly string[];
  /** Term-frequency adjustment: agreeing on a common value (MUHAMMAD RIZKY) weighs less than on a rare one. */
  readonly termFrequency: boolean;
  /** For `text`: the two Jaro-Winkler bands (default 0.92 and 0.8). */
  readonly jaroWinkler?: readonly [number, number] | undefined;
  /** For `nik`: the left record's birth-date and sex columns, to tell its own NIK from a borrowed one. */
  readonly birthDateColumn?: string | undefined;
  readonly sexColumn?: string | undefined;
}

/** Everything the linking engine needs: what is compared, how candidates are found, and thresholds. */
export interface LinkSettings {
  /** `link` pairs records of two files; `dedupe` finds records of one file that are the same person. */
  readonly mode: 'link' | 'dedupe';
  readonly leftId: string;
  readonly rightId: string;
  readonly comparisons: readonly ComparisonSettings[];
  readonly blocking: readonly BlockingRule[];
  /** Pairs at or above this match probability are links (0–1). */
  readonly threshold: number;
  /** Each record takes part in at most one link (the most probable first). */
  readonly oneToOne: boolean;
  /**
   * Deduplication only: records joined by a chain of links are one person, so every pair inside such
   * a cluster is reported (with the strength of the strongest chain joining it).
   */
  readonly clusters: boolean;
  /** Seed of the random pairs used to estimate u (the same seed gives the same result). */
  readonly seed: number;
  /** Number of random pairs for u (default 200,000). */
  readonly randomPairs: number;
  /**
   * Estimate m from the data by EM (default). Turn it off when the data hold too few matches to learn
   * from (a student list has a handful of duplicates but many siblings, whom EM would take for them).
   */
  readonly estimateM: boolean;
}

const columnSchema = z.union([
  z.string().min(1),
  z.object({ left: z.string().min(1), right: z.string().min(1) }).strict(),
]);

const columnsSchema = z.array(z.string().min(1)).min(1);

/** One column, several read as one value (["first_name", "surname"]), or each side's own. */
const comparedSchema = z.union([
  z.string().min(1),
  columnsSchema,
  z
    .object({
      left: z.union([z.string().min(1), columnsSchema]),
      right: z.union([z.string().min(1), columnsSchema]),
    })
    .strict(),
]);

const keyPartSchema = z
  .object({
    column: comparedSchema,
    transform: z.string().default('value').refine(isKeyTransform, {
      message:
        'unknown transform; use value, digits, name_phonetic, first_word_phonetic, last_word_phonetic, date, year, month_day, prefix:N or suffix:N',
    }),
  })
  .strict();

/** The JSON settings file of `sahaja link` (see docs/matching.md). */
export const linkSettingsSchema = z
  .object({
    mode: z.enum(['link', 'dedupe']).default('link'),
    id: columnSchema,
    comparisons: z
      .array(
        z
          .object({
            name: z.string().min(1).optional(),
            column: comparedSchema,
            method: z.enum(COMPARISON_METHODS as [ComparisonMethod, ...ComparisonMethod[]]),
            termFrequency: z.boolean().default(false),
            jaroWinkler: z
              .tuple([z.number().min(0).max(1), z.number().min(0).max(1)])
              .refine(([high, mid]) => high >= mid, {
                message: 'the first band must be the higher',
              })
              .optional(),
            birthDate: z.string().min(1).optional(),
            sex: z.string().min(1).optional(),
          })
          .strict(),
      )
      .min(1),
    blocking: z
      .array(
        z
          .object({
            name: z.string().min(1).optional(),
            keys: z.array(keyPartSchema).min(1),
          })
          .strict(),
      )
      .min(1),
    threshold: z.number().gt(0).lt(1).default(0.5),
    oneToOne: z.boolean().default(false),
    clusters: z.boolean().default(false),
    seed: z.number().int().default(1),
    randomPairs: z.number().int().min(1000).max(10_000_000).default(200_000),
    estimateM: z.boolean().default(true),
  })
  .strict();

/** The JSON form of the settings, as written in a file. */
export type LinkSettingsInput = z.input<typeof linkSettingsSchema>;

const sides = (column: string | { left: string; right: string }): [string, string] =>
  typeof column === 'string' ? [column, column] : [column.left, column.right];

type Compared =
  | string
  | readonly string[]
  | { left: string | readonly string[]; right: string | readonly string[] };

/** One side's column(s) of a setting that may name each side's own. */
const sideOf = (column: Compared, side: 0 | 1): string | readonly string[] => {
  if (typeof column === 'string' || Array.isArray(column))
    return column as string | readonly string[];
  const own = column as { left: string | readonly string[]; right: string | readonly string[] };
  return side === 0 ? own.left : own.right;
};

const keyParts = (
  parts: readonly { column: Compared; transform: string }[],
  side: 0 | 1,
): KeyPart[] =>
  parts.map((p) => ({
    column: sideOf(p.column, side),
    transform: p.transform as KeyPart['transform'],
  }));

/** A problem in link settings: the setting's path (e.g. `comparisons.2.method`) and why. */
export interface SettingsIssue extends Issue<'settings_invalid'> {
  readonly path: string;
}

/**
 * Reads link settings from their JSON form. Each problem comes back as an issue naming the setting's
 * path (e.g. `comparisons.2.method`) and why.
 */
export function parseLinkSettings(input: unknown): Result<LinkSettings, SettingsIssue> {
  const parsed = linkSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i): SettingsIssue => {
      const path = i.path.join('.') || '(top level)';
      return {
        code: 'settings_invalid',
        path,
        message: { id: `Pengaturan ${path}: ${i.message}`, en: `Setting ${path}: ${i.message}` },
      };
    });
    return { ok: false, issues: [issues[0] as SettingsIssue, ...issues.slice(1)] };
  }
  const s = parsed.data;
  const [leftId, rightId] = sides(s.id);
  return ok({
    mode: s.mode,
    leftId,
    rightId,
    comparisons: s.comparisons.map((c) => {
      const list = (x: string | readonly string[]): readonly string[] =>
        typeof x === 'string' ? [x] : x;
      const [leftColumns, rightColumns] =
        typeof c.column === 'string' || Array.isArray(c.column)
          ? [list(c.column), list(c.column)]
          : [list(c.column.left), list(c.column.right)];
      return {
        name: c.name ?? leftColumns.join('+'),
        method: c.method,
        leftColumns,
        rightColumns,
        termFrequency: c.termFrequency,
        jaroWinkler: c.jaroWinkler,
        birthDateColumn: c.birthDate,
        sexColumn: c.sex,
      };
    }),
    blocking: s.blocking.map((b, i) => ({
      name:
        b.name ??
        (b.keys
          .map((k) => `${[sideOf(k.column, 0)].flat().join('+')}:${k.transform}`)
          .join(' & ') ||
          `rule ${i + 1}`),
      left: keyParts(b.keys, 0),
      right: keyParts(b.keys, 1),
    })),
    threshold: s.threshold,
    oneToOne: s.oneToOne,
    clusters: s.clusters,
    seed: s.seed,
    randomPairs: s.randomPairs,
    estimateM: s.estimateM,
  });
}
