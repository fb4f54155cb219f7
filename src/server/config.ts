import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  staticDir: string;
  trustProxy: TrustedProxies;
  /** The least severe log lines written: `info` by default; `warn` or `error` for fewer. */
  logLevel: string;
  /** `SIGNPOST_SECRET`: the master secret itself (base64), for platforms that give secrets as variables. */
  secret: string | undefined;
  /** `SIGNPOST_SECRET_FILE`: where the master secret is kept; made on first start when absent. */
  secretFile: string;
  /** `SECURITY_CONTACT`: where vulnerabilities are reported, as `/.well-known/security.txt` says. */
  securityContact: string;
  version: string;
}

/**
 * Which proxies in front of the server may be believed about the client: the nearest `hops` of them, or
 * those at `addresses` (single addresses or CIDR ranges). `{ hops: 0 }` believes no forwarded header.
 */
export type TrustedProxies = { hops: number } | { addresses: readonly string[] };

/**
 * `TRUST_PROXY`: unset or `0` for none, a number of proxies (`1` behind nginx or one load balancer), or
 * a comma-separated list of their addresses and ranges (`10.0.0.0/8, 192.0.2.1`). Anything else stops the
 * server, because guessing wrong would let clients choose their own address for the rate limits.
 */
export function parseTrustProxy(text: string | undefined): TrustedProxies {
  const value = (text ?? '').trim();
  if (value === '' || value === 'false') return { hops: 0 };
  // `true` meant "behind one proxy" before hops could be counted.
  if (value === 'true') return { hops: 1 };
  if (/^\d+$/.test(value)) return { hops: Number(value) };
  const addresses = value.split(',').map((entry) => entry.trim());
  for (const entry of addresses) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const version = isIP(address);
    const bits = version === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (version === 0 || !prefixOk || rest.length > 0) {
      throw new Error(
        `TRUST_PROXY must be a number of proxies or a list of their addresses, not "${text}" ("${entry}" is neither)`,
      );
    }
  }
  return { addresses };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** `LOG_LEVEL`: one of pino's levels, `info` when unset. */
export function parseLogLevel(text: string | undefined): string {
  const level = (text ?? '').trim().toLowerCase() || 'info';
  if (!LOG_LEVELS.includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${text}"`);
  return level;
}

/** The sample project's fictional address; a deployment sets its own. */
export const DEFAULT_SECURITY_CONTACT = 'mailto:security@signpost.example';

/** `SECURITY_CONTACT`: an email address or a `mailto:` or `https:` address (RFC 9116 §2.5.3). */
export function parseSecurityContact(text: string | undefined): string {
  const value = (text ?? '').trim();
  if (value === '') return DEFAULT_SECURITY_CONTACT;
  if (/^[^\s@:/?#]+@[^\s@:/?#]+\.[a-z]{2,}$/i.test(value)) return `mailto:${value}`;
  if (/^mailto:[^\s@?#]+@[^\s@?#]+$/i.test(value) || /^https:\/\/\S+$/i.test(value)) return value;
  throw new Error(`SECURITY_CONTACT must be an email address or an https:// address, not "${text}"`);
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
  const dataDir = resolve(env.DATA_DIR ?? './.data');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    staticDir: resolve(env.STATIC_DIR ?? resolve(root, 'dist/client')),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    secret: env.SIGNPOST_SECRET || undefined,
    securityContact: parseSecurityContact(env.SECURITY_CONTACT),
    // Beside the database's folder, not in it: a dump or copy of the database does not carry it.
    secretFile: resolve(env.SIGNPOST_SECRET_FILE || resolve(dataDir, 'secret.key')),
    version: readVersion(),
  };
}
