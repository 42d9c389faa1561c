import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { cardsDue, type CardEvent, type HandoverEvent } from '@sahaja/core/field';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from '../db';
import { readCardData, type CardData } from './card-data';
import {
  cardsOn,
  handedOver,
  indexCards,
  planCardHandovers,
  schoolsWithDue,
  type CardIndex,
} from './due-list';
import {
  PROGRAMME_ID,
  RECORDINGS,
  SCHOOL_A,
  SCHOOL_B,
  at,
  mark,
  storeHandoverProgramme,
  undo,
} from './test-support/handover-fixture';

let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-handover-due', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
});

afterEach(() => db.close());

const handover = (
  id: string,
  idSiswa: string,
  handedAt: string,
  extra: Partial<HandoverEvent> = {},
): HandoverEvent => ({
  id,
  at: at(100),
  kind: 'handover',
  idSiswa,
  handedAt,
  receivedBy: 'Siti (ibu)',
  ...extra,
});

async function indexed(events = RECORDINGS): Promise<CardIndex> {
  await storeHandoverProgramme(db, events);
  return indexCards(await readCardData(db, PROGRAMME_ID));
}

const dueIds = (index: CardIndex, on: string, log: readonly CardEvent[] = []) =>
  cardsOn(index, log, on).due.map((c) => c.idSiswa);

describe('cardsOn, from the raw visit-day events', () => {
  it('lists the recorded REKAM_DINI students once 17, by school, class and name', async () => {
    const index = await indexed();
    const cards = cardsOn(index, [], '2023-12-01');
    expect(cards.due.map((c) => [c.schoolName, c.kelas, c.nama])).toEqual([
      [SCHOOL_A.nama, 'XI IPA 2', 'CITRA DEWI'],
      [SCHOOL_A.nama, 'XII IPA 1', 'ANI LESTARI'],
      [SCHOOL_B.nama, 'X 1', 'LINA MARLINA'],
    ]);
    expect(cards.later).toBe(0);
  });

  it('leaves out a recorded WAJIB student and a REKAM_DINI student marked absent', async () => {
    const index = await indexed([
      mark('m1', 'S01', 'recorded', 1),
      mark('m2', 'S02', 'absent', 2),
      mark('m4', 'S12', 'recorded', 4),
    ]);
    expect(dueIds(index, '2023-12-01')).toEqual(['S12']);
  });

  it('counts a recording marked after an absence (the mop-up visit)', async () => {
    const index = await indexed([mark('m1', 'S02', 'absent', 1), mark('m2', 'S02', 'recorded', 2)]);
    expect(dueIds(index, '2023-12-01')).toEqual(['S02']);
  });

  it('removes the card of a recording that was undone', async () => {
    const index = await indexed([...RECORDINGS, undo('u1', 'm2', 10)]);
    expect(dueIds(index, '2023-12-01')).toEqual(['S03', 'S12']);
  });

  it('removes a card handed over, and gives it back when the handover is undone', async () => {
    const index = await indexed();
    const given = handover('h1', 'S02', '2023-08-20');
    expect(dueIds(index, '2023-12-01', [given])).toEqual(['S03', 'S12']);
    const undone: CardEvent = { id: 'u1', at: at(101), kind: 'undo', undoes: 'h1' };
    expect(dueIds(index, '2023-12-01', [given, undone])).toEqual(['S03', 'S02', 'S12']);
  });

  it('agrees with the core’s cardsDue on every date around the birthdays', async () => {
    const index = await indexed();
    const log = [handover('h1', 'S12', '2023-08-20')];
    for (let day = Date.UTC(2023, 7, 10); day <= Date.UTC(2023, 9, 10); day += 86_400_000) {
      const on = new Date(day).toISOString().slice(0, 10);
      const core = cardsDue(on, index.students, index.data.outcomes, log).map((c) => c.idSiswa);
      expect(dueIds(index, on, log).sort(), on).toEqual(core.sort());
    }
  });

  describe('the 17th birthday', () => {
    it('is due on the birthday itself, zero days since', async () => {
      const index = await indexed();
      const cards = cardsOn(index, [], '2023-08-17');
      expect(cards.due.map((c) => [c.idSiswa, c.dueFrom, c.daysSince])).toEqual([
        ['S02', '2023-08-17', 0],
        ['S12', '2023-08-17', 0],
      ]);
      expect(cards.later).toBe(1);
    });

    it('is not due the day before', async () => {
      const index = await indexed();
      const cards = cardsOn(index, [], '2023-08-16');
      expect(cards.due).toEqual([]);
      expect(cards.later).toBe(3);
      expect(cards.awaiting.map((a) => a.idSiswa).sort()).toEqual(['S02', 'S03', 'S12']);
    });

    it('counts the days since it', async () => {
      const index = await indexed();
      expect(cardsOn(index, [], '2023-10-06').due.map((c) => c.daysSince)).toEqual([1, 50, 50]);
    });

    it('falls on 1 March for a 29 February birth in a common year', () => {
      const data: CardData = {
        programmeId: 'p',
        candidates: [
          {
            idSiswa: 'L1',
            npsn: '20510001',
            nisn: '0061000001',
            nama: 'LEAP',
            kelas: 'X',
            category: 'REKAM_DINI',
            birthDate: '2008-02-29',
          },
        ],
        outcomes: new Map([
          [
            'L1',
            { outcome: 'recorded', visit: { date: '2024-05-01', team: 'T', npsn: '20510001' } },
          ],
        ]),
        schools: [],
        holidays: [],
        leapDayRule: 'march-1',
      };
      const index = indexCards(data);
      expect(dueIds(index, '2025-02-28')).toEqual([]);
      expect(cardsOn(index, [], '2025-03-01').due).toMatchObject([
        { dueFrom: '2025-03-01', schoolName: '20510001' },
      ]);
    });
  });

  describe('invalid input', () => {
    it('throws on a date that does not exist', async () => {
      const index = await indexed();
      expect(() => cardsOn(index, [], '2023-02-30')).toThrow(RangeError);
    });

    it('never makes a card due for a candidate without a real birth date', () => {
      const index = indexCards({
        programmeId: 'p',
        candidates: [
          {
            idSiswa: 'X1',
            npsn: '20510001',
            nisn: '',
            nama: 'X',
            kelas: 'X',
            category: 'REKAM_DINI',
            birthDate: '2006-13-01',
          },
        ],
        outcomes: new Map([
          [
            'X1',
            { outcome: 'recorded', visit: { date: '2023-01-16', team: 'T', npsn: '20510001' } },
          ],
        ]),
        schools: [],
        holidays: [],
        leapDayRule: 'march-1',
      });
      expect(cardsOn(index, [], '2030-01-01')).toEqual({ due: [], awaiting: [], later: 0 });
    });
  });
});

describe('schoolsWithDue', () => {
  it('counts the cards due per school in the list’s order', async () => {
    const index = await indexed();
    expect(schoolsWithDue(cardsOn(index, [], '2023-12-01').due)).toEqual([
      { npsn: SCHOOL_A.npsn, nama: SCHOOL_A.nama, due: 2 },
      { npsn: SCHOOL_B.npsn, nama: SCHOOL_B.nama, due: 1 },
    ]);
  });
});

describe('planCardHandovers', () => {
  it('plans the fewest visits per school, each on the last working day of a window', async () => {
    const index = await indexed();
    const { awaiting } = cardsOn(index, [], '2023-08-01');
    const plan = planCardHandovers(index, awaiting, '2023-08-01');
    // S02 and S12: 17 August to 16 September (a Saturday); S03: 5 October to 4 November (Saturday).
    expect(plan.visits).toEqual([
      { npsn: SCHOOL_A.npsn, schoolName: SCHOOL_A.nama, date: '2023-09-15', students: 1 },
      { npsn: SCHOOL_B.npsn, schoolName: SCHOOL_B.nama, date: '2023-09-15', students: 1 },
      { npsn: SCHOOL_A.npsn, schoolName: SCHOOL_A.nama, date: '2023-11-03', students: 1 },
    ]);
    expect(plan.missed).toEqual([]);
  });

  it('avoids a school’s blackout days and the holidays', async () => {
    const index = await indexed();
    const data = index.data;
    const blocked = indexCards({
      ...data,
      schools: data.schools.map((s) =>
        s.npsn === SCHOOL_B.npsn ? { ...s, tanggalTidakBisa: ['2023-09-15'] } : s,
      ),
      holidays: [{ tanggal: '2023-09-14', keterangan: 'Libur' }],
    });
    const { awaiting } = cardsOn(blocked, [], '2023-08-01');
    const dates = planCardHandovers(blocked, awaiting, '2023-08-01')
      .visits.filter((v) => v.npsn === SCHOOL_B.npsn)
      .map((v) => v.date);
    expect(dates).toEqual(['2023-09-13']);
  });

  it('lists apart the cards whose window ended before the date', async () => {
    const index = await indexed();
    const { awaiting } = cardsOn(index, [], '2023-09-20');
    const plan = planCardHandovers(index, awaiting, '2023-09-20');
    expect(plan.visits.map((v) => [v.npsn, v.date])).toEqual([[SCHOOL_A.npsn, '2023-11-03']]);
    expect(plan.missed.map((m) => m.id).sort()).toEqual(['S02', 'S12']);
  });

  it('plans nothing for cards handed over', async () => {
    const index = await indexed();
    const log = ['S02', 'S03', 'S12'].map((id, i) => handover(`h${i}`, id, '2023-12-01'));
    const { awaiting } = cardsOn(index, log, '2023-08-01');
    expect(planCardHandovers(index, awaiting, '2023-08-01')).toEqual({ visits: [], missed: [] });
  });

  describe('invalid input', () => {
    it('throws on a date that does not exist', async () => {
      const index = await indexed();
      expect(() => planCardHandovers(index, [], '2023-13-01')).toThrow(RangeError);
    });
  });
});

describe('handedOver', () => {
  it('lists the handovers standing, latest date first, with the student’s name and school', async () => {
    const index = await indexed();
    const log: CardEvent[] = [
      handover('h1', 'S02', '2023-08-20'),
      handover('h2', 'S12', '2023-09-01', { receivedBy: 'Lina', by: 'Pak Budi' }),
      handover('h3', 'S03', '2023-10-05'),
      { id: 'u3', at: at(200), kind: 'undo', undoes: 'h3' },
    ];
    const all = handedOver(index, log, { npsn: null, on: null });
    expect(all.map((c) => [c.nama, c.schoolName, c.event.handedAt, c.event.receivedBy])).toEqual([
      ['LINA MARLINA', SCHOOL_B.nama, '2023-09-01', 'Lina'],
      ['ANI LESTARI', SCHOOL_A.nama, '2023-08-20', 'Siti (ibu)'],
    ]);
  });

  it('narrows to a school and to a date', async () => {
    const index = await indexed();
    const log = [handover('h1', 'S02', '2023-08-20'), handover('h2', 'S12', '2023-08-20')];
    expect(handedOver(index, log, { npsn: SCHOOL_B.npsn, on: null }).map((c) => c.nama)).toEqual([
      'LINA MARLINA',
    ]);
    expect(handedOver(index, log, { npsn: null, on: '2023-08-21' })).toEqual([]);
    expect(handedOver(index, log, { npsn: null, on: '2023-08-20' })).toHaveLength(2);
  });

  it('names a student no longer among the early-recorded ones by their id', async () => {
    const index = await indexed([...RECORDINGS, undo('u1', 'm2', 10)]);
    const [card] = handedOver(index, [handover('h1', 'S02', '2023-08-20')], {
      npsn: null,
      on: null,
    });
    expect(card).toMatchObject({ nama: 'S02', schoolName: '' });
  });
});
