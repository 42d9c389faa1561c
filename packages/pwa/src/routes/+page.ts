import { DEMO_PROGRAMME_ID, getDatabase, getProgramme, type ProgrammeRow } from '$lib/db';
import type { PageLoad } from './$types';

/** The stored demo programme, shown straight away on later visits. */
export const load: PageLoad = async (): Promise<{
  programme: ProgrammeRow | null;
  storageError: string | null;
}> => {
  try {
    return { programme: await getProgramme(getDatabase(), DEMO_PROGRAMME_ID), storageError: null };
  } catch (thrown) {
    // IndexedDB can be unavailable (blocked by policy, some private modes): say so on the page.
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { programme: null, storageError: message };
  }
};
