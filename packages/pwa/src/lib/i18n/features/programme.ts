import { defineMessages } from '../define';

/** Messages of the programme screens. */
export const programme = defineMessages({}, {});
