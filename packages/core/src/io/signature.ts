/**
 * The signature block a school writes under its list — the place and date of signing, "Mengetahui,",
 * "Kepala Sekolah", the head's name with titles, "NIP. 19…" — told apart from data rows, so that none
 * of its lines is read as a student (or rejected as a student without a name). Works on whole rows:
 * a data row holds its number, a name and more; a signature row holds one to three short lines.
 */
import { cellText, isNumberCell, type Cell } from './cells.js';

/** A row with more filled cells than this is never a signature row. */
const MAX_SIGNATURE_CELLS = 3;
/** A row inside a signature block that holds more filled cells than this ends the block. */
const MAX_BLOCK_CELLS = 2;

const WORD_END = '(?![a-z])';
/** Words that open a signature or say who signs: "Mengetahui,", "a.n. Kepala Sekolah", "Plt.". */
const OPENING = new RegExp(
  `^(?:(?:mengetahui|menyetujui|diketahui|disetujui|disahkan|mengesahkan|hormat kami|tertanda|ttd|tanda tangan|cap dan tanda tangan|stempel|yang membuat|yang bertanda tangan|dibuat oleh|plt|plh)${WORD_END}|a\\.\\s?n\\.|an\\.|pj\\.)`,
);
/** The signer's role: "Kepala SMA Negeri 1 Pare", "Wali Kelas XII IPA 1", "Operator Sekolah". */
const ROLE = new RegExp(
  `^(?:kepala|wakil kepala|wali kelas|guru|operator|bendahara|ketua|sekretaris|petugas|panitia|koordinator|kasubag|kaur|tata usaha|pengelola|staf)${WORD_END}`,
);
/** A civil servant's number line: "NIP. 19650312 199003 1 007", "NIP. 19xxxxxxxx", "NIP. -". */
const SERVICE_NUMBER = /^(?:nip|nipppk|nuptk|niy|nrg)(?:\s*[.:][\dx\s.:-]*|\s+[\dx][\dx\s.-]*)$/;
/** A civil servant's rank line: "Pembina Tk. I", "Penata Muda Tk. I / III b". */
const RANK = new RegExp(`^(?:pembina|penata|pengatur|juru)${WORD_END}`);
/** Titles before a name: "Drs. H. Suprapto", "Hj. Siti", "Dr. Ir. …". */
const TITLE_BEFORE = /^(?:drs|dra|dr|ir|prof|hj|h|kh)\.\s*[a-z]/;
/** Academic degrees after a name, written without dots or spaces: "S.Pd.I" → `spdi`, "M.M." → `mm`. */
const DEGREE =
  /^(?:[sm](?:pd|pdi|pdsd|ag|kom|si|e|m|t|h|sos|hum|ip|psi|kep|km|ked|s|sn|or|st|stp|th|fil|pt|tr|ak|hi|sy|ei|ikom|kes|farm)|lc|ma|mba|med|phd|amd|ama|bsc|msc)$/;
/** A ruled line to sign on: only underscores, dots, dashes or similar. */
const RULE = /^[\s_.\-=~*…]+$/;
const MONTH =
  '(?:jan|feb|peb|mar|apr|mei|may|jun|jul|agu|ags|agt|aug|sep|okt|oct|nov|nop|des|dec)[a-z]*\\.?';
/**
 * The place and date of signing, the year last: "Kediri, 9 Januari 2023", "Pare, 09-01-2023",
 * "Kediri, ….. Januari 2023", "Kediri,        2023". The year is one of the three groups.
 */
const PLACE_DATE = new RegExp(
  `^[a-z][a-z .'-]{1,40},[\\s.…]*(?:(?:\\d{1,2}[\\s.…]*)?${MONTH}\\s*(\\d{4})|\\d{1,2}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*(\\d{4}|\\d{2})|(\\d{4}))$`,
);
/** A place followed by a comma, written beside a date cell: "Kediri," then 9 Januari 2023. */
const PLACE_COMMA = /^[a-z][a-z .'-]{1,40},$/;
/** A name as typed under a signature: letters, spaces and name punctuation only. */
const BARE_NAME = /^[a-z][a-z .,'`-]*$/;

/** A cell's text in lower case with its spaces folded, or `''`. */
function folded(cell: Cell | undefined): string {
  const text = cellText(cell);
  return text === '' ? '' : text.toLowerCase().replace(/\s+/g, ' ');
}

/** Whether a name carries a title or a degree ("Drs. H. Suprapto, M.Pd."): a signer, not a pupil. */
function titledName(line: string): boolean {
  if (TITLE_BEFORE.test(line)) return true;
  const parts = line.split(',');
  if (parts.length < 2 || !/[a-z]/.test(parts[0] as string)) return false;
  return parts.slice(1).every((part) => DEGREE.test(part.replace(/[\s.]/g, '')));
}

/**
 * Whether a line is a place and date of signing in `fromYear` or later. An earlier year may be a
 * student's place and date of birth ("Kediri, 17 Agustus 2006"), which is data.
 */
function placeAndDate(line: string, fromYear: number): boolean {
  const found = PLACE_DATE.exec(line);
  if (!found) return false;
  const year = found[1] ?? found[2] ?? found[3] ?? '';
  return Number(year.length === 2 ? `20${year}` : year) >= fromYear;
}

/**
 * Whether one line of text (lower case, spaces folded) is a line of a signature block: an opening
 * ("Mengetahui,"), a role ("Kepala Sekolah"), a place and date of signing, a name with titles or
 * degrees, a name in brackets, a service number ("NIP. …"), a rank, or a ruled line to sign on.
 */
function signatureLine(line: string, fromYear: number): boolean {
  const text = line.trim();
  if (text === '') return true;
  const first = text.charCodeAt(0);
  // Data lines mostly begin with a digit (numbers, identifiers, dates): no signature line does.
  if (first >= 48 && first <= 57) return false;
  if (RULE.test(text)) return true;
  const inner = text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1).trim() : '';
  if (inner !== '' && /[a-z]/.test(inner)) return true;
  return (
    OPENING.test(text) ||
    ROLE.test(text) ||
    SERVICE_NUMBER.test(text) ||
    RANK.test(text) ||
    placeAndDate(text, fromYear) ||
    titledName(text)
  );
}

/**
 * Whether a cell's text is signature text: every line of it is a signature line, or — for a cell that
 * holds a whole block on several lines — every line is one or a bare name, and one line is one.
 * Places and dates of signing count from `fromYear` on (see {@link SignatureBlocks}).
 *
 * @example
 * isSignatureText('NIP. 19650312 199003 1 007', 2011); // true
 * isSignatureText('Siti Aminah', 2011); // false
 */
export function isSignatureText(text: string, fromYear: number): boolean {
  const lines = text
    .toLowerCase()
    .replace(/[^\S\n]+/g, ' ')
    .split('\n');
  if (lines.length === 1) return signatureLine(lines[0] as string, fromYear);
  let marked = false;
  for (const line of lines) {
    if (signatureLine(line, fromYear)) marked ||= line.trim() !== '';
    else if (!BARE_NAME.test(line.trim())) return false;
  }
  return marked;
}

/** A cell a signature block may hold inside it: a bare name, or a service number (18 digits). */
function blockCell(cell: Cell): boolean {
  if (isNumberCell(cell)) return cell.number.replace(/\D/g, '').length >= 17;
  if (typeof cell !== 'string') return false;
  const text = folded(cell);
  return BARE_NAME.test(text) || /^\d[\d\s]{16,}$/.test(text);
}

/**
 * Tells the rows of a list's signature blocks from its data rows, row by row in file order. A row
 * whose one to three filled cells are all signature lines is one; once one is seen, the rows that
 * follow with at most two filled cells, each a bare name or a service number (the head's name typed
 * without titles, a NIP typed as a number), belong to the block too, until a row holds anything else.
 * Blank rows do not end a block. Keeps state: use one detector per file.
 *
 * `fromYear`: a place and date ("Kediri, 9 Januari 2023") is a signing date from this year on; an
 * earlier one may be a student's birth (use the programme's year minus 12: no pupil is that young).
 *
 * @example
 * const blocks = new SignatureBlocks(2011);
 * blocks.isSignature(['', 'Mengetahui,']); // true
 * blocks.isSignature(['', 'SUPRAPTO']); // true: a name under the signature
 * blocks.isSignature(['1', 'SITI AMINAH', '2006-08-17']); // false
 */
export class SignatureBlocks {
  readonly #fromYear: number;
  #inBlock = false;
  /** The filled cells of the row being looked at, reused: a million-row file makes no garbage here. */
  readonly #filled: Cell[] = [];

  constructor(fromYear: number) {
    this.#fromYear = fromYear;
  }

  /** Whether `cells` (a whole row) is part of a signature block. */
  isSignature(cells: readonly (Cell | undefined)[]): boolean {
    const filled = this.#filled;
    filled.length = 0;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cellText(cell) === '') continue;
      if (filled.length === MAX_SIGNATURE_CELLS) {
        this.#inBlock = false;
        return false;
      }
      filled.push(cell as Cell);
    }
    if (filled.length === 0) return false;
    if (this.#signatureRow(filled)) {
      this.#inBlock = true;
      return true;
    }
    if (this.#inBlock && filled.length <= MAX_BLOCK_CELLS && filled.every(blockCell)) return true;
    this.#inBlock = false;
    return false;
  }

  /** Whether every filled cell of a row is signature text, a date beside "Kediri," included. */
  #signatureRow(filled: readonly Cell[]): boolean {
    let place = false;
    let dates = 0;
    for (const cell of filled) {
      if (cell instanceof Date) dates++;
      else if (typeof cell !== 'string') return false;
      else if (isSignatureText(cell, this.#fromYear)) continue;
      else if (PLACE_COMMA.test(folded(cell))) place = true;
      else return false;
    }
    // A bare "Kediri," is a signature line only beside the date it introduces, and a date only there.
    return place === dates > 0;
  }
}
