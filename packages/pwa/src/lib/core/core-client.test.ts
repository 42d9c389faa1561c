import { describe, expect, it } from 'vitest';
import { createCoreApi } from '@sahaja/core/api';
import type { DataApi, DemoStoreProgress, StoreDemoOutcome } from '../worker/api';
import { createImportsApi } from '../worker/imports';
import { CoreClient } from './core-client.svelte';
import { fakeCoreWorker } from './test-support/fake-worker';

/** What a demo load answers in these tests (its content does not matter here). */
const STORED = { ok: true, value: { storeMs: 1 } } as unknown as StoreDemoOutcome;

/** A worker API whose version is 9.9.9 and whose data operations are `data` (none by default). */
function api(data: Partial<DataApi> = {}) {
  return { ...createCoreApi(), version: () => '9.9.9', data };
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
    const seen: (DemoStoreProgress | null)[] = [];
    const worker = fakeCoreWorker(
      api({
        storeDemo: async (_request, onProgress) => {
          await onProgress?.({ step: 'storing', done: 3, total: 72 });
          seen.push(client.demoProgress);
          return STORED;
        },
      }),
    );
    const client = new CoreClient(worker.start);

    const result = await client.storeDemo();

    expect(result).toEqual({ ok: true, value: STORED });
    expect(seen).toEqual([{ step: 'storing', done: 3, total: 72 }]);
    expect(client.demoProgress).toBeNull();
    expect(client.running).toBe(false);
    client.dispose();
  });

  it('turns an error thrown in the worker into { code: internal, message }', async () => {
    const worker = fakeCoreWorker(
      api({ storeDemo: () => Promise.reject(new RangeError('students must be positive')) }),
    );
    const client = new CoreClient(worker.start);

    const result = await client.storeDemo({ students: -1 });

    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'RangeError: students must be positive' },
    });
    expect(client.error).toEqual(!result.ok && result.error);
    client.dispose();
  });

  it('cancels a running call by ending the worker, and starts a new one for the next call', async () => {
    const worker = fakeCoreWorker(api({ storeDemo: () => new Promise<never>(() => {}) }));
    const client = new CoreClient(worker.start);

    const pending = client.storeDemo();
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

  it('reads a file in the worker and returns its report without the records, or why it cannot be read', async () => {
    const files = createCoreApi().files;
    const imports = createImportsApi(() => {
      throw new Error('reading needs no database');
    }, files);
    const client = new CoreClient(fakeCoreWorker(api(imports)).start);
    const csv = 'tim,jumlah_alat,kapasitas_per_alat\nA,2,50\nB,dua,50\n';
    const result = await client.readFile('f1:0', new TextEncoder().encode(csv), { kind: 'team' });
    if (!result.ok || !result.value.ok) throw new Error('expected a report');
    const report = result.value.value;
    expect(report.counts).toMatchObject({ accepted: 1, rejected: 1 });
    expect(report.issues.map((i) => [i.row, i.field])).toEqual([[3, 'jumlah_alat']]);
    expect('records' in report).toBe(false);
    expect(client.fileProgress).toBeNull();

    const empty = await client.readFile('f2:0', new Uint8Array(), { kind: 'team' });
    expect(empty.ok && !empty.value.ok && empty.value.issues[0]?.code).toBe('file_empty');
    client.dispose();
  });
});
