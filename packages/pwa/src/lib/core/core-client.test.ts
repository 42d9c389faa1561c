import { describe, expect, it } from 'vitest';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { CoreClient } from './core-client.svelte';
import { fakeCoreWorker } from './test-support/fake-worker';
import type { CoreApi, CoreProgress, DemoProgramme } from './types';
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
});
