/**
 * Turns a generated programme into files: CSV in the §7 columns, the schools' lists in their own shapes
 * (CSV bytes or XLSX), the truth and a summary. Pure: it returns bytes; the caller writes them.
 */
import writeExcelFile from 'write-excel-file/universal';
import type { Resident, StudentRecord } from '../domain/records.js';
import { schoolTargets } from '../generator/targets.js';
import type { DemoProgramme, SchoolFile, SheetCell } from '../generator/types.js';
import { parseIsoDate } from '../dates/plain-date.js';
import { KEDIRI_KECAMATAN } from '../regions/data.js';
import { formatCsv } from './csv-write.js';
import { encodeUtf8, encodeWindows1252 } from './encoding.js';

/** A file to write: a path relative to the output folder and its bytes. */
export interface OutputFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

function cellText(cell: SheetCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if ('date' in cell) return cell.date;
  return cell.text;
}

type XlsxCell = null | {
  value: string | number | Date;
  type?: StringConstructor | NumberConstructor | DateConstructor;
  format?: string;
  columnSpan?: number;
  rowSpan?: number;
  fontWeight?: 'bold';
};

function xlsxCell(cell: SheetCell): XlsxCell {
  if (cell === null) return null;
  if (typeof cell === 'string') return cell === '' ? null : { value: cell, type: String };
  if (typeof cell === 'number')
    return {
      value: cell,
      type: Number,
      format: Number.isInteger(cell) && cell > 1e11 ? '0' : 'General',
    };
  if ('date' in cell) {
    const date = parseIsoDate(cell.date);
    if (!date) throw new Error(`xlsxCell: invalid date ${cell.date}`);
    // A UTC midnight Date is how write-excel-file expects calendar dates.
    const utc = new Date(Date.UTC(date.year, date.month - 1, date.day));
    return { value: utc, type: Date, format: 'dd/mm/yyyy' };
  }
  return {
    value: cell.text,
    type: String,
    fontWeight: 'bold',
    ...(cell.columnSpan ? { columnSpan: cell.columnSpan } : {}),
    ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
  };
}

/** The bytes of one school file in its own format. */
export async function schoolFileBytes(file: SchoolFile): Promise<Uint8Array> {
  if (file.format === 'csv') {
    const sheet = file.sheets[0];
    const text = formatCsv(sheet ? sheet.rows.map((r) => r.map(cellText)) : [], {
      delimiter: file.delimiter,
      neutraliseFormulas: false,
    });
    return file.encoding === 'windows-1252' ? encodeWindows1252(text) : encodeUtf8(text, file.bom);
  }
  const sheets = file.sheets.map((sheet) => {
    const width = Math.max(1, ...sheet.rows.map((r) => r.length));
    return {
      sheet: sheet.name,
      data: sheet.rows.map((r) => {
        const row = r.map(xlsxCell);
        while (row.length < width) row.push(null);
        return row;
      }),
      columns: Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 5 : 18 })),
    };
  });
  // write-excel-file's types describe one sheet or an array of sheets; both shapes are plain data.
  const blob = await (writeExcelFile as unknown as (s: unknown) => { toBlob(): Promise<Blob> })(
    sheets,
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

const utf8Csv = (rows: (string | number)[][]): Uint8Array => encodeUtf8(formatCsv(rows));

/** The §7 column names of a student list, in order. */
export const STUDENT_COLUMNS = [
  'id_siswa',
  'npsn',
  'nisn',
  'nik',
  'nama',
  'jenis_kelamin',
  'tempat_lahir',
  'tanggal_lahir',
  'nama_ibu',
  'alamat',
  'kelas',
] as const;

/** The §7 column names of a registry extract, in order. */
export const REGISTRY_COLUMNS = [
  'nik',
  'no_kk',
  'nama',
  'jenis_kelamin',
  'tempat_lahir',
  'tanggal_lahir',
  'nama_ibu',
  'alamat',
  'kode_wilayah',
  'status_kawin',
  'kewarganegaraan',
  'status_rekam',
] as const;

const README = `Program contoh Sahaja (data sintetis, bukan data orang sungguhan)
Synthetic Sahaja demo programme (generated data, no real persons)

sekolah.csv        sekolah / schools (npsn, nama_sekolah, kecamatan, waktu_tempuh_menit, jumlah_wajib,
                   jumlah_dini, tanggal_tidak_bisa) — the counts as eligibility gives them from the truth
tim.csv            tim perekaman / recording teams (tim, jumlah_alat, kapasitas_per_alat)
libur.csv          hari libur dan cuti bersama / holidays (tanggal, keterangan)
registri.csv       ekstrak registri SIAK / registry extract (kolom SPEC 7)
siswa.csv          semua daftar siswa digabung, nilai seperti ditulis sekolah / all school lists combined
daftar-siswa/      daftar siswa per sekolah dalam bentuk aslinya (Dapodik, Excel, CSV) / each school's own file
kebenaran.csv      kunci jawaban untuk uji dan benchmark / the truth, for tests and benchmarks
ringkasan.json     ringkasan dan tingkat gangguan / summary and noise counts

Coba / try, from the repository root (DIR = this folder):
  npx sahaja match --students DIR/siswa.csv --registry DIR/registri.csv --out DIR/cocok.csv
  npx sahaja plan --schools DIR/sekolah.csv --teams DIR/tim.csv --holidays DIR/libur.csv \\
      --start 2023-01-16 --out DIR/kunjungan.csv --summary DIR/ringkasan-rencana.json
`;

/** A student row in {@link STUDENT_COLUMNS} order. */
export function studentRow(s: StudentRecord): string[] {
  return [
    s.idSiswa,
    s.npsn,
    s.nisn,
    s.nik,
    s.nama,
    s.jenisKelamin,
    s.tempatLahir,
    s.tanggalLahir,
    s.namaIbu,
    s.alamat,
    s.kelas,
  ];
}

/** A registry person as a row in {@link REGISTRY_COLUMNS} order. */
export function registryRow(r: Resident): string[] {
  return [
    r.nik,
    r.noKk,
    r.nama,
    r.jenisKelamin,
    r.tempatLahir,
    r.tanggalLahir,
    r.namaIbu,
    r.alamat,
    r.kodeWilayah,
    r.statusKawin,
    r.kewarganegaraan,
    r.statusRekam,
  ];
}

/** All the files of a generated programme, for `sahaja demo`. */
export async function programmeFiles(programme: DemoProgramme): Promise<OutputFile[]> {
  const kecamatanName = new Map(KEDIRI_KECAMATAN.map((k) => [k.kode, k.nama] as const));
  const targets = schoolTargets(programme);
  const files: OutputFile[] = [
    { path: 'BACA-SAYA.txt', bytes: encodeUtf8(README) },
    {
      path: 'sekolah.csv',
      bytes: utf8Csv([
        [
          'npsn',
          'nama_sekolah',
          'kecamatan',
          'kode_kecamatan',
          'waktu_tempuh_menit',
          'lintang',
          'bujur',
          'jumlah_wajib',
          'jumlah_dini',
          'tanggal_tidak_bisa',
        ],
        ...programme.schools.map((s, i) => [
          s.npsn,
          s.nama,
          kecamatanName.get(s.kecamatan) ?? '',
          s.kecamatan,
          s.waktuTempuhMenit,
          s.latitude,
          s.longitude,
          targets[i]?.jumlahWajib ?? 0,
          targets[i]?.jumlahDini ?? 0,
          s.tanggalTidakBisa.join(';'),
        ]),
      ]),
    },
    {
      path: 'tim.csv',
      bytes: utf8Csv([
        ['tim', 'jumlah_alat', 'kapasitas_per_alat'],
        ...programme.teams.map((t) => [t.tim, t.jumlahAlat, t.kapasitasPerAlat]),
      ]),
    },
    {
      path: 'libur.csv',
      bytes: utf8Csv([
        ['tanggal', 'keterangan'],
        ...programme.holidays.map((h) => [h.tanggal, h.keterangan]),
      ]),
    },
    {
      path: 'registri.csv',
      bytes: utf8Csv([[...REGISTRY_COLUMNS], ...programme.registry.map(registryRow)]),
    },
    {
      path: 'siswa.csv',
      bytes: utf8Csv([[...STUDENT_COLUMNS], ...programme.students.map(studentRow)]),
    },
    {
      path: 'kebenaran.csv',
      bytes: utf8Csv([
        [
          'id_siswa',
          'berkas',
          'baris',
          'nik_benar',
          'id_orang',
          'duplikat_dari',
          'kembar',
          'gangguan',
        ],
        ...programme.truth.map((t) => [
          t.idSiswa,
          t.file,
          t.fileRow,
          t.nik,
          t.personId,
          t.duplicateOf,
          t.isTwin ? 'ya' : 'tidak',
          t.corruptions.join(';'),
        ]),
      ]),
    },
    {
      path: 'ringkasan.json',
      bytes: encodeUtf8(
        `${JSON.stringify({ ...programme.summary, files: programme.files.map((f) => ({ file: f.fileName, shape: f.shape, npsn: f.npsn })) }, null, 2)}\n`,
      ),
    },
  ];
  for (const file of programme.files) {
    files.push({ path: `daftar-siswa/${file.fileName}`, bytes: await schoolFileBytes(file) });
  }
  return files;
}
