import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from './server.ts';

const root = new URL('../..', import.meta.url).pathname;

/**
 * A second build of the client with its own version, as the next deployment would be: built once per
 * build of the app (kept beside it in `dist`), so tests that deploy it do not pay for it twice.
 */
export function buildNextVersion(buildId: string): string {
  const outDir = join(distDir, `client-${buildId}`);
  if (isCurrent(outDir)) return outDir;
  // Two workers may want the same version at once: each builds in a folder of its own, and the first
  // to finish moves its build into place, so neither writes into the other's half-made build.
  const ownDir = `${outDir}.${process.pid}`;
  rmSync(ownDir, { recursive: true, force: true });
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', ownDir, '--logLevel', 'error'],
    { cwd: root, env: { ...process.env, NODE_ENV: 'production', SIGNPOST_BUILD_ID: buildId } },
  );
  if (build.status !== 0) throw new Error(`The next version did not build:\n${build.stderr?.toString()}`);
  if (isCurrent(outDir)) {
    rmSync(ownDir, { recursive: true, force: true });
    return outDir;
  }
  rmSync(outDir, { recursive: true, force: true });
  renameSync(ownDir, outDir);
  return outDir;
}

/** Built since the app itself was last built. */
function isCurrent(outDir: string): boolean {
  const built = join(outDir, 'version.json');
  return existsSync(built) && statSync(built).mtimeMs > statSync(join(distDir, '.build-stamp')).mtimeMs;
}
