/**
 * The programme settings form: creates a programme (which becomes the active one) or saves the active
 * programme's settings; nothing is saved while any field is invalid.
 */
import { createProgramme, updateSettings, type ProgrammeRow } from '../db';
import { DraftForm, type DraftCheck, type DraftWrite } from './draft-form.svelte';
import type { SetupDependencies } from './form';
import {
  checkSettingsDraft,
  draftFromSettings,
  newProgrammeDraft,
  SETTINGS_FIELDS,
  type SettingsDraft,
  type SettingsField,
} from './settings-draft';
import type { ProgrammeSettings } from './settings';

/** What a settings form may ask before it acts. */
export interface SettingsFormOptions {
  /**
   * Asked before a created programme becomes the active one (which closes the forms of the programme
   * in view): true goes on; false stores nothing and leaves the form as it is.
   */
  readonly confirmSwitch?: () => Promise<boolean>;
}

/**
 * One settings form: a new programme's (`openNew`) or a stored programme's (`open`). Errors show once
 * the user tried to save, and follow the typing from then on.
 */
export class SettingsForm extends DraftForm<
  SettingsDraft,
  SettingsField,
  ProgrammeSettings,
  ProgrammeRow
> {
  /** The programme these settings belong to; null for a new programme. */
  programmeId = $state<string | null>(null);

  /** The first invalid field in the form's order (where the focus goes), or null. */
  readonly firstError = $derived(SETTINGS_FIELDS.find((field) => this.errors[field]) ?? null);

  #deps: SetupDependencies;
  #confirmSwitch: () => Promise<boolean>;

  constructor(deps: SetupDependencies, options: SettingsFormOptions = {}) {
    super(newProgrammeDraft());
    this.#deps = deps;
    this.#confirmSwitch = options.confirmSwitch ?? (() => Promise.resolve(true));
  }

  /** Starts a new programme's form with the defaults. */
  openNew(): void {
    this.programmeId = null;
    this.reset(newProgrammeDraft());
  }

  /** Shows stored programme `row`'s settings for editing. */
  open(row: ProgrammeRow): void {
    this.programmeId = row.id;
    this.reset(draftFromSettings(row.settings));
  }

  /** Puts back what was opened or last saved. */
  revert(): void {
    this.reset(this.initial);
  }

  /**
   * Saves when every field is valid: creates the programme and makes it active (once `confirmSwitch`
   * agreed), or replaces the stored programme's settings. Returns the stored row, or null (invalid
   * fields, a storage failure: see `status`; or the switch declined). Does nothing while a save runs.
   */
  override async save(): Promise<ProgrammeRow | null> {
    const creating = this.programmeId === null && this.status.state !== 'saving';
    if (creating && this.check.ok && !(await this.#confirmSwitch())) return null;
    return super.save();
  }

  protected checkDraft(draft: SettingsDraft): DraftCheck<SettingsField, ProgrammeSettings> {
    return checkSettingsDraft(draft);
  }

  protected async write(settings: ProgrammeSettings): Promise<DraftWrite<ProgrammeRow>> {
    const db = this.#deps.db();
    const id = this.programmeId;
    const row =
      id === null ? await createProgramme(db, settings) : await updateSettings(db, id, settings);
    if (!row) return { ok: false, error: { code: 'missing', message: 'Not stored' } };
    this.#deps.active.replace(row);
    if (id === null) this.#deps.active.select(row.id);
    this.open(row);
    return { ok: true, value: row };
  }
}
