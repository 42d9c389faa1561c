/** A command line split into options (`--name value`, `--flag`) and positional words. */
export interface ParsedArgs {
  readonly options: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
  readonly positional: readonly string[];
}

/**
 * Parses `--name value` pairs, `--name=value` and bare `--flag`s. `flagNames` lists the options that take
 * no value. Returns an error message for an option given twice or missing its value.
 */
export function parseArgs(
  argv: readonly string[],
  flagNames: readonly string[] = [],
): ParsedArgs | { error: string } {
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (flagNames.includes(name)) {
      flags.add(name);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--')))
      return { error: `option --${name} needs a value` };
    if (options.has(name)) return { error: `option --${name} is given twice` };
    options.set(name, value);
  }
  return { options, flags, positional };
}
