// Playwright's set-up for the browser tests: one build of client and server, and the data every
// default server starts from.
// @ts-expect-error: a plain .mjs script shared with `npm start`
import { buildIfNeeded } from '../../scripts/build-if-needed.mjs';
import { makeTemplate } from './test-server.ts';

export default async function setup(): Promise<void> {
  (buildIfNeeded as () => boolean)();
  await makeTemplate();
}
