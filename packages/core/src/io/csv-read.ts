/** A CSV field separator {@link parseCsv} knows. */
export type CsvDelimiter = ',' | ';' | '\t' | '|';

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

/**
 * Guesses the field separator from the first 20 lines: the candidate that splits the most lines the same
 * way into the most fields (outside quotes) wins; `,` when nothing does. Indonesian Excel writes `;`.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, 64 * 1024);
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < sample.length && lines.length < 20; i++) {
    const ch = sample[i] as string;
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) {
      if (current.trim() !== '') lines.push(current);
      current = '';
      continue;
    }
    if (!quoted) current += ch;
  }
  if (current.trim() !== '' && lines.length < 20) lines.push(current);
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => l.split(d).length - 1).filter((c) => c > 0);
    if (counts.length === 0) continue;
    const mode = mostCommon(counts);
    const consistent = counts.filter((c) => c === mode).length;
    // Lines split the same way, weighted by how many fields they make: a stray ';' in a few values of a
    // comma file does not outvote the commas of every line.
    const score = consistent * mode;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function mostCommon(values: readonly number[]): number {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, n] of tally) {
    if (n > bestCount || (n === bestCount && v > best)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/** Options of {@link parseCsv}. */
export interface CsvReadOptions {
  /** The field separator; detected from the text when absent. */
  readonly delimiter?: CsvDelimiter;
}

/** Rows of a CSV text and the separator used. */
export interface CsvTable {
  readonly rows: string[][];
  readonly delimiter: CsvDelimiter;
}

/**
 * Parses CSV text (RFC 4180: quoted fields may hold separators, doubled quotes and line breaks; CRLF, LF
 * or CR line ends). A leading byte-order mark is dropped. Rows keep their own lengths; blank lines are
 * kept as rows with one empty cell so that row numbers stay those of the file. A quote left open at the
 * end of the text closes there. Never throws.
 */
export function parseCsv(text: string, options: CsvReadOptions = {}): CsvTable {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(input);
  const parser = new CsvParser(delimiter);
  const rows = parser.push(input);
  for (const row of parser.finish()) rows.push(row);
  return { rows, delimiter };
}

/**
 * An incremental CSV parser: feed it text in chunks of any size (a chunk may end inside a quoted field
 * or between CR and LF) and it returns the rows each chunk completes. Same rules as {@link parseCsv}.
 */
export class CsvParser {
  readonly #sep: number;
  #row: string[] = [];
  #field = '';
  /** The current field has begun (so a quote is a literal character, not an opening quote). */
  #started = false;
  #quoted = false;
  /** The previous chunk ended on a quote inside a quoted field: closing, or the first of a pair. */
  #quoteAtEnd = false;
  /** The previous chunk ended on CR: an LF at the start of the next one belongs to it. */
  #pendingCr = false;

  constructor(delimiter: CsvDelimiter) {
    this.#sep = delimiter.charCodeAt(0);
  }

  /** Parses the next chunk; returns the rows it completes. */
  push(chunk: string): string[][] {
    const rows: string[][] = [];
    const sep = this.#sep;
    const n = chunk.length;
    if (n === 0) return rows;
    let i = 0;
    if (this.#pendingCr) {
      this.#pendingCr = false;
      if (chunk.charCodeAt(0) === 10) i = 1;
    }
    if (this.#quoteAtEnd) {
      this.#quoteAtEnd = false;
      if (chunk.charCodeAt(i) === 34) {
        this.#field += '"';
        i++;
      } else this.#quoted = false;
    }
    while (i < n) {
      if (this.#quoted) {
        const q = chunk.indexOf('"', i);
        if (q < 0) {
          this.#field += chunk.slice(i);
          break;
        }
        this.#field += chunk.slice(i, q);
        if (q + 1 >= n) {
          this.#quoteAtEnd = true;
          break;
        }
        if (chunk.charCodeAt(q + 1) === 34) {
          this.#field += '"';
          i = q + 2;
        } else {
          this.#quoted = false;
          i = q + 1;
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 34 && !this.#started) {
        this.#quoted = true;
        this.#started = true;
        i++;
      } else if (c === sep) {
        this.#row.push(this.#field);
        this.#field = '';
        this.#started = false;
        i++;
      } else if (c === 10 || c === 13) {
        this.#row.push(this.#field);
        rows.push(this.#row);
        this.#row = [];
        this.#field = '';
        this.#started = false;
        i++;
        if (c === 13) {
          if (i >= n) this.#pendingCr = true;
          else if (chunk.charCodeAt(i) === 10) i++;
        }
      } else {
        // A run of plain characters (a quote inside an unquoted field is literal).
        let j = i + 1;
        while (j < n) {
          const d = chunk.charCodeAt(j);
          if (d === sep || d === 10 || d === 13) break;
          j++;
        }
        this.#field += chunk.slice(i, j);
        this.#started = true;
        i = j;
      }
    }
    return rows;
  }

  /** Ends the text: returns the last row when the text did not end with a line break. */
  finish(): string[][] {
    this.#quoteAtEnd = false;
    this.#quoted = false;
    this.#pendingCr = false;
    if (this.#started || this.#row.length > 0) {
      this.#row.push(this.#field);
      const last = this.#row;
      this.#row = [];
      this.#field = '';
      this.#started = false;
      return [last];
    }
    return [];
  }
}
