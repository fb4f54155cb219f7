import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { normaliseEmail, StaffEmail } from '../domain/staff.ts';
import { syncSettings, type SyncSettings } from './directory/sync.ts';
import { DEFAULT_GRACE_DAYS, MAX_GRACE_DAYS } from '../domain/measures/publication.ts';

/**
 * Every setting the server reads from its environment, parsed here once, so the same build runs
 * anywhere (twelve-factor) and a wrong value stops the server at start with a message that names it.
 * No other server module reads `process.env`; the README's settings table lists each one.
 */
export interface ServerConfig {
  /** `PORT`: where to listen. */
  port: number;
  /** `HOST`: the address to listen on. */
  host: string;
  /** `DATA_DIR`: where PGlite keeps its files (in `pgdata/` inside it). */
  dataDir: string;
  /** `DATABASE_URL`: a PostgreSQL server to use instead of PGlite. */
  databaseUrl: string | undefined;
  /** `STATIC_DIR`: the built client. */
  staticDir: string;
  /** `TRUST_PROXY`: which proxies in front of us may be believed about the client. */
  trustProxy: TrustedProxies;
  /** `LOG_LEVEL`: the least severe log lines written: `info` by default; `warn` or `error` for fewer. */
  logLevel: string;
  /** `SIGNPOST_SECRET`: the master secret itself (base64), for platforms that give secrets as variables. */
  secret: string | undefined;
  /** `SIGNPOST_SECRET_FILE`: where the master secret is kept; made on first start when absent. */
  secretFile: string;
  /** `SECURITY_CONTACT`: where vulnerabilities are reported, as `/.well-known/security.txt` says. */
  securityContact: string;
  /** `ADMIN_EMAIL`: the first admin's account, made when there are no staff accounts at all. */
  adminEmail: string;
  /** `RETENTION_MONTHS`: how long people's words and contact details are kept. */
  retentionMonths: number;
  /** `SIGNPOST_FEED_URL` and `SIGNPOST_FEED_INTERVAL_MINUTES`: the scheduled sync, when a feed is set. */
  feedSync: SyncSettings | undefined;
  /** `MEASURES_GRACE_DAYS`: days after a month ends before it may be published (docs/measures.md). */
  graceDays: number;
  /** From package.json, not the environment: what `/api/health` reports. */
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

/** `MEASURES_GRACE_DAYS`: a whole number of days from 0 to 31, 7 when unset. */
export function parseGraceDays(text: string | undefined): number {
  const value = (text ?? '').trim();
  if (value === '') return DEFAULT_GRACE_DAYS;
  const days = Number(value);
  if (!/^\d+$/.test(value) || days > MAX_GRACE_DAYS)
    throw new Error(
      `MEASURES_GRACE_DAYS must be a whole number of days from 0 to ${MAX_GRACE_DAYS}, not "${text}"`,
    );
  return days;
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

export const DEFAULT_ADMIN_EMAIL = 'admin@signpost.example';
export const DEFAULT_RETENTION_MONTHS = 24;

/** The project folder: the nearest one up with a package.json, whether running from src or dist. */
function findProjectRoot(from: string): string {
  let dir = from;
  while (!existsSync(resolve(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const projectRoot = findProjectRoot(import.meta.dirname);

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** An unset or empty variable counts as not given. */
function given(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}

export function parsePort(text: string | undefined): number {
  const port = Number(given(text) ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${text}"`);
  return port;
}

export function parseAdminEmail(text: string | undefined): string {
  const email = normaliseEmail(given(text) ?? DEFAULT_ADMIN_EMAIL);
  if (!StaffEmail.safeParse(email).success)
    throw new Error(`ADMIN_EMAIL must be an email address, not "${text}"`);
  return email;
}

export function parseRetentionMonths(text: string | undefined): number {
  if (given(text) === undefined) return DEFAULT_RETENTION_MONTHS;
  const months = Number(text);
  if (!Number.isInteger(months) || months < 1 || months > 1200) {
    throw new Error(`RETENTION_MONTHS must be a whole number of months, not "${text}"`);
  }
  return months;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = resolve(given(env.DATA_DIR) ?? './.data');
  return {
    port: parsePort(env.PORT),
    host: given(env.HOST) ?? '0.0.0.0',
    dataDir,
    databaseUrl: given(env.DATABASE_URL),
    staticDir: resolve(given(env.STATIC_DIR) ?? resolve(projectRoot, 'dist/client')),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    secret: given(env.SIGNPOST_SECRET),
    securityContact: parseSecurityContact(env.SECURITY_CONTACT),
    graceDays: parseGraceDays(env.MEASURES_GRACE_DAYS),
    // Beside the database's folder, not in it: a dump or copy of the database does not carry it.
    secretFile: resolve(given(env.SIGNPOST_SECRET_FILE) ?? resolve(dataDir, 'secret.key')),
    adminEmail: parseAdminEmail(env.ADMIN_EMAIL),
    retentionMonths: parseRetentionMonths(env.RETENTION_MONTHS),
    feedSync: syncSettings(env),
    version: readVersion(),
  };
}
