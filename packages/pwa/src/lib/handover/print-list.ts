/**
 * The handover list to sign, one per school (A4): the office's letterhead, the school and the date,
 * then one row per card — the cards due on that date and those handed over on it — with who received
 * it (the recorded name, or a line to write it on) and a box for their signature. An official record
 * of the Dinas: always in Bahasa Indonesia whatever the UI language, like the letters to schools; a
 * detail of the office that is not filled in is a blank to fill in by hand.
 */
import { formatIsoDate, nthBirthday, parseIsoDate } from '@sahaja/core';
import { liveHandovers, type CardEvent } from '@sahaja/core/field';
import { fullDate } from '../export/dates';
import { letterheadOf, or, type Letterhead, type Segment } from '../export/letter';
import { formatIsoDate as longDate } from '../i18n/format';
import type { OfficeSettings } from '../programme/settings';
import { byRank, bySchool, cardsOn, schoolName, type CardIndex } from './due-list';

/** One card on the list. */
export interface HandoverListRow {
  readonly idSiswa: string;
  readonly nama: string;
  readonly nisn: string;
  readonly kelas: string;
  /** The 17th birthday, `YYYY-MM-DD`. */
  readonly seventeenth: string;
  /** Who received the card, when it is recorded as handed over; null: a line to write it on. */
  readonly receivedBy: string | null;
}

/** One school's list for date `date`. */
export interface HandoverList {
  readonly school: { readonly npsn: string; readonly nama: string; readonly kecamatan: string };
  readonly date: string;
  /** By class, then name (the order of the target lists). */
  readonly rows: readonly HandoverListRow[];
}

/**
 * The lists for date `on` (`YYYY-MM-DD`): per school (by name), the cards due on it that are not
 * handed over and the cards handed over on it; only school `npsn`'s when given. Schools without such a
 * card have no list. Throws a `RangeError` when `on` is not a real date.
 */
export function handoverLists(
  index: CardIndex,
  log: readonly CardEvent[],
  on: string,
  npsn: string | null = null,
): HandoverList[] {
  const rowsBySchool = new Map<string, HandoverListRow[]>();
  const add = (school: string, row: HandoverListRow) => {
    if (npsn !== null && school !== npsn) return;
    const rows = rowsBySchool.get(school);
    if (rows) rows.push(row);
    else rowsBySchool.set(school, [row]);
  };
  for (const card of cardsOn(index, log, on).due) {
    const { idSiswa, nama, nisn, kelas, dueFrom } = card;
    add(card.npsn, { idSiswa, nama, nisn, kelas, seventeenth: dueFrom, receivedBy: null });
  }
  for (const event of liveHandovers(log).values()) {
    const c = index.byId.get(event.idSiswa);
    const birth = index.birthDates.get(event.idSiswa);
    if (event.handedAt !== on || !c || !birth) continue;
    const { idSiswa, nama, nisn, kelas } = c;
    const seventeenth = formatIsoDate(nthBirthday(birth, 17, index.data.leapDayRule));
    add(c.npsn, { idSiswa, nama, nisn, kelas, seventeenth, receivedBy: event.receivedBy });
  }
  const students = byRank(index);
  const schools = bySchool(index);
  return [...rowsBySchool]
    .sort(([a], [b]) => schools(a, b))
    .map(([school, rows]) => ({
      school: {
        npsn: school,
        nama: schoolName(index, school),
        kecamatan: index.schools.get(school)?.kecamatan ?? '',
      },
      date: on,
      rows: rows.sort((a, b) => students(a.idSiswa, b.idSiswa)),
    }));
}

/** One printed row. */
export interface HandoverSheetRow {
  readonly no: number;
  readonly nama: string;
  readonly kelas: string;
  /** "17 Agustus 2023". */
  readonly seventeenth: string;
  /** The recorded name, or empty: the line is filled in by hand. */
  readonly receivedBy: string;
}

/** Everything printed for one school. */
export interface HandoverSheet {
  readonly key: string;
  readonly letterhead: Letterhead;
  readonly title: string;
  readonly subtitle: string;
  /** Label and value lines under the title (school, kecamatan, date). */
  readonly details: readonly (readonly [string, string])[];
  readonly columns: readonly string[];
  readonly rows: readonly HandoverSheetRow[];
  readonly note: string;
  /** "Kediri, 16 Januari 2023" (the place may be a blank). */
  readonly placeDate: Segment[];
  readonly signatures: readonly { readonly role: string; readonly name: Segment[] }[];
}

/** The printed columns, in order. */
export const SHEET_COLUMNS = [
  'No',
  'Nama',
  'Kelas',
  'Tanggal lahir ke-17',
  'Diterima oleh',
  'Tanda tangan',
] as const;

/** What the list of `list.school` says, with the office's letterhead. */
export function handoverSheet(list: HandoverList, office: OfficeSettings): HandoverSheet {
  const { school } = list;
  return {
    key: school.npsn,
    letterhead: letterheadOf(office),
    title: 'DAFTAR TANDA TERIMA KTP-el',
    subtitle: 'Siswa rekam dini (REKAM_DINI) yang telah berumur 17 tahun',
    details: [
      ['Sekolah', `${school.nama} (NPSN ${school.npsn})`],
      ...(school.kecamatan ? [['Kecamatan', school.kecamatan] as const] : []),
      ['Hari/tanggal penyerahan', fullDate(list.date, 'id')],
    ],
    columns: SHEET_COLUMNS,
    rows: list.rows.map((row, i) => ({
      no: i + 1,
      nama: row.nama,
      kelas: row.kelas,
      seventeenth: longDate(row.seventeenth, 'id'),
      receivedBy: row.receivedBy ?? '',
    })),
    note: 'Penerima yang bukan siswa sendiri (orang tua/wali) menuliskan namanya dan hubungannya dengan siswa.',
    placeDate: [or(office.place, 14), `, ${longDate(list.date, 'id')}`],
    signatures: [
      { role: 'Petugas yang menyerahkan,', name: [{ blank: 30 }] },
      { role: `Mengetahui, Kepala ${school.nama},`, name: [{ blank: 30 }] },
    ],
  };
}

/** True when a detail of the letterhead is not filled in: the lists will have blanks. */
export function letterheadHasBlanks(office: OfficeSettings): boolean {
  return [office.government, office.address, office.contact, office.place].some(
    (text) => text.trim() === '',
  );
}

/** `YYYY-MM-DD` for a real date, else null (a date typed in a link or a field). */
export const realDate = (text: string | null): string | null =>
  text !== null && parseIsoDate(text) ? text : null;
