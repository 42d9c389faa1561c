import type { MatchingData } from './matching-data.svelte';
import {
  notFoundEntries,
  notFoundSchools,
  type NotFoundEntry,
  type NotFoundSchool,
} from './not-found';

export type { NotFoundEntry, NotFoundSchool };

/**
 * The students with no match (TIDAK_COCOK: TIDAK_DITEMUKAN for eligibility), by school and name,
 * filtered by school. Their families usually have to update the family card (KK) at Dukcapil first.
 */
export class NotFoundList {
  #data: MatchingData;
  /** The NPSN of the school shown, or '' for every school. */
  school = $state('');

  readonly all = $derived.by((): readonly NotFoundEntry[] =>
    notFoundEntries(this.#data.rows.values(), this.#data.students, this.#data.schools),
  );

  /** The schools that have such students, by name, with how many. */
  readonly schools = $derived.by((): readonly NotFoundSchool[] => notFoundSchools(this.all));

  /** The entries of the school chosen (all when none is). */
  readonly entries = $derived(
    this.school === '' ? this.all : this.all.filter((e) => e.npsn === this.school),
  );

  constructor(data: MatchingData) {
    this.#data = data;
  }
}
