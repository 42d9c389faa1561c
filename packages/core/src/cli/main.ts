import { CORE_VERSION } from '../api.js';
import { parseArgs } from './args.js';
import { DEMO_HELP, demoCommand } from './demo.js';
import { ELIGIBILITY_HELP, eligibilityCommand } from './eligibility.js';
import { CliError, type Io } from './io.js';
import { LINK_HELP, linkCommand } from './link.js';
import { MATCH_HELP, matchCommand } from './match.js';
import { PLAN_HELP, planCommand } from './plan.js';

interface Command {
  readonly summary: string;
  readonly help: string;
  readonly flags: readonly string[];
  run(args: Exclude<ReturnType<typeof parseArgs>, { error: string }>, io: Io): Promise<void>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  demo: {
    summary: 'write a synthetic Kabupaten-Kediri-like programme (schools, lists, registry, truth)',
    help: DEMO_HELP,
    flags: [],
    run: demoCommand,
  },
  eligibility: {
    summary: 'decide who must (WAJIB) or may (REKAM_DINI) be recorded on a date, with reasons',
    help: ELIGIBILITY_HELP,
    flags: [],
    run: eligibilityCommand,
  },
  match: {
    summary: 'match school lists to the registry (pemadanan): COCOK, PERLU_REVIEW or TIDAK_COCOK',
    help: MATCH_HELP,
    flags: [],
    run: matchCommand,
  },
  link: {
    summary: 'link any two person files (or deduplicate one) with a JSON settings file',
    help: LINK_HELP,
    flags: [],
    run: linkCommand,
  },
  plan: {
    summary: 'plan the school visits: working days, teams, WAJIB first, lower bound',
    help: PLAN_HELP,
    flags: ['wajib-dulu'],
    run: planCommand,
  },
};

const HELP = `sahaja ${CORE_VERSION} — KTP-el recording at high schools (Dukcapil)

Usage: sahaja <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`)
  .join('\n')}

Run \`sahaja <command> --help\` for a command's options. Inputs are CSV or XLSX; output CSV is UTF-8.`;

const consoleIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Runs the `sahaja` command with the given arguments; returns the exit status (0 success, 1 bad input or
 * failure, 2 usage error). Never throws.
 */
export async function run(argv: readonly string[], io: Io = consoleIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(CORE_VERSION);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`sahaja: unknown command "${name}"; run \`sahaja --help\` for the list`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  const args = parseArgs(rest, command.flags);
  if ('error' in args) {
    io.err(`sahaja ${name}: ${args.error}`);
    return 2;
  }
  try {
    await command.run(args, io);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`sahaja ${name}: ${error.message}`);
      return 1;
    }
    io.err(
      `sahaja ${name}: internal error: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}
