import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkingDay, workingCalendar } from '../calendar/working-days.js';
import { HOLIDAYS_2023 } from '../calendar/holidays.js';
import {
  addDays,
  compareDates,
  formatIsoDate,
  parseIsoDate,
  type PlainDate,
} from '../dates/plain-date.js';
import { planHandovers, type HandoverStudent } from './handover.js';

const day = (iso: string): PlainDate => parseIsoDate(iso) as PlainDate;
const student = (id: string, birth: string, npsn = '20500001'): HandoverStudent => ({
  id,
  npsn,
  birthDate: day(birth),
});

/** The fewest open days that put one in every window, by trying every set of open days (small cases). */
function bruteForce(
  windows: readonly [PlainDate, PlainDate][],
  open: (d: PlainDate) => boolean,
): number {
  const days = new Set<string>();
  for (const [s, e] of windows)
    for (let d = s; compareDates(d, e) <= 0; d = addDays(d, 1))
      if (open(d)) days.add(formatIsoDate(d));
  const candidates = [...days].sort();
  const coverable = windows.filter(([s, e]) =>
    candidates.some((c) => c >= formatIsoDate(s) && c <= formatIsoDate(e)),
  );
  for (let k = 0; k <= candidates.length; k++) {
    const pick = (from: number, chosen: string[]): boolean => {
      if (chosen.length === k)
        return coverable.every(([s, e]) =>
          chosen.some((c) => c >= formatIsoDate(s) && c <= formatIsoDate(e)),
        );
      for (let i = from; i < candidates.length; i++)
        if (pick(i + 1, [...chosen, candidates[i] as string])) return true;
      return false;
    };
    if (pick(0, [])) return k;
  }
  return candidates.length;
}

describe('planHandovers', () => {
  it('hands every card over on a working day from the 17th birthday to 30 days after', () => {
    const students = [
      student('a', '2006-02-01'),
      student('b', '2006-02-10'),
      student('c', '2006-03-20'),
      student('d', '2006-02-05', '20500002'),
    ];
    const { visits, missed } = planHandovers(students, { holidays: HOLIDAYS_2023 });
    expect(missed).toEqual([]);
    const cal = workingCalendar({ holidays: HOLIDAYS_2023 });
    for (const v of visits) {
      expect(isWorkingDay(cal, day(v.date))).toBe(true);
      for (const id of v.students) {
        const s = students.find((x) => x.id === id) as HandoverStudent;
        const from = { ...s.birthDate, year: s.birthDate.year + 17 };
        expect(v.date >= formatIsoDate(from)).toBe(true);
        expect(v.date <= formatIsoDate(addDays(from, 30))).toBe(true);
        expect(v.npsn).toBe(s.npsn);
      }
    }
    // a and b share one visit (their windows overlap); c needs its own; d is at another school.
    expect(visits.filter((v) => v.npsn === '20500001')).toHaveLength(2);
    expect(visits.flatMap((v) => v.students).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('uses the fewest visits, as a search over every set of days finds (property)', () => {
    const cal = workingCalendar({ holidays: HOLIDAYS_2023 });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 10 }),
        (offsets, window) => {
          const students = offsets.map((o, i) =>
            student(`s${i}`, formatIsoDate(addDays(day('2006-01-02'), o))),
          );
          const { visits, missed } = planHandovers(students, {
            holidays: HOLIDAYS_2023,
            windowDays: window,
          });
          const windows = students.map((s): [PlainDate, PlainDate] => {
            const from = { ...s.birthDate, year: s.birthDate.year + 17 };
            return [from, addDays(from, window)];
          });
          expect(visits.length).toBe(bruteForce(windows, (d) => isWorkingDay(cal, d)));
          expect(visits.flatMap((v) => v.students).length + missed.length).toBe(students.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('lists a student whose window has no working day instead of dropping them', () => {
    // 17 on Saturday 2023-01-21, window of one day: Saturday and Sunday.
    const { visits, missed } = planHandovers([student('x', '2006-01-21')], { windowDays: 1 });
    expect(visits).toEqual([]);
    expect(missed).toEqual([
      { id: 'x', npsn: '20500001', windowStart: '2023-01-21', windowEnd: '2023-01-22' },
    ]);
  });

  it("avoids the school's blackout days and starts no earlier than the programme", () => {
    const { visits } = planHandovers([student('a', '2006-01-02')], {
      from: day('2023-01-16'),
      blackout: new Map([['20500001', ['2023-02-01']]]),
    });
    // The window ends 2023-02-01 (a blackout day), so the visit is the day before.
    expect(visits).toEqual([{ npsn: '20500001', date: '2023-01-31', students: ['a'] }]);
  });

  it('places a 29 February birthday by the leap-day rule', () => {
    const march = planHandovers([student('a', '2008-02-29')], { windowDays: 0 });
    const feb = planHandovers([student('a', '2008-02-29')], {
      windowDays: 0,
      leapDayRule: 'february-28',
    });
    // 2025-03-01 is a Saturday: with no days after the birthday, no visit is possible.
    expect(march.visits).toEqual([]);
    expect(march.missed[0]?.windowStart).toBe('2025-03-01');
    // 2025-02-28 is a Friday: a working day.
    expect(feb.visits[0]?.date).toBe('2025-02-28');
  });

  describe('invalid input', () => {
    it('refuses a negative or fractional window', () => {
      expect(() => planHandovers([], { windowDays: -1 })).toThrow(RangeError);
      expect(() => planHandovers([], { windowDays: 1.5 })).toThrow(RangeError);
    });
  });
});
