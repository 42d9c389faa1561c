import { generateProgramme, type DemoProgramme } from '@sahaja/core';
import { createCoreApi, type CoreApi } from '@sahaja/core/api';
import { formatCsv, programmeFiles, schoolFileBytes } from '@sahaja/core/io';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CoreClient } from '../core/core-client.svelte';
import type { StudentRecord } from '../core/types';
import { fakeCoreWorker } from '../core/test-support/fake-worker';
import { createProgramme, rowsOf, SahajaDatabase, type ProgrammeRow, type StudentRow } from '../db';
import { defaultSettings } from '../programme/settings';
import type { FileSource, ImportFile } from './import-file.svelte';
import { ImportSession } from './import-session.svelte';
import { createDataApi } from '../worker/data-api';

const P = 'p-import';
const core = createCoreApi();
let db: SahajaDatabase;
let client: CoreClient | null = null;

beforeEach(async () => {
  db = new SahajaDatabase('sahaja-import-session-test', {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  await db.open();
  await createProgramme(db, defaultSettings('Program 2023', '2023-01-16'), P);
});

afterEach(() => {
  client?.dispose();
  db.close();
});

const source = (name: string, bytes: Uint8Array, lastModified = 1): FileSource => ({
  name,
  size: bytes.length,
  lastModified,
  arrayBuffer: async () => bytes.slice().buffer,
});

const csv = (rows: string[][], delimiter: ',' | ';' = ','): Uint8Array =>
  new TextEncoder().encode(formatCsv(rows, { delimiter, neutraliseFormulas: false }));

/**
 * A session over the real core and data API (in a fake worker) and the test database; `api` replaces
 * the core's functions (its `files` are also what the data API reads with).
 */
function sessionWith(api: CoreApi = core) {
  const worker = { ...api, data: createDataApi(() => db, { files: api.files }) };
  client = new CoreClient(fakeCoreWorker(worker).start);
  const programmes: ProgrammeRow[] = [];
  let holds = 0;
  const session = new ImportSession(
    {
      core: client,
      db: () => db,
      hold: () => {
        holds += 1;
        return () => {
          holds -= 1;
        };
      },
      onProgramme: (row) => programmes.push(row),
    },
    { id: P, pivotYear: 2023 },
  );
  return { session, programmes, holds: () => holds };
}

/** Resolves once no file is waiting or being read. */
async function settled(session: ImportSession): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    const busy = session.files.some((f) => ['waiting', 'inspecting', 'reading'].includes(f.stage));
    if (!busy && !session.reading) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the files were not read in time');
}

const byName = (session: ImportSession, name: string): ImportFile => {
  const file = session.files.find((f) => f.name === name);
  if (!file) throw new Error(`no file ${name}`);
  return file;
};

describe('ImportSession', () => {
  describe("the demo's files (every shape schools send, and the registry)", () => {
    let programme: DemoProgramme;
    let sources: FileSource[];
    beforeAll(async () => {
      programme = generateProgramme({ seed: 7, schools: 14, students: 1400, registry: 4200 });
      const registry = (await programmeFiles(programme)).find((f) => f.path === 'registri.csv');
      sources = [];
      for (const file of programme.files) {
        sources.push(source(file.fileName, await schoolFileBytes(file)));
      }
      if (registry) sources.push(source('registri.csv', registry.bytes));
    });

    it('guesses each kind, reads every row and imports them, and a repeat adds no row', async () => {
      const { session, programmes, holds } = sessionWith();
      session.add(sources);
      expect(holds()).toBe(1);
      await settled(session);
      expect(holds()).toBe(0);

      for (const file of programme.files) {
        const listed = byName(session, file.fileName);
        const truth = programme.truth.filter((t) => t.file === file.fileName);
        expect(listed.kind, file.fileName).toBe('student');
        expect(listed.stage, file.fileName).toBe('ready');
        expect(listed.report?.counts.accepted, file.fileName).toBe(truth.length);
        // The only rows left out are a signature block's, whose text lands in a key column.
        const last = Math.max(...truth.map((t) => t.fileRow));
        const rejected = listed.report?.issues.filter((i) => i.severity === 'error') ?? [];
        expect(rejected.every((i) => i.row > last && i.code === 'name_empty')).toBe(true);
        if (file.npsn.length === 1) expect(listed.npsn, file.fileName).toBe(file.npsn[0]);
      }
      const registry = byName(session, 'registri.csv');
      expect(registry.kind).toBe('resident');
      expect(registry.report?.counts.accepted).toBe(programme.registry.length);
      expect(session.ready.files).toHaveLength(sources.length);
      expect(session.ready.accepted).toBe(programme.students.length + programme.registry.length);

      await session.importFiles();
      expect(session.files.every((f) => f.stage === 'imported')).toBe(true);
      expect(session.notices.map((n) => n.type)).toEqual(sources.map(() => 'imported'));
      const counts = await rowCounts();
      expect(counts).toEqual({
        students: programme.students.length,
        residents: programme.registry.length,
        schools: programme.schools.length,
      });
      expect(programmes.at(-1)?.counts).toMatchObject(counts);
      for (const school of programme.schools) {
        const stored = await db.schools.get([P, school.npsn]);
        // Named by the list's title rows or school column; plain CSV exports name no school.
        const file = programme.files.find((f) => f.npsn.includes(school.npsn));
        const untitled = file?.shape.startsWith('csv-comma') === true;
        expect(stored?.nama).toBe(untitled ? `Sekolah ${school.npsn}` : school.nama);
        const listed = programme.students.filter((s) => s.npsn === school.npsn).length;
        expect(await db.students.where('[programmeId+npsn]').equals([P, school.npsn]).count()).toBe(
          listed,
        );
      }
      expect(session.history).toHaveLength(sources.length);
      const firstStudents = await rowsOf(db, 'students', P).toArray();

      session.add(sources);
      await settled(session);
      await session.importFiles(session.files.filter((f) => f.stage === 'ready'));
      expect(await rowCounts()).toEqual(counts);
      const again: StudentRow[] = await rowsOf(db, 'students', P).toArray();
      expect(again).toEqual(firstStudents);
      expect(session.history).toHaveLength(2 * sources.length);
      const resent = session.notices.find((n) => n.type === 'imported' && n.kind === 'resident');
      expect(resent?.type === 'imported' && resent.summary).toMatchObject({
        added: 0,
        updated: programme.registry.length,
      });
    }, 60_000);
  });

  describe('the mapping step', () => {
    const list = csv(
      [
        ['DATA SISWA SMA NEGERI 3 PARE'],
        [],
        ['No', 'Nama Siswa', 'L/P', 'Tgl Lahir', 'NISN', 'NIK'],
        ['1', 'SITI AMINAH', 'P', '17/08/2006', '0061234567', '3506015708060001'],
        ['2', 'BUDI', 'L', '31/02/2006', '0061234568', ''],
        ['3', 'ANI', 'P', '01/01/2006', '0061234569', '35060141010600'],
      ],
      ';',
    );

    it('asks for the NPSN of a one-school list, checks it, and names the new school from the title', async () => {
      const { session } = sessionWith();
      session.add([source('daftar siswa.csv', list)]);
      await settled(session);
      const file = byName(session, 'daftar siswa.csv');
      expect(file.stage).toBe('needs-input');
      expect(file.blocker).toBe('npsn');
      expect(file.schoolName).toBe('SMA NEGERI 3 PARE');

      session.setNpsn(file, '2051234');
      await settled(session);
      expect(file.blocker).toBe('npsn-invalid');
      expect(file.stage).toBe('needs-input');

      session.setNpsn(file, '20512399');
      await settled(session);
      expect(file.stage).toBe('ready');
      expect(file.report?.counts).toMatchObject({ dataRows: 3, accepted: 3, rejected: 0 });
      expect(file.report?.preview.map((p) => (p.record as StudentRecord).npsn)).toEqual([
        '20512399',
        '20512399',
        '20512399',
      ]);
      await session.importFiles([file]);
      expect(await db.schools.get([P, '20512399'])).toMatchObject({ nama: 'SMA NEGERI 3 PARE' });
      expect(session.history[0]).toMatchObject({
        fileName: 'daftar siswa.csv',
        kind: 'student',
        accepted: 3,
        schools: ['20512399'],
      });
    });

    it('reads again with a changed column, and waits for a required one left without', async () => {
      const { session } = sessionWith();
      session.add([source('01_20512399_sman3.csv', list)]);
      await settled(session);
      const file = byName(session, '01_20512399_sman3.csv');
      expect(file.stage).toBe('ready');
      const nik = (p: { record: object }) => (p.record as StudentRecord).nik;
      expect(file.report?.preview.map(nik)[0]).toBe('3506015708060001');

      session.setColumn(file, 'nik', null);
      await settled(session);
      expect(file.stage).toBe('ready');
      expect(file.report?.preview.map(nik)).toEqual(['', '', '']);
      expect(file.report?.unusedColumns).toContain('NIK');

      session.setColumn(file, 'nama', null);
      await settled(session);
      expect(file.stage).toBe('needs-input');
      expect(file.blocker).toBe('columns');
      expect(file.missing).toEqual(['nama']);
      expect(file.report).toBeNull();

      // The name column chosen for the NISN field: NISN loses its guessed column.
      session.setColumn(file, 'nama', 1);
      session.setColumn(file, 'nisn', 1);
      expect(file.mapping.nisn).toBe(1);
      expect(file.mapping.nama).toBeUndefined();
      session.resetColumns(file);
      await settled(session);
      expect(file.overrides).toEqual({});
      expect(file.stage).toBe('ready');
    });

    it('reads a file as another kind when the user says so', async () => {
      const { session } = sessionWith();
      session.add([source('01_20512399_sman3.csv', list)]);
      await settled(session);
      const file = byName(session, '01_20512399_sman3.csv');
      session.setKind(file, 'resident');
      await settled(session);
      // Read as a registry extract, the NIK is the key: rows with a bad NIK are rejected.
      expect(file.kind).toBe('resident');
      expect(file.stage).toBe('ready');
      expect(file.report?.counts).toMatchObject({ accepted: 1, rejected: 2 });
      session.setKind(file, 'team');
      await settled(session);
      expect(file.blocker).toBe('header');
      expect(file.stage).toBe('needs-input');
    });

    it('offers the sheet of a workbook that holds the list, and reads another on request', async () => {
      const programme = generateProgramme({ seed: 4, schools: 12, students: 1200, registry: 3600 });
      const withSummary = programme.files.find((f) => f.shape.includes('summary sheet first'));
      expect(withSummary).toBeDefined();
      if (!withSummary) return;
      const { session } = sessionWith();
      session.add([source(withSummary.fileName, await schoolFileBytes(withSummary))]);
      await settled(session);
      const file = byName(session, withSummary.fileName);
      expect(file.inspection?.sheets.map((s) => s.name)).toEqual(['REKAP', 'DATA SISWA']);
      expect(file.sheet).toBe(1);
      expect(file.stage).toBe('ready');
      session.setSheet(file, 0);
      await settled(session);
      expect(file.stage).toBe('needs-input');
      expect(['header', 'columns']).toContain(file.blocker);
    });
  });

  describe('invalid input', () => {
    it('refuses a file that is not a spreadsheet, with the reason', async () => {
      const { session } = sessionWith();
      session.add([source('lama.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]))]);
      await settled(session);
      const file = byName(session, 'lama.xls');
      expect(file.stage).toBe('refused');
      expect(file.refusal?.en).toMatch(/Old Excel files/);
      expect(file.importable).toBe(false);
    });

    it('leaves out a file already in the list', async () => {
      const { session } = sessionWith();
      const bytes = csv([
        ['tanggal', 'keterangan'],
        ['2023-01-22', 'Imlek'],
      ]);
      session.add([source('libur.csv', bytes), source('libur.csv', bytes)]);
      session.add([source('libur.csv', bytes)]);
      expect(session.files).toHaveLength(1);
      expect(session.skipped).toBe(1);
      await settled(session);
      expect(byName(session, 'libur.csv').kind).toBe('holiday');
    });
  });

  describe('which file is open', () => {
    const holidays = csv([
      ['tanggal', 'keterangan'],
      ['2023-01-22', 'Imlek'],
    ]);

    it('opens a single file added to a list with none open', () => {
      const { session } = sessionWith();
      session.add([source('libur.csv', holidays)]);
      expect(session.selected?.name).toBe('libur.csv');
    });

    it('opens none of several files added at once: the list says which one needs the person', () => {
      const { session } = sessionWith();
      session.add([source('libur-2023.csv', holidays), source('libur-2024.csv', holidays)]);
      expect(session.files).toHaveLength(2);
      expect(session.selected).toBeNull();
    });

    it('keeps the open file when more are added', () => {
      const { session } = sessionWith();
      session.add([source('libur.csv', holidays)]);
      session.add([source('libur-2024.csv', holidays)]);
      expect(session.selected?.name).toBe('libur.csv');
    });
  });

  describe('cancel', () => {
    it('stops reading: the file is marked cancelled and can be read again', async () => {
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const slow: CoreApi = {
        ...core,
        files: {
          ...core.files,
          importInBatches: async (...args) => {
            await gate;
            return core.files.importInBatches(...args);
          },
        },
      };
      const { session } = sessionWith(slow);
      const bytes = csv([
        ['tim', 'jumlah_alat', 'kapasitas_per_alat'],
        ['Tim 1', '3', '50'],
      ]);
      session.add([source('tim.csv', bytes), source('tim-2.csv', bytes)]);
      for (let i = 0; i < 500 && byName(session, 'tim.csv').stage !== 'reading'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      session.cancelReading();
      await settled(session);
      expect(session.files.map((f) => f.stage)).toEqual(['cancelled', 'cancelled']);
      release();
      session.readAgain();
      await settled(session);
      expect(session.files.map((f) => f.stage)).toEqual(['ready', 'ready']);
    });

    it('stops writing: the file being written is rolled back and stays ready', async () => {
      const { session } = sessionWith();
      const rows = [['nik', 'no_kk', 'nama', 'tanggal_lahir', 'kode_wilayah']];
      for (let i = 1; i <= 5000; i++) {
        const nik = `350601170806${String(i).padStart(4, '0')}`;
        rows.push([nik, '3506011501200001', `WARGA ${i}`, '2006-08-17', '3506012001']);
      }
      session.add([source('registri.csv', csv(rows))]);
      await settled(session);
      const file = byName(session, 'registri.csv');
      expect(file.report?.counts.accepted).toBe(5000);
      const writing = session.importFiles();
      for (let i = 0; i < 500 && !session.writing; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      session.cancelImport();
      await writing;
      expect(session.notices).toEqual([{ type: 'cancelled', id: file.id, name: 'registri.csv' }]);
      expect(file.stage).toBe('ready');
      expect(await rowCounts()).toEqual({ students: 0, residents: 0, schools: 0 });
      expect(session.history).toEqual([]);

      // The worker kept the records: importing again writes them all.
      await session.importFiles();
      expect(file.stage).toBe('imported');
      expect(await rowCounts()).toEqual({ students: 0, residents: 5000, schools: 0 });
    });

    it('reads the file again when the worker lost the records (it was ended since the read)', async () => {
      const { session } = sessionWith();
      session.add([
        source(
          'tim.csv',
          csv([
            ['tim', 'jumlah_alat', 'kapasitas_per_alat'],
            ['Tim 1', '3', '50'],
          ]),
        ),
      ]);
      await settled(session);
      client?.cancel();

      await session.importFiles();

      expect(session.notices.map((n) => n.type)).toEqual(['imported']);
      expect(await db.teams.where('programmeId').equals(P).count()).toBe(1);
    });

    it('fails clearly when the file cannot be read any more at import time, and writes nothing', async () => {
      const { session } = sessionWith();
      const bytes = csv([
        ['tim', 'jumlah_alat', 'kapasitas_per_alat'],
        ['Tim 1', '3', '50'],
      ]);
      let gone = false;
      session.add([
        {
          name: 'tim.csv',
          size: bytes.length,
          arrayBuffer: async () => {
            if (gone) throw new Error('NotFoundError: the file was moved');
            return bytes.slice().buffer;
          },
        },
      ]);
      await settled(session);
      gone = true;

      await session.importFiles();

      const [notice] = session.notices;
      expect(notice).toMatchObject({ type: 'failed', error: { code: 'storage' } });
      expect(byName(session, 'tim.csv').stage).toBe('ready');
      expect(await db.teams.count()).toBe(0);
    });
  });
});

async function rowCounts() {
  const [students, residents, schools] = await Promise.all(
    (['students', 'residents', 'schools'] as const).map((t) => rowsOf(db, t, P).count()),
  );
  return { students, residents, schools };
}
