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

  readonly #sepChar: string;

  constructor(delimiter: CsvDelimiter) {
    this.#sep = delimiter.charCodeAt(0);
    this.#sepChar = delimiter;
  }

  /** Parses the next chunk; returns the rows it completes. */
  push(chunk: string): string[][] {
    if (!this.#betweenRows()) {
      // Finish the row the previous chunk left open with the character parser, then go fast again.
      const lf = chunk.indexOf('\n');
      if (lf < 0) return this.#push(chunk);
      const rows = this.#push(chunk.slice(0, lf + 1));
      const rest = chunk.slice(lf + 1);
      for (const row of this.#betweenRows() ? this.#pushFast(rest) : this.#push(rest))
        rows.push(row);
      return rows;
    }
    return this.#pushFast(chunk);
  }

  #betweenRows(): boolean {
    return !(
      this.#started ||
      this.#row.length > 0 ||
      this.#quoted ||
      this.#quoteAtEnd ||
      this.#pendingCr
    );
  }

  /**
   * The common case, fast: met between rows, a chunk is cut into lines, and a line without quotes is
   * split by the separator with native `split` (as papaparse does). A line with balanced quotes goes
   * through the character parser on its own; from a line whose quotes hold a line break (or that has a
   * lone CR), the character parser takes the rest of the chunk. Called between rows only.
   */
  #pushFast(chunk: string): string[][] {
    const lastLf = chunk.lastIndexOf('\n');
    if (lastLf < 0) return this.#push(chunk);
    const sep = this.#sepChar;
    const rows: string[][] = [];
    let start = 0;
    while (start <= lastLf) {
      const lf = chunk.indexOf('\n', start);
      const end = lf > start && chunk.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
      const line = chunk.slice(start, end);
      if (line.indexOf('"') < 0 && line.indexOf('\r') < 0) {
        rows.push(line.split(sep));
      } else if (line.indexOf('\r') < 0 && balancedQuotes(line)) {
        this.#push(line);
        for (const row of this.finish()) rows.push(row);
      } else {
        for (const row of this.#push(chunk.slice(start))) rows.push(row);
        return rows;
      }
      start = lf + 1;
    }
    for (const row of this.#push(chunk.slice(lastLf + 1))) rows.push(row);
    return rows;
  }

  #push(chunk: string): string[][] {
    const rows: string[][] = [];
    const sep = this.#sep;
    const n = chunk.length;
    if (n === 0) return rows;
    const sepChar = this.#sepChar;
    let nextSep = -1;
    let nextLf = -1;
    let nextCr = -1;
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
        // A run of plain characters up to the next separator or line end (a quote inside an unquoted
        // field is literal). Found with indexOf — native search — and remembered per chunk: scanning
        // character by character was most of the time spent on large files.
        if (nextSep < i) {
          nextSep = chunk.indexOf(sepChar, i);
          if (nextSep < 0) nextSep = n;
        }
        if (nextLf < i) {
          nextLf = chunk.indexOf('\n', i);
          if (nextLf < 0) nextLf = n;
        }
        if (nextCr < i) {
          nextCr = chunk.indexOf('\r', i);
          if (nextCr < 0) nextCr = n;
        }
        const j = Math.min(nextSep, nextLf, nextCr);
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

/** True when a line has an even number of quotes (so no quoted field runs on to the next line). */
function balancedQuotes(line: string): boolean {
  let count = 0;
  for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) count++;
  return count % 2 === 0;
}
