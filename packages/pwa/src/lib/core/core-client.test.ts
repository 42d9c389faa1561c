import { describe, expect, it } from 'vitest';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { CoreClient } from './core-client.svelte';
import { fakeCoreWorker } from './test-support/fake-worker';
import type { CoreApi, CoreProgress, DemoProgramme, MatchOutcome } from './types';
import { createCoreApi } from '@sahaja/core/api';

const demo: DemoProgramme = programmeFixture('A');

function api(overrides: Partial<CoreApi> = {}): CoreApi {
  return {
    ...createCoreApi(),
    version: () => '9.9.9',
    generateDemo: async (_request, onProgress) => {
      await onProgress?.({ phase: 'registry', done: 1, total: 2 });
      await onProgress?.({ phase: 'registry', done: 2, total: 2 });
      return demo;
    },
    ...overrides,
  };
}

describe('CoreClient', () => {
  it('starts the worker on the first call and returns the value as data', async () => {
    const worker = fakeCoreWorker(api());
    const client = new CoreClient(worker.start);
    expect(worker.stats.started).toBe(0);

    expect(await client.version()).toEqual({ ok: true, value: '9.9.9' });
    expect(await client.version()).toEqual({ ok: true, value: '9.9.9' });
    expect(worker.stats.started).toBe(1);
    client.dispose();
  });

  it('passes progress back through a proxied callback while the call runs', async () => {
    const seen: (CoreProgress | null)[] = [];
    const worker = fakeCoreWorker(
      api({
        generateDemo: async (_request, onProgress) => {
          await onProgress?.({ phase: 'schools', done: 3, total: 72 });
          seen.push(client.progress);
          return demo;
        },
      }),
    );
    const client = new CoreClient(worker.start);

    const result = await client.generateDemo();

    expect(result).toEqual({ ok: true, value: demo });
    expect(seen).toEqual([{ phase: 'schools', done: 3, total: 72 }]);
    expect(client.progress).toBeNull();
    expect(client.running).toBe(false);
    client.dispose();
  });

  it('turns an error thrown in the worker into { code: internal, message }', async () => {
    const worker = fakeCoreWorker(
      api({
        generateDemo: () => Promise.reject(new RangeError('students must be positive')),
      }),
    );
    const client = new CoreClient(worker.start);

    const result = await client.generateDemo({ students: -1 });

    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'RangeError: students must be positive' },
    });
    expect(client.error).toEqual(!result.ok && result.error);
    client.dispose();
  });

  it('cancels a running call by ending the worker, and starts a new one for the next call', async () => {
    const worker = fakeCoreWorker(api({ generateDemo: () => new Promise<never>(() => {}) }));
    const client = new CoreClient(worker.start);

    const pending = client.generateDemo();
    expect(client.running).toBe(true);
    client.cancel();

    expect(await pending).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'Cancelled' },
    });
    expect(worker.stats.terminated).toBe(1);
    expect(client.running).toBe(false);
    expect(await client.version()).toEqual({ ok: true, value: '9.9.9' });
    expect(worker.stats.started).toBe(2);
    client.dispose();
  });

  describe('matchStudents', () => {
    const { students, registry } = programmeFixture('A');

    it('runs pemadanan in the worker on the rows sent and returns one match per student', async () => {
      const client = new CoreClient(fakeCoreWorker(api()).start);

      const result = await client.matchStudents(students, registry);

      expect(result.ok).toBe(true);
      const outcome = result.ok ? result.value : null;
      expect(outcome?.ok).toBe(true);
      if (!outcome?.ok) return;
      expect(outcome.value.matches.map((m) => m.idSiswa)).toEqual(students.map((s) => s.idSiswa));
      expect(outcome.value.summary.registry).toBe(registry.length);
      const { COCOK, PERLU_REVIEW, TIDAK_COCOK } = outcome.value.summary.byStatus;
      expect(COCOK + PERLU_REVIEW + TIDAK_COCOK).toBe(students.length);
      client.dispose();
    });

    it('passes the options and progress with its step back while the run goes on', async () => {
      const seen: (CoreProgress | null)[] = [];
      let options: unknown = null;
      const refused: MatchOutcome = {
        ok: false,
        issues: [{ code: 'too_many_pairs', message: { id: 'Terlalu banyak.', en: 'Too many.' } }],
      };
      const client: CoreClient = new CoreClient(
        fakeCoreWorker(
          api({
            matching: {
              matchStudents: async (_students, _registry, request, onProgress) => {
                options = request;
                await onProgress?.({ step: 'registry', phase: 'block', done: 5, total: 25 });
                seen.push(client.progress);
                return refused;
              },
            },
          }),
        ).start,
      );

      const result = await client.matchStudents(students, registry, {
        thresholds: { match: 0.99, review: 0.5 },
      });

      // A refused run is the core's answer, not a failure of the worker call.
      expect(result).toEqual({ ok: true, value: refused });
      expect(options).toEqual({ thresholds: { match: 0.99, review: 0.5 } });
      expect(seen).toEqual([{ step: 'registry', phase: 'block', done: 5, total: 25 }]);
      expect(client.progress).toBeNull();
      client.dispose();
    });

    it('is stopped by cancel(), which ends the worker', async () => {
      const worker = fakeCoreWorker(
        api({ matching: { matchStudents: () => new Promise<never>(() => {}) } }),
      );
      const client = new CoreClient(worker.start);

      const pending = client.matchStudents(students, registry);
      client.cancel();

      expect(await pending).toEqual({
        ok: false,
        error: { code: 'cancelled', message: 'Cancelled' },
      });
      expect(worker.stats.terminated).toBe(1);
      expect(client.running).toBe(false);
    });
  });
});

describe('CoreClient for eligibility and files', () => {
  it('decides eligibility in the worker with the programme settings', async () => {
    const client = new CoreClient(fakeCoreWorker(createCoreApi()).start);
    const person = {
      nik: '3506014507060001',
      tanggalLahir: '2006-07-05',
      statusKawin: 'BELUM KAWIN',
      kewarganegaraan: 'WNI',
      statusRekam: 'BELUM REKAM',
      kodeWilayah: '3506012001',
    };
    const result = await client.evaluateEligibility(
      [
        { person, school: '20510001' },
        { person: undefined, school: '20510001' },
      ],
      { referenceDate: '2023-01-16', regions: ['3506'] },
    );
    if (!result.ok || !result.value.ok) throw new Error('expected a batch');
    expect(result.value.value.decisions.map((d) => d.category)).toEqual([
      'REKAM_DINI',
      'TIDAK_DITEMUKAN',
    ]);

    const refused = await client.evaluateEligibility([], { referenceDate: 'x', regions: [] });
    expect(refused.ok && !refused.value.ok && refused.value.issues[0]?.code).toBe(
      'policy_reference_date',
    );
    client.dispose();
  });

  it('reads a file in the worker and returns its report, or the reason it cannot be read, as data', async () => {
    const client = new CoreClient(fakeCoreWorker(createCoreApi()).start);
    const csv = 'tim,jumlah_alat,kapasitas_per_alat\nA,2,50\nB,dua,50\n';
    const result = await client.importRecords(new TextEncoder().encode(csv), { kind: 'team' });
    if (!result.ok || !result.value.ok) throw new Error('expected a report');
    const report = result.value.value;
    expect(report.records).toEqual([{ tim: 'A', jumlahAlat: 2, kapasitasPerAlat: 50 }]);
    expect(report.issues.map((i) => [i.row, i.field])).toEqual([[3, 'jumlah_alat']]);
    expect(client.fileProgress).toBeNull();

    const empty = await client.importRecords(new Uint8Array(), { kind: 'team' });
    expect(empty.ok && !empty.value.ok && empty.value.issues[0]?.code).toBe('file_empty');
    client.dispose();
  });
});
