import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CliError } from './io.js';

/**
 * Opens a file for streaming: its size and its bytes in chunks. Throws a {@link CliError} when it cannot
 * be read (missing, a folder, no permission).
 */
export async function openInput(
  path: string,
): Promise<{ size: number; chunks: AsyncIterable<Uint8Array> }> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new CliError(`${path} is a folder, not a file`);
    size = s.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT' ? `${path}: no such file` : `cannot read ${path} (${code ?? 'error'})`,
    );
  }
  return { size, chunks: createReadStream(path, { highWaterMark: 1 << 20 }) };
}

/** Reads a whole file into memory (for files read as one table). Throws a {@link CliError} like {@link openInput}. */
export async function readInput(path: string): Promise<Uint8Array> {
  const input = await openInput(path);
  const bytes = new Uint8Array(input.size);
  let at = 0;
  for await (const chunk of input.chunks) {
    bytes.set(chunk.subarray(0, Math.min(chunk.length, bytes.length - at)), at);
    at += chunk.length;
  }
  return at === bytes.length ? bytes : bytes.subarray(0, Math.min(at, bytes.length));
}
