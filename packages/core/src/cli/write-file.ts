import * as fs from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError } from './io.js';

/**
 * Writes a file piece by piece through a temporary sibling, renamed into place by {@link commit}: for
 * outputs too large to build in memory. {@link abort} removes the temporary file.
 */
export class AtomicFileWriter {
  readonly #target: string;
  readonly #temp: string;
  #handle: fs.FileHandle | undefined;

  private constructor(target: string) {
    this.#target = resolve(target);
    this.#temp = `${this.#target}.partial-${process.pid}`;
  }

  /** Opens the temporary file next to `path`. Throws a {@link CliError} naming the path. */
  static async open(path: string): Promise<AtomicFileWriter> {
    const writer = new AtomicFileWriter(path);
    try {
      await fs.mkdir(dirname(writer.#target), { recursive: true });
      writer.#handle = await fs.open(writer.#temp, 'w');
    } catch (error) {
      throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
    }
    return writer;
  }

  async write(bytes: Uint8Array): Promise<void> {
    try {
      await this.#handle?.write(bytes);
    } catch (error) {
      await this.abort();
      throw new CliError(`cannot write ${this.#target}: ${(error as Error).message}`);
    }
  }

  async commit(): Promise<void> {
    try {
      await this.#handle?.close();
      this.#handle = undefined;
      await fs.rename(this.#temp, this.#target);
    } catch (error) {
      await this.abort();
      throw new CliError(`cannot write ${this.#target}: ${(error as Error).message}`);
    }
  }

  async abort(): Promise<void> {
    await this.#handle?.close().catch(() => undefined);
    this.#handle = undefined;
    await fs.rm(this.#temp, { force: true }).catch(() => undefined);
  }
}
