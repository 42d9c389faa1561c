/**
 * Writes the generated student lists in the shapes schools really send: Dapodik exports with title rows
 * and a two-row merged header, teachers' own sheets (real Excel dates, NIKs typed as numbers, a summary
 * sheet first, a signature block below), CSV from Indonesian Excel (`;`, BOM, Windows-1252, NIKs in
 * scientific notation) and plain CSV with dates in every format.
 */
import { formatIsoDate, MONTHS_ID, toExcelSerial, type PlainDate } from '../dates/plain-date.js';
import type { StudentRecord } from '../domain/records.js';
import { KEDIRI_KECAMATAN } from '../regions/data.js';
import type { Random } from '../random/prng.js';
import { WeightedTable } from '../random/prng.js';
import { titleCase } from './corrupt.js';
import type { GeneratedSchool } from './schools.js';
import type { StudentDraft } from './students.js';
import type { Corruption, SchoolFile, SheetCell, SheetData } from './types.js';

type DateStyle =
  | 'iso'
  | 'dmy-slash'
  | 'dmy-dash'
  | 'dmy-short'
  | 'id-long'
  | 'id-short'
  | 'excel-date'
  | 'serial-text';
type Shape = 'dapodik' | 'manual-xlsx' | 'csv-semicolon' | 'csv-comma';

interface ListStyle {
  readonly shape: Shape;
  readonly nameCase: 'upper' | 'title' | 'as-typed';
  readonly dateStyle: DateStyle;
  /** Share of rows typed in another date format. */
  readonly mixedDates: number;
  readonly sexStyle: 'LP' | 'long' | 'LK/PR';
  /** NIK typed into Excel as a number: the 16th digit is lost. */
  readonly nikAsNumber: boolean;
  /** One "Tempat, Tanggal Lahir" column. */
  readonly combinedTtl: boolean;
  readonly summarySheetFirst: boolean;
  readonly signatureBlock: boolean;
  readonly encoding: 'utf-8' | 'windows-1252';
  readonly bom: boolean;
}

const SHAPES = new WeightedTable<Shape>([
  ['dapodik', 45],
  ['manual-xlsx', 27],
  ['csv-semicolon', 16],
  ['csv-comma', 12],
]);

const SHORT_MONTHS_ID = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Mei',
  'Jun',
  'Jul',
  'Agt',
  'Sep',
  'Okt',
  'Nov',
  'Des',
] as const;
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Writes a date as text in a style. `excel-date` text is what Indonesian Excel shows. */
export function dateText(date: PlainDate, style: DateStyle): string {
  switch (style) {
    case 'iso':
      return formatIsoDate(date);
    case 'dmy-slash':
    case 'excel-date':
      return `${pad2(date.day)}/${pad2(date.month)}/${date.year}`;
    case 'dmy-dash':
      return `${pad2(date.day)}-${pad2(date.month)}-${date.year}`;
    case 'dmy-short':
      return `${date.day}/${date.month}/${pad2(date.year % 100)}`;
    case 'id-long':
      return `${date.day} ${MONTHS_ID[date.month - 1]} ${date.year}`;
    case 'id-short':
      return `${date.day} ${SHORT_MONTHS_ID[date.month - 1]} ${date.year}`;
    case 'serial-text':
      return String(toExcelSerial(date));
  }
}

function drawStyle(random: Random, shape: Shape): ListStyle {
  const isXlsx = shape === 'dapodik' || shape === 'manual-xlsx';
  const dateStyles: Record<Shape, readonly DateStyle[]> = {
    dapodik: ['iso'],
    'manual-xlsx': ['excel-date', 'excel-date', 'dmy-dash', 'id-long', 'dmy-slash'],
    'csv-semicolon': ['dmy-slash', 'dmy-dash', 'dmy-slash', 'id-long'],
    'csv-comma': ['iso', 'dmy-short', 'id-long', 'id-short', 'dmy-dash', 'serial-text'],
  };
  return {
    shape,
    nameCase:
      shape === 'dapodik'
        ? random.chance(0.8)
          ? 'upper'
          : 'title'
        : random.pick(['upper', 'upper', 'title', 'as-typed']),
    dateStyle: random.pick(dateStyles[shape]),
    mixedDates: shape === 'dapodik' ? 0 : random.chance(0.4) ? 0.05 : 0,
    sexStyle: shape === 'dapodik' ? 'LP' : random.pick(['LP', 'LP', 'long', 'LK/PR']),
    nikAsNumber: shape !== 'dapodik' && random.chance(0.2),
    combinedTtl: shape !== 'dapodik' && random.chance(0.15),
    summarySheetFirst: shape === 'manual-xlsx' && random.chance(0.25),
    signatureBlock: shape === 'manual-xlsx' && random.chance(0.5),
    encoding: shape === 'csv-semicolon' && random.chance(0.5) ? 'windows-1252' : 'utf-8',
    bom: shape === 'csv-semicolon' ? random.chance(0.7) : isXlsx ? false : random.chance(0.2),
  };
}

function casedName(random: Random, name: string, style: ListStyle['nameCase']): string {
  if (style === 'upper') return name;
  if (style === 'title') return titleCase(name);
  // Typed by hand: mostly title case, some rows in capitals.
  return random.chance(0.7) ? titleCase(name) : name;
}

function sexText(sex: 'L' | 'P', style: ListStyle['sexStyle']): string {
  if (style === 'LP') return sex;
  if (style === 'long') return sex === 'L' ? 'Laki-laki' : 'Perempuan';
  return sex === 'L' ? 'LK' : 'PR';
}

/** Excel keeps 15 significant digits: a 16-digit NIK typed as a number loses its last digit. */
function nikAsExcelNumber(nik: string): number {
  return Number(`${nik.slice(0, 15)}0`);
}

/** How Excel writes such a number to CSV: `3.50601E+15`, or `3,50601E+15` with Indonesian settings. */
function scientific(nik: string, decimalComma: boolean): string {
  const text = `${nik[0]}.${nik.slice(1, 6).replace(/0+$/, '')}E+15`.replace('.E', 'E');
  return decimalComma ? text.replace('.', ',') : text;
}

function kecamatanName(code6: string): string {
  const kec = KEDIRI_KECAMATAN.find((k) => k.kode.replaceAll('.', '') === code6);
  return kec ? kec.nama : '';
}

function addressText(draft: StudentDraft, upper: boolean): string {
  const f = draft.person.family;
  const kec = kecamatanName(f.place.kecamatanCode);
  const text = `Dsn. ${titleCase(f.dusun)} RT ${pad2(f.rt)}/RW ${pad2(f.rw)} Ds. ${titleCase(f.place.villageName)}${kec ? ` Kec. ${kec}` : ''}`;
  return upper ? text.toUpperCase() : text;
}

/** One rendered row: the cells of the file and the same values as text for the combined list. */
interface RenderedRow {
  readonly record: StudentRecord;
  readonly draft: StudentDraft;
  readonly fileRow: number;
}

/** What the files step gives back: the files, and each draft's record and place in its file. */
export interface RenderedLists {
  readonly files: SchoolFile[];
  readonly rows: RenderedRow[];
}

interface RowValues {
  readonly nama: string;
  readonly sex: string;
  readonly tempat: string;
  readonly tanggal: SheetCell;
  readonly tanggalText: string;
  readonly nik: SheetCell;
  readonly nikText: string;
  readonly ibu: string;
  readonly alamat: string;
}

function rowValues(
  random: Random,
  draft: StudentDraft,
  style: ListStyle,
  extraTags: Corruption[],
): RowValues {
  const upper = style.nameCase === 'upper';
  const nama = casedName(random, draft.nama, style.nameCase);
  if (nama !== draft.nama) extraTags.push('name_case');
  let dateStyle = style.dateStyle;
  if (style.mixedDates > 0 && random.chance(style.mixedDates)) {
    dateStyle = random.pick<DateStyle>(['dmy-slash', 'id-long', 'iso', 'dmy-dash', 'serial-text']);
  }
  const isXlsx = style.shape === 'dapodik' || style.shape === 'manual-xlsx';
  const tanggalText = dateText(draft.birthDate, dateStyle);
  const tanggal: SheetCell =
    isXlsx && dateStyle === 'excel-date' ? { date: formatIsoDate(draft.birthDate) } : tanggalText;
  let nik: SheetCell = draft.nik;
  let nikText = draft.nik;
  if (style.nikAsNumber && draft.nik !== '') {
    extraTags.push('nik_scientific');
    nik = isXlsx
      ? nikAsExcelNumber(draft.nik)
      : scientific(draft.nik, style.shape === 'csv-semicolon');
    nikText = scientific(draft.nik, false);
  }
  return {
    nama,
    sex: sexText(draft.sex, style.sexStyle),
    tempat: upper ? draft.birthPlace : titleCase(draft.birthPlace),
    tanggal,
    tanggalText,
    nik,
    nikText,
    ibu: upper ? draft.motherName : titleCase(draft.motherName),
    alamat: addressText(draft, upper),
  };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function record(draft: StudentDraft, v: RowValues): StudentRecord {
  return {
    idSiswa: `${draft.school.npsn}-${draft.nipd}`,
    npsn: draft.school.npsn,
    nisn: draft.nisn,
    nik: v.nikText,
    nama: v.nama,
    jenisKelamin: v.sex,
    tempatLahir: v.tempat,
    tanggalLahir: v.tanggalText,
    namaIbu: v.ibu,
    alamat: v.alamat,
    kelas: draft.kelas,
  };
}

function dapodikSheet(
  random: Random,
  school: GeneratedSchool,
  drafts: readonly StudentDraft[],
  style: ListStyle,
  out: RenderedRow[],
  tags: Map<StudentDraft, Corruption[]>,
): SheetData {
  const kec = KEDIRI_KECAMATAN.find((k) => k.kode === school.kecamatan)?.nama ?? '';
  const rows: SheetCell[][] = [
    ['Daftar Peserta Didik'],
    [school.nama],
    [`Kecamatan ${kec}, Kabupaten Kediri, Provinsi Jawa Timur`],
    [
      `Tanggal Unduh: 2023-01-0${random.int(2, 9)} ${pad2(random.int(7, 15))}:${pad2(random.int(0, 59))}:${pad2(random.int(0, 59))}`,
      null,
      null,
      null,
      'Pengunduh: Operator Sekolah',
    ],
    [],
  ];
  const single = [
    'No',
    'Nama',
    'NIPD',
    'JK',
    'NISN',
    'Tempat Lahir',
    'Tanggal Lahir',
    'NIK',
    'Agama',
    'Alamat',
    'RT',
    'RW',
    'Dusun',
    'Kelurahan',
    'Kecamatan',
  ];
  rows.push([
    ...single.map((text) => ({ text, rowSpan: 2 })),
    { text: 'Data Ayah', columnSpan: 3 },
    null,
    null,
    { text: 'Data Ibu', columnSpan: 3 },
    null,
    null,
    { text: 'Rombel Saat Ini', rowSpan: 2 },
  ]);
  rows.push([
    ...single.map(() => null),
    'Nama',
    'Tahun Lahir',
    'NIK',
    'Nama',
    'Tahun Lahir',
    'NIK',
    null,
  ]);
  drafts.forEach((d, i) => {
    const t = tags.get(d) as Corruption[];
    const v = rowValues(random, d, style, t);
    const f = d.person.family;
    const upper = style.nameCase === 'upper';
    const cased = (s: string): string => (upper ? s : titleCase(s));
    out.push({ record: record(d, v), draft: d, fileRow: rows.length + 1 });
    rows.push([
      i + 1,
      v.nama,
      d.nipd,
      v.sex,
      d.nisn,
      v.tempat,
      v.tanggal,
      v.nik,
      'Islam',
      `Dsn. ${titleCase(f.dusun)}`,
      String(f.rt),
      String(f.rw),
      titleCase(f.dusun),
      titleCase(f.place.villageName),
      `Kec. ${kecamatanName(f.place.kecamatanCode) || 'Luar Kabupaten'}`,
      cased(f.fatherName),
      1900 + Number(f.fatherNik.slice(10, 12)),
      random.chance(0.85) ? f.fatherNik : '',
      v.ibu,
      1900 + Number(f.motherNik.slice(10, 12)),
      random.chance(0.85) ? f.motherNik : '',
      d.kelas,
    ]);
  });
  return { name: 'Sheet1', rows };
}

function manualRows(
  random: Random,
  title: readonly string[],
  drafts: readonly StudentDraft[],
  style: ListStyle,
  out: RenderedRow[],
  tags: Map<StudentDraft, Corruption[]>,
  withSchool: boolean,
): SheetCell[][] {
  const rows: SheetCell[][] = title.map((t) => [t]);
  if (title.length > 0) rows.push([]);
  const header = ['NO'];
  if (withSchool) header.push('NPSN', 'NAMA SEKOLAH');
  header.push('NAMA SISWA', style.shape === 'csv-comma' ? 'Jenis Kelamin' : 'L/P');
  if (style.combinedTtl) header.push('TEMPAT, TANGGAL LAHIR');
  else header.push('TEMPAT LAHIR', style.shape === 'csv-semicolon' ? 'Tgl Lahir' : 'TANGGAL LAHIR');
  header.push('NISN', 'NIK', 'NAMA IBU KANDUNG', 'ALAMAT', 'KELAS');
  rows.push(
    style.nameCase === 'upper'
      ? header
      : header.map((h) =>
          titleCase(h).replace('Nisn', 'NISN').replace('Nik', 'NIK').replace('Npsn', 'NPSN'),
        ),
  );
  let previousClass = '';
  drafts.forEach((d, i) => {
    if (previousClass !== '' && d.kelas !== previousClass && random.chance(0.2))
      rows.push(random.chance(0.5) ? [] : ['', ' ']);
    previousClass = d.kelas;
    const t = tags.get(d) as Corruption[];
    const v = rowValues(random, d, style, t);
    out.push({ record: record(d, v), draft: d, fileRow: rows.length + 1 });
    const row: SheetCell[] = [i + 1];
    if (withSchool) row.push(d.school.npsn, d.school.nama);
    row.push(v.nama, v.sex);
    if (style.combinedTtl) row.push(`${v.tempat}, ${v.tanggalText}`);
    else row.push(v.tempat, v.tanggal);
    row.push(d.nisn, v.nik, v.ibu, v.alamat, d.kelas);
    rows.push(row);
  });
  if (style.signatureBlock) {
    rows.push(
      [],
      [null, null, null, null, null, null, null, 'Kediri, 9 Januari 2023'],
      [null, null, null, null, null, null, null, 'Kepala Sekolah'],
      [],
      [],
      [null, null, null, null, null, null, null, 'Drs. H. SUPRAPTO, M.Pd.'],
    );
  }
  return rows;
}

function summarySheet(drafts: readonly StudentDraft[]): SheetData {
  const byClass = new Map<string, [number, number]>();
  for (const d of drafts) {
    const c = byClass.get(d.kelas) ?? [0, 0];
    c[d.sex === 'L' ? 0 : 1]++;
    byClass.set(d.kelas, c);
  }
  const rows: SheetCell[][] = [['REKAP JUMLAH SISWA'], [], ['KELAS', 'L', 'P', 'JUMLAH']];
  for (const [kelas, [l, p]] of byClass) rows.push([kelas, l, p, l + p]);
  return { name: 'REKAP', rows };
}

/** The words that describe a combined "Tempat, Tanggal Lahir" column in a file's shape note. */
function splitNote(style: ListStyle): string {
  return style.combinedTtl ? ', one "Tempat, Tanggal Lahir" column' : '';
}

/**
 * Renders every school's list as a file. Most schools send their own file; a few small ones are sent
 * together by the provincial branch office (Cabang Dinas) in one combined sheet.
 */
export function renderSchoolLists(
  random: Random,
  schools: readonly GeneratedSchool[],
  drafts: readonly StudentDraft[],
  tags: Map<StudentDraft, Corruption[]>,
): RenderedLists {
  const bySchool = new Map<string, StudentDraft[]>();
  for (const d of drafts) {
    const list = bySchool.get(d.school.npsn) ?? [];
    list.push(d);
    bySchool.set(d.school.npsn, list);
  }
  const files: SchoolFile[] = [];
  const rows: RenderedRow[] = [];
  const smallest = [...schools].sort(
    (a, b) => (bySchool.get(a.npsn)?.length ?? 0) - (bySchool.get(b.npsn)?.length ?? 0),
  );
  const combined = new Set(
    schools.length >= 10
      ? smallest.slice(0, Math.max(3, Math.round(schools.length * 0.05))).map((s) => s.npsn)
      : [],
  );

  schools.forEach((school, index) => {
    if (combined.has(school.npsn)) return;
    const list = bySchool.get(school.npsn) ?? [];
    const shape = SHAPES.draw(random);
    const style = drawStyle(random, shape);
    const base = `${pad2(index + 1)}_${school.npsn}_${slug(school.nama)}`;
    const isXlsx = shape === 'dapodik' || shape === 'manual-xlsx';
    let sheets: SheetData[];
    if (shape === 'dapodik') {
      sheets = [dapodikSheet(random, school, list, style, rows, tags)];
    } else {
      const title =
        shape === 'csv-comma'
          ? []
          : shape === 'csv-semicolon'
            ? [`DATA SISWA ${school.nama}`]
            : [
                'DAFTAR NAMA SISWA CALON PEREKAMAN KTP-EL',
                school.nama,
                'TAHUN PELAJARAN 2022/2023',
              ];
      const dataSheet: SheetData = {
        name: 'DATA SISWA',
        rows: manualRows(random, title, list, style, rows, tags, false),
      };
      sheets = style.summarySheetFirst ? [summarySheet(list), dataSheet] : [dataSheet];
    }
    files.push({
      fileName: `${base}.${isXlsx ? 'xlsx' : 'csv'}`,
      format: isXlsx ? 'xlsx' : 'csv',
      delimiter: shape === 'csv-semicolon' ? ';' : ',',
      encoding: style.encoding,
      bom: style.bom,
      npsn: [school.npsn],
      shape: `${shape}: names ${style.nameCase}, dates ${style.dateStyle}${style.mixedDates ? ' (some rows other formats)' : ''}, sex ${style.sexStyle}${style.nikAsNumber ? ', NIK typed as a number' : ''}${splitNote(style)}${style.summarySheetFirst ? ', summary sheet first' : ''}${style.signatureBlock ? ', signature block below' : ''}${isXlsx ? '' : `, ${style.encoding}${style.bom ? ' with BOM' : ''}`}`,
      sheets,
    });
  });

  if (combined.size > 0) {
    const list = drafts.filter((d) => combined.has(d.school.npsn));
    const style: ListStyle = {
      ...drawStyle(random, 'manual-xlsx'),
      dateStyle: 'dmy-short',
      summarySheetFirst: false,
      combinedTtl: false,
    };
    files.push({
      fileName: `cabdin_gabungan_${combined.size}_sekolah.xlsx`,
      format: 'xlsx',
      delimiter: ',',
      encoding: 'utf-8',
      bom: false,
      npsn: [...combined],
      shape: `branch-office combined list of ${combined.size} schools with NPSN and school columns, dates d/m/yy`,
      sheets: [
        {
          name: 'GABUNGAN',
          rows: manualRows(
            random,
            [
              'DATA SISWA SMA/SMK/MA SEDERAJAT WILAYAH KABUPATEN KEDIRI',
              'CABANG DINAS PENDIDIKAN PROVINSI JAWA TIMUR WILAYAH KEDIRI',
            ],
            list,
            style,
            rows,
            tags,
            true,
          ),
        },
      ],
    });
  }
  return { files, rows };
}
