import type { DemoRequest } from '$lib/core';
import { DEMO_PROGRAMME_ID, getDatabase, getProgramme, type ProgrammeRow } from '$lib/db';
import { demoRequestFrom } from '$lib/programme/demo-request';
import type { PageLoad } from './$types';

export interface HomeData {
  /** The stored demo programme, shown straight away on later visits. */
  programme: ProgrammeRow | null;
  /** Why the database could not be read, or null. */
  storageError: string | null;
  /** `?demo=1`: load the demo programme at once when none is stored (the link `npm start` prints). */
  autoloadDemo: boolean;
  /**
   * The demo's sizes from `?students=…&registry=…&schools=…` (validated with zod; invalid sizes are
   * ignored), for the automatic load and the load button; empty for the generator's defaults.
   */
  demoRequest: DemoRequest;
}

export const load: PageLoad = async ({ url }): Promise<HomeData> => {
  const autoloadDemo = url.searchParams.get('demo') === '1';
  const demoRequest = demoRequestFrom(url.searchParams);
  try {
    const programme = await getProgramme(getDatabase(), DEMO_PROGRAMME_ID);
    return { programme, storageError: null, autoloadDemo, demoRequest };
  } catch (thrown) {
    // IndexedDB can be unavailable (blocked by policy, some private modes): say so on the page.
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { programme: null, storageError: message, autoloadDemo: false, demoRequest };
  }
};
