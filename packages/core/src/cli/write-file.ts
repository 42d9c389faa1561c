import * as fs from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError } from './io.js';

/** The file-system operations {@link writeFileAtomically} uses (replaceable in tests). */
export type FileFs = Pick<typeof fs, 'mkdir' | 'rm' | 'writeFile' | 'rename'>;

/**
 * Writes a file through a temporary sibling and a rename, so that readers never see half a file and a
 * failure leaves any previous file as it was. Throws a {@link CliError} naming the path.
 */
export async function writeFileAtomically(
  path: string,
  bytes: Uint8Array | string,
  fsOps: FileFs = fs,
): Promise<void> {
  const target = resolve(path);
  const temp = `${target}.partial-${process.pid}`;
  try {
    await fsOps.mkdir(dirname(target), { recursive: true });
    await fsOps.writeFile(temp, bytes);
    await fsOps.rename(temp, target);
  } catch (error) {
    await fsOps.rm(temp, { force: true }).catch(() => undefined);
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
