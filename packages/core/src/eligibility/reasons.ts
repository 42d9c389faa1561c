import type { Message } from '../domain/result.js';
import { formatDate } from '../dates/format.js';
import type { PlainDate } from '../dates/plain-date.js';
import type { KtpStatus, MaritalStatus } from './statuses.js';

/**
 * The sentences that explain eligibility decisions, in Indonesian and English. Dates are written in full
 * ("20 Maret 2023"); no message repeats an NIK or a name.
 */

const LAW_ID = 'UU 24/2013 Pasal 63 ayat (1)';
const LAW_EN = 'Law 24/2013 art. 63(1)';

const id = (d: PlainDate): string => formatDate(d, 'long', 'id');
const en = (d: PlainDate): string => formatDate(d, 'long', 'en');

/** A field of the person that made the row invalid. */
export type InvalidField =
  'nik' | 'tanggal_lahir' | 'kewarganegaraan' | 'status_rekam' | 'kode_wilayah' | 'status_kawin';

const FIELD_LABELS: Readonly<Record<InvalidField, Message>> = {
  nik: { id: 'NIK', en: 'NIK' },
  tanggal_lahir: { id: 'Tanggal lahir', en: 'Birth date' },
  kewarganegaraan: { id: 'Kewarganegaraan', en: 'Citizenship' },
  status_rekam: { id: 'Status rekam KTP-el', en: 'KTP-el recording status' },
  kode_wilayah: { id: 'Kode wilayah domisili', en: 'Domicile region code' },
  status_kawin: { id: 'Status perkawinan', en: 'Marital status' },
};

export function invalidReason(field: InvalidField, problem: Message): Message {
  const label = FIELD_LABELS[field];
  return {
    id: `Data tidak valid — ${label.id}: ${problem.id} Perbaiki data di SIAK atau di berkas sumber.`,
    en: `Invalid data — ${label.en}: ${problem.en} Correct it in SIAK or in the source file.`,
  };
}

export const FOREIGNER_REASON: Message = {
  id: 'Warga negara asing (WNA): di luar cakupan program perekaman KTP-el di sekolah. Pemegang izin tinggal tetap (ITAP) mengurus KTP-el di kantor Dukcapil.',
  en: 'Foreign national (WNA): outside the scope of the school recording programme. Holders of a permanent stay permit (ITAP) apply for a KTP-el at the Dukcapil office.',
};

const RECORDED_DETAIL: Readonly<Partial<Record<KtpStatus, Message>>> = {
  BIO_CAPTURED: {
    id: 'biometrik sudah direkam, menunggu pengiriman',
    en: 'biometrics captured, awaiting sending',
  },
  SENT_FOR_ENROLLMENT: { id: 'sudah dikirim untuk enrolment', en: 'sent for enrolment' },
  RECEIVED_AT_CENTRAL: { id: 'sudah diterima di pusat', en: 'received at the central system' },
  PRINT_READY_RECORD: { id: 'KTP-el siap cetak (PRR)', en: 'card ready to print (PRR)' },
  CARD_PRINTED: { id: 'KTP-el sudah dicetak', en: 'card printed' },
};

const RECORDED_GENERIC: Message = { id: 'sudah rekam', en: 'recorded' };

export function recordedReason(
  code: KtpStatus | undefined,
  handover: PlainDate | undefined,
): Message {
  const detail = (code && RECORDED_DETAIL[code]) || RECORDED_GENERIC;
  const tag = code ? ` ${code}` : '';
  const card = handover
    ? {
        id: ` KTP-el diserahkan pada ulang tahun ke-17, ${id(handover)}.`,
        en: ` The card is handed over on the 17th birthday, ${en(handover)}.`,
      }
    : { id: '', en: '' };
  return {
    id: `Sudah rekam (status${tag}: ${detail.id}). Jangan direkam lagi: perekaman ulang menghasilkan DUPLICATE_RECORD.${card.id}`,
    en: `Already recorded (status${tag}: ${detail.en}). Do not record again: a second recording produces DUPLICATE_RECORD.${card.en}`,
  };
}

const FOLLOW_UP: Readonly<Partial<Record<KtpStatus, Message>>> = {
  DUPLICATE_RECORD: {
    id: 'Status DUPLICATE_RECORD: biometrik terdeteksi ganda dengan rekaman lain. Jangan direkam ulang; rujuk ke Dukcapil untuk penyelesaian data ganda.',
    en: 'Status DUPLICATE_RECORD: the biometrics match another record. Do not record again; refer to Dukcapil to resolve the duplicate.',
  },
  ADJUDICATE_RECORD: {
    id: 'Status ADJUDICATE_RECORD: rekaman menunggu adjudikasi (pemeriksaan kemiripan biometrik) di pusat. Jangan direkam ulang; pantau hasilnya bersama Dukcapil.',
    en: 'Status ADJUDICATE_RECORD: the record awaits adjudication (a biometric similarity check) at the centre. Do not record again; follow it up with Dukcapil.',
  },
  ENROLL_FAILURE_AT_CENTRAL: {
    id: 'Status ENROLL_FAILURE_AT_CENTRAL: enrolment gagal di pusat. Perlu perekaman ulang.',
    en: 'Status ENROLL_FAILURE_AT_CENTRAL: enrolment failed at the centre. Record again.',
  },
  SEARCH_FAILURE_AT_CENTRAL: {
    id: 'Status SEARCH_FAILURE_AT_CENTRAL: pencarian biometrik gagal di pusat. Perlu perekaman ulang.',
    en: 'Status SEARCH_FAILURE_AT_CENTRAL: the biometric search failed at the centre. Record again.',
  },
  ENROLL_FAILURE_AT_REGIONAL: {
    id: 'Status ENROLL_FAILURE_AT_REGIONAL: enrolment gagal di daerah. Kirim ulang data rekaman dari Dukcapil, atau rekam ulang.',
    en: 'Status ENROLL_FAILURE_AT_REGIONAL: enrolment failed at the regional server. Re-send the record from Dukcapil, or record again.',
  },
};

const FOLLOW_UP_GENERIC: Message = {
  id: 'Status rekam memerlukan tindak lanjut. Periksa di SIAK bersama Dukcapil sebelum merekam.',
  en: 'The recording status needs follow-up. Check it in SIAK with Dukcapil before recording.',
};

export function followUpReason(code: KtpStatus | undefined): Message {
  return (code && FOLLOW_UP[code]) || FOLLOW_UP_GENERIC;
}

export function outsideReason(programme: string, domicile: string): Message {
  return {
    id: `Berdomisili di luar wilayah program (${programme}): ${domicile}. Rujuk ke Dukcapil daerah domisili.`,
    en: `Lives outside the programme's region (${programme}): ${domicile}. Refer to the Dukcapil of the home region.`,
  };
}

export function adultReason(age: number, on: PlainDate, seventeenth: PlainDate): Message {
  return {
    id: `Berumur ${age} tahun pada ${id(on)} (ulang tahun ke-17: ${id(seventeenth)}): wajib memiliki KTP-el (${LAW_ID}).`,
    en: `Aged ${age} on ${en(on)} (17th birthday: ${en(seventeenth)}): must hold a KTP-el (${LAW_EN}).`,
  };
}

const MARITAL_WORDS: Readonly<Record<MaritalStatus, Message>> = {
  BELUM_KAWIN: { id: 'belum kawin', en: 'never married' },
  KAWIN: { id: 'kawin', en: 'married' },
  CERAI_HIDUP: { id: 'cerai hidup (pernah kawin)', en: 'divorced (has been married)' },
  CERAI_MATI: { id: 'cerai mati (pernah kawin)', en: 'widowed (has been married)' },
};

export function marriedReason(age: number, status: MaritalStatus): Message {
  const word = MARITAL_WORDS[status];
  return {
    id: `Berstatus ${word.id} walau baru berumur ${age} tahun: wajib memiliki KTP-el (${LAW_ID}); KTP-el dapat langsung diserahkan.`,
    en: `Is ${word.en} although only ${age}: must hold a KTP-el (${LAW_EN}); the card can be handed over at once.`,
  };
}

export function earlyReason(
  age: number,
  on: PlainDate,
  minimumAge: number,
  seventeenth: PlainDate,
): Message {
  return {
    id: `Berumur ${age} tahun pada ${id(on)}: boleh direkam lebih awal (minimal ${minimumAge} tahun). KTP-el diserahkan pada ulang tahun ke-17, ${id(seventeenth)}.`,
    en: `Aged ${age} on ${en(on)}: may be recorded early (minimum ${minimumAge}). The card is handed over on the 17th birthday, ${en(seventeenth)}.`,
  };
}

export function tooYoungReason(
  age: number,
  on: PlainDate,
  minimumAge: number,
  eligibleFrom: PlainDate,
  seventeenth: PlainDate,
): Message {
  return {
    id: `Berumur ${age} tahun pada ${id(on)}: belum cukup umur untuk perekaman (minimal ${minimumAge} tahun). Dapat direkam mulai ${id(eligibleFrom)}; wajib KTP-el mulai ${id(seventeenth)}.`,
    en: `Aged ${age} on ${en(on)}: too young to be recorded (minimum ${minimumAge}). Can be recorded from ${en(eligibleFrom)}; must hold a KTP-el from ${en(seventeenth)}.`,
  };
}

export const NOT_FOUND_REASON: Message = {
  id: 'Tidak ditemukan di data kependudukan (SIAK). Biasanya siswa belum tercantum di Kartu Keluarga: minta orang tua memperbarui KK di Dukcapil terlebih dahulu, lalu perekaman dapat dilakukan.',
  en: 'Not found in the civil registry (SIAK). Usually the student is missing from the family card (KK): ask the parents to update the KK at Dukcapil first; recording can follow.',
};

export const NIK_DATE_MISMATCH: Message = {
  id: 'Tanggal lahir pada NIK berbeda dengan tanggal lahir di data kependudukan; NIK tetap berlaku (tanggal lahir mungkin pernah dikoreksi). Umur dihitung dari tanggal lahir di data kependudukan.',
  en: "The NIK's birth date differs from the registry's birth date; the NIK stays valid (the birth date may have been corrected). Age is counted from the registry's birth date.",
};
