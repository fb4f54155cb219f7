import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are kept only as scrypt hashes (memory-hard, RFC 7914), with their parameters beside them
 * so stronger settings can be adopted later without breaking existing hashes:
 * `scrypt$<N>$<r>$<p>$<salt, base64>$<hash, base64>`.
 */

// One of OWASP's minimum scrypt settings (Password Storage Cheat Sheet): 32 MiB per hash, p=3.
const N = 2 ** 15;
const R = 8;
const P = 3;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  const { N: cost = N, r = R } = options;
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; Node refuses by default above 32 MiB.
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { ...options, maxmem: 256 * cost * r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Compares in constant time; a stored hash in an unknown format never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(options).every((v) => Number.isInteger(v) && v > 0)) return false;
  const key = await derive(password, Buffer.from(salt, 'base64'), options);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;

/** A hash to check against when no such account exists, so a wrong email takes as long as a wrong password. */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('base64'));
  return dummy;
}

/** Crockford base32: no I, L, O or U, so a one-time password read aloud or copied by hand comes out right. */
const READABLE = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time password of 20 characters in groups of five (100 bits), for a person to type once. */
export function generateOneTimePassword(): string {
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => READABLE[b % 32]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
