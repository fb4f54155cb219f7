/**
 * Where a page's Back link goes when it was opened straight from a link, a bookmark or the home screen,
 * with no page of this app before it: its parent. Start pages and confirmation pages have no Back link;
 * the questions of a journey have their own, to the question before.
 */
export type BackRule = { kind: 'none' } | { kind: 'own' } | { kind: 'parent'; path: string };

const NONE: BackRule = { kind: 'none' };
const OWN: BackRule = { kind: 'own' };
const parent = (path: string): BackRule => ({ kind: 'parent', path });

/** In order: the first rule whose pattern matches the path applies. */
const RULES: Array<[RegExp, BackRule]> = [
  // Start pages: the front door, and where each journey begins.
  [/^\/$/, NONE],
  [/^\/help-me-find$/, NONE],
  [/^\/feedback$/, NONE],
  [/^\/staff$/, NONE],
  [/^\/staff\/record$/, NONE],
  // Confirmation pages: what was sent cannot be gone back into; they link on instead.
  [/^\/feedback\/sent\//, NONE],
  [/^\/staff\/record\/sent\//, NONE],
  [/^\/services\/[^/]+\/report\/sent\//, NONE],
  // Journeys, whose Back goes to the question before.
  [/^\/help-me-find\//, OWN],
  [/^\/feedback\//, OWN],
  [/^\/staff\/record\//, OWN],
  [/^\/services\/[^/]+\/report$/, OWN],
  // Everything else goes up a level.
  [/^\/services\/[^/]+$/, parent('/search')],
  [/^\/insight\/.+/, parent('/insight')],
  [/^\/staff\/dashboard\/.+/, parent('/staff/dashboard')],
  [/^\/staff\/sign-in$/, parent('/')],
  [/^\/staff\/.+/, parent('/staff')],
];

export function backRuleFor(path: string): BackRule {
  const trimmed = path.replace(/\/+$/, '') || '/';
  return RULES.find(([pattern]) => pattern.test(trimmed))?.[1] ?? parent('/');
}
