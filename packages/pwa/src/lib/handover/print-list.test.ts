import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { CardEvent, HandoverEvent } from '@sahaja/core/field';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from '../db';
import { NO_OFFICE, type OfficeSettings } from '../programme/settings';
import { readCardData } from './card-data';
import { indexCards, type CardIndex } from './due-list';
import {
  SHEET_COLUMNS,
  handoverLists,
  handoverSheet,
  letterheadHasBlanks,
  realDate,
} from './print-list';
import {
  PROGRAMME_ID,
  RECORDINGS,
  SCHOOL_A,
  SCHOOL_B,
  at,
  storeHandoverProgramme,
} from './test-support/handover-fixture';

let db: SahajaDatabase;
let index: CardIndex;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-handover-print', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await storeHandoverProgramme(db, RECORDINGS);
  index = indexCards(await readCardData(db, PROGRAMME_ID));
});

afterEach(() => db.close());

const handover = (
  id: string,
  idSiswa: string,
  handedAt: string,
  receivedBy: string,
): HandoverEvent => ({
  id,
  at: at(100),
  kind: 'handover',
  idSiswa,
  handedAt,
  receivedBy,
});

const OFFICE: OfficeSettings = {
  ...NO_OFFICE,
  government: 'Pemerintah Kabupaten Kediri',
  address: 'Jl. Soekarno-Hatta No. 1, Kediri',
  contact: 'Telp. (0354) 123456',
  place: 'Kediri',
};

describe('handoverLists', () => {
  it('gives each school with cards due a list by class and name, to fill in by hand', () => {
    const lists = handoverLists(index, [], '2023-12-01');
    expect(lists.map((l) => [l.school.nama, l.date, l.rows.map((r) => r.nama)])).toEqual([
      [SCHOOL_A.nama, '2023-12-01', ['CITRA DEWI', 'ANI LESTARI']],
      [SCHOOL_B.nama, '2023-12-01', ['LINA MARLINA']],
    ]);
    expect(lists[0]?.rows[0]).toEqual({
      idSiswa: 'S03',
      nama: 'CITRA DEWI',
      nisn: '0061000002',
      kelas: 'XI IPA 2',
      seventeenth: '2023-10-05',
      receivedBy: null,
    });
  });

  it('lists a card handed over on the date with who received it, in its place', () => {
    const log: CardEvent[] = [handover('h1', 'S02', '2023-12-01', 'Siti (ibu)')];
    const [a] = handoverLists(index, log, '2023-12-01', SCHOOL_A.npsn);
    expect(a?.rows.map((r) => [r.nama, r.receivedBy, r.seventeenth])).toEqual([
      ['CITRA DEWI', null, '2023-10-05'],
      ['ANI LESTARI', 'Siti (ibu)', '2023-08-17'],
    ]);
  });

  it('leaves out cards handed over on another date, and cards not due yet', () => {
    const log: CardEvent[] = [handover('h1', 'S02', '2023-08-20', 'Siti (ibu)')];
    const lists = handoverLists(index, log, '2023-09-01');
    expect(lists.map((l) => [l.school.npsn, l.rows.map((r) => r.idSiswa)])).toEqual([
      [SCHOOL_B.npsn, ['S12']],
    ]);
  });

  it('gives only the school asked for', () => {
    const lists = handoverLists(index, [], '2023-12-01', SCHOOL_B.npsn);
    expect(lists.map((l) => l.school.npsn)).toEqual([SCHOOL_B.npsn]);
  });

  describe('invalid input', () => {
    it('gives no list when nothing is due or handed over on the date', () => {
      expect(handoverLists(index, [], '2023-01-16')).toEqual([]);
    });

    it('throws on a date that does not exist', () => {
      expect(() => handoverLists(index, [], '2023-02-29')).toThrow(RangeError);
    });
  });
});

describe('handoverSheet', () => {
  it('numbers the rows and writes the columns, dates and letterhead in Bahasa Indonesia', () => {
    const log: CardEvent[] = [handover('h1', 'S02', '2023-12-01', 'Siti (ibu)')];
    const [list] = handoverLists(index, log, '2023-12-01', SCHOOL_A.npsn);
    const sheet = handoverSheet(list!, OFFICE);
    expect(sheet.columns).toEqual([
      'No',
      'Nama',
      'Kelas',
      'Tanggal lahir ke-17',
      'Diterima oleh',
      'Tanda tangan',
    ]);
    expect(sheet.columns).toBe(SHEET_COLUMNS);
    expect(sheet.rows).toEqual([
      {
        no: 1,
        nama: 'CITRA DEWI',
        kelas: 'XI IPA 2',
        seventeenth: '5 Oktober 2023',
        receivedBy: '',
      },
      {
        no: 2,
        nama: 'ANI LESTARI',
        kelas: 'XII IPA 1',
        seventeenth: '17 Agustus 2023',
        receivedBy: 'Siti (ibu)',
      },
    ]);
    expect(sheet.letterhead).toEqual({
      government: ['PEMERINTAH KABUPATEN KEDIRI'],
      office: ['DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL'],
      address: ['Jl. Soekarno-Hatta No. 1, Kediri'],
      contact: ['Telp. (0354) 123456'],
    });
    expect(sheet.details).toEqual([
      ['Sekolah', `${SCHOOL_A.nama} (NPSN ${SCHOOL_A.npsn})`],
      ['Kecamatan', 'Pare'],
      ['Hari/tanggal penyerahan', 'Jumat, 1 Desember 2023'],
    ]);
    expect(sheet.placeDate).toEqual(['Kediri', ', 1 Desember 2023']);
  });

  it('leaves blanks for the office’s details that are not filled in', () => {
    const [list] = handoverLists(index, [], '2023-12-01', SCHOOL_B.npsn);
    const sheet = handoverSheet(list!, NO_OFFICE);
    expect(sheet.letterhead.government).toEqual([{ blank: 40 }]);
    expect(sheet.letterhead.address).toEqual([{ blank: 60 }]);
    expect(sheet.placeDate[0]).toEqual({ blank: 14 });
    expect(letterheadHasBlanks(NO_OFFICE)).toBe(true);
    expect(letterheadHasBlanks(OFFICE)).toBe(false);
  });
});

describe('realDate', () => {
  it('keeps a real date and refuses anything else', () => {
    expect(realDate('2024-02-29')).toBe('2024-02-29');
    expect(realDate('2023-02-29')).toBeNull();
    expect(realDate('')).toBeNull();
    expect(realDate(null)).toBeNull();
  });
});
