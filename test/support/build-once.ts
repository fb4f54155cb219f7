// Vitest global set-up for the browser tests: one build of client and server for the whole run.
// @ts-expect-error: a plain .mjs script shared with `npm start`
import { buildIfNeeded } from '../../scripts/build-if-needed.mjs';

export default function setup(): void {
  (buildIfNeeded as () => boolean)();
}
