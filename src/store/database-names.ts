/**
 * The names of the device's databases and of the channels that announce their changes, apart from the
 * stores themselves so the app's shell can look into them without loading them (`stored-count.ts`).
 */
export const OUTBOX_DATABASE = 'signpost-outbox';
export const OUTBOX_CHANNEL = 'signpost-outbox';
export const SAVED_LIST_DATABASE = 'signpost-saved';
export const SAVED_LIST_CHANNEL = 'signpost-saved-list';
export const FOLLOW_UPS_DATABASE = 'signpost-follow-ups';
export const FOLLOW_UPS_CHANNEL = 'signpost-follow-ups';
export const STAFF_DATABASE = 'signpost-staff';
