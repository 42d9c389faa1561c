/**
 * The values registry extracts use for KTP-el recording status, marital status and citizenship, in their
 * common spellings. Values are compared after {@link normaliseValue}: upper case, spaces, hyphens and
 * underscores folded to one underscore, dots dropped — so `print ready record`, `PRINT-READY-RECORD` and
 * `Print_Ready_Record` are one value.
 */

/** What a KTP-el status means for the programme. */
export type StatusFamily = 'not-recorded' | 'recorded' | 'follow-up';

/** The SIAK KTP-el processing statuses (SPEC §3). */
export const KTP_STATUSES = [
  'UNREGISTERED',
  'BIO_CAPTURED',
  'SENT_FOR_ENROLLMENT',
  'RECEIVED_AT_CENTRAL',
  'PRINT_READY_RECORD',
  'CARD_PRINTED',
  'DUPLICATE_RECORD',
  'ADJUDICATE_RECORD',
  'ENROLL_FAILURE_AT_CENTRAL',
  'SEARCH_FAILURE_AT_CENTRAL',
  'ENROLL_FAILURE_AT_REGIONAL',
] as const;

/** One SIAK KTP-el status code. */
export type KtpStatus = (typeof KTP_STATUSES)[number];

/** A recognised status value: its family and, when the spelling names one, the SIAK code. */
export interface RecognisedStatus {
  readonly family: StatusFamily;
  /** The SIAK code, or `undefined` for summary spellings such as "SUDAH REKAM". */
  readonly code: KtpStatus | undefined;
}

/** Folds case, spaces, hyphens and underscores, and drops dots. */
export function normaliseValue(value: string): string {
  return value
    .trim()
    .toUpperCase()
    .replace(/\./g, '')
    .replace(/[\s_-]+/g, '_');
}

/** The default meaning of each status spelling (keys already normalised). */
export const DEFAULT_STATUS_SPELLINGS: Readonly<Record<string, RecognisedStatus>> = {
  UNREGISTERED: { family: 'not-recorded', code: 'UNREGISTERED' },
  BELUM_REKAM: { family: 'not-recorded', code: 'UNREGISTERED' },
  BELUM_PEREKAMAN: { family: 'not-recorded', code: 'UNREGISTERED' },
  BELUM_DIREKAM: { family: 'not-recorded', code: 'UNREGISTERED' },
  BIO_CAPTURED: { family: 'recorded', code: 'BIO_CAPTURED' },
  SENT_FOR_ENROLLMENT: { family: 'recorded', code: 'SENT_FOR_ENROLLMENT' },
  RECEIVED_AT_CENTRAL: { family: 'recorded', code: 'RECEIVED_AT_CENTRAL' },
  PRINT_READY_RECORD: { family: 'recorded', code: 'PRINT_READY_RECORD' },
  PRR: { family: 'recorded', code: 'PRINT_READY_RECORD' },
  CARD_PRINTED: { family: 'recorded', code: 'CARD_PRINTED' },
  SUDAH_REKAM: { family: 'recorded', code: undefined },
  SUDAH_DIREKAM: { family: 'recorded', code: undefined },
  SUDAH_PEREKAMAN: { family: 'recorded', code: undefined },
  SUDAH_CETAK: { family: 'recorded', code: 'CARD_PRINTED' },
  DUPLICATE_RECORD: { family: 'follow-up', code: 'DUPLICATE_RECORD' },
  ADJUDICATE_RECORD: { family: 'follow-up', code: 'ADJUDICATE_RECORD' },
  ENROLL_FAILURE_AT_CENTRAL: { family: 'follow-up', code: 'ENROLL_FAILURE_AT_CENTRAL' },
  SEARCH_FAILURE_AT_CENTRAL: { family: 'follow-up', code: 'SEARCH_FAILURE_AT_CENTRAL' },
  ENROLL_FAILURE_AT_REGIONAL: { family: 'follow-up', code: 'ENROLL_FAILURE_AT_REGIONAL' },
};

/** Marital status in the four SIAK values (the two newer "KAWIN …TERCATAT" values are both married). */
export type MaritalStatus = 'BELUM_KAWIN' | 'KAWIN' | 'CERAI_HIDUP' | 'CERAI_MATI';

/** Marital-status spellings (keys normalised), including SIAK's numeric codes 1–4. */
export const MARITAL_SPELLINGS: Readonly<Record<string, MaritalStatus>> = {
  BELUM_KAWIN: 'BELUM_KAWIN',
  BELUM_MENIKAH: 'BELUM_KAWIN',
  TIDAK_KAWIN: 'BELUM_KAWIN',
  LAJANG: 'BELUM_KAWIN',
  SINGLE: 'BELUM_KAWIN',
  '1': 'BELUM_KAWIN',
  KAWIN: 'KAWIN',
  MENIKAH: 'KAWIN',
  KAWIN_TERCATAT: 'KAWIN',
  KAWIN_BELUM_TERCATAT: 'KAWIN',
  KAWIN_TIDAK_TERCATAT: 'KAWIN',
  MARRIED: 'KAWIN',
  '2': 'KAWIN',
  CERAI_HIDUP: 'CERAI_HIDUP',
  CERAI: 'CERAI_HIDUP',
  DIVORCED: 'CERAI_HIDUP',
  '3': 'CERAI_HIDUP',
  CERAI_MATI: 'CERAI_MATI',
  WIDOWED: 'CERAI_MATI',
  '4': 'CERAI_MATI',
};

/** Citizenship. */
export type Citizenship = 'WNI' | 'WNA';

/** Citizenship spellings (keys normalised). */
export const CITIZENSHIP_SPELLINGS: Readonly<Record<string, Citizenship>> = {
  WNI: 'WNI',
  INDONESIA: 'WNI',
  WARGA_NEGARA_INDONESIA: 'WNI',
  WNA: 'WNA',
  ASING: 'WNA',
  WARGA_NEGARA_ASING: 'WNA',
};
