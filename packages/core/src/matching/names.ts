/**
 * Normalisation of Indonesian person names for matching (SPEC §4): case, accents, punctuation and
 * spaces; titles in front and degrees after a comma; bin/binti patronymics; the Muhammad family and
 * other abbreviations written many ways; old (pre-1972) spelling. Both sides of a comparison go through
 * the same steps, so a name written "Moch. Rizky Pratama" and "MUHAMMAD RIZKY PRATAMA" compare equal.
 */

/** A name reduced to comparable words. */
export interface NormalisedName {
  /** The words, in the order written, joined by single spaces ("MUHAMMAD RIZKY PRATAMA"). */
  readonly text: string;
  readonly tokens: readonly string[];
  /** The words sorted: equal for the same name written in another word order. */
  readonly sortedText: string;
}

/** Honorifics and titles written before a name ("Hj. Siti", "Drs. H. Suprapto"). */
const LEADING_TITLES = new Set([
  'H',
  'HJ',
  'HAJI',
  'HAJJAH',
  'HAJAH',
  'KH',
  'DR',
  'DRS',
  'DRA',
  'IR',
  'PROF',
  'NY',
  'NYONYA',
  'TN',
  'TUAN',
  'SDR',
  'SDRI',
  'ALM',
  'ALMH',
  'ALMARHUM',
  'ALMARHUMAH',
]);

/** Spellings of one name, mapped to one form (SPEC §4). `M` is Muhammad only as the first word. */
const VARIANTS: ReadonlyMap<string, string> = new Map(
  (
    [
      [
        'MUHAMMAD',
        [
          'MUHAMAD',
          'MOHAMAD',
          'MOHAMMAD',
          'MOCHAMAD',
          'MOCHAMMAD',
          'MOCHAMED',
          'MUCHAMAD',
          'MUCHAMMAD',
          'MOEHAMMAD',
          'MOEHAMAD',
          'MUHAMMED',
          'MOHAMED',
          'MOHAMMED',
          'MUHAMED',
          'MUHAMMAT',
          'MOCH',
          'MOH',
          'MUH',
          'MOHD',
          'MUHD',
          'MHD',
          'MCH',
        ],
      ],
      [
        'MUHAMMAD',
        // The same after old spelling's ch→kh ("Moch." written "Mokh.").
        [
          'MOKH',
          'MUKH',
          'MOKHAMAD',
          'MOKHAMMAD',
          'MUKHAMAD',
          'MUKHAMMAD',
          'MOKHAMMED',
          'MUKHAMMAT',
        ],
      ],
      ['AHMAD', ['ACHMAD', 'AKHMAD', 'AHMAT', 'ACHMAT', 'AKHMAT', 'AHMED', 'ACHMED']],
      ['NUR', ['NURUL', 'NOER', 'NOOR', 'NOERUL']],
      ['SITI', ['ST', 'SITTI']],
      ['ABDUL', ['ABD', 'ABDOEL', 'ABDUL']],
    ] as const
  ).flatMap(([canonical, spellings]) => spellings.map((s) => [s, canonical] as const)),
);

/** A sign of old spelling somewhere in the name: only then is a plain J read as today's Y. */
const OLD_SPELLING = /OE|DJ|TJ|NJ|SJ/;

/**
 * Rewrites old spelling to today's: oe→u, dj→j, tj→c, nj→ny, sj→sy, ch→kh; and j→y, but only when the
 * name shows another old-spelling sign ("Soejono" → "SUYONO", while "Joko" stays "JOKO").
 */
export function modernSpelling(upper: string): string {
  let text = upper;
  if (OLD_SPELLING.test(text)) text = text.replace(/(^|[^DTNS])J/g, '$1Y');
  return text
    .replace(/OE/g, 'U')
    .replace(/DJ/g, 'J')
    .replace(/TJ/g, 'C')
    .replace(/NJ/g, 'NY')
    .replace(/SJ/g, 'SY')
    .replace(/CH/g, 'KH');
}

/** Academic degrees written after a name, without dots ("S.Pd." → SPD). */
const DEGREES = new Set([
  'S',
  'SPD',
  'SPDI',
  'SKOM',
  'SE',
  'ST',
  'SH',
  'SAG',
  'SSI',
  'SKM',
  'SKEP',
  'SIP',
  'SSOS',
  'SHI',
  'SFARM',
  'SP',
  'SSN',
  'SPSI',
  'SAK',
  'SSTP',
  'AMD',
  'AMA',
  'AMK',
  'AMKEB',
  'MM',
  'MPD',
  'MSI',
  'MAG',
  'MKOM',
  'MT',
  'MH',
  'ME',
  'MKES',
  'MBA',
  'DR',
  'IR',
  'DRS',
  'DRA',
  'PHD',
  'LC',
  'MA',
  'BA',
  'BSC',
  'MSC',
  'PD',
  'KOM',
  'AG',
  'SI',
  'KES',
  'KEB',
  'KEP',
  'GELAR',
]);

/**
 * Whether text after a comma is a list of degrees ("S.Pd., M.M."), so the comma ends the name; a comma
 * typed inside a name ("Melinda, Septiani") is not followed by degrees.
 */
function isDegreeList(tail: string): boolean {
  const words = tail
    .split(/[\s,]+/)
    .map((w) => w.replace(/[^A-Za-z]/g, '').toUpperCase())
    .filter((w) => w !== '');
  return words.length > 0 && (words.every((w) => DEGREES.has(w)) || /\.\s*$|\w\.\w/.test(tail));
}

/**
 * Normalises a person's name for comparison. Never throws; an empty or title-only name gives no words.
 *
 * @example
 * normaliseName('Moch. Rizky Pratama').text      // 'MUHAMMAD RIZKY PRATAMA'
 * normaliseName('Hj. St. Aminah, S.Pd.').text     // 'SITI AMINAH'
 * normaliseName('Ahmad bin Sulaiman').text        // 'AHMAD'
 * normaliseName('Soejono Djojohadikoesoemo').text // 'SUYONO JOYOHADIKUSUMO'
 */
export function normaliseName(raw: string): NormalisedName {
  let known = NORMALISED.get(raw);
  if (known === undefined) {
    // Names repeat across a registry; a bounded memory of recent ones saves most of the work.
    if (NORMALISED.size >= 100_000) NORMALISED.clear();
    known = normalise(raw);
    NORMALISED.set(raw, known);
  }
  return known;
}

const NORMALISED = new Map<string, NormalisedName>();

function normalise(raw: string): NormalisedName {
  // Degrees follow a comma ("…, S.Pd."); accents go; apostrophes join (JUM'AT → JUMAT).
  const comma = raw.indexOf(',');
  const base = (comma > 0 && isDegreeList(raw.slice(comma + 1)) ? raw.slice(0, comma) : raw)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/['’`]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
  let words = base === '' ? [] : base.split(' ');
  // A title is known as written or as read in modern spelling ("CH." is read "KH", a title), so that
  // reading a normalised name again changes nothing.
  const isTitle = (word: string) =>
    LEADING_TITLES.has(word) || LEADING_TITLES.has(modernSpelling(word));
  while (words.length > 0 && isTitle(words[0] as string)) words = words.slice(1);
  const patronymic = words.findIndex(
    (w, i) => i > 0 && (w === 'BIN' || w === 'BINTI' || w === 'BT'),
  );
  if (patronymic > 0) words = words.slice(0, patronymic);
  const tokens = words.map((w, i) => {
    const initialM = w === 'M' && words.length > 1 && (i === 0 || i === words.length - 1);
    if (initialM) return 'MUHAMMAD';
    const modern = modernSpelling(w);
    return VARIANTS.get(w) ?? VARIANTS.get(modern) ?? modern;
  });
  return {
    text: tokens.join(' '),
    tokens,
    sortedText: [...tokens].sort().join(' '),
  };
}
