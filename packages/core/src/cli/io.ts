/** Where a command writes: its standard output and error, one line at a time. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** A bad-input failure with a one-line reason for the user; the command exits non-zero. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
