/**
 * The letter to a school: an official letter of the Dinas Kependudukan dan Pencatatan Sipil to the
 * principal, always in Bahasa Indonesia whatever the UI language. It says when the team comes, what
 * the school prepares, and, as attachments, the timetable per class and the students to prepare. The
 * office's details come from the programme settings; what is not filled in is a marked blank to fill
 * in by hand, never an invented name.
 */
import { formatDate, parseIsoDate } from '@sahaja/core';
import { formatIsoDate } from '../i18n/format';
import type { OfficeSettings } from '../programme/settings';
import { formatNip } from '../programme/settings-draft';
import { clockText, fullDate } from './dates';
import type { LetterData, ScheduledStudent } from './schedule';

/** A blank to fill in by hand, of about this many characters. */
export interface Blank {
  readonly blank: number;
}

/** A piece of a line: text, or a blank. */
export type Segment = string | Blank;

/** The agency every letter comes from; the settings may name it more precisely. */
export const AGENCY = 'Dinas Kependudukan dan Pencatatan Sipil';

/** One visit as the letter's table states it. */
export interface LetterVisitLine {
  readonly day: string;
  readonly arrival: string;
  readonly recording: string;
  readonly students: string;
}

/** One class group's turn in the attached timetable. */
export interface LetterSlotLine {
  readonly day: string;
  readonly time: string;
  readonly kelas: string;
  readonly wajib: number;
  readonly dini: number;
}

/** One student in the attached list. */
export interface LetterStudentLine {
  readonly no: number;
  readonly nama: string;
  readonly kelas: string;
  readonly category: string;
  /** When they come ("16 Jan 2023, 08.10"), or "belum terjadwal". */
  readonly turn: string;
  readonly scheduled: boolean;
}

/** `text`, or a blank line of `size` characters to fill in by hand when there is none. */
export const or = (text: string, size: number): Segment =>
  text.trim() === '' ? { blank: size } : text;

/** The office's letterhead at the top of an official page: blanks where a detail is not filled in. */
export interface Letterhead {
  readonly government: Segment[];
  readonly office: Segment[];
  readonly address: Segment[];
  readonly contact: Segment[];
}

/** The letterhead of `office` (the agency's own name when the office has none). */
export function letterheadOf(office: OfficeSettings): Letterhead {
  return {
    government: [or(office.government.toUpperCase(), 40)],
    office: [(office.name || AGENCY).toUpperCase()],
    address: [or(office.address, 60)],
    contact: [or(office.contact, 40)],
  };
}

/** An official page's type, and its margins on screen (on paper, the `letter` page's). */
export const OFFICIAL_TYPE =
  "font-family: 'Times New Roman', Times, 'Liberation Serif', serif; font-size: 11pt; line-height: 1.25";
export const OFFICIAL_PADDING = '15mm 20mm 15mm 25mm';

/** Everything printed for one school: the letter, then its attachment on new pages. */
export interface LetterModel {
  readonly key: string;
  readonly letterhead: Letterhead;
  /** "Kediri, 9 Januari 2023" (the place may be a blank). */
  readonly placeDate: Segment[];
  readonly number: Segment[];
  readonly nature: string;
  readonly attachment: string;
  readonly subject: string;
  readonly recipient: readonly string[];
  readonly salutation: string;
  readonly opening: string;
  readonly visits: readonly LetterVisitLine[];
  readonly prepareIntro: string;
  readonly prepare: readonly string[];
  readonly notes: readonly string[];
  readonly closing: string;
  readonly signatory: {
    readonly title: Segment[];
    readonly name: Segment[];
    /** Shown only when the settings give a rank. */
    readonly rank: string | null;
    readonly nip: Segment[];
  };
  readonly attachmentHeading: readonly Segment[][];
  readonly timetableHeading: string;
  readonly timetable: readonly LetterSlotLine[];
  readonly studentsHeading: string;
  readonly legend: string;
  readonly students: readonly LetterStudentLine[];
  /** True when a detail of the office was not filled in: the letter has blanks. */
  readonly hasBlanks: boolean;
}

/** What every letter of a programme shares: the office, the programme and the letter's date. */
export interface LetterContext {
  readonly office: OfficeSettings;
  /** `YYYY-MM-DD`: the day the letters are printed (the letter's date). */
  readonly today: string;
}

const ANGKA = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
];

/** A small count as letters write it: "3 (tiga)"; larger counts as digits only. */
function counted(n: number): string {
  const word = ANGKA[n];
  return word ? `${n} (${word})` : String(n);
}

function shortDay(iso: string): string {
  const date = parseIsoDate(iso);
  return date ? formatDate(date, 'medium', 'id') : iso;
}

function turnOf(student: ScheduledStudent): string {
  if (!student.date || !student.start) return 'belum terjadwal';
  return `${shortDay(student.date)}, ${clockText(student.start, 'id')}`;
}

/**
 * The letter to `data.school`. The office's missing details are blanks; the number is the prefix
 * followed by a blank for the running number, which is given by hand when the letter is signed.
 */
export function letterModel(data: LetterData, context: LetterContext): LetterModel {
  const { office } = context;
  const agency = office.name || AGENCY;
  const school = data.school.nama;
  const sets = Math.max(0, ...data.visits.map((v) => v.sets));
  const wajib = data.visits.reduce((sum, v) => sum + v.wajib, 0);
  const dini = data.visits.reduce((sum, v) => sum + v.dini, 0);
  const date = context.today;
  const hasBlanks = officeHasBlanks(office);

  const visits: LetterVisitLine[] = data.visits.map((v) => ({
    day: fullDate(v.date, 'id'),
    arrival: `pukul ${clockText(v.arrival, 'id')}`,
    recording: `pukul ${clockText(v.start, 'id')} s.d. ${clockText(v.end, 'id')}`,
    students: studentsText(v.wajib, v.dini),
  }));

  const prepare = [
    `satu ruangan (ruang kelas atau aula) untuk ${counted(sets)} meja perekaman, masing-masing dengan satu meja dan dua kursi, ditambah satu meja untuk pemanggilan siswa;`,
    `stop kontak listrik paling sedikit ${counted(sets + 1)} titik di ruangan tersebut, bila perlu dengan kabel sambungan;`,
    'kehadiran siswa yang namanya tercantum dalam daftar terlampir, sesuai jadwal per kelas terlampir;',
    ...(office.kkCopies
      ? ['fotokopi Kartu Keluarga (KK) setiap siswa dalam daftar terlampir;']
      : []),
    'seorang guru atau operator sekolah sebagai penghubung selama kegiatan berlangsung.',
  ];

  // One paragraph: the letter has to fit on one page with its signature.
  const notes = [
    [
      ...(dini > 0
        ? [
            'Siswa kategori REKAM_DINI (berumur 16 tahun) direkam lebih awal; KTP-el mereka diserahkan setelah berumur 17 tahun.',
          ]
        : []),
      `Siswa yang berhalangan hadir dapat melakukan perekaman di kantor ${agency}.`,
    ].join(' '),
  ];

  const numberSegments: Segment[] = office.numberPrefix
    ? [office.numberPrefix, { blank: 18 }]
    : [{ blank: 30 }];

  return {
    key: data.school.npsn,
    letterhead: letterheadOf(office),
    placeDate: [or(office.place, 14), `, ${formatIsoDate(date, 'id')}`],
    number: numberSegments,
    nature: 'Penting',
    attachment: '1 (satu) berkas',
    subject: 'Pemberitahuan Jadwal Perekaman KTP-el bagi Siswa',
    recipient: ['Kepada', `Yth. Kepala ${school}`, 'di', 'Tempat'],
    salutation: 'Dengan hormat,',
    opening: `Sesuai Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan, setiap Warga Negara Indonesia yang telah berumur 17 (tujuh belas) tahun atau sudah/pernah kawin wajib memiliki KTP elektronik (KTP-el). Dalam rangka pelayanan tersebut, ${agency} akan melaksanakan perekaman KTP-el bagi ${studentsText(wajib, dini)} di ${school} pada:`,
    visits,
    prepareIntro:
      'Sehubungan dengan hal tersebut, kami mohon bantuan Bapak/Ibu Kepala Sekolah untuk menyiapkan:',
    prepare,
    notes,
    closing:
      'Demikian pemberitahuan ini kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.',
    signatory: {
      title: [or(office.signatoryTitle, 36)],
      name: [or(office.signatoryName, 30)],
      rank: office.signatoryRank.trim() === '' ? null : office.signatoryRank,
      nip: ['NIP. ', or(formatNip(office.signatoryNip), 24)],
    },
    attachmentHeading: [
      ['Lampiran Surat ', agency],
      ['Nomor : ', ...numberSegments],
      [`Tanggal : ${formatIsoDate(date, 'id')}`],
    ],
    timetableHeading: 'A. Jadwal perekaman per kelas',
    timetable: data.slots.map((slot) => ({
      day: fullDate(slot.date, 'id'),
      time: `${clockText(slot.start, 'id')}–${clockText(slot.end, 'id')}`,
      kelas: slot.kelas === '' ? '(tanpa kelas)' : slot.kelas,
      wajib: slot.wajib,
      dini: slot.dini,
    })),
    studentsHeading: 'B. Daftar siswa yang perlu disiapkan',
    legend:
      'WAJIB: wajib memiliki KTP-el (berumur 17 tahun atau sudah/pernah kawin). REKAM_DINI: direkam lebih awal (berumur 16 tahun); KTP-el diserahkan pada umur 17 tahun.',
    students: data.students.map((s, i) => ({
      no: i + 1,
      nama: s.nama,
      kelas: s.kelas,
      category: s.category,
      turn: turnOf(s),
      scheduled: s.date !== null,
    })),
    hasBlanks,
  };
}

/** True when a detail printed on the letters is not filled in: they will have blanks. */
export function officeHasBlanks(office: OfficeSettings): boolean {
  return [
    office.government,
    office.address,
    office.contact,
    office.place,
    office.signatoryTitle,
    office.signatoryName,
    office.signatoryNip,
  ].some((text) => text.trim() === '');
}

/** What the screen (never the paper) says about a school's letter before it is printed. */
export type LetterWarning =
  | { readonly kind: 'changed'; readonly now: number; readonly planned: number }
  | { readonly kind: 'unscheduled'; readonly count: number };

/**
 * Warnings about a letter: the school's target students changed since the plan was made (the
 * timetable then fits the plan's counts, not today's), or some have no turn.
 */
export function letterWarnings(data: LetterData): LetterWarning[] {
  const warnings: LetterWarning[] = [];
  const now = data.targets.wajib + data.targets.dini;
  const planned = data.planned.wajib + data.planned.dini;
  if (now !== planned) warnings.push({ kind: 'changed', now, planned });
  const unscheduled = data.students.filter((s) => s.date === null).length;
  if (unscheduled > 0) warnings.push({ kind: 'unscheduled', count: unscheduled });
  return warnings;
}

/** "3 siswa wajib KTP-el dan 2 siswa rekam dini", leaving out a zero. */
function studentsText(wajib: number, dini: number): string {
  const parts = [
    ...(wajib > 0 ? [`${wajib} siswa wajib KTP-el`] : []),
    ...(dini > 0 ? [`${dini} siswa rekam dini`] : []),
  ];
  return parts.join(' dan ') || '0 siswa';
}
