/**
 * The app's one pemadanan runner. It outlives the screen: a run started on the matching screen goes on
 * (and is stored) while the user looks at another screen, and the screen shows its progress again on
 * return; the home page keeps the demo from being replaced while it runs.
 */
import { core } from '../core';
import { appUpdate } from '../platform/app-update.svelte';
import { MatchRunner } from './match-runner.svelte';

export const matcher = new MatchRunner({ core, hold: () => appUpdate.hold() });
