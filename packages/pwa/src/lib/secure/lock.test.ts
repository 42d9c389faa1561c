import type { UnlockedKeys } from '@sahaja/core/secure';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeCoreWorker } from '../core/test-support/fake-worker';
import { WorkerConnection } from '../core/worker-connection';
import { SahajaDatabase } from '../db/database';
import { LaptopLock } from './lock.svelte';
import { isVaultOpen, openVault, vaultKeysOrNull } from './vault';

const PASSPHRASE = 'kata sandi laptop kediri';
const IDLE_MS = 10 * 60_000;

let db: SahajaDatabase;
let testKeys: UnlockedKeys;
let clock = 0;
const locks: LaptopLock[] = [];

function newLock(): LaptopLock {
  const lock = new LaptopLock({
    db: () => db,
    idleMs: IDLE_MS,
    now: () => clock,
    keyring: { iterations: 1_000 },
  });
  locks.push(lock);
  return lock;
}

beforeEach(async () => {
  testKeys = vaultKeysOrNull() ?? testKeys;
  clock = 1_000_000;
  db = new SahajaDatabase('sahaja-lock-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
});

afterEach(() => {
  for (const lock of locks.splice(0)) lock.dispose();
  db.close();
  openVault(testKeys);
});

/** A lock over a laptop whose passphrase is set, open. */
async function openLock(): Promise<LaptopLock> {
  const lock = newLock();
  await lock.check();
  expect(lock.status).toBe('setup');
  expect(await lock.setUp(PASSPHRASE, PASSPHRASE)).toBe(true);
  return lock;
}

describe('the laptop lock', () => {
  it('asks for a first passphrase, says why one is refused, and opens once it is set', async () => {
    const lock = newLock();
    await lock.check();
    expect(lock.status).toBe('setup');

    expect(await lock.setUp(PASSPHRASE, 'kata sandi lain sekali')).toBe(false);
    expect(lock.status).toBe('setup');
    expect(lock.error?.id).toMatch(/^Kedua kata sandi tidak sama/);

    expect(await lock.setUp(PASSPHRASE, PASSPHRASE)).toBe(true);
    expect(lock.status).toBe('open');
    expect(lock.error).toBeNull();
    expect(isVaultOpen()).toBe(true);
  });

  it('locks on demand, forgets the keys, and opens again only with the right passphrase', async () => {
    const lock = await openLock();
    lock.lock('manual');
    expect(lock.status).toBe('locked');
    expect(lock.reason).toBe('manual');
    expect(isVaultOpen()).toBe(false);

    expect(await lock.unlock('bukan kata sandinya')).toBe(false);
    expect(lock.status).toBe('locked');
    expect(lock.error?.en).toMatch(/^The passphrase is wrong/);
    expect(isVaultOpen()).toBe(false);

    expect(await lock.unlock(PASSPHRASE)).toBe(true);
    expect(lock.status).toBe('open');
  });

  it('starts locked when the laptop has a passphrase and the page has no keys', async () => {
    const first = await openLock();
    first.lock();
    const second = newLock();
    await second.check();
    expect(second.status).toBe('locked');
    expect(second.reason).toBe('start');
  });

  it('locks by itself after the idle time, counted from the last key press or click', async () => {
    const lock = await openLock();
    clock += IDLE_MS - 1;
    lock.checkIdle();
    expect(lock.status).toBe('open');

    lock.activity();
    clock += IDLE_MS - 1;
    lock.checkIdle();
    expect(lock.status).toBe('open');

    clock += 1;
    lock.checkIdle();
    expect(lock.status).toBe('locked');
    expect(lock.reason).toBe('idle');
    expect(isVaultOpen()).toBe(false);
  });

  it('does not lock by itself while a worker computes, and ends the workers when it locks', async () => {
    const lock = await openLock();
    const worker = fakeCoreWorker({ wait: () => new Promise<never>(() => undefined) });
    const connection = new WorkerConnection<{ wait(): Promise<never> }>(worker.start);
    const call = connection.call((api) => api.wait());
    await new Promise((resolve) => setTimeout(resolve, 10));

    clock += IDLE_MS * 3;
    lock.checkIdle();
    expect(lock.status).toBe('open');

    lock.lock('manual');
    expect(await call).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(worker.stats.terminated).toBe(1);
  });

  it('locks every tab when one tab locks', async () => {
    const here = await openLock();
    const there = newLock();
    await there.check();
    expect(there.status).toBe('open');

    here.lock('manual');
    await expect.poll(() => there.status).toBe('locked');
    expect(there.reason).toBe('other-tab');
  });
});
