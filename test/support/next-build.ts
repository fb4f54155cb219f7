import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from './server.ts';

const root = new URL('../..', import.meta.url).pathname;

/**
 * A second build of the client with its own version, as the next deployment would be: built once per
 * build of the app (kept beside it in `dist`), so tests that deploy it do not pay for it twice.
 */
export function buildNextVersion(buildId: string): string {
  const outDir = join(distDir, `client-${buildId}`);
  const stamp = join(distDir, '.build-stamp');
  const built = join(outDir, 'version.json');
  if (existsSync(built) && statSync(built).mtimeMs > statSync(stamp).mtimeMs) return outDir;
  rmSync(outDir, { recursive: true, force: true });
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--logLevel', 'error'],
    { cwd: root, env: { ...process.env, NODE_ENV: 'production', SIGNPOST_BUILD_ID: buildId } },
  );
  if (build.status !== 0) throw new Error(`The next version did not build:\n${build.stderr?.toString()}`);
  return outDir;
}
