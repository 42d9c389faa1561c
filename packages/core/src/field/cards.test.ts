import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../dates/plain-date.js';
import { planHandovers } from '../scheduling/handover.js';
import {
  cardsAwaiting,
  cardsDue,
  liveHandovers,
  validateCardEvent,
  type CardEvent,
  type CardStudent,
  type HandoverEvent,
} from './cards.js';
import type { MarkedOutcome } from './marks.js';
import { at, undo, VISIT } from './test-support/events.js';
import type { FieldIssue } from './validate.js';

const A = '20500001';
const B = '20500002';
const birth = (year: number, month: number, day: number): PlainDate => ({ year, month, day });
const student = (
  idSiswa: string,
  birthDate: PlainDate,
  npsn = A,
  category: CardStudent['category'] = 'REKAM_DINI',
): CardStudent => ({ idSiswa, npsn, category, birthDate });
const recorded: MarkedOutcome = { outcome: 'recorded', visit: VISIT };

const handover = (
  id: string,
  idSiswa: string,
  minute: number,
  handedAt = '2023-06-01',
): HandoverEvent => ({
  id,
  at: at(minute),
  kind: 'handover',
  idSiswa,
  handedAt,
  receivedBy: 'Siti (ibu)',
});

const HANDOVER = {
  id: 'h1',
  at: at(0),
  kind: 'handover',
  idSiswa: 's1',
  handedAt: '2023-06-01',
  receivedBy: ' Ani ',
};

function problems(
  input: unknown,
  log: readonly CardEvent[] = [],
  birthDates?: Map<string, PlainDate>,
): string[] {
  const result = validateCardEvent(input, log, birthDates ? { birthDates } : {});
  if (result.ok) throw new Error('expected the event to be refused');
  return result.issues.map((i: FieldIssue) => `${i.field}: ${i.code}`);
}

describe('validateCardEvent', () => {
  it('accepts a handover, cleaned', () => {
    expect(validateCardEvent({ ...HANDOVER, by: 'Budi', note: ' di kantor ' }, [])).toEqual({
      ok: true,
      value: { ...HANDOVER, receivedBy: 'Ani', by: 'Budi', note: 'di kantor' },
    });
  });

  it('accepts a handover on the 17th birthday', () => {
    const birthDates = new Map([['s1', birth(2006, 6, 1)]]);
    expect(validateCardEvent(HANDOVER, [], { birthDates }).ok).toBe(true);
  });

  it('accepts a new handover once the earlier one was undone', () => {
    const log = [handover('h0', 's1', 0), undo('u1', 'h0', 1)];
    expect(validateCardEvent({ ...HANDOVER, id: 'h2' }, log).ok).toBe(true);
  });

  describe('invalid input', () => {
    it('needs the name of who received the card', () => {
      expect(problems({ ...HANDOVER, receivedBy: '   ' })).toEqual(['receivedBy: required']);
      expect(problems({ ...HANDOVER, receivedBy: undefined })).toEqual(['receivedBy: required']);
    });

    it('needs a real handover date', () => {
      expect(problems({ ...HANDOVER, handedAt: '2023-06-31' })).toEqual(['handedAt: invalid_date']);
    });

    it('refuses a handover before the 17th birthday when the birth date is known', () => {
      const birthDates = new Map([['s1', birth(2006, 6, 2)]]);
      expect(problems(HANDOVER, [], birthDates)).toEqual(['handedAt: before_17th_birthday']);
    });

    it('refuses a second handover of the same card', () => {
      expect(problems({ ...HANDOVER, id: 'h2' }, [handover('h0', 's1', 0)])).toEqual([
        'idSiswa: already_handed_over',
      ]);
    });

    it('refuses other kinds, a non-object and a bad undo', () => {
      expect(problems({ ...HANDOVER, kind: 'mark' })).toEqual(['kind: unknown_kind']);
      expect(problems('h1')).toEqual([': not_an_object']);
      expect(problems({ id: 'u1', at: at(1), kind: 'undo', undoes: 'h9' })).toEqual([
        'undoes: undo_unknown',
      ]);
    });

    it('reports every field at once', () => {
      expect(problems({ id: 'h1', at: 'x', kind: 'handover' })).toEqual([
        'at: invalid_timestamp',
        'idSiswa: required',
        'handedAt: required',
        'receivedBy: required',
      ]);
    });
  });
});

describe('liveHandovers', () => {
  it('keeps the earlier of two handovers of one card, and drops undone ones', () => {
    const log = [
      handover('h2', 's1', 5),
      handover('h1', 's1', 1),
      handover('h3', 's2', 0),
      undo('u1', 'h3', 2),
    ];
    const live = liveHandovers(log);
    expect([...live.keys()]).toEqual(['s1']);
    expect(live.get('s1')?.id).toBe('h1');
  });
});

describe('cardsDue', () => {
  const students = [
    student('s1', birth(2006, 3, 10)),
    student('s2', birth(2006, 2, 1), B),
    student('s3', birth(2006, 8, 17)),
    student('s4', birth(2008, 2, 29)),
    student('w1', birth(2005, 1, 1), A, 'WAJIB'),
    student('s5', birth(2006, 1, 1)),
    student('s6', birth(2006, 1, 1)),
  ];
  const outcomes = new Map<string, MarkedOutcome>([
    ['s1', recorded],
    ['s2', recorded],
    ['s3', recorded],
    ['s4', recorded],
    ['w1', recorded],
    ['s5', { ...recorded, outcome: 'absent' }],
    ['s6', recorded],
  ]);
  const events = [handover('h1', 's6', 0, '2023-01-16')];

  it('lists early-recorded students whose 17th birthday has come and whose card is not handed over', () => {
    expect(cardsDue('2023-03-10', students, outcomes, events)).toEqual([
      {
        idSiswa: 's1',
        npsn: A,
        birthDate: birth(2006, 3, 10),
        dueFrom: '2023-03-10',
        recordedOn: VISIT.date,
      },
      {
        idSiswa: 's2',
        npsn: B,
        birthDate: birth(2006, 2, 1),
        dueFrom: '2023-02-01',
        recordedOn: VISIT.date,
      },
    ]);
  });

  it('follows the leap-day rule for a 29 February birthday', () => {
    expect(cardsDue('2025-02-28', students, outcomes, events).map((c) => c.idSiswa)).not.toContain(
      's4',
    );
    expect(
      cardsDue('2025-02-28', students, outcomes, events, 'february-28').map((c) => c.idSiswa),
    ).toContain('s4');
  });

  it('drops a card once handed over, and lists it again when the handover is undone', () => {
    const handed = [...events, handover('h2', 's1', 1)];
    expect(cardsDue('2023-03-10', students, outcomes, handed).map((c) => c.idSiswa)).toEqual([
      's2',
    ]);
    const undone = [...handed, undo('u1', 'h2', 2)];
    expect(cardsDue('2023-03-10', students, outcomes, undone).map((c) => c.idSiswa)).toEqual([
      's1',
      's2',
    ]);
  });

  it('is empty for empty inputs', () => {
    expect(cardsDue('2023-03-10', [], new Map(), [])).toEqual([]);
    expect(cardsDue('2023-03-10', students, new Map(), [])).toEqual([]);
  });

  it('gives planHandovers its students through cardsAwaiting', () => {
    const awaiting = cardsAwaiting(students, outcomes, events);
    expect(awaiting.map((c) => c.idSiswa)).toEqual(['s1', 's3', 's4', 's2']);
    const { visits, missed } = planHandovers(
      awaiting.map((c) => ({ id: c.idSiswa, npsn: c.npsn, birthDate: c.birthDate })),
    );
    expect(missed).toEqual([]);
    expect(visits.flatMap((v) => v.students).sort()).toEqual(['s1', 's2', 's3', 's4']);
  });

  describe('invalid input', () => {
    it('throws on a date that is not YYYY-MM-DD', () => {
      expect(() => cardsDue('10/03/2023', students, outcomes, events)).toThrow(RangeError);
    });
  });
});
