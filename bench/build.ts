import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from '../test/support/server.ts';
// @ts-expect-error: a plain .mjs script shared with `npm start`
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';

/** Builds the client and the server into the build folder the benchmark serves (`SIGNPOST_DIST_DIR`). */
export function ensureBuilt(): void {
  (buildIfNeeded as () => boolean)();
  const main = join(distDir, 'server/server/main.js');
  if (!existsSync(main)) throw new Error(`The server did not build into ${main}`);
}
