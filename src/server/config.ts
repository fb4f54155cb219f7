import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  staticDir: string;
  trustProxy: boolean;
  version: string;
}

/** The project folder: the nearest one up with a package.json, whether running from src or dist. */
function findProjectRoot(from: string): string {
  let dir = from;
  while (!existsSync(resolve(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const projectRoot = findProjectRoot(import.meta.dirname);
const root = projectRoot;

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Every setting comes from the environment, so the same build runs anywhere (twelve-factor). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    staticDir: resolve(env.STATIC_DIR ?? resolve(root, 'dist/client')),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    version: readVersion(),
  };
}
