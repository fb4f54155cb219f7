/** The journey's addresses. Kept apart from the rules so the router's first page stays small. */
export const GUIDED_PATH = '/help-me-find';
export const CHECK_PATH = `${GUIDED_PATH}/check`;
export const SHORTLIST_PATH = `${GUIDED_PATH}/shortlist`;
export const HELP_NOW_PATH = `${GUIDED_PATH}/help-now`;
