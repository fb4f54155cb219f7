import { createHmac, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { Context } from 'hono';
import type { Database } from '../db/database.ts';

/**
 * Who is asking, for rate limits: the socket's remote address, or the first `X-Forwarded-For` hop
 * when a trusted proxy put it there. Only a keyed hash of it is ever stored.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const first = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (first) return first;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** An IPv6 home or phone gets a whole /64 to itself, so the /64 is what identifies one client. */
export function addressForLimits(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!isIPv6(plain)) return plain;
  const [head = '', tail = ''] = plain.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = plain.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

const KEY_NAME = 'rate-limit-hash-key';
const keys = new WeakMap<Database, Promise<Buffer>>();

/** One secret per deployment, in the database so every process hashes alike; kept out of the code and the logs. */
function hashKey(db: Database): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = (async () => {
      await db.query(
        'insert into app_meta (key, value) values ($1, to_jsonb($2::text)) on conflict (key) do nothing',
        [KEY_NAME, randomBytes(32).toString('base64')],
      );
      const [row] = await db.query<{ value: string }>('select value from app_meta where key = $1', [
        KEY_NAME,
      ]);
      if (!row) throw new Error('The rate-limit key could not be stored');
      return Buffer.from(row.value, 'base64');
    })();
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

/** A keyed hash, so a stored value cannot be turned back into an address or email by trying them all. */
export async function privateKeyHash(db: Database, purpose: string, value: string): Promise<string> {
  return createHmac('sha256', await hashKey(db))
    .update(`${purpose}\u0000${value}`)
    .digest('base64url');
}

/** Whether `X-Forwarded-For` may be believed: the app's `trustProxy` option, else the `TRUST_PROXY` setting. */
export function trustsProxy(ctx: { trustProxy?: boolean }): boolean {
  return ctx.trustProxy ?? (process.env.TRUST_PROXY === '1' || process.env.TRUST_PROXY === 'true');
}
