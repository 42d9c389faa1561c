import type { DemoSummary } from '../../core/types';
import type { ProgrammeData } from '../programmes';

export interface FixtureSize {
  readonly schools?: number;
  readonly students?: number;
  readonly residents?: number;
}

/** A small, valid programme of the demo generator's shape; `tag` makes its values distinguishable. */
export function programmeFixture(tag: string, size: FixtureSize = {}): ProgrammeData {
  const { schools = 3, students = 25, residents = 40 } = size;
  const npsn = (i: number) => String(20510000 + i);
  const nik = (i: number) =>
    `350601${String(170806 + (i % 20)).padStart(6, '0')}${String(i + 1).padStart(4, '0')}`;
  const summary: DemoSummary = {
    seed: 1,
    referenceDate: '2023-01-16',
    schools,
    students,
    registry: residents,
    teams: 2,
    holidays: 2,
    families: 10,
    twinsInRegistry: 0,
    outOfRegencyResidents: 0,
    studentsNotInRegistry: 0,
    duplicateListings: 0,
    // The counts per corruption tag do not matter to storage; the full tag list lives in the core.
    corruptions: {} as DemoSummary['corruptions'],
    statuses: { 'BELUM REKAM': residents },
  };
  return {
    summary,
    schools: Array.from({ length: schools }, (_, i) => ({
      npsn: npsn(i),
      nama: `SMA ${tag} ${i + 1}`,
      kecamatan: '35.06.17',
      waktuTempuhMenit: 20 + i,
      latitude: -7.75,
      longitude: 112.18,
      tanggalTidakBisa: ['2023-01-20'],
    })),
    students: Array.from({ length: students }, (_, i) => ({
      idSiswa: `S${i + 1}`,
      npsn: npsn(i % schools),
      nisn: String(60000000 + i).padStart(10, '0'),
      nik: i % 5 === 0 ? '' : nik(i),
      nama: `SISWA ${tag} ${i + 1}`,
      jenisKelamin: i % 2 === 0 ? 'L' : 'P',
      tempatLahir: 'KEDIRI',
      tanggalLahir: '2006-08-17',
      namaIbu: `IBU ${i + 1}`,
      alamat: 'DSN. KRAJAN',
      kelas: 'XII',
    })),
    registry: Array.from({ length: residents }, (_, i) => ({
      nik: nik(i),
      noKk: `3506011501${String(i).padStart(6, '0')}`,
      nama: `WARGA ${tag} ${i + 1}`,
      jenisKelamin: 'L',
      tempatLahir: 'KEDIRI',
      tanggalLahir: '2006-08-17',
      namaIbu: `IBU ${i + 1}`,
      alamat: 'DSN. KRAJAN',
      kodeWilayah: '3506172001',
      statusKawin: 'BELUM KAWIN',
      kewarganegaraan: 'WNI',
      statusRekam: 'BELUM REKAM',
    })),
    teams: [
      { tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 },
      { tim: 'Tim 2', jumlahAlat: 2, kapasitasPerAlat: 50 },
    ],
    holidays: [
      { tanggal: '2023-01-22', keterangan: 'Tahun Baru Imlek' },
      { tanggal: '2023-01-23', keterangan: 'Cuti bersama Imlek' },
    ],
  };
}
