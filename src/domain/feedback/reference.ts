/**
 * The reference a person is shown after sending feedback, and can quote to the council: derived from
 * the submission's client-made UUID, so the device knows it before (and without) reaching the server.
 */

/** Crockford's base32: digits and letters with I, L, O and U left out, so nothing reads as another. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'SP';
const GROUP = 5;
const LENGTH = 2 * GROUP;
/** 50 bits: at a million submissions, the chance that any two share a reference is about 1 in 2,000. */
const BITS = 5 * LENGTH;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `SP-7K3QM-9XA2P` for a UUID. The bits come from the UUID's end, which is random in both version 4
 * and version 7 UUIDs (a version 7 UUID begins with a timestamp, RFC 9562 §5.7).
 */
export function referenceFor(id: string): string {
  if (!UUID.test(id)) throw new Error('A reference is made from a UUID');
  const hex = id.replace(/-/g, '').slice(-13);
  // 13 hex digits are 52 bits, within a double's 53 exact bits; the top 2 are dropped.
  let value = parseInt(hex, 16) % 2 ** BITS;
  let code = '';
  for (let i = 0; i < LENGTH; i++) {
    code = ALPHABET[value % 32] + code;
    value = Math.floor(value / 32);
  }
  return `${PREFIX}-${code.slice(0, GROUP)}-${code.slice(GROUP)}`;
}

/**
 * A reference as a person might type or read it out (lower case, spaces, no dashes, O for 0, I or L
 * for 1), in the one spelling `referenceFor` gives; undefined when it cannot be a reference.
 */
export function normaliseReference(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const prefixed = compact.length === PREFIX.length + LENGTH && compact.startsWith(PREFIX);
  const code = prefixed ? compact.slice(PREFIX.length) : compact;
  if (code.length !== LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return undefined;
  return `${PREFIX}-${code.slice(0, GROUP)}-${code.slice(GROUP)}`;
}
