import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currentOutcomes,
  liveNotes,
  undoTarget,
  validateVisitEvent,
  type OutcomeMark,
  type VisitEvent,
} from './marks.js';
import type { FieldIssue } from './validate.js';
import { at, mark, note, OTHER_VISIT, undo, VISIT, walkIn } from './test-support/events.js';

/** The issues of a refused event, as `field: code`. */
function problems(input: unknown, log: readonly VisitEvent[] = []): string[] {
  const result = validateVisitEvent(input, log);
  if (result.ok) throw new Error('expected the event to be refused');
  return result.issues.map((i: FieldIssue) => `${i.field}: ${i.code}`);
}

const MARK = {
  id: 'e1',
  at: at(0),
  kind: 'mark',
  visit: VISIT,
  idSiswa: 's1',
  outcome: 'absent',
};

describe('validateVisitEvent', () => {
  it('accepts a mark and returns it cleaned: texts trimmed, unknown properties dropped', () => {
    const result = validateVisitEvent(
      {
        ...MARK,
        outcome: 'failed',
        reason: '  sidik   jari\n rusak ',
        note: ' baris 1\r\nbaris 2 ',
        extra: 1,
      },
      [],
    );
    expect(result).toEqual({
      ok: true,
      value: { ...MARK, outcome: 'failed', reason: 'sidik jari rusak', note: 'baris 1\nbaris 2' },
    });
  });

  it('keeps the device and author when given', () => {
    const result = validateVisitEvent({ ...MARK, device: 'laptop-2', author: 'Budi' }, []);
    expect(result.ok && result.value).toMatchObject({ device: 'laptop-2', author: 'Budi' });
  });

  it('accepts a note about a student or about the whole visit', () => {
    const withStudent = {
      id: 'n1',
      at: at(1),
      kind: 'note',
      visit: VISIT,
      idSiswa: 's1',
      text: 'izin',
    };
    expect(validateVisitEvent(withStudent, []).ok).toBe(true);
    const visitNote = {
      id: 'n2',
      at: at(2),
      kind: 'note',
      visit: VISIT,
      text: 'listrik padam 1 jam',
    };
    expect(validateVisitEvent(visitNote, [])).toEqual({ ok: true, value: visitNote });
  });

  it('accepts an undo of an earlier event', () => {
    const log = [mark('m1', 's1', 'absent', 0)];
    expect(validateVisitEvent({ id: 'u1', at: at(1), kind: 'undo', undoes: 'm1' }, log)).toEqual({
      ok: true,
      value: { id: 'u1', at: at(1), kind: 'undo', undoes: 'm1' },
    });
  });

  it('accepts a mark for a walk-in of the log', () => {
    const log = [walkIn('walkin:1', 0)];
    expect(validateVisitEvent({ ...MARK, idSiswa: 'walkin:1' }, log).ok).toBe(true);
  });

  describe('invalid input', () => {
    it.each([null, undefined, 'mark', 42, ['mark']])('refuses %j: not an object', (input) => {
      expect(problems(input)).toEqual([': not_an_object']);
    });

    it('names the outcome and the reason: failed and not eligible need a reason', () => {
      expect(problems({ ...MARK, outcome: 'failed' })).toEqual(['reason: reason_required']);
      expect(problems({ ...MARK, outcome: 'not_eligible', reason: '   ' })).toEqual([
        'reason: reason_required',
      ]);
      expect(validateVisitEvent({ ...MARK, outcome: 'failed' }, [])).toMatchObject({
        issues: [{ message: { en: 'The outcome "capture failed" needs a short reason.' } }],
      });
    });

    it('refuses an outcome it does not know, and a missing one', () => {
      expect(problems({ ...MARK, outcome: 'present' })).toEqual(['outcome: unknown_outcome']);
      expect(problems({ ...MARK, outcome: undefined })).toEqual(['outcome: required']);
    });

    it('refuses a reason that is too long, not text, or holds control characters', () => {
      expect(problems({ ...MARK, reason: 'x'.repeat(121) })).toEqual(['reason: too_long']);
      expect(problems({ ...MARK, reason: 7 })).toEqual(['reason: not_text']);
      expect(problems({ ...MARK, note: 'a\u0000b' })).toEqual(['note: control_character']);
      expect(problems({ ...MARK, note: 'x'.repeat(501) })).toEqual(['note: too_long']);
    });

    it('refuses an envelope without a usable id or time', () => {
      expect(problems({ ...MARK, id: undefined })).toEqual(['id: required']);
      expect(problems({ ...MARK, id: 'e 1' })).toEqual(['id: invalid_id']);
      expect(problems({ ...MARK, at: '2023-01-16T08:00:00' })).toEqual(['at: invalid_timestamp']);
      expect(problems({ ...MARK, device: { name: 'x' } })).toEqual(['device: not_text']);
    });

    it('refuses an id another event already has', () => {
      expect(problems(MARK, [mark('e1', 's9', 'recorded', 0)])).toEqual(['id: id_taken']);
    });

    it('names the part of the visit that is wrong', () => {
      expect(problems({ ...MARK, visit: undefined })).toEqual(['visit: required']);
      expect(problems({ ...MARK, visit: 'today' })).toEqual(['visit: not_an_object']);
      expect(problems({ ...MARK, visit: { ...VISIT, date: '2023-02-30' } })).toEqual([
        'visit.date: invalid_date',
      ]);
      expect(problems({ ...MARK, visit: { ...VISIT, npsn: '1234' } })).toEqual([
        'visit.npsn: invalid_npsn',
      ]);
      expect(problems({ ...MARK, visit: { ...VISIT, team: ' ' } })).toEqual([
        'visit.team: required',
      ]);
    });

    it('refuses an unknown kind', () => {
      expect(problems({ ...MARK, kind: 'delete' })).toEqual(['kind: unknown_kind']);
    });

    it('refuses a mark or note for a walk-in that is not in the log, or was undone', () => {
      expect(problems({ ...MARK, idSiswa: 'walkin:1' })).toEqual(['idSiswa: unknown_walk_in']);
      const log = [walkIn('walkin:1', 0), undo('u1', 'walkin:1', 1)];
      expect(problems({ ...MARK, idSiswa: 'walkin:1' }, log)).toEqual(['idSiswa: unknown_walk_in']);
    });

    it('refuses a note without text', () => {
      expect(problems({ id: 'n1', at: at(0), kind: 'note', visit: VISIT, text: '' })).toEqual([
        'text: required',
      ]);
    });

    it('refuses an undo of nothing, of an undo, or of an event already undone', () => {
      const log = [mark('m1', 's1', 'absent', 0), undo('u1', 'm1', 1)];
      const base = { id: 'u2', at: at(2), kind: 'undo' };
      expect(problems({ ...base, undoes: 'm9' }, log)).toEqual(['undoes: undo_unknown']);
      expect(problems({ ...base, undoes: 'u1' }, log)).toEqual(['undoes: undo_of_undo']);
      expect(problems({ ...base, undoes: 'm1' }, log)).toEqual(['undoes: already_undone']);
      expect(problems({ ...base }, log)).toEqual(['undoes: required']);
    });

    it('reports every problem at once, so a form can show them together', () => {
      expect(
        problems({ id: '', at: 'now', kind: 'mark', visit: { date: 'x' }, outcome: 'failed' }),
      ).toEqual([
        'id: required',
        'at: invalid_timestamp',
        'visit.date: invalid_date',
        'visit.team: required',
        'visit.npsn: required',
        'idSiswa: required',
        'reason: reason_required',
      ]);
    });

    it('never throws, whatever it is given', () => {
      fc.assert(
        fc.property(
          fc.anything(),
          fc.record({ kind: fc.constantFrom('mark', 'note', 'walk_in', 'undo') }),
          (junk, kind) => {
            validateVisitEvent(junk, []);
            validateVisitEvent(
              typeof junk === 'object' && junk !== null ? { ...junk, ...kind } : kind,
              [mark('m1', 's1', 'absent', 0)],
            );
          },
        ),
      );
    });
  });
});

describe('currentOutcomes', () => {
  const outcomeOf = (events: readonly VisitEvent[], id = 's1') =>
    currentOutcomes(events).outcomes.get(id)?.outcome;

  it('is empty for an empty log', () => {
    expect(currentOutcomes([])).toEqual({ outcomes: new Map(), conflicts: [] });
  });

  it('keeps the latest mark, by time and then by id', () => {
    expect(outcomeOf([mark('m2', 's1', 'refused', 5), mark('m1', 's1', 'absent', 0)])).toBe(
      'refused',
    );
    expect(outcomeOf([mark('b', 's1', 'absent', 0), mark('a', 's1', 'refused', 0)])).toBe('absent');
  });

  it('returns the mark that set the outcome, with its visit and reason', () => {
    const failed = mark('m1', 's1', 'failed', 0, { reason: 'kamera' });
    expect(currentOutcomes([failed]).outcomes.get('s1')).toBe(failed);
  });

  describe('undo', () => {
    it('revokes the mark it names: the mark before stands again', () => {
      const log = [
        mark('m1', 's1', 'absent', 0),
        mark('m2', 's1', 'refused', 1),
        undo('u1', 'm2', 2),
      ];
      expect(outcomeOf(log)).toBe('absent');
    });

    it('leaves a student unmarked when their only mark is undone', () => {
      expect(
        currentOutcomes([mark('m1', 's1', 'absent', 0), undo('u1', 'm1', 1)]).outcomes.size,
      ).toBe(0);
    });

    it('does nothing when it names an undo', () => {
      const log = [mark('m1', 's1', 'absent', 0), undo('u1', 'm1', 1), undo('u2', 'u1', 2)];
      expect(outcomeOf(log)).toBeUndefined();
    });
  });

  describe('a recording is a fact', () => {
    it('wins over a later absence, and the conflict is listed for the UI', () => {
      const recorded = mark('m1', 's1', 'recorded', 0, { device: 'A' });
      const absent = mark('m2', 's1', 'absent', 10, { device: 'B' });
      const result = currentOutcomes([recorded, absent]);
      expect(result.outcomes.get('s1')).toBe(recorded);
      expect(result.conflicts).toEqual([{ idSiswa: 's1', kept: recorded, overruled: [absent] }]);
    });

    it('wins over any later outcome, not only an absence', () => {
      for (const later of ['refused', 'failed', 'not_eligible'] as const)
        expect(outcomeOf([mark('m1', 's1', 'recorded', 0), mark('m2', 's1', later, 1)])).toBe(
          'recorded',
        );
    });

    it('is no conflict when the recording comes after the absence (the mop-up visit)', () => {
      const log = [
        mark('m1', 's1', 'absent', 0),
        mark('m2', 's1', 'recorded', 0, { visit: OTHER_VISIT }),
      ];
      expect(currentOutcomes(log)).toMatchObject({ conflicts: [] });
      expect(outcomeOf(log)).toBe('recorded');
    });

    it('stops winning once undone: the later mark then stands', () => {
      const log = [
        mark('m1', 's1', 'recorded', 0),
        mark('m2', 's1', 'absent', 1),
        undo('u1', 'm1', 2),
      ];
      expect(currentOutcomes(log)).toMatchObject({ conflicts: [] });
      expect(outcomeOf(log)).toBe('absent');
    });

    it('keeps the latest of several recordings', () => {
      const log = [
        mark('m1', 's1', 'recorded', 0),
        mark('m2', 's1', 'recorded', 3, { note: 'ulang' }),
      ];
      expect(currentOutcomes(log).outcomes.get('s1')?.id).toBe('m2');
    });
  });

  it('gives the same answer for any order of the events and with events received twice', () => {
    const outcome = fc.constantFrom(
      'recorded',
      'absent',
      'refused',
      'failed',
      'not_eligible' as const,
    );
    const event = fc.oneof(
      fc
        .tuple(fc.integer({ min: 0, max: 3 }), outcome, fc.integer({ min: 0, max: 20 }))
        .map(([s, o, m]) => ({ kind: 'mark' as const, s, o, m })),
      fc
        .tuple(fc.nat(), fc.integer({ min: 0, max: 20 }))
        .map(([target, m]) => ({ kind: 'undo' as const, target, m })),
    );
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 20 }),
        fc.infiniteStream(fc.nat()),
        (drawn, seeds) => {
          const log: VisitEvent[] = drawn.map((d, i) =>
            d.kind === 'mark'
              ? mark(`e${i}`, `s${d.s}`, d.o, d.m)
              : undo(`e${i}`, `e${d.target % Math.max(1, i)}`, d.m),
          );
          const shuffled = [...log, ...log.slice(0, 3)];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (seeds.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j] as VisitEvent, shuffled[i] as VisitEvent];
          }
          const a = currentOutcomes(log);
          const b = currentOutcomes(shuffled);
          expect(new Map([...b.outcomes].sort())).toEqual(new Map([...a.outcomes].sort()));
          expect(b.conflicts).toEqual(a.conflicts);
        },
      ),
    );
  });

  it('does not modify the log', () => {
    const log = Object.freeze([
      Object.freeze(mark('m1', 's1', 'recorded', 0)),
      Object.freeze(mark('m2', 's1', 'absent', 1)),
    ]);
    expect(() => currentOutcomes(log)).not.toThrow();
  });
});

describe('undoTarget', () => {
  it('is null when the visit has no action', () => {
    expect(undoTarget([], { visit: VISIT })).toBeNull();
    expect(
      undoTarget([mark('m1', 's1', 'absent', 0, { visit: OTHER_VISIT })], { visit: VISIT }),
    ).toBeNull();
  });

  it('is the latest action of the visit, and walks back one action per undo', () => {
    const log: VisitEvent[] = [
      mark('m1', 's1', 'absent', 0),
      walkIn('walkin:w1', 1),
      note('n1', 'hujan', 2),
      mark('m2', 's2', 'recorded', 0, { visit: OTHER_VISIT, at: at(9) }),
    ];
    expect(undoTarget(log, { visit: VISIT })?.id).toBe('n1');
    log.push(undo('u1', 'n1', 3));
    expect(undoTarget(log, { visit: VISIT })?.id).toBe('walkin:w1');
    log.push(undo('u2', 'walkin:w1', 4));
    expect(undoTarget(log, { visit: VISIT })?.id).toBe('m1');
    log.push(undo('u3', 'm1', 5));
    expect(undoTarget(log, { visit: VISIT })).toBeNull();
  });

  it("keeps to one laptop's actions when a device is given", () => {
    const log = [
      mark('m1', 's1', 'absent', 0, { device: 'A' }),
      mark('m2', 's2', 'absent', 1, { device: 'B' }),
    ];
    expect(undoTarget(log, { visit: VISIT, device: 'A' })?.id).toBe('m1');
    expect(undoTarget(log, { visit: VISIT })?.id).toBe('m2');
  });
});

describe('liveNotes', () => {
  it('lists note events and notes written with marks, in time order, without undone ones', () => {
    const log: VisitEvent[] = [
      note('n2', 'pulang cepat', 5, { idSiswa: 's2', author: 'Budi' }),
      mark('m1', 's1', 'absent', 1, { note: 'sakit' }),
      note('n1', 'listrik padam', 0),
      note('n3', 'salah ketik', 6),
      undo('u1', 'n3', 7),
    ];
    expect(liveNotes(log)).toEqual([
      { eventId: 'n1', at: at(0), visit: VISIT, text: 'listrik padam' },
      { eventId: 'm1', at: at(1), visit: VISIT, idSiswa: 's1', outcome: 'absent', text: 'sakit' },
      {
        eventId: 'n2',
        at: at(5),
        visit: VISIT,
        idSiswa: 's2',
        text: 'pulang cepat',
        author: 'Budi',
      },
    ]);
  });

  it('is empty for an empty log', () => {
    expect(liveNotes([])).toEqual([]);
  });

  it('keeps the note of a mark a later recording overrode', () => {
    const log = [
      mark('m1', 's1', 'absent', 0, { note: 'terlambat' }),
      mark('m2', 's1', 'recorded', 1),
    ];
    expect(liveNotes(log).map((n: { text: string }) => n.text)).toEqual(['terlambat']);
    expect((currentOutcomes(log).outcomes.get('s1') as OutcomeMark).id).toBe('m2');
  });
});
