/**
 * The programme settings form: creates a programme (which becomes the active one) or saves the active
 * programme's settings; nothing is saved while any field is invalid.
 */
import { createProgramme, updateSettings, type ProgrammeRow } from '../db';
import {
  failedSave,
  IDLE,
  liveStatus,
  type FieldErrors,
  type SaveStatus,
  type SetupDependencies,
} from './form';
import {
  checkSettingsDraft,
  draftFromSettings,
  newProgrammeDraft,
  SETTINGS_FIELDS,
  type SettingsDraft,
  type SettingsField,
} from './settings-draft';

/**
 * One settings form: a new programme's (`openNew`) or a stored programme's (`open`). Errors show once
 * the user tried to save, and follow the typing from then on.
 */
export class SettingsForm {
  draft = $state<SettingsDraft>(newProgrammeDraft());
  status = $state.raw<SaveStatus>(IDLE);
  /** The programme these settings belong to; null for a new programme. */
  programmeId = $state<string | null>(null);
  #attempted = $state(false);
  #initial = $state.raw<SettingsDraft>(newProgrammeDraft());

  readonly check = $derived(checkSettingsDraft(this.draft));
  /** The message of each invalid field, once a save was tried. */
  readonly errors = $derived<FieldErrors<SettingsField>>(
    this.#attempted && !this.check.ok ? this.check.errors : {},
  );
  /** The save status to show: a refusal's count follows the corrections. */
  readonly feedback = $derived(liveStatus(this.status, Object.keys(this.errors).length));
  /** The first invalid field in the form's order (where the focus goes), or null. */
  readonly firstError = $derived(SETTINGS_FIELDS.find((field) => this.errors[field]) ?? null);
  /** True when the form differs from what was opened or last saved. */
  readonly dirty = $derived(JSON.stringify(this.draft) !== JSON.stringify(this.#initial));

  #deps: SetupDependencies;

  constructor(deps: SetupDependencies) {
    this.#deps = deps;
  }

  /** Starts a new programme's form with the defaults. */
  openNew(): void {
    this.#reset(null, newProgrammeDraft());
  }

  /** Shows stored programme `row`'s settings for editing. */
  open(row: ProgrammeRow): void {
    this.#reset(row.id, draftFromSettings(row.settings));
  }

  /** Puts back what was opened or last saved. */
  revert(): void {
    this.#reset(this.programmeId, this.#initial);
  }

  /**
   * Saves when every field is valid: creates the programme and makes it active, or replaces the stored
   * programme's settings. Returns the stored row, or null (invalid fields, or a storage failure: see
   * `status`). Does nothing while a save is running.
   */
  async save(): Promise<ProgrammeRow | null> {
    if (this.status.state === 'saving') return null;
    this.#attempted = true;
    const check = this.check;
    if (!check.ok) {
      this.status = { state: 'invalid', count: Object.keys(check.errors).length };
      return null;
    }
    this.status = { state: 'saving' };
    try {
      const db = this.#deps.db();
      const id = this.programmeId;
      const row =
        id === null
          ? await createProgramme(db, check.value)
          : await updateSettings(db, id, check.value);
      if (!row) {
        this.status = { state: 'failed', error: { code: 'missing', message: 'Not stored' } };
        return null;
      }
      this.#deps.active.replace(row);
      if (id === null) this.#deps.active.select(row.id);
      this.#reset(row.id, draftFromSettings(row.settings));
      this.status = { state: 'saved' };
      return row;
    } catch (thrown) {
      this.status = failedSave(thrown);
      return null;
    }
  }

  #reset(programmeId: string | null, draft: SettingsDraft): void {
    this.programmeId = programmeId;
    this.draft = { ...draft };
    this.#initial = { ...draft };
    this.#attempted = false;
    this.status = IDLE;
  }
}
