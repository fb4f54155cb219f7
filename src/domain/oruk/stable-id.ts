// ORUK wants a UUID on every object; ids Signpost does not keep are derived, so a re-export is not a change.

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex8(word: number): string {
  return `${HEX[word >>> 24]}${HEX[(word >>> 16) & 255]}${HEX[(word >>> 8) & 255]}${HEX[word & 255]}`;
}

/** Four 32-bit words → a UUID string of the given version (4 random, 8 custom), with the RFC 9562 variant. */
export function uuidFromWords(
  [a, b, c, d]: readonly [number, number, number, number],
  version: 4 | 8,
): string {
  const middle = hex8(((b & 0xffff0fff) | (version << 12)) >>> 0);
  const variant = hex8(((c & 0x3fffffff) | 0x80000000) >>> 0);
  return `${hex8(a >>> 0)}-${middle.slice(0, 4)}-${middle.slice(4)}-${variant.slice(0, 4)}-${variant.slice(4)}${hex8(d >>> 0)}`;
}

type State = [number, number, number, number];

const INITIAL: State = [1779033703, 3144134277, 1013904242, 2773480762];

function mix([a, b, c, d]: State, text: string): State {
  let h1 = a;
  let h2 = b;
  let h3 = c;
  let h4 = d;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  return [h1, h2, h3, h4];
}

function finish([a, b, c, d]: State): State {
  let h1 = Math.imul(c ^ (a >>> 18), 597399067);
  let h2 = Math.imul(d ^ (b >>> 22), 2869860233);
  const h3 = Math.imul(h1 ^ (c >>> 17), 951274213);
  const h4 = Math.imul(h2 ^ (d >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  return [h1 >>> 0, h2 >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** A 128-bit cyrb128 hash of `name` as four 32-bit words: not for security, only for spreading names out. */
export function hash128(name: string): State {
  return finish(mix(INITIAL, name));
}

/** A version 8 UUID derived from `name`. */
export function stableUuid(name: string): string {
  return uuidFromWords(hash128(name), 8);
}

/** `suffix => stableUuid(prefix + suffix)`, hashing the prefix once for the many ids of one record. */
export function stableUuids(prefix: string): (suffix: string) => string {
  const state = mix(INITIAL, prefix);
  return (suffix) => uuidFromWords(finish(mix(state, suffix)), 8);
}
