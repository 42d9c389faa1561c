/**
 * Benchmark of merging laptops' logs (issue 9), at a season's size: two laptops' logs of 10,000 visit
 * marks each (clocks 3 ms apart, one student in eight marked by both), merged; the merged log merged
 * again with the second (a repeated file); and the state of the 20,000 events derived, with the
 * payloads taken as checked (as the app does: each was checked on its way into the log) and checked
 * again. Each timed `passes` times; the median is printed.
 *
 *   cd packages/core && node --expose-gc --import tsx bench/sync.ts [passes]
 */
import { cpus, loadavg } from 'node:os';
import { formatHlc } from '../src/sync/hlc.js';
import { mergeLogs, type DomainEvent } from '../src/sync/log.js';
import { deriveState } from '../src/sync/state.js';

const passes = Number(process.argv[2] ?? 5);
const T0 = Date.parse('2023-01-16T01:00:00Z');

function laptop(device: string, n: number, offset: number): DomainEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `${device}.${i}`;
    const at = new Date(T0 + i * 20_000 + offset).toISOString();
    return {
      id,
      hlc: formatHlc({ wall: T0 + i * 20_000 + offset, counter: 0, device }),
      device,
      author: 'Petugas',
      kind: 'visit',
      payload: {
        id,
        at,
        kind: 'mark',
        visit: { date: '2023-01-16', team: 'Tim 1', npsn: '20512345' },
        idSiswa: `S${i % 8 === 0 ? i : i + offset * 100_000}`,
        outcome: (i + offset) % 5 === 0 ? 'absent' : 'recorded',
        device,
      },
    };
  });
}

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < passes; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

const a = laptop('laptop-a', 10_000, 0);
const b = laptop('laptop-b', 10_000, 3);
const merged = mergeLogs(a, b).log;
const state = deriveState(merged, { checked: true });
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg()[0]?.toFixed(2)}; ${passes} passes, median`,
);
console.log(`events: ${merged.length}, conflicts: ${state.conflicts.length}`);
console.log(`merge 10,000 + 10,000:            ${median(() => mergeLogs(a, b)).toFixed(0)} ms`);
console.log(
  `merge the same file again:        ${median(() => mergeLogs(merged, b)).toFixed(0)} ms`,
);
console.log(
  `derive the state (checked):       ${median(() => deriveState(merged, { checked: true })).toFixed(0)} ms`,
);
console.log(
  `derive the state (check payloads): ${median(() => deriveState(merged)).toFixed(0)} ms`,
);
