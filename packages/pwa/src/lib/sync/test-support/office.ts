/**
 * An office laptop for tests of the change log: a clock with its own id, user and time, and a
 * programme with a stored pemadanan run (students under review, not found, matched, one listed twice).
 */
import type { StudentMatch } from '../../core/types';
import { DEVICE_KEY, OPERATOR_KEY } from '../../field/device';
import {
  replaceProgramme,
  saveMatchingRun,
  type MatchingRun,
  type ProgrammeData,
  type SahajaDatabase,
} from '../../db';
import { summaryOf } from '../../db/test-support/match-summary';
import { LaptopClock } from '../clock';

/** Local storage of one laptop, in memory. */
export function memoryStorage(entries: Readonly<Record<string, string>> = {}): Storage {
  const values = new Map(Object.entries(entries));
  return {
    get length() {
      return values.size;
    },
    key: (i) => [...values.keys()][i] ?? null,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
    clear: () => values.clear(),
  };
}

/** A laptop's clock: id `device`, `author` signed in, its wall clock a minute later at each stamp. */
export function laptopOf(device: string, author: string, start: number): LaptopClock {
  let minute = 0;
  return new LaptopClock(
    memoryStorage({ [DEVICE_KEY]: device, [OPERATOR_KEY]: author }),
    () => start + minute++ * 60_000,
  );
}

const candidate = (nik: string, probability: number) => ({
  nik,
  probability,
  explanation: [
    {
      comparison: 'nama',
      level: 'exact',
      weight: 8.5,
      text: { id: 'sama persis', en: 'identical' },
    },
  ],
});

/**
 * One match per student of `data`: the first five under review (each with two candidates), the next
 * five not found, the rest matched; the last student is listed twice (a duplicate of the one before).
 */
export function matchesOf(data: ProgrammeData): StudentMatch[] {
  const n = data.students.length;
  return data.students.map(({ idSiswa }, i): StudentMatch => {
    const nik = data.registry[i]?.nik ?? '';
    const second = data.registry[i + n]?.nik ?? data.registry[data.registry.length - 1 - i]!.nik;
    const [status, reason] =
      i < 5
        ? (['PERLU_REVIEW', 'uncertain'] as const)
        : i < 10
          ? (['TIDAK_COCOK', 'not_found'] as const)
          : i === n - 1
            ? (['PERLU_REVIEW', 'duplicate'] as const)
            : (['COCOK', 'confident'] as const);
    const nikOf = i === n - 1 ? (data.registry[i - 1]?.nik ?? '') : nik;
    return {
      idSiswa,
      nik: status === 'TIDAK_COCOK' ? '' : nikOf,
      probability: status === 'COCOK' ? 0.9999 : 0.6,
      status,
      reason,
      duplicateOf: i === n - 1 ? (data.students[i - 1]?.idSiswa ?? '') : '',
      explanation: candidate(nikOf, 0.6).explanation,
      candidates: i < 5 ? [candidate(nik, 0.6), candidate(second, 0.4)] : [candidate(nikOf, 0.6)],
    };
  });
}

/** The figures of a run that gave `matches`. */
export function runOf(matches: readonly StudentMatch[], registry: number): MatchingRun {
  return {
    finishedAt: '2023-01-10T08:00:00.000Z',
    summary: summaryOf(matches, registry, 1),
    blocking: [{ rule: 'NIK', pairs: 20, newPairs: 20 }],
    thresholds: { match: 0.999, review: 0.2 },
    given: { review: 0, duplicates: 0 },
  };
}

/** Stores `data` as programme `id` with the pemadanan run of {@link matchesOf}; returns the matches. */
export async function storeMatchedProgramme(
  db: SahajaDatabase,
  id: string,
  data: ProgrammeData,
  clock?: LaptopClock,
): Promise<StudentMatch[]> {
  const stored = await replaceProgramme(db, id, data);
  if (!stored.ok) throw new Error(stored.error.message);
  const matches = matchesOf(data);
  const saved = await saveMatchingRun(db, id, matches, runOf(matches, data.registry.length), {
    ...(clock && { clock }),
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return matches;
}
