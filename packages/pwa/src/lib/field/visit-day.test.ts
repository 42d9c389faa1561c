import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from '../db';
import { VISIT_CHANNEL_NAME, type VisitEventsChanged } from './visit-channel';
import { followOtherTabs, VisitDay } from './visit-day.svelte';
import { readSchoolEvents, type VisitList, type VisitStudent } from './visit-data';

const PROGRAMME = 'p1';
const VISIT = { date: '2023-01-16', team: 'Tim 1', npsn: '20512345' };

const student = (
  idSiswa: string,
  nama: string,
  kelas: string,
  category: VisitStudent['category'] = 'WAJIB',
): VisitStudent => ({
  idSiswa,
  nisn: `00${idSiswa.replace(/\D/g, '').padStart(8, '0')}`,
  nik: '',
  nama,
  kelas,
  jenisKelamin: 'L',
  tanggalLahir: '2005-03-01',
  category,
  seventeenth: null,
});

const LIST: VisitList = {
  npsn: VISIT.npsn,
  pending: 0,
  students: [
    student('s1', 'AHMAD FAUZI', 'XII-1'),
    student('s2', 'MUHAMMAD RIZKY', 'XII-1'),
    student('s3', 'SITI AMINAH', 'XII-2', 'REKAM_DINI'),
  ],
};

let db: SahajaDatabase;
let ids = 0;

function open(log: Awaited<ReturnType<typeof readSchoolEvents>> = []): VisitDay {
  return new VisitDay(
    {
      db: () => db,
      newId: () => `e${++ids}`,
      now: () => `2023-01-16T08:00:${String(ids).padStart(2, '0')}Z`,
    },
    PROGRAMME,
    VISIT,
    LIST,
    log,
    () => ({ device: 'laptop-1', author: 'Petugas A' }),
  );
}

const stored = () => readSchoolEvents(db, PROGRAMME, VISIT.npsn);

beforeEach(() => {
  ids = 0;
  db = new SahajaDatabase(`sahaja-visit-day-${Math.random()}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
});

afterEach(() => db.close());

describe('a visit at work', () => {
  it('lists the school by class, the first student chosen, nobody marked yet', () => {
    const day = open();
    expect(day.items.map((i) => (i.type === 'class' ? `#${i.kelas}` : i.row.id))).toEqual([
      '#XII-1',
      's1',
      's2',
      '#XII-2',
      's3',
    ]);
    expect(day.selected?.id).toBe('s1');
    expect(day.tally.remaining).toBe(3);
  });

  it('stores a mark, with this laptop and staff member, before it counts it', async () => {
    const day = open();
    expect(await day.mark('recorded')).toBe(true);
    const [event] = await stored();
    expect(event).toMatchObject({
      kind: 'mark',
      idSiswa: 's1',
      outcome: 'recorded',
      device: 'laptop-1',
      author: 'Petugas A',
      visit: VISIT,
    });
    expect(day.tally.outcomes.recorded).toBe(1);
    expect(day.tally.recorded.WAJIB).toBe(1);
    expect(day.status).toMatchObject({ state: 'done', name: 'AHMAD FAUZI', outcome: 'recorded' });
  });

  it('stores actions asked for faster than the writes, in order, each for the student chosen then', async () => {
    const day = open();
    const first = day.mark('recorded');
    day.move(1);
    const second = day.mark('absent');
    day.move(1);
    const third = day.undo();
    expect(await Promise.all([first, second, third])).toEqual([true, true, true]);
    const events = await stored();
    expect(events.map((e) => e.kind)).toEqual(['mark', 'mark', 'undo']);
    // The undo took back the mark made just before it, though it was asked for before that was stored.
    expect(events[2]).toMatchObject({ undoes: events[1]?.id });
    expect(day.current.outcomes.get('s1')?.outcome).toBe('recorded');
    expect(day.current.outcomes.has('s2')).toBe(false);
  });

  it('refuses a failed capture without its reason, naming the field, and stores nothing', async () => {
    const day = open();
    expect(await day.mark('failed')).toBe(false);
    expect(day.status.state).toBe('refused');
    const messages = day.status.state === 'refused' ? day.status.messages : [];
    expect(messages.map((m) => m.en).join(' ')).toMatch(/reason/);
    expect(await stored()).toEqual([]);
    expect(await day.mark('failed', 'Sidik jari tidak terbaca')).toBe(true);
    expect(day.current.outcomes.get('s1')?.reason).toBe('Sidik jari tidak terbaca');
  });

  it('undoes nothing when there is nothing to undo', async () => {
    const day = open();
    expect(day.undoable).toBeNull();
    expect(await day.undo()).toBe(false);
    expect(await stored()).toEqual([]);
  });

  it('adds a walk-in, flagged for matching, chosen to be marked next and found by the search', async () => {
    const day = open();
    const added = await day.addWalkIn({
      nama: 'Budi Santoso',
      kelas: 'XII-3',
      jenisKelamin: 'L',
      tanggalLahir: '',
      nisn: '',
      nik: '',
      note: '',
    });
    expect(added).toBe(true);
    expect(day.selected).toMatchObject({ nama: 'Budi Santoso', walkIn: true, category: null });
    const [event] = await stored();
    expect(event).toMatchObject({ kind: 'walk_in', needsMatching: true, nama: 'Budi Santoso' });
    expect(day.items.at(-2)).toMatchObject({ type: 'class', walkIns: true, count: 1 });
    day.setQuery('budi');
    expect(day.shown.map((r) => r.nama)).toEqual(['Budi Santoso']);
  });

  it('refuses a walk-in without a name and keeps the list as it was', async () => {
    const day = open();
    const blank = {
      nama: ' ',
      kelas: '',
      jenisKelamin: '',
      tanggalLahir: '',
      nisn: '',
      nik: '',
      note: '',
    };
    expect(await day.addWalkIn(blank)).toBe(false);
    expect(day.status.state).toBe('refused');
    expect(day.walkIns).toEqual([]);
    expect(await stored()).toEqual([]);
  });

  it('narrows the list as the name is typed, read as the matcher reads names', () => {
    const day = open();
    day.setQuery('moch riz');
    expect(day.shown.map((r) => r.id)).toEqual(['s2']);
    expect(day.selected?.id).toBe('s2');
    day.setQuery('');
    expect(day.shown).toHaveLength(3);
  });

  it('reopens with every stored event: nothing is lost', async () => {
    const day = open();
    await day.mark('recorded');
    day.move(2);
    await day.mark('absent');
    const again = open(await stored());
    expect(again.tally.outcomes).toMatchObject({ recorded: 1, absent: 1 });
    expect(again.tally.recorded.WAJIB).toBe(1);
  });
});

describe('two tabs at one visit', () => {
  it("take in the other tab's marks and keep their own, even one not stored yet", async () => {
    const here = open();
    const there = open();
    expect(await there.mark('recorded')).toBe(true);
    here.move(2);
    const ownMark = here.mark('absent');
    await here.takeStored(await stored());
    await ownMark;
    expect(here.current.outcomes.get('s1')?.outcome).toBe('recorded');
    expect(here.current.outcomes.get('s3')?.outcome).toBe('absent');
    expect(here.log.map((e) => e.id).sort()).toEqual((await stored()).map((e) => e.id).sort());
    // Nothing new: the log is left as it is.
    const log = here.log;
    await here.takeStored(await stored());
    expect(here.log).toBe(log);
  });

  it('follow what another tab announces for their school, and nothing else', async () => {
    const here = open();
    const there = open();
    const stop = followOtherTabs(here, () => db);
    const otherTab = new BroadcastChannel(VISIT_CHANNEL_NAME);
    const heard: VisitEventsChanged[] = [];
    otherTab.onmessage = (event: MessageEvent<VisitEventsChanged>) => heard.push(event.data);
    try {
      expect(await there.mark('recorded')).toBe(true);
      // This tab's own object announced it: another object on the channel hears it.
      await expect.poll(() => heard).toEqual([{ programmeId: PROGRAMME, npsn: VISIT.npsn }]);

      otherTab.postMessage({ programmeId: PROGRAMME, npsn: '99999999' });
      otherTab.postMessage({ programmeId: 'another', npsn: VISIT.npsn });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(here.tally.outcomes.recorded ?? 0).toBe(0);

      otherTab.postMessage({ programmeId: PROGRAMME, npsn: VISIT.npsn });
      await expect.poll(() => here.tally.outcomes.recorded ?? 0).toBe(1);
    } finally {
      stop();
      otherTab.close();
    }
  });
});
