import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEMO_PROGRAMME_ID,
  getProgramme,
  listProgrammes,
  replaceProgramme,
  SahajaDatabase,
} from '../db';
import { programmeFixture } from '../db/test-support/programme-fixture';
import { ActiveProgramme } from './active.svelte';
import {
  checkSettingsDraft,
  describeRegions,
  draftFromSettings,
  hoursAndMinutes,
  newProgrammeDraft,
  splitRegions,
  type SettingsDraft,
} from './settings-draft';
import { SettingsForm } from './settings-form.svelte';
import { TeamsForm } from './teams-form.svelte';
import { UnsavedEdits } from './unsaved-edits.svelte';
import { defaultSettings, NO_OFFICE, programmeSettingsSchema } from './settings';

const valid: SettingsDraft = {
  name: ' Perekaman SMA 2024 ',
  referenceDate: '2024-01-15',
  regions: '3506, 35.71',
  minimumAge: '16',
  start: '2024-01-15',
  end: '2024-06-28',
  dayMinutes: '480',
  fridayMinutes: '390',
  office: { ...NO_OFFICE },
};

describe('checkSettingsDraft', () => {
  it('turns a valid draft into settings: trimmed, numbers read, empty optional fields null', () => {
    expect(checkSettingsDraft(valid)).toEqual({
      ok: true,
      value: {
        name: 'Perekaman SMA 2024',
        referenceDate: '2024-01-15',
        regions: ['3506', '35.71'],
        minimumAge: 16,
        start: '2024-01-15',
        end: '2024-06-28',
        dayMinutes: 480,
        fridayMinutes: 390,
      },
    });
    const open = checkSettingsDraft({ ...valid, end: '', fridayMinutes: ' ' });
    expect(open.ok && [open.value.end, open.value.fridayMinutes]).toEqual([null, null]);
  });

  it('reads back what a stored programme holds', () => {
    const settings = defaultSettings('Program contoh', '2023-01-16');
    expect(checkSettingsDraft(draftFromSettings(settings))).toEqual({ ok: true, value: settings });
  });

  describe('invalid input', () => {
    it('names every bad field at once, each with its own message', () => {
      const check = checkSettingsDraft({
        name: '   ',
        referenceDate: '',
        regions: '35x',
        minimumAge: '9',
        start: '2023-02-29',
        end: '',
        dayMinutes: '7,5',
        fridayMinutes: '2000',
        office: { ...NO_OFFICE },
      });
      expect(check).toEqual({
        ok: false,
        errors: {
          name: { key: 'programme.error.nameRequired' },
          referenceDate: { key: 'programme.error.dateRequired' },
          regions: { key: 'programme.error.region', params: { code: '35x' } },
          minimumAge: { key: 'programme.error.minimumAge', params: { min: 10, max: 17 } },
          start: { key: 'programme.error.date' },
          dayMinutes: { key: 'programme.error.wholeNumber' },
          fridayMinutes: { key: 'programme.error.minutes', params: { min: 60, max: 1440 } },
        },
      });
    });

    it.each<[string, Partial<SettingsDraft>, object]>([
      [
        'a name too long',
        { name: 'x'.repeat(121) },
        { name: { key: 'programme.error.nameTooLong', params: { max: 120 } } },
      ],
      ['no region', { regions: ' , ' }, { regions: { key: 'programme.error.regionsRequired' } }],
      [
        'an unknown province',
        { regions: '3506, 9901' },
        { regions: { key: 'programme.error.regionProvince', params: { code: '9901' } } },
      ],
      [
        'a 00 part',
        { regions: '3500' },
        { regions: { key: 'programme.error.region', params: { code: '3500' } } },
      ],
      [
        'a region twice',
        { regions: '3506 35.06' },
        { regions: { key: 'programme.error.regionRepeated', params: { code: '35.06' } } },
      ],
      ['an empty age', { minimumAge: '' }, { minimumAge: { key: 'programme.error.required' } }],
      [
        'a fractional age',
        { minimumAge: '16.5' },
        { minimumAge: { key: 'programme.error.wholeNumber' } },
      ],
      [
        'an age above 17',
        { minimumAge: '18' },
        { minimumAge: { key: 'programme.error.minimumAge', params: { min: 10, max: 17 } } },
      ],
      ['no start', { start: '' }, { start: { key: 'programme.error.dateRequired' } }],
      ['an impossible end', { end: '2024-13-01' }, { end: { key: 'programme.error.date' } }],
      [
        'an end before the start',
        { end: '2024-01-14' },
        { end: { key: 'programme.error.endBeforeStart' } },
      ],
      [
        'an empty working day',
        { dayMinutes: '' },
        { dayMinutes: { key: 'programme.error.required' } },
      ],
      [
        'a working day under an hour',
        { dayMinutes: '59' },
        { dayMinutes: { key: 'programme.error.minutes', params: { min: 60, max: 1440 } } },
      ],
      [
        'a Friday longer than the other days',
        { fridayMinutes: '500' },
        { fridayMinutes: { key: 'programme.error.fridayLonger' } },
      ],
      [
        'a Friday that is not a number',
        { fridayMinutes: 'abc' },
        { fridayMinutes: { key: 'programme.error.wholeNumber' } },
      ],
    ])('refuses %s, naming only that field', (_what, change, errors) => {
      expect(checkSettingsDraft({ ...valid, ...change })).toEqual({ ok: false, errors });
    });

    it('does not modify the draft', () => {
      const draft = { ...valid, name: '' };
      const copy = { ...draft };
      checkSettingsDraft(draft);
      expect(draft).toEqual(copy);
    });
  });
});

describe('helpers', () => {
  it('splits region codes on commas, semicolons and spaces', () => {
    expect(splitRegions(' 3506,35.71 ;3505  ')).toEqual(['3506', '35.71', '3505']);
  });

  it('names the regions typed, leaving invalid codes out', () => {
    expect(describeRegions('3506, 35x', 'id')).toBe('Kabupaten Kediri, Jawa Timur');
    expect(describeRegions('', 'en')).toBe('');
  });

  it('splits minutes into hours and minutes', () => {
    expect(hoursAndMinutes('450')).toEqual({ hours: 7, minutes: 30 });
    expect(hoursAndMinutes('x')).toBeNull();
  });
});

describe('SettingsForm', () => {
  let db: SahajaDatabase;
  let active: ActiveProgramme;

  beforeEach(async () => {
    db = new SahajaDatabase('sahaja-settings-form', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    active = new ActiveProgramme(() => db, null);
  });

  afterEach(() => db.close());

  it('starts a new programme with the defaults: Kabupaten Kediri, 16 years, 480 minutes', () => {
    const form = new SettingsForm({ db: () => db, active });
    expect(form.draft).toEqual(newProgrammeDraft());
    expect(form.draft).toMatchObject({ regions: '3506', minimumAge: '16', dayMinutes: '480' });
  });

  it('creates a programme that becomes the active one', async () => {
    await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'), {
      storedOn: '2099-01-01',
    });
    await active.refresh();
    const form = new SettingsForm({ db: () => db, active });
    form.openNew();
    Object.assign(form.draft, valid);

    const row = await form.save();

    expect(row?.kind).toBe('programme');
    expect(form.status).toEqual({ state: 'saved' });
    expect(active.row?.id).toBe(row?.id);
    expect((await listProgrammes(db)).map((p) => p.settings.name)).toContain('Perekaman SMA 2024');
  });

  it('saves nothing while any field is invalid, and shows errors only once a save was tried', async () => {
    const form = new SettingsForm({ db: () => db, active });
    form.openNew();
    expect(form.errors).toEqual({});

    expect(await form.save()).toBeNull();

    expect(form.status).toEqual({ state: 'invalid', count: 3 });
    expect(Object.keys(form.errors)).toEqual(['name', 'referenceDate', 'start']);
    expect(form.firstError).toBe('name');
    expect(await listProgrammes(db)).toEqual([]);

    // The messages follow the typing from then on.
    form.draft.name = 'SMA 2024';
    expect(form.errors.name).toBeUndefined();
  });

  it('edits the demo programme’s settings in place', async () => {
    await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'));
    await active.refresh();
    const form = new SettingsForm({ db: () => db, active });
    form.open(active.row!);
    expect(form.dirty).toBe(false);

    form.draft.minimumAge = '15';
    form.draft.fridayMinutes = '420';
    expect(form.dirty).toBe(true);
    const row = await form.save();

    expect(row?.id).toBe(DEMO_PROGRAMME_ID);
    expect((await getProgramme(db, DEMO_PROGRAMME_ID))?.settings).toMatchObject({
      minimumAge: 15,
      fridayMinutes: 420,
    });
    expect(active.row?.settings.minimumAge).toBe(15);
    expect(form.dirty).toBe(false);
    // The records stay.
    expect((await getProgramme(db, DEMO_PROGRAMME_ID))?.counts.students).toBe(25);
  });

  it('puts back the stored settings on revert', async () => {
    await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'));
    await active.refresh();
    const form = new SettingsForm({ db: () => db, active });
    form.open(active.row!);
    form.draft.name = '';
    form.revert();
    expect(form.draft.name).toBe('Program contoh');
  });

  it('says the programme is gone when it was deleted meanwhile', async () => {
    await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'));
    await active.refresh();
    const form = new SettingsForm({ db: () => db, active });
    form.open(active.row!);
    await db.programmes.delete(DEMO_PROGRAMME_ID);

    expect(await form.save()).toBeNull();
    expect(form.status).toMatchObject({ state: 'failed', error: { code: 'missing' } });
  });

  it('reports a storage failure as a failed save, keeping what was typed', async () => {
    await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'));
    await active.refresh();
    let broken = false;
    const form = new SettingsForm({
      db: () => {
        if (broken) throw new Error('IndexedDB blocked');
        return db;
      },
      active,
    });
    form.open(active.row!);
    form.draft.minimumAge = '15';
    broken = true;

    expect(await form.save()).toBeNull();

    expect(form.status).toEqual({
      state: 'failed',
      error: { code: 'storage', message: 'IndexedDB blocked' },
    });
    expect(form.draft.minimumAge).toBe('15');
    expect(form.dirty).toBe(true);
    expect((await getProgramme(db, DEMO_PROGRAMME_ID))?.settings.minimumAge).toBe(16);
  });

  describe('before a created programme replaces the one in view', () => {
    beforeEach(async () => {
      await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'));
      await active.refresh();
    });

    it('asks, and creates nothing when the answer is no, leaving the form as it was', async () => {
      const confirmSwitch = vi.fn(() => Promise.resolve(false));
      const form = new SettingsForm({ db: () => db, active }, { confirmSwitch });
      form.openNew();
      Object.assign(form.draft, valid);

      expect(await form.save()).toBeNull();

      expect(confirmSwitch).toHaveBeenCalledOnce();
      expect(form.status).toEqual({ state: 'idle' });
      expect(form.draft.name).toBe(valid.name);
      expect(active.row?.id).toBe(DEMO_PROGRAMME_ID);
      expect(await listProgrammes(db)).toHaveLength(1);
    });

    it('creates the programme once the answer is yes', async () => {
      const confirmSwitch = vi.fn(() => Promise.resolve(true));
      const form = new SettingsForm({ db: () => db, active }, { confirmSwitch });
      form.openNew();
      Object.assign(form.draft, valid);

      const row = await form.save();

      expect(confirmSwitch).toHaveBeenCalledOnce();
      expect(active.row?.id).toBe(row?.id);
      expect(await listProgrammes(db)).toHaveLength(2);
    });

    it('does not ask while a field is invalid, nor when saving a stored programme', async () => {
      const confirmSwitch = vi.fn(() => Promise.resolve(true));
      const created = new SettingsForm({ db: () => db, active }, { confirmSwitch });
      created.openNew();
      expect(await created.save()).toBeNull();
      expect(created.status.state).toBe('invalid');

      const stored = new SettingsForm({ db: () => db, active }, { confirmSwitch });
      stored.open(active.row!);
      stored.draft.minimumAge = '15';
      expect((await stored.save())?.settings.minimumAge).toBe(15);

      expect(confirmSwitch).not.toHaveBeenCalled();
    });
  });
});

describe('unsaved edits on the programme screen', () => {
  let db: SahajaDatabase;
  let active: ActiveProgramme;
  let settings: SettingsForm;
  let teams: TeamsForm;
  let created: SettingsForm;
  let unsaved: UnsavedEdits<'settings' | 'teams' | 'new'>;

  beforeEach(async () => {
    db = new SahajaDatabase('sahaja-unsaved', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'));
    active = new ActiveProgramme(() => db, null);
    await active.refresh();
    settings = new SettingsForm({ db: () => db, active });
    settings.open(active.row!);
    teams = new TeamsForm({ db: () => db, active });
    await teams.load(DEMO_PROGRAMME_ID);
    created = new SettingsForm({ db: () => db, active });
    created.openNew();
    unsaved = new UnsavedEdits(() => [
      { part: 'settings', form: settings },
      { part: 'teams', form: teams },
      { part: 'new', form: created, keptOnSwitch: true },
    ]);
  });

  afterEach(() => db.close());

  it('lets an action go on at once when nothing is unsaved', async () => {
    expect(unsaved.dirty).toBe(false);
    expect(await unsaved.confirmDiscard()).toBe(true);
    expect(unsaved.asking).toBeNull();
  });

  it('asks, naming the parts with edits, and keeps them when the person says so', async () => {
    settings.draft.name = 'Nama baru';
    teams.add();
    expect(unsaved.dirtyParts).toEqual(['settings', 'teams']);

    const answer = unsaved.confirmDiscard();
    expect(unsaved.asking).toEqual(['settings', 'teams']);
    unsaved.keep();

    expect(await answer).toBe(false);
    expect(unsaved.asking).toBeNull();
    expect(settings.draft.name).toBe('Nama baru');
    expect(settings.dirty).toBe(true);
  });

  it('goes on once the person discards the edits', async () => {
    settings.draft.minimumAge = '12';
    const answer = unsaved.confirmDiscard();
    expect(unsaved.asking).toEqual(['settings']);
    unsaved.discard();
    expect(await answer).toBe(true);
  });

  it('answers an open question with "keep" when a new one is asked', async () => {
    settings.draft.minimumAge = '12';
    const first = unsaved.confirmDiscard();
    const second = unsaved.confirmDiscard();
    expect(await first).toBe(false);
    unsaved.discard();
    expect(await second).toBe(true);
  });

  it('no longer asks once the edits are saved or reverted', async () => {
    settings.draft.minimumAge = '12';
    expect(unsaved.dirty).toBe(true);
    settings.revert();
    expect(unsaved.dirty).toBe(false);
    teams.add();
    expect(await teams.save()).toBe(true);
    expect(unsaved.dirty).toBe(false);
  });

  it('does not ask about a new programme’s form before a switch, which keeps it', async () => {
    created.draft.name = 'Program baru';
    expect(unsaved.dirtyParts).toEqual(['new']);
    expect(unsaved.switchParts).toEqual([]);
    expect(await unsaved.confirmDiscard()).toBe(true);
    expect(unsaved.asking).toBeNull();
  });

  describe('leaving the screen', () => {
    it('lets the navigation go when nothing is unsaved', () => {
      const go = vi.fn();
      expect(unsaved.leave(go)).toBe(true);
      expect(go).not.toHaveBeenCalled();
    });

    it('holds it back and asks; staying keeps the edits and goes nowhere', async () => {
      settings.draft.name = 'Nama baru';
      const go = vi.fn();
      expect(unsaved.leave(go)).toBe(false);
      expect(unsaved.asking).toEqual(['settings']);
      unsaved.keep();
      await Promise.resolve();
      expect(go).not.toHaveBeenCalled();
      expect(settings.draft.name).toBe('Nama baru');
    });

    it('waits for a save under way and goes without asking once it stored the edits', async () => {
      teams.add();
      const saved = teams.save();
      const go = vi.fn();
      expect(unsaved.leave(go)).toBe(false);
      expect(unsaved.asking).toBeNull();
      expect(await saved).toBe(true);
      await vi.waitFor(() => expect(go).toHaveBeenCalledOnce());
      expect(unsaved.asking).toBeNull();
    });

    it('asks after all when the save under way failed, as the edits are still unsaved', async () => {
      teams.add();
      db.close();
      const saved = teams.save();
      const go = vi.fn();
      expect(unsaved.leave(go)).toBe(false);
      expect(await saved).toBe(false);
      await vi.waitFor(() => expect(unsaved.asking).toEqual(['teams']));
      expect(go).not.toHaveBeenCalled();
      unsaved.keep();
    });

    it('asks about a new programme’s form too', () => {
      created.draft.name = 'Program baru';
      settings.draft.minimumAge = '12';
      expect(unsaved.leave(vi.fn())).toBe(false);
      expect(unsaved.asking).toEqual(['settings', 'new']);
      unsaved.keep();
    });

    it('goes once the person discards, without asking again on the way out', async () => {
      settings.draft.name = 'Nama baru';
      const passed: boolean[] = [];
      const go = vi.fn(() => {
        // The navigation started again comes back through the same check.
        passed.push(unsaved.leave(go));
      });
      expect(unsaved.leave(go)).toBe(false);
      unsaved.discard();
      await vi.waitFor(() => expect(go).toHaveBeenCalledOnce());
      expect(passed).toEqual([true]);
      // Later navigations are asked about again while edits remain.
      await Promise.resolve();
      expect(unsaved.leave(vi.fn())).toBe(false);
      unsaved.keep();
    });
  });
});

describe('the office details (letterhead and signatory)', () => {
  const office = {
    government: ' Pemerintah Kabupaten Kediri ',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    address: 'Jl. Contoh No. 1, Kediri',
    contact: 'Telp. (0354) 000000',
    place: 'Kediri',
    numberPrefix: '470/',
    signatoryTitle: 'Kepala Dinas',
    signatoryName: 'NAMA PEJABAT CONTOH',
    signatoryRank: 'Pembina (IV/a)',
    signatoryNip: '19700101 199503 1 001',
    kkCopies: true,
  };

  it('stores none when nothing is filled in, so a programme without them stays as it was', () => {
    const check = checkSettingsDraft(valid);
    expect(check.ok && 'office' in check.value).toBe(false);
    const blanks = checkSettingsDraft({ ...valid, office: { ...NO_OFFICE, place: '   ' } });
    expect(blanks.ok && 'office' in blanks.value).toBe(false);
  });

  it('stores every detail trimmed and the NIP as its 18 digits', () => {
    const check = checkSettingsDraft({ ...valid, office });
    expect(check.ok && check.value.office).toEqual({
      ...office,
      government: 'Pemerintah Kabupaten Kediri',
      signatoryNip: '197001011995031001',
    });
  });

  it('stores the KK-copies choice alone', () => {
    const check = checkSettingsDraft({ ...valid, office: { ...NO_OFFICE, kkCopies: true } });
    expect(check.ok && check.value.office).toEqual({ ...NO_OFFICE, kkCopies: true });
  });

  it('shows stored details in the form, the NIP grouped as people write it', () => {
    const stored = checkSettingsDraft({ ...valid, office });
    if (!stored.ok) throw new Error('refused');
    const draft = draftFromSettings(stored.value);
    expect(draft.office.signatoryNip).toBe('19700101 199503 1 001');
    expect(checkSettingsDraft(draft)).toEqual(stored);
    expect(draftFromSettings(defaultSettings('X', '2023-01-16')).office).toEqual(NO_OFFICE);
  });

  it('loads settings stored before the office details existed', () => {
    const before = defaultSettings('Program 2023', '2023-01-16');
    expect('office' in before).toBe(false);
    expect(programmeSettingsSchema.safeParse(before).success).toBe(true);
  });

  describe('invalid input', () => {
    it('refuses a NIP that is not 18 digits, naming that detail', () => {
      const check = checkSettingsDraft({
        ...valid,
        office: { ...NO_OFFICE, signatoryNip: '1970 0101' },
      });
      expect(check).toEqual({
        ok: false,
        errors: { 'office.signatoryNip': { key: 'programme.error.nip' } },
      });
    });

    it('refuses a detail that is too long, with its limit', () => {
      const check = checkSettingsDraft({
        ...valid,
        office: { ...NO_OFFICE, place: 'K'.repeat(61), address: 'A'.repeat(241) },
      });
      expect(check).toEqual({
        ok: false,
        errors: {
          'office.place': { key: 'programme.error.tooLong', params: { max: 60 } },
          'office.address': { key: 'programme.error.tooLong', params: { max: 240 } },
        },
      });
    });
  });

  it('saves them with the programme, and points at the first bad detail', async () => {
    const db = new SahajaDatabase('sahaja-settings-office', {
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
    await db.open();
    const active = new ActiveProgramme(() => db, null);
    await replaceProgramme(db, DEMO_PROGRAMME_ID, programmeFixture('A'));
    await active.refresh();
    const form = new SettingsForm({ db: () => db, active });
    form.open(active.row!);

    form.draft.office.signatoryNip = '123';
    expect(await form.save()).toBeNull();
    expect(form.firstError).toBe('office.signatoryNip');

    Object.assign(form.draft.office, office);
    await form.save();
    expect((await getProgramme(db, DEMO_PROGRAMME_ID))?.settings.office?.signatoryName).toBe(
      'NAMA PEJABAT CONTOH',
    );
    expect(form.dirty).toBe(false);
    db.close();
  });
});
