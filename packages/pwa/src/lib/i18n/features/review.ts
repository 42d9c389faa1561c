import { defineMessages } from '../define';

/** Messages of the review screens. */
export const review = defineMessages({}, {});
