import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { generateProgramme } from '@sahaja/core';
import { CoreClient } from '../core/core-client.svelte';
import { fakeCoreWorker } from '../core/test-support/fake-worker';
import { countProgrammeRows, DEMO_PROGRAMME_ID, getProgramme, SahajaDatabase } from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { createWorkerApi } from '../worker/api';
import { createDataApi } from '../worker/data-api';
import { DemoLoader } from './demo-loader.svelte';

let db: SahajaDatabase;
let client: CoreClient | null = null;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-loader-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
});

afterEach(() => {
  client?.dispose();
  db.close();
});

type Generate = typeof generateProgramme;

/**
 * A loader whose worker runs the real data API on the test database, with `generate` standing in for
 * the demo generator (it returns a small fixture, fails, or never ends).
 */
function loaderWith(generate: (request: Parameters<Generate>[0]) => ReturnType<Generate> | never) {
  const api = {
    ...createWorkerApi(() => db),
    data: createDataApi(() => db, { generate: generate as Generate }),
  };
  client = new CoreClient(fakeCoreWorker(api).start);
  let holds = 0;
  const loader = new DemoLoader(
    {
      core: client,
      hold: () => {
        holds += 1;
        return () => {
          holds -= 1;
        };
      },
    },
    null,
  );
  return { loader, holds: () => holds };
}

/** The fixture as the generator returns it (with files and truth, which are not stored). */
const generated = (tag: string, students = 25) =>
  ({
    ...programmeFixture(tag, { students }),
    files: [],
    truth: [],
  }) as unknown as ReturnType<Generate>;

describe('DemoLoader', () => {
  it('has the worker generate and store the demo, and shows the stored programme', async () => {
    const { loader, holds } = loaderWith(() => generated('A'));

    const loading = loader.load();
    expect(loader.stage).toBe('generating');
    expect(loader.busy).toBe(true);
    expect(holds()).toBe(1);
    await loading;

    expect(loader.stage).toBe('done');
    expect(loader.programme?.counts.students).toBe(25);
    expect(loader.programme).toEqual(await getProgramme(db, DEMO_PROGRAMME_ID));
    expect(holds()).toBe(0);
  });

  it('records how long the write took as a User Timing measure', async () => {
    performance.clearMeasures('sahaja:store-programme');
    const { loader } = loaderWith(() => generated('A'));
    await loader.load();
    expect(performance.getEntriesByName('sahaja:store-programme', 'measure')).toHaveLength(1);
  });

  it('passes the sizes asked for to the generator', async () => {
    const requests: unknown[] = [];
    const { loader } = loaderWith((request) => {
      requests.push(request);
      return generated('A');
    });

    await loader.load({ students: 2000, registry: 20000 });
    await loader.load();

    expect(requests).toEqual([{ students: 2000, registry: 20000 }, {}]);
  });

  it('replaces the stored demo when loaded again', async () => {
    let tag = 'A';
    const { loader } = loaderWith(() => generated(tag, tag === 'A' ? 25 : 9));
    await loader.load();
    tag = 'B';
    await loader.load();

    expect((await countProgrammeRows(db, DEMO_PROGRAMME_ID)).students).toBe(9);
    expect(loader.programme?.counts.students).toBe(9);
  });

  it('reports a worker failure and keeps the stored programme', async () => {
    let fail = false;
    const { loader, holds } = loaderWith(() => {
      if (fail) throw new Error('generator broke');
      return generated('A');
    });
    await loader.load();
    const stored = loader.programme;
    fail = true;

    await loader.load();

    expect(loader.stage).toBe('failed');
    expect(loader.error).toEqual({ code: 'internal', message: 'generator broke' });
    expect(loader.programme).toBe(stored);
    expect(await getProgramme(db, DEMO_PROGRAMME_ID)).toEqual(stored);
    expect(holds()).toBe(0);
  });

  it('reports a write the database refuses, and keeps the stored programme', async () => {
    let duplicate = false;
    const { loader } = loaderWith(() => {
      const data = generated('A');
      // Two students with one key: the write is refused and rolled back.
      return duplicate ? { ...data, students: [...data.students, data.students[0]!] } : data;
    });
    await loader.load();
    duplicate = true;

    await loader.load();

    expect(loader.stage).toBe('failed');
    expect(loader.error?.code).toBe('storage');
    expect((await countProgrammeRows(db, DEMO_PROGRAMME_ID)).students).toBe(25);
  });

  it('can be cancelled while the worker works, leaving nothing stored and no error', async () => {
    const api = {
      ...createWorkerApi(() => db),
      data: { storeDemo: () => new Promise<never>(() => {}) },
    };
    client = new CoreClient(fakeCoreWorker(api).start);
    const loader = new DemoLoader({ core: client }, null);

    const loading = loader.load();
    expect(loader.busy).toBe(true);
    loader.cancel();
    await loading;

    expect(loader.stage).toBe('cancelled');
    expect(loader.error).toBeNull();
    expect(await getProgramme(db, DEMO_PROGRAMME_ID)).toBeNull();
  });
});
