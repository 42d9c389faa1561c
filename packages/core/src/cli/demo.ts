import * as fs from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  DEFAULT_DEMO_OPTIONS,
  generateProgramme,
  validateDemoOptions,
} from '../generator/programme.js';
import type { DemoOptions, Village } from '../generator/types.js';
import { programmeFiles, type OutputFile } from '../io/demo-files.js';
import type { ParsedArgs } from './args.js';
import { CliError, type Io } from './io.js';

export const DEMO_HELP = `sahaja demo --out DIR [--seed N] [--schools 72] [--students 20000] [--registry 150000]
            [--date YYYY-MM-DD] [--wilayah FILE]

Writes a synthetic Kabupaten-Kediri-like programme to DIR: schools, teams, holidays, a registry extract,
every school's student list in the shape the school sent it, the combined list and the truth.
  --seed N        the same seed gives the same programme (default ${DEFAULT_DEMO_OPTIONS.seed})
  --date D        the programme's reference date (default ${DEFAULT_DEMO_OPTIONS.referenceDate})
  --wilayah FILE  a region table (kode,nama) whose Kab. Kediri villages to use; villages are synthesised
                  without it`;

function wholeNumber(args: ParsedArgs, name: string, fallback: number): number {
  const text = args.options.get(name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new CliError(`--${name} must be a whole number (got "${text}")`);
  return Number(text);
}

/** Reads villages (`kode,nama` with codes like 35.06.01.2001) from a region table. */
export function parseVillages(text: string): Village[] {
  const villages: Village[] = [];
  for (const line of text.split(/\r?\n/)) {
    const comma = line.indexOf(',');
    if (comma < 0) continue;
    const kode = line.slice(0, comma).trim();
    if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(kode))
      villages.push({
        kode,
        nama: line
          .slice(comma + 1)
          .trim()
          .replace(/^"|"$/g, ''),
      });
  }
  return villages;
}

/** The file-system operations {@link writeFolderAtomically} uses (replaceable in tests). */
export type FolderFs = Pick<typeof fs, 'mkdir' | 'rm' | 'writeFile' | 'rename'>;

/**
 * Writes files into a fresh sibling folder, then swaps it in for `target`: a failure part-way leaves the
 * previous folder as it was and no partial folder behind. Throws a {@link CliError} naming the target.
 */
export async function writeFolderAtomically(
  target: string,
  files: readonly OutputFile[],
  fsOps: FolderFs = fs,
): Promise<void> {
  const staging = `${target}.partial-${process.pid}`;
  try {
    await fsOps.rm(staging, { recursive: true, force: true });
    for (const file of files) {
      const path = join(staging, file.path);
      await fsOps.mkdir(dirname(path), { recursive: true });
      await fsOps.writeFile(path, file.bytes);
    }
    await fsOps.rm(target, { recursive: true, force: true });
    await fsOps.rename(staging, target);
  } catch (error) {
    await fsOps.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw new CliError(`cannot write ${target}: ${(error as Error).message}`);
  }
}

/** `sahaja demo`: generates the demo programme and writes its files. */
export async function demoCommand(args: ParsedArgs, io: Io): Promise<void> {
  const out = args.options.get('out');
  if (!out) throw new CliError('--out DIR is required');
  const options: DemoOptions = {
    seed: wholeNumber(args, 'seed', DEFAULT_DEMO_OPTIONS.seed),
    schools: wholeNumber(args, 'schools', DEFAULT_DEMO_OPTIONS.schools),
    students: wholeNumber(args, 'students', DEFAULT_DEMO_OPTIONS.students),
    registry: wholeNumber(args, 'registry', DEFAULT_DEMO_OPTIONS.registry),
    referenceDate: args.options.get('date') ?? DEFAULT_DEMO_OPTIONS.referenceDate,
  };
  const problems = validateDemoOptions(options);
  if (problems.length > 0) throw new CliError(problems.join('; '));
  const wilayah = args.options.get('wilayah');
  let villages: Village[] | undefined;
  if (wilayah) {
    let text: string;
    try {
      text = await fs.readFile(wilayah, 'utf8');
    } catch {
      throw new CliError(`cannot read the region table ${wilayah}`);
    }
    villages = parseVillages(text);
    if (!villages.some((v) => v.kode.startsWith('35.06.')))
      throw new CliError(`${wilayah} has no villages of Kab. Kediri (35.06.xx.xxxx)`);
  }
  const started = Date.now();
  let lastPhase = '';
  const programme = generateProgramme({ ...options, villages }, (p) => {
    if (p.phase !== lastPhase) io.err(`  ${p.phase}…`);
    lastPhase = p.phase;
  });
  const files = await programmeFiles(programme);
  const target = resolve(out);
  await writeFolderAtomically(target, files);
  const s = programme.summary;
  io.out(
    `Wrote ${files.length} files to ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${s.schools} schools, ${s.students} student rows in ${programme.files.length} school files, ` +
      `${s.registry} registry people, ${s.teams} teams, ${s.holidays} holidays (seed ${s.seed}).`,
  );
}
