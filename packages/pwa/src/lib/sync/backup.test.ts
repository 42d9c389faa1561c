import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '@sahaja/core/sync';
import { sealFile } from '@sahaja/core/secure';
import { DEMO_PROGRAMME_ID, replaceProgramme, SahajaDatabase } from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { appendVisitEvent } from '../field/visit-data';
import { BACKUP_KIND, makeBackup, readBackupContent, restoreBackup } from './backup';
import { makeExchangeFile } from './exchange';

const PASS = 'kunci cadangan kantor';
const FAST = { iterations: 1_000 };
const fixture = programmeFixture('A');
const VISIT = { date: '2023-01-16', team: 'Tim 1', npsn: fixture.schools[0]!.npsn };
const open: SahajaDatabase[] = [];

async function laptop(name: string, withProgramme = true): Promise<SahajaDatabase> {
  const db = new SahajaDatabase(`sahaja-backup-${name}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  await db.open();
  open.push(db);
  if (withProgramme) {
    const stored = await replaceProgramme(db, DEMO_PROGRAMME_ID, fixture);
    if (!stored.ok) throw new Error(stored.error.message);
  }
  return db;
}

async function mark(db: SahajaDatabase, id: string, idSiswa: string) {
  const stored = await appendVisitEvent(
    db,
    DEMO_PROGRAMME_ID,
    {
      id,
      at: '2023-01-16T02:00:00.000Z',
      kind: 'mark',
      visit: VISIT,
      idSiswa,
      outcome: 'recorded',
    },
    [],
    VISIT,
  );
  if (!stored.ok) throw new Error('not stored');
}

/** Everything of the programme on a laptop, as text (the time a backup was made left out). */
async function contentOf(db: SahajaDatabase): Promise<string> {
  const content = await readBackupContent(db, DEMO_PROGRAMME_ID, new Date(0));
  return canonicalJson(content);
}

async function backupOf(db: SahajaDatabase): Promise<Uint8Array> {
  const made = await makeBackup(db, DEMO_PROGRAMME_ID, PASS, FAST);
  if (!made.ok) throw new Error(made.issues[0].message.en);
  return made.value.bytes;
}

afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('backups', () => {
  it('restore on another laptop to exactly what was backed up, and back up the same again', async () => {
    const office = await laptop('office');
    await mark(office, 'm1', fixture.students[0]!.idSiswa);
    const made = await makeBackup(office, DEMO_PROGRAMME_ID, PASS, FAST);
    if (!made.ok) throw new Error('no backup');
    expect(made.value.fileName).toMatch(/^sahaja-cadangan-\d{12}\.sahaja$/);
    expect(made.value.rows).toBeGreaterThan(fixture.students.length);

    const field = await laptop('field', false);
    const restored = await restoreBackup(field, made.value.bytes, PASS);
    expect(restored).toMatchObject({
      ok: true,
      value: { replaced: false, rows: made.value.rows, programme: { id: DEMO_PROGRAMME_ID } },
    });
    expect(await contentOf(field)).toBe(await contentOf(office));
    // Its own backup holds the same.
    const again = await restoreBackup(await laptop('third', false), await backupOf(field), PASS);
    expect(again.ok).toBe(true);
    expect(await contentOf(open[2]!)).toBe(await contentOf(office));
  });

  it('replace the programme with the same id, keeping the changes made here since', async () => {
    const db = await laptop('one');
    const bytes = await backupOf(db);
    const school = (await db.schools.toArray())[0]!;
    await mark(db, 'later', fixture.students[1]!.idSiswa);
    await db.schools.put({ ...school, kecamatan: 'DIUBAH SESUDAH CADANGAN' });

    const restored = await restoreBackup(db, bytes, PASS);
    expect(restored).toMatchObject({ ok: true, value: { replaced: true, kept: 1 } });
    // The records are the backup's; the mark made since is still there, in the log and applied.
    expect((await db.schools.get([DEMO_PROGRAMME_ID, school.npsn]))?.kecamatan).toBe(
      school.kecamatan,
    );
    expect((await db.visitEvents.toArray()).map((e) => e.id)).toEqual(['later']);
    expect((await db.changes.toArray()).map((c) => c.id)).toContain('later');

    // Restoring the same backup again changes nothing more.
    const content = await contentOf(db);
    const again = await restoreBackup(db, bytes, PASS);
    expect(again).toMatchObject({ ok: true, value: { replaced: true, kept: 1 } });
    expect(await contentOf(db)).toBe(content);
  });

  it("bring a team's laptop the office's newer backup without losing the team's marks", async () => {
    const office = await laptop('office');
    const team = await laptop('team', false);
    expect((await restoreBackup(team, await backupOf(office), PASS)).ok).toBe(true);
    await mark(team, 'team-mark', fixture.students[2]!.idSiswa);
    await mark(office, 'office-mark', fixture.students[3]!.idSiswa);

    const restored = await restoreBackup(team, await backupOf(office), PASS);
    expect(restored).toMatchObject({ ok: true, value: { replaced: true, kept: 1 } });
    const marks = (await team.visitEvents.toArray()).map((e) => e.id).sort();
    expect(marks).toEqual(['office-mark', 'team-mark']);
  });

  describe('invalid input', () => {
    it('refuses a short passphrase and a programme that is not stored', async () => {
      const db = await laptop('one');
      expect(await makeBackup(db, DEMO_PROGRAMME_ID, 'pendek')).toMatchObject({
        ok: false,
        issues: [{ code: 'passphrase_too_short' }],
      });
      expect(await makeBackup(db, 'tidak-ada', PASS, FAST)).toMatchObject({
        ok: false,
        issues: [{ code: 'unknown_programme' }],
      });
    });

    it('refuses a wrong passphrase, an exchange file and a changed file, changing nothing', async () => {
      const db = await laptop('one');
      const bytes = await backupOf(db);
      await mark(db, 'kept', fixture.students[1]!.idSiswa);
      const before = await contentOf(db);
      const code = async (data: Uint8Array, pass = PASS) => {
        const r = await restoreBackup(db, data, pass);
        return r.ok ? 'ok' : r.issues[0].code;
      };
      expect(await code(bytes, 'bukan frasa sandinya')).toBe('wrong_passphrase');
      const programme = (await db.programmes.get(DEMO_PROGRAMME_ID))!;
      const exchange = await makeExchangeFile(
        db,
        programme,
        PASS,
        { device: 'x', author: '' },
        FAST,
      );
      expect(exchange.ok && (await code(exchange.value.bytes))).toBe('wrong_kind');
      const changed = bytes.slice();
      changed[changed.length - 1] = (changed[changed.length - 1] ?? 0) ^ 0x80;
      expect(await code(changed)).toBe('tampered_file');
      expect(await contentOf(db)).toBe(before);
    });

    it('refuses a backup whose rows are not all of its programme, or from a newer database', async () => {
      const db = await laptop('one');
      const content = (await readBackupContent(db, DEMO_PROGRAMME_ID))!;
      const seal = (value: unknown) =>
        sealFile(new TextEncoder().encode(JSON.stringify(value)), PASS, {
          kind: BACKUP_KIND,
          ...FAST,
        });
      const foreignRow = {
        ...content,
        tables: {
          ...content.tables,
          students: [{ ...content.tables['students']![0], programmeId: 'lain' }],
        },
      };
      const r1 = await restoreBackup(db, await seal(foreignRow), PASS);
      expect(r1.ok ? '' : r1.issues[0].code).toBe('damaged_file');
      const r2 = await restoreBackup(
        db,
        await seal({ ...content, databaseVersion: db.verno + 1 }),
        PASS,
      );
      expect(r2.ok ? '' : r2.issues[0].code).toBe('newer_database');
      const r3 = await restoreBackup(db, await seal({ ...content, tables: { secrets: [] } }), PASS);
      expect(r3.ok ? '' : r3.issues[0].code).toBe('damaged_file');
    });

    it('leaves the laptop as it was when the write fails midway', async () => {
      const db = await laptop('one');
      await mark(db, 'kept', fixture.students[1]!.idSiswa);
      const before = await contentOf(db);
      const content = (await readBackupContent(db, DEMO_PROGRAMME_ID))!;
      // Two rows with one key: the write fails on the second, after the deletes and other tables.
      const students = content.tables['students']!;
      const twice = {
        ...content,
        tables: { ...content.tables, students: [...students, students[0]] },
      };
      const bytes = await sealFile(new TextEncoder().encode(JSON.stringify(twice)), PASS, {
        kind: BACKUP_KIND,
        ...FAST,
      });
      const r = await restoreBackup(db, bytes, PASS);
      expect(r.ok ? '' : r.issues[0].code).toBe('storage');
      expect(r.ok ? '' : r.issues[0].message.en).toMatch(/the data is as it was/);
      expect(await contentOf(db)).toBe(before);
    });
  });
});
