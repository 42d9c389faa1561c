import { formatCsv } from '../io/csv-write.js';
import { encodeUtf8 } from '../io/encoding.js';
import { readTable, type Table } from '../io/table.js';
import { links, runLink } from '../matching/engine.js';
import { parseLinkSettings, type LinkSettings } from '../matching/settings.js';
import type { ParsedArgs } from './args.js';
import { CliError, type Io } from './io.js';
import { readInput } from './read-file.js';
import { AtomicFileWriter } from './write-file.js';

export const LINK_HELP = `sahaja link --config C.json --left A [--right B] --out L.csv

Links the records of two person files (or, without --right, finds the records of one file that are the
same person) with the matching engine, configured by a JSON settings file: fields and how to compare
them, blocking rules, id columns, threshold (see docs/matching.md and docs/examples/).
  --config C.json  the settings
  --left A         CSV or XLSX whose first row names the columns
  --right B        the second file; leave out to deduplicate --left
  --out L.csv      left_id,right_id,probability for every pair at or above the threshold`;

async function table(path: string): Promise<Table> {
  const read = await readTable(await readInput(path));
  if (!read.ok) throw new CliError(`${path}: ${read.issues[0].message.en}`);
  return read.value;
}

function requireColumns(path: string, t: Table, columns: readonly string[]): void {
  const missing = [...new Set(columns)].filter((c) => !t.columns.includes(c));
  if (missing.length > 0) {
    throw new CliError(
      `${path}: the settings use column(s) ${missing.map((c) => `"${c}"`).join(', ')}, which the file does not have (it has ${t.columns.join(', ')})`,
    );
  }
}

function columnsOf(settings: LinkSettings, side: 'left' | 'right'): string[] {
  return [
    side === 'left' ? settings.leftId : settings.rightId,
    ...settings.comparisons.flatMap((c) => [
      ...(side === 'left' ? c.leftColumns : c.rightColumns),
      ...(side === 'left' || settings.mode === 'dedupe'
        ? [c.birthDateColumn, c.sexColumn].filter((x): x is string => x !== undefined)
        : []),
    ]),
    ...settings.blocking.flatMap((r) =>
      (side === 'left' ? r.left : r.right).flatMap((p) => [p.column].flat()),
    ),
  ];
}

/** `sahaja link`: the engine on any two person files (or one, deduplicated). */
export async function linkCommand(args: ParsedArgs, io: Io): Promise<void> {
  const configPath = args.options.get('config');
  const leftPath = args.options.get('left');
  const rightPath = args.options.get('right');
  const out = args.options.get('out');
  if (!configPath) throw new CliError('--config FILE is required');
  if (!leftPath) throw new CliError('--left FILE is required');
  if (!out) throw new CliError('--out FILE is required');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(await readInput(configPath)));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${configPath}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = parseLinkSettings(json);
  if (!parsed.ok) throw new CliError(`${configPath}: ${parsed.issues[0].message.en}`);
  const settings: LinkSettings = { ...parsed.value, mode: rightPath ? 'link' : 'dedupe' };
  if (rightPath && parsed.value.mode === 'dedupe') {
    io.out(`${configPath} says mode "dedupe", but --right was given: linking the two files.`);
  }

  const left = await table(leftPath);
  requireColumns(leftPath, left, columnsOf(settings, 'left'));
  const right = rightPath ? await table(rightPath) : undefined;
  if (right && rightPath) requireColumns(rightPath, right, columnsOf(settings, 'right'));

  const run = await runLink(settings, { left: left.rows, ...(right && { right: right.rows }) });
  if (!run.ok) throw new CliError(run.issues[0].message.en);
  const rows = links(run.value).map((l) => [
    run.value.leftIds[l.left] as string,
    run.value.rightIds[l.right] as string,
    l.probability.toFixed(6),
  ]);
  const output = await AtomicFileWriter.open(out);
  try {
    await output.write(
      encodeUtf8(formatCsv([['left_id', 'right_id', 'probability'], ...rows], { newline: '\n' })),
    );
    await output.commit();
  } catch (error) {
    await output.abort();
    throw error;
  }
  io.out(
    `Wrote ${rows.length} links to ${out} (${run.value.pairs.size} candidate pairs; ${run.value.blocking
      .map((b) => `${b.rule}: ${b.pairs}`)
      .join(', ')}).`,
  );
}
