import { defineMessages } from '../define';

/** Messages of the eligibility screens. */
export const eligibility = defineMessages({}, {});
