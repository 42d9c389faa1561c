/**
 * Simulated laptops for sync tests: each makes events with its own hybrid clock (whose wall clock may
 * run fast or slow), decides from what its own log says, and swaps logs with the others now and then.
 */
import fc from 'fast-check';
import type { VisitOutcome } from '../../scheduling/mop-up.js';
import { HybridClock } from '../hlc.js';
import { mergeLogs, type DomainEvent } from '../log.js';
import { resolveRegisters } from '../registers.js';

export const STUDENTS = ['S1', 'S2', 'S3', 'S4'] as const;
export const VISITS = [
  { date: '2023-01-16', team: 'Tim 1', npsn: '20512345' },
  { date: '2023-01-17', team: 'Tim 2', npsn: '20512345' },
] as const;
const OUTCOMES: readonly VisitOutcome[] = ['recorded', 'absent', 'refused', 'failed'];
const NIKS = ['3506995506070002', '3506990301080003'] as const;

/** One step of the simulation. */
export type Step =
  | {
      readonly op: 'mark';
      readonly laptop: number;
      readonly student: number;
      readonly visit: number;
      readonly outcome: number;
    }
  | { readonly op: 'undo'; readonly laptop: number }
  | { readonly op: 'handover'; readonly laptop: number; readonly student: number }
  | {
      readonly op: 'decide';
      readonly laptop: number;
      readonly student: number;
      readonly nik: number;
      readonly accept: boolean;
    }
  | { readonly op: 'close'; readonly laptop: number; readonly visit: number; readonly by: number }
  | { readonly op: 'swap'; readonly from: number; readonly to: number }
  | { readonly op: 'tick'; readonly laptop: number; readonly ms: number };

const laptop = fc.integer({ min: 0, max: 2 });
export const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('mark' as const),
      laptop,
      student: fc.nat(3),
      visit: fc.nat(1),
      outcome: fc.nat(3),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('undo' as const), laptop }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('handover' as const), laptop, student: fc.nat(3) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('decide' as const),
      laptop,
      student: fc.nat(3),
      nik: fc.nat(1),
      accept: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('close' as const),
      laptop,
      visit: fc.nat(1),
      by: fc.nat(1),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('swap' as const), from: laptop, to: laptop }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('tick' as const),
      laptop,
      ms: fc.integer({ min: -120_000, max: 600_000 }),
    }),
  },
);

interface Laptop {
  readonly name: string;
  readonly clock: HybridClock;
  wall: number;
  log: readonly DomainEvent[];
  serial: number;
  /** Its own field events not undone yet, newest last (what its undo key takes back). */
  readonly undoable: { readonly id: string; readonly kind: 'visit' | 'card' }[];
}

/** Runs the steps on three laptops and returns each laptop's final log. */
export function simulate(steps: readonly Step[]): DomainEvent[][] {
  const laptops: Laptop[] = ['laptop-a', 'laptop-b', 'laptop-c'].map((name, i) => {
    const l: Laptop = {
      name,
      // Clocks that disagree by minutes, as laptops' do.
      wall: Date.parse('2023-01-16T01:00:00Z') + i * 90_000,
      clock: undefined as unknown as HybridClock,
      log: [],
      serial: 0,
      undoable: [],
    };
    (l as { clock: HybridClock }).clock = new HybridClock(name, { now: () => l.wall });
    return l;
  });
  const emit = (
    l: Laptop,
    kind: string,
    payload: (id: string, at: string) => object,
    replaces?: string[],
  ): string => {
    const hlc = l.clock.now();
    const id = `${l.name}.${++l.serial}`;
    const at = new Date(l.wall).toISOString();
    const event: DomainEvent = {
      id,
      hlc,
      device: l.name,
      author: `petugas ${l.name}`,
      kind,
      payload: payload(id, at),
      ...(replaces && replaces.length > 0 ? { replaces } : {}),
    };
    l.log = mergeLogs(l.log, [event]).log;
    l.wall += 1_000;
    return id;
  };
  for (const step of steps) {
    if (step.op === 'swap') {
      const [from, to] = [laptops[step.from] as Laptop, laptops[step.to] as Laptop];
      const merged = mergeLogs(to.log, from.log);
      for (const e of merged.added) to.clock.observe(e.hlc);
      to.log = merged.log;
      continue;
    }
    const l = laptops[step.laptop] as Laptop;
    switch (step.op) {
      case 'tick':
        l.wall = Math.max(1, l.wall + step.ms);
        break;
      case 'mark': {
        const visit = VISITS[step.visit];
        const outcome = OUTCOMES[step.outcome] as VisitOutcome;
        const id = emit(l, 'visit', (id, at) => ({
          id,
          at,
          kind: 'mark',
          visit,
          idSiswa: STUDENTS[step.student],
          outcome,
          ...(outcome === 'failed' ? { reason: 'sidik jari' } : {}),
        }));
        l.undoable.push({ id, kind: 'visit' });
        break;
      }
      case 'undo': {
        const target = l.undoable.pop();
        if (!target) break;
        emit(l, target.kind, (id, at) => ({ id, at, kind: 'undo', undoes: target.id }));
        break;
      }
      case 'handover': {
        const id = emit(l, 'card', (id, at) => ({
          id,
          at,
          kind: 'handover',
          idSiswa: STUDENTS[step.student],
          handedAt: at.slice(0, 10),
          receivedBy: 'Orang tua',
        }));
        l.undoable.push({ id, kind: 'card' });
        break;
      }
      case 'decide': {
        const payload = {
          idSiswa: STUDENTS[step.student],
          nik: NIKS[step.nik],
          decision: step.accept ? 'accept' : 'reject',
        };
        const key = `${payload.idSiswa}\u0000${payload.nik}`;
        const heads = resolveRegisters(l.log, (e) =>
          e.kind === 'review_decision'
            ? {
                key: `${(e.payload as typeof payload).idSiswa}\u0000${(e.payload as typeof payload).nik}`,
                value: 0,
              }
            : null,
        ).get(key)?.heads;
        emit(l, 'review_decision', () => payload, heads ? [...heads] : undefined);
        break;
      }
      case 'close': {
        const visit = VISITS[step.visit];
        emit(l, 'day_closed', (_id, at) => ({
          date: visit?.date,
          team: visit?.team,
          closedBy: `Ketua ${step.by}`,
          closedAt: at,
          note: '',
        }));
        break;
      }
    }
  }
  return laptops.map((l) => [...l.log]);
}
