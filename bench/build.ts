import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from '../test/support/server.ts';
// @ts-expect-error: a plain .mjs script shared with `npm start`
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';

const root = new URL('..', import.meta.url).pathname;

/**
 * Builds the client and the server into the build folder the benchmark serves (`SIGNPOST_DIST_DIR`,
 * default `dist`). The shared build script always writes the server to `dist/server`, so another build
 * folder gets its own copy of the server here.
 */
export function ensureBuilt(): void {
  (buildIfNeeded as () => boolean)();
  if (distDir === join(root, 'dist')) return;
  const main = join(distDir, 'server/server/main.js');
  const stamp = join(distDir, '.build-stamp');
  if (existsSync(main) && existsSync(stamp) && statSync(main).mtimeMs >= statSync(stamp).mtimeMs) return;
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  spawnSync(process.execPath, [tsc, '-p', 'tsconfig.server.json', '--outDir', join(distDir, 'server')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (!existsSync(main)) throw new Error(`The server did not build into ${main}`);
}
