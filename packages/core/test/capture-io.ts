import type { Io } from '../src/cli/io.js';

/** An `Io` for command tests that keeps what the command printed, line by line. */
export function captureIo(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}
