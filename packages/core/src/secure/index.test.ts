import { describe, expect, it } from 'vitest';
import * as secure from './index.js';

describe('the secure module', () => {
  it('takes a programme from passphrase to stored rows, search and backup', async () => {
    const passphrase = 'rapat posyandu hari kamis';
    expect(secure.checkPassphrase(passphrase).ok).toBe(true);
    const { record, keys } = await secure.createKeyring(passphrase, {
      programmeId: 'bias-2025',
      iterations: 1_000,
    });

    // A row as the app would put it in IndexedDB: encrypted fields and a blind index for NIK search.
    const nik = '3506011501060001';
    const place = 'students/bias-2025/row-1';
    const row = {
      key: 'row-1',
      nikIndex: await secure.blindIndex(keys.index, 'nik', nik),
      person: await secure.encryptJson(keys.data, { nik, name: 'Siti' }, place),
    };

    // Later, after unlocking again: look up by NIK, then decrypt.
    const unlocked = await secure.unlockKeyring(record, passphrase);
    if (!unlocked.ok) throw new Error('could not unlock');
    expect(await secure.blindIndex(unlocked.value.index, 'nik', nik)).toBe(row.nikIndex);
    expect(await secure.decryptJson(unlocked.value.data, row.person, place)).toEqual({
      ok: true,
      value: { nik, name: 'Siti' },
    });

    // A backup sealed with the same passphrase shows what it is before it is opened.
    const backup = await secure.sealFile(
      new TextEncoder().encode(JSON.stringify([nik])),
      passphrase,
      {
        kind: 'backup',
        meta: { programmeId: 'bias-2025', students: 1 },
        iterations: 1_000,
      },
    );
    expect(secure.readSealedHeader(backup)).toMatchObject({
      ok: true,
      value: { kind: 'backup', meta: { programmeId: 'bias-2025', students: 1 } },
    });
    const opened = await secure.openSealedFile(backup, passphrase, { expectKind: 'backup' });
    expect(opened.ok && new TextDecoder().decode(opened.value.plain)).toBe(JSON.stringify([nik]));
  });

  it('exports the documented constants', () => {
    expect(secure.KDF_ITERATIONS_DEFAULT).toBe(600_000);
    expect(secure.KDF_ITERATIONS_MIN).toBe(1_000);
    expect(secure.SEALED_FORMAT_VERSION).toBe(1);
    expect(secure.KEYRING_VERSION).toBe(1);
  });
});
