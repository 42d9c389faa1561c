import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreApi } from '@sahaja/core/api';
import { CoreClient } from '../core/core-client.svelte';
import { fakeCoreWorker } from '../core/test-support/fake-worker';
import type { CoreApi } from '../core/types';
import { countProgrammeRows, DEMO_PROGRAMME_ID, getProgramme, SahajaDatabase } from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
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

function loaderWith(generateDemo: CoreApi['generateDemo']) {
  client = new CoreClient(
    fakeCoreWorker({ ...createCoreApi(), version: () => '0', generateDemo }).start,
  );
  let holds = 0;
  const loader = new DemoLoader(
    {
      core: client,
      db: () => db,
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

describe('DemoLoader', () => {
  it('generates the demo in the worker, stores it and shows the stored programme', async () => {
    const { loader, holds } = loaderWith(async () => programmeFixture('A'));

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

  it('passes the sizes asked for to the generator', async () => {
    const requests: unknown[] = [];
    const { loader } = loaderWith(async (request) => {
      requests.push(request);
      return programmeFixture('A');
    });

    await loader.load({ students: 2000, registry: 20000 });
    await loader.load();

    expect(requests).toEqual([{ students: 2000, registry: 20000 }, {}]);
  });

  it('replaces the stored demo when loaded again', async () => {
    let tag = 'A';
    const { loader } = loaderWith(async () =>
      programmeFixture(tag, { students: tag === 'A' ? 25 : 9 }),
    );
    await loader.load();
    tag = 'B';
    await loader.load();

    expect((await countProgrammeRows(db, DEMO_PROGRAMME_ID)).students).toBe(9);
    expect(loader.programme?.counts.students).toBe(9);
  });

  it('reports a worker failure and keeps the stored programme', async () => {
    let fail = false;
    const { loader, holds } = loaderWith(async () => {
      if (fail) throw new Error('generator broke');
      return programmeFixture('A');
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

  it('can be cancelled while generating, leaving nothing stored and no error', async () => {
    const { loader, holds } = loaderWith(() => new Promise<never>(() => {}));

    const loading = loader.load();
    loader.cancel();
    await loading;

    expect(loader.stage).toBe('cancelled');
    expect(loader.error).toBeNull();
    expect(await getProgramme(db, DEMO_PROGRAMME_ID)).toBeNull();
    expect(holds()).toBe(0);
  });
});
