/**
 * The plain records the core works on. Values are kept as the source wrote them (strings), because
 * sources disagree in format; parsing and validation turn them into typed values where a rule needs one.
 */

/** Sex as the civil registry codes it. */
export type Sex = 'L' | 'P';

/** A calendar date written `YYYY-MM-DD`, with no time and no time zone. */
export type IsoDate = string;

/** One person in the civil-registry extract (SIAK), with the columns of SPEC §7. */
export interface Resident {
  readonly nik: string;
  readonly noKk: string;
  readonly nama: string;
  readonly jenisKelamin: string;
  readonly tempatLahir: string;
  readonly tanggalLahir: string;
  readonly namaIbu: string;
  readonly alamat: string;
  /** Domicile region code, 4 to 10 digits (e.g. `3506` or `3506012001`). */
  readonly kodeWilayah: string;
  readonly statusKawin: string;
  readonly kewarganegaraan: string;
  readonly statusRekam: string;
}

/** One row of a school's student list, with the columns of SPEC §7, values as the school wrote them. */
export interface StudentRecord {
  readonly idSiswa: string;
  readonly npsn: string;
  readonly nisn: string;
  readonly nik: string;
  readonly nama: string;
  readonly jenisKelamin: string;
  readonly tempatLahir: string;
  readonly tanggalLahir: string;
  readonly namaIbu: string;
  readonly alamat: string;
  readonly kelas: string;
}

/** A school the programme visits. */
export interface School {
  readonly npsn: string;
  readonly nama: string;
  /** Kecamatan code, e.g. `35.06.17`. */
  readonly kecamatan: string;
  readonly waktuTempuhMenit: number;
  readonly latitude: number;
  readonly longitude: number;
  /** Dates on which the school cannot host a visit. */
  readonly tanggalTidakBisa: readonly IsoDate[];
}

/** A recording team. */
export interface Team {
  readonly tim: string;
  readonly jumlahAlat: number;
  readonly kapasitasPerAlat: number;
}

/** A public holiday or cuti bersama. */
export interface Holiday {
  readonly tanggal: IsoDate;
  readonly keterangan: string;
}

/** A school as the visit planner needs it (SPEC §7 `plan` input): its targets and blackout days. */
export interface SchoolTarget {
  readonly npsn: string;
  readonly nama: string;
  readonly kecamatan: string;
  readonly waktuTempuhMenit: number;
  readonly jumlahWajib: number;
  readonly jumlahDini: number;
  readonly tanggalTidakBisa: readonly IsoDate[];
  /** Coordinates, when the file gives them: travel between schools is then computed from them. */
  readonly latitude?: number | undefined;
  readonly longitude?: number | undefined;
}
