import { defineMessages } from '../define';

/** Messages of the import screens. */
export const imports = defineMessages({}, {});
