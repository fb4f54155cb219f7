/** The optional page that asks what was missing, after Partly or No. `?from=search|guided`. */
export const MISSING_PATH = '/what-was-missing';
/** "Did it help?": the services saved or called a few weeks ago, one at a time. */
export const FOLLOW_UP_PATH = '/did-it-help';
/** For analysts: where people did not find what they needed, beside the services that meet that need. */
export const GAPS_PATH = '/staff/dashboard/gaps';
