import { createHmac } from 'node:crypto';
import { BlockList, isIP, isIPv6 } from 'node:net';
import type { Context } from 'hono';
import type { TrustedProxies } from '../config.ts';
import type { Secrets } from '../secrets.ts';

/** The address a request came from over the network: the client, or the nearest proxy. */
function socketAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** One `X-Forwarded-For` entry as a plain address: without brackets, port or IPv4-mapped prefix. */
function plainAddress(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  const unported = bracketed?.[1] ?? entry.replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  return unported.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

const proxyLists = new WeakMap<readonly string[], BlockList>();

function isListedProxy(addresses: readonly string[], address: string): boolean {
  let list = proxyLists.get(addresses);
  if (!list) {
    list = new BlockList();
    for (const entry of addresses) {
      const [ip = '', prefix] = entry.split('/');
      const type = isIPv6(ip) ? 'ipv6' : 'ipv4';
      if (prefix === undefined) list.addAddress(plainAddress(ip), type);
      else list.addSubnet(ip, Number(prefix), type);
    }
    proxyLists.set(addresses, list);
  }
  const version = isIP(address);
  return version !== 0 && list.check(address, version === 6 ? 'ipv6' : 'ipv4');
}

/**
 * Who is asking, for rate limits. Proxies such as nginx and cloud load balancers append the address
 * they saw to `X-Forwarded-For`, after whatever the client wrote there itself, so the client is the first
 * hop from the right that is not a trusted proxy: never an entry further left, which anyone can write.
 * Only a keyed hash of the answer is ever stored.
 */
export function clientAddress(c: Context, trusted: TrustedProxies): string {
  const socket = plainAddress(socketAddress(c));
  if (!trustsProxy(trusted)) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => plainAddress(entry.trim()))
    .filter((entry) => entry !== '');
  const chain = [...forwarded, socket];
  if ('hops' in trusted) return chain[Math.max(0, chain.length - 1 - trusted.hops)] ?? socket;
  for (let i = chain.length - 1; i > 0; i--) {
    const hop = chain[i] ?? socket;
    if (!isListedProxy(trusted.addresses, hop)) return hop;
  }
  return chain[0] ?? socket;
}

/** Whether any proxy's forwarded headers may be believed at all. */
export function trustsProxy(trusted: TrustedProxies): boolean {
  return 'hops' in trusted ? trusted.hops > 0 : trusted.addresses.length > 0;
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

/**
 * A keyed hash, so a stored value cannot be turned back into an address or email by trying them all:
 * the key is a secret kept outside the database (`server/secrets.ts`).
 */
export function privateKeyHash(secrets: Secrets, purpose: string, value: string): string {
  return createHmac('sha256', secrets.hashKey).update(`${purpose}\u0000${value}`).digest('base64url');
}
