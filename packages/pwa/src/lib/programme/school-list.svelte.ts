/**
 * The schools screen's state: the active programme's schools with their student counts, a filter by
 * name, NPSN or kecamatan, and the one school being edited.
 */
import { listSchoolsWithCounts, type SchoolWithCount } from '../db';
import type { SetupDependencies } from './form';
import type { LoadState } from './record-list.svelte';
import { kecamatanName } from './school-draft';
import { SchoolForm } from './school-form.svelte';

/**
 * Whether `school` matches what was typed in the filter: every word is in its name (in any order), or
 * the whole text is in its NPSN, kecamatan code or kecamatan name (case ignored). An empty filter
 * matches every school.
 *
 * @example
 * matchesFilter({ nama: 'SMA Negeri 1 Pare', npsn: '20512345', kecamatan: '35.06.17', … }, 'pare 1') // true
 */
export function matchesFilter(school: SchoolWithCount, filter: string): boolean {
  const text = filter.trim().toLocaleLowerCase('id');
  if (text === '') return true;
  const name = school.nama.toLocaleLowerCase('id');
  if (text.split(/\s+/).every((word) => name.includes(word))) return true;
  return [school.npsn, school.kecamatan, kecamatanName(school.kecamatan) ?? ''].some((field) =>
    field.toLocaleLowerCase('id').includes(text),
  );
}

export class SchoolList {
  /** The programme's schools, by name. */
  schools = $state.raw<readonly SchoolWithCount[]>([]);
  filter = $state('');
  loadState = $state<LoadState>('idle');
  loadError = $state<string | null>(null);
  /** The school being edited, or null. */
  editor = $state.raw<SchoolForm | null>(null);
  /** The name of the school saved last (for the confirmation), or null. */
  lastSaved = $state<string | null>(null);
  programmeId = $state<string | null>(null);

  readonly shown = $derived(this.schools.filter((school) => matchesFilter(school, this.filter)));

  #deps: SetupDependencies;
  #loads = 0;

  constructor(deps: SetupDependencies) {
    this.#deps = deps;
  }

  /** Reads programme `programmeId`'s schools with their student counts; closes any editor. */
  async load(programmeId: string): Promise<void> {
    const load = ++this.#loads;
    this.programmeId = programmeId;
    this.loadState = 'loading';
    this.loadError = null;
    this.editor = null;
    this.lastSaved = null;
    let read: Awaited<ReturnType<typeof listSchoolsWithCounts>>;
    try {
      read = await listSchoolsWithCounts(this.#deps.db(), programmeId);
    } catch (thrown) {
      read = { ok: false, error: { code: 'storage', message: String(thrown) } };
    }
    // A newer load (another programme chosen meanwhile) wins.
    if (load !== this.#loads) return;
    if (!read.ok) {
      this.schools = [];
      this.loadState = 'failed';
      this.loadError = read.error.message;
      return;
    }
    this.schools = read.value.sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
    this.loadState = 'loaded';
  }

  /** Opens school `npsn` for editing (another school's unsaved edits are dropped). */
  edit(npsn: string): SchoolForm | null {
    const school = this.schools.find((s) => s.npsn === npsn);
    const programmeId = this.programmeId;
    if (!school || programmeId === null) return null;
    this.lastSaved = null;
    this.editor = new SchoolForm(this.#deps, programmeId, school);
    return this.editor;
  }

  /** Closes the editor without saving. */
  close(): void {
    this.editor = null;
  }

  /** Saves the school being edited; on success shows it in the list and closes the editor. */
  async save(): Promise<boolean> {
    const editor = this.editor;
    if (!editor) return false;
    const saved = await editor.save();
    if (!saved) return false;
    this.schools = this.schools.map((s) => (s.npsn === saved.npsn ? saved : s));
    if (this.editor === editor) this.editor = null;
    this.lastSaved = saved.nama;
    return true;
  }
}
