/**
 * Every unit test runs with the vault open, as the app does once unlocked: the sealed tables need its
 * keys. A test about locking closes it and opens it again itself.
 */
import { createKeyring } from '@sahaja/core/secure';
import { beforeAll } from 'vitest';
import { openVault } from './lib/secure/vault';

beforeAll(async () => {
  const { keys } = await createKeyring('kata sandi untuk uji', {
    programmeId: 'unit-tests',
    iterations: 1_000,
  });
  openVault(keys);
});
