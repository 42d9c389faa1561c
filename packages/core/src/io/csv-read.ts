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
  const sep = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = input.length;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c === 34 /* " */ && field === '') {
      // A quoted field: read to the closing quote.
      i++;
      let start = i;
      for (;;) {
        const q = input.indexOf('"', i);
        if (q < 0) {
          field += input.slice(start);
          i = n;
          break;
        }
        if (input.charCodeAt(q + 1) === 34) {
          field += input.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        field += input.slice(start, q);
        i = q + 1;
        break;
      }
      // Text after the closing quote (malformed, but seen) belongs to the field.
      while (i < n) {
        const d = input.charCodeAt(i);
        if (d === sep || d === 10 || d === 13) break;
        field += input[i];
        i++;
      }
      continue;
    }
    if (c === sep) {
      row.push(field);
      field = '';
      i++;
    } else if (c === 10 || c === 13) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === 13 && input.charCodeAt(i + 1) === 10 ? 2 : 1;
    } else {
      let j = i + 1;
      while (j < n) {
        const d = input.charCodeAt(j);
        if (d === sep || d === 10 || d === 13) break;
        j++;
      }
      field += input.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows, delimiter };
}
