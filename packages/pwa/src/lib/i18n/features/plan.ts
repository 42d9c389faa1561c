import { defineMessages } from '../define';

/** Messages of the plan screens. */
export const plan = defineMessages({}, {});
