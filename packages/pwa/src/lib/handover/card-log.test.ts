import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { CardEvent, HandoverEvent } from '@sahaja/core/field';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SahajaDatabase } from '../db';
import {
  appendCardEvent,
  handoverInput,
  issuesByField,
  lastHandover,
  readCardLog,
  undoInput,
  type EventStamp,
  type HandoverDraft,
} from './card-log';

const PROGRAMME = 'p1';
const BIRTHS = new Map([['S02', { year: 2006, month: 8, day: 17 }]]);
const CONTEXT = { birthDates: BIRTHS };

let db: SahajaDatabase;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-card-log', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
});

afterEach(() => db.close());

let counter = 0;
const stamp = (extra: Partial<EventStamp> = {}): EventStamp => ({
  id: `e${++counter}`,
  at: new Date(Date.UTC(2023, 7, 20, 8, counter)).toISOString(),
  device: 'laptop-1',
  ...extra,
});

const draft = (extra: Partial<HandoverDraft> = {}): HandoverDraft => ({
  receivedBy: 'Siti (ibu)',
  handedAt: '2023-08-20',
  by: '',
  note: '',
  ...extra,
});

const stored = async () => db.cardEvents.toArray();

describe('appendCardEvent', () => {
  it('stores a valid handover with its programme, cleaned by the core', async () => {
    const input = handoverInput(
      'S02',
      draft({ receivedBy: '  Siti   (ibu) ', by: 'Pak Budi' }),
      stamp(),
    );
    const result = await appendCardEvent(db, PROGRAMME, input, CONTEXT);
    expect(result.ok).toBe(true);
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      programmeId: PROGRAMME,
      kind: 'handover',
      idSiswa: 'S02',
      handedAt: '2023-08-20',
      receivedBy: 'Siti (ibu)',
      by: 'Pak Budi',
      device: 'laptop-1',
    });
    expect(rows[0]).not.toHaveProperty('note');
    expect(result.ok && result.log).toEqual([result.ok && result.event]);
  });

  it('stores a handover on the 17th birthday itself', async () => {
    const input = handoverInput('S02', draft({ handedAt: '2023-08-17' }), stamp());
    expect((await appendCardEvent(db, PROGRAMME, input, CONTEXT)).ok).toBe(true);
  });

  it('stores an undo of a handover; the card has no handover standing then', async () => {
    const first = await appendCardEvent(
      db,
      PROGRAMME,
      handoverInput('S02', draft(), stamp()),
      CONTEXT,
    );
    if (!first.ok || first.event.kind !== 'handover') throw new Error('not stored');
    const undone = await appendCardEvent(db, PROGRAMME, undoInput(first.event, stamp()), CONTEXT);
    expect(undone.ok && undone.event).toMatchObject({ kind: 'undo', undoes: first.event.id });
    expect(await stored()).toHaveLength(2);
    expect(lastHandover(await readCardLog(db, PROGRAMME), 'laptop-1')).toBeNull();
    // Handed over again after the undo: a new handover is accepted.
    const again = await appendCardEvent(
      db,
      PROGRAMME,
      handoverInput('S02', draft(), stamp()),
      CONTEXT,
    );
    expect(again.ok).toBe(true);
  });

  describe('invalid input', () => {
    it('refuses a handover without who received it, naming the field, and stores nothing', async () => {
      const input = handoverInput('S02', draft({ receivedBy: '   ' }), stamp());
      const result = await appendCardEvent(db, PROGRAMME, input, CONTEXT);
      expect(result.ok).toBe(false);
      if (!result.ok && result.error.kind === 'invalid') {
        expect(result.error.issues.map((i) => [i.field, i.code])).toEqual([
          ['receivedBy', 'required'],
        ]);
        expect(result.error.issues[0]?.message.id).toContain('Nama penerima');
        expect(result.error.issues[0]?.message.en).toContain('received');
      } else throw new Error('expected an invalid refusal');
      expect(await stored()).toEqual([]);
    });

    it('refuses a handover before the 17th birthday with the core’s words, and stores nothing', async () => {
      const input = handoverInput('S02', draft({ handedAt: '2023-08-16' }), stamp());
      const result = await appendCardEvent(db, PROGRAMME, input, CONTEXT);
      if (result.ok || result.error.kind !== 'invalid') throw new Error('expected a refusal');
      expect(result.error.issues).toEqual([
        {
          field: 'handedAt',
          code: 'before_17th_birthday',
          message: {
            id: 'KTP-el baru boleh diserahkan mulai ulang tahun ke-17 siswa.',
            en: 'A KTP-el is handed over from the student’s 17th birthday, not before.',
          },
        },
      ]);
      expect(await stored()).toEqual([]);
    });

    it('refuses a date that does not exist, naming the field', async () => {
      const input = handoverInput('S02', draft({ handedAt: '' }), stamp());
      const result = await appendCardEvent(db, PROGRAMME, input, CONTEXT);
      expect(!result.ok && result.error.kind === 'invalid' && result.error.issues[0]?.field).toBe(
        'handedAt',
      );
    });

    it('refuses a second handover of a card, as stored (another tab’s included)', async () => {
      await appendCardEvent(db, PROGRAMME, handoverInput('S02', draft(), stamp()), CONTEXT);
      const second = await appendCardEvent(
        db,
        PROGRAMME,
        handoverInput('S02', draft({ receivedBy: 'Ani' }), stamp()),
        CONTEXT,
      );
      expect(!second.ok && second.error.kind === 'invalid' && second.error.issues[0]?.code).toBe(
        'already_handed_over',
      );
      expect(await stored()).toHaveLength(1);
    });

    it('refuses an undo of a handover already undone', async () => {
      const first = await appendCardEvent(
        db,
        PROGRAMME,
        handoverInput('S02', draft(), stamp()),
        CONTEXT,
      );
      if (!first.ok || first.event.kind !== 'handover') throw new Error('not stored');
      await appendCardEvent(db, PROGRAMME, undoInput(first.event, stamp()), CONTEXT);
      const twice = await appendCardEvent(db, PROGRAMME, undoInput(first.event, stamp()), CONTEXT);
      expect(!twice.ok && twice.error.kind === 'invalid' && twice.error.issues[0]?.code).toBe(
        'already_undone',
      );
      expect(await stored()).toHaveLength(2);
    });

    it('reports a failed write as storage, leaving the database unchanged', async () => {
      db.close();
      const result = await appendCardEvent(
        db,
        PROGRAMME,
        handoverInput('S02', draft(), stamp()),
        CONTEXT,
      );
      expect(result).toMatchObject({ ok: false, error: { kind: 'storage' } });
      await db.open();
      expect(await stored()).toEqual([]);
    });
  });
});

describe('readCardLog', () => {
  it('reads one programme’s events in event order', async () => {
    await appendCardEvent(db, 'other', handoverInput('S02', draft(), stamp()), CONTEXT);
    const late = stamp({ id: 'zz', at: '2023-08-21T08:00:00.000Z' });
    const early = stamp({ id: 'aa', at: '2023-08-19T08:00:00.000Z' });
    await appendCardEvent(db, PROGRAMME, handoverInput('S02', draft(), late), {});
    await appendCardEvent(db, PROGRAMME, handoverInput('S03', draft(), early), {});
    expect((await readCardLog(db, PROGRAMME)).map((e) => e.id)).toEqual(['aa', 'zz']);
  });
});

describe('lastHandover', () => {
  const given = (
    id: string,
    idSiswa: string,
    minute: number,
    device = 'laptop-1',
  ): HandoverEvent => ({
    id,
    at: new Date(Date.UTC(2023, 7, 20, 8, minute)).toISOString(),
    device,
    kind: 'handover',
    idSiswa,
    handedAt: '2023-08-20',
    receivedBy: 'Siti',
  });

  it('is this laptop’s latest handover standing, walking back as they are undone', () => {
    const log: CardEvent[] = [
      given('h1', 'S02', 1),
      given('h2', 'S03', 2),
      given('h3', 'S12', 3, 'laptop-2'),
    ];
    expect(lastHandover(log, 'laptop-1')?.id).toBe('h2');
    const undone: CardEvent[] = [...log, { id: 'u2', at: log[2]!.at, kind: 'undo', undoes: 'h2' }];
    expect(lastHandover(undone, 'laptop-1')?.id).toBe('h1');
    expect(lastHandover(undone, 'laptop-2')?.id).toBe('h3');
  });

  it('is null when this laptop recorded none', () => {
    expect(lastHandover([given('h1', 'S02', 1, 'laptop-2')], 'laptop-1')).toBeNull();
    expect(lastHandover([], 'laptop-1')).toBeNull();
  });
});

describe('handoverInput', () => {
  it('leaves out blank optional texts and names who recorded it', () => {
    expect(
      handoverInput('S02', draft({ note: '  ' }), {
        id: 'e1',
        at: '2023-08-20T08:00:00.000Z',
        device: 'laptop-1',
        author: 'Bu Ani',
      }),
    ).toEqual({
      id: 'e1',
      at: '2023-08-20T08:00:00.000Z',
      device: 'laptop-1',
      author: 'Bu Ani',
      kind: 'handover',
      idSiswa: 'S02',
      handedAt: '2023-08-20',
      receivedBy: 'Siti (ibu)',
    });
  });
});

describe('issuesByField', () => {
  it('puts each form field’s first issue under it and the rest apart', () => {
    const issue = (field: string) => ({
      field,
      code: 'required' as const,
      message: { id: field, en: field },
    });
    const { fields, general } = issuesByField([
      issue('receivedBy'),
      issue('handedAt'),
      issue('receivedBy'),
      issue('idSiswa'),
    ]);
    expect(Object.keys(fields)).toEqual(['receivedBy', 'handedAt']);
    expect(general.map((i) => i.field)).toEqual(['receivedBy', 'idSiswa']);
  });
});
