// Builds the client and the server when their sources are newer than the last build, so `npm start`
// on a fresh clone just works and a second start is instant.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// SIGNPOST_DIST_DIR lets two checkouts' test runs build side by side without overwriting each other.
const dist = join(root, process.env.SIGNPOST_DIST_DIR ?? 'dist');
const stamp = join(dist, '.build-stamp');
const inputs = [
  'src',
  'locales',
  'public',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  'tsconfig.server.json',
];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// TypeScript still writes JavaScript when it finds a type error; `npm test` is where type errors fail.
function compileServer() {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const args = [tsc, '-p', 'tsconfig.server.json', '--outDir', join(dist, 'server')];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0 && !existsSync(join(dist, 'server/server/main.js'))) process.exit(1);
  if (result.status !== 0)
    console.warn('The server has type errors (above); `npm run typecheck` lists them.');
}

export const distDir = dist;

export function buildIfNeeded({ force = false } = {}) {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changed = Math.max(...inputs.map((p) => newestChange(join(root, p))));
  const complete =
    existsSync(join(dist, 'client/index.html')) && existsSync(join(dist, 'server/server/main.js'));
  if (!force && built > changed && complete) return false;
  console.log('Building Signpost…');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  run(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', join(dist, 'client')]);
  compileServer();
  mkdirSync(dist, { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`)
  buildIfNeeded({ force: process.argv.includes('--force') });
