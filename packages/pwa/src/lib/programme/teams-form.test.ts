import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProgramme, getProgramme, readTeams, replaceProgramme, SahajaDatabase } from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { ActiveProgramme } from './active.svelte';
import { defaultSettings } from './settings';
import { checkTeams, dailyCapacity, nextTeamName, type TeamDraft } from './team-rows';
import { TeamsForm } from './teams-form.svelte';

const row = (key: number, tim: string, jumlahAlat = '3', kapasitasPerAlat = '50'): TeamDraft => ({
  key,
  tim,
  jumlahAlat,
  kapasitasPerAlat,
});

describe('checkTeams', () => {
  it('reads valid rows into teams, names trimmed', () => {
    expect(checkTeams([row(1, ' Tim 1 '), row(2, 'Tim 2', '2', '45')])).toEqual({
      ok: true,
      value: [
        { tim: 'Tim 1', jumlahAlat: 3, kapasitasPerAlat: 50 },
        { tim: 'Tim 2', jumlahAlat: 2, kapasitasPerAlat: 45 },
      ],
    });
    expect(checkTeams([])).toEqual({ ok: true, value: [] });
  });

  describe('invalid input', () => {
    it('names each bad field of each row', () => {
      expect(
        checkTeams([row(1, '', '0', '50'), row(2, 'Tim 2', '', '1,5'), row(3, 'Tim 3')]),
      ).toEqual({
        ok: false,
        errors: {
          1: {
            tim: { key: 'programme.error.teamNameRequired' },
            jumlahAlat: { key: 'programme.error.sets', params: { min: 1, max: 100 } },
          },
          2: {
            jumlahAlat: { key: 'programme.error.required' },
            kapasitasPerAlat: { key: 'programme.error.wholeNumber' },
          },
        },
      });
    });

    it('flags the later of two teams with the same name, case and spacing ignored', () => {
      expect(checkTeams([row(1, 'Tim Utara'), row(2, 'tim  utara ')])).toEqual({
        ok: false,
        errors: {
          2: { tim: { key: 'programme.error.teamRepeated', params: { name: 'tim  utara' } } },
        },
      });
    });

    it('refuses a set capacity of zero', () => {
      const check = checkTeams([row(1, 'Tim 1', '1', '0')]);
      expect(check.ok ? null : check.errors[1]?.kapasitasPerAlat?.key).toBe(
        'programme.error.setCapacity',
      );
    });
  });
});

describe('dailyCapacity', () => {
  it('is sets times students per set, or null while a number is invalid', () => {
    expect(dailyCapacity({ jumlahAlat: '3', kapasitasPerAlat: '50' })).toBe(150);
    expect(dailyCapacity({ jumlahAlat: '', kapasitasPerAlat: '50' })).toBeNull();
    expect(dailyCapacity({ jumlahAlat: '0', kapasitasPerAlat: '50' })).toBeNull();
  });
});

describe('nextTeamName', () => {
  it('takes the first number no team uses, case ignored', () => {
    expect(nextTeamName([])).toBe('Tim 1');
    expect(nextTeamName(['tim 1', 'Tim 3'])).toBe('Tim 2');
  });
});

describe('TeamsForm', () => {
  let db: SahajaDatabase;
  let active: ActiveProgramme;
  let form: TeamsForm;

  beforeEach(async () => {
    db = new SahajaDatabase('sahaja-teams-form', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    await replaceProgramme(db, 'demo', programmeFixture('A'));
    active = new ActiveProgramme(() => db, null);
    await active.refresh();
    form = new TeamsForm({ db: () => db, active });
  });

  afterEach(() => db.close());

  it('loads the demo programme’s teams with their total daily capacity', async () => {
    await form.load('demo');
    expect(form.loadState).toBe('loaded');
    expect(form.rows.map((r) => [r.tim, r.jumlahAlat, r.kapasitasPerAlat])).toEqual([
      ['Tim 1', '3', '50'],
      ['Tim 2', '2', '50'],
    ]);
    expect(form.totalCapacity).toBe(250);
    expect(form.dirty).toBe(false);
  });

  it('adds a team under the first free name with one set of 50 students', async () => {
    await form.load('demo');
    form.remove(form.rows[0]!.key);
    const added = form.add();
    expect(added).toMatchObject({ tim: 'Tim 1', jumlahAlat: '1', kapasitasPerAlat: '50' });
    expect(form.add().tim).toBe('Tim 3');
    expect(form.dirty).toBe(true);
  });

  it('saves the edited teams in one go, refreshing the counts the screens show', async () => {
    await form.load('demo');
    form.rows[0]!.jumlahAlat = '4';
    form.remove(form.rows[1]!.key);
    const added = form.add();
    added.tim = 'Tim Kota';

    expect(await form.save()).toBe(true);

    expect(form.status).toEqual({ state: 'saved' });
    expect(await readTeams(db, 'demo')).toEqual({
      ok: true,
      value: [
        { tim: 'Tim 1', jumlahAlat: 4, kapasitasPerAlat: 50 },
        { tim: 'Tim Kota', jumlahAlat: 1, kapasitasPerAlat: 50 },
      ],
    });
    expect(active.row?.counts.teams).toBe(2);
    expect(form.dirty).toBe(false);
  });

  it('keeps the old teams when the write fails, and says why', async () => {
    await form.load('demo');
    form.rows[0]!.jumlahAlat = '9';
    db.teams.hook('creating', () => {
      throw new Error('disk full');
    });

    expect(await form.save()).toBe(false);

    expect(form.status).toMatchObject({ state: 'failed', error: { code: 'storage' } });
    expect(await readTeams(db, 'demo')).toEqual({ ok: true, value: programmeFixture('A').teams });
    // The edits stay on screen, to try again.
    expect(form.rows[0]!.jumlahAlat).toBe('9');
    expect(form.dirty).toBe(true);
  });

  it('saves nothing while a row is invalid', async () => {
    await form.load('demo');
    form.rows[1]!.tim = 'TIM 1';
    form.rows[0]!.kapasitasPerAlat = '';
    expect(form.errors).toEqual({});

    expect(await form.save()).toBe(false);

    expect(form.status).toEqual({ state: 'invalid', count: 2 });
    expect(Object.keys(form.errors).map(Number)).toEqual(form.rows.map((r) => r.key));
    // The count shown follows the corrections.
    form.rows[1]!.tim = 'Tim 3';
    expect(form.feedback).toEqual({ state: 'invalid', count: 1 });
    expect(await readTeams(db, 'demo')).toEqual({ ok: true, value: programmeFixture('A').teams });
  });

  it('starts empty for a new programme, and a later load replaces an earlier one', async () => {
    await createProgramme(db, defaultSettings('Baru', '2024-01-15'), 'p-new');
    const first = form.load('demo');
    const second = form.load('p-new');
    await Promise.all([first, second]);
    expect(form.programmeId).toBe('p-new');
    expect(form.rows).toEqual([]);

    form.add();
    expect(await form.save()).toBe(true);
    expect((await getProgramme(db, 'p-new'))?.counts.teams).toBe(1);
  });

  it('puts back the stored teams on revert', async () => {
    await form.load('demo');
    form.remove(form.rows[0]!.key);
    form.revert();
    expect(form.rows.map((r) => r.tim)).toEqual(['Tim 1', 'Tim 2']);
    expect(form.dirty).toBe(false);
  });
});
