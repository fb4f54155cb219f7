import fc from 'fast-check';

/** Text written to break something: SQL, markup, template and path tricks, and characters that upset parsers. */
export const HOSTILE_TEXT = [
  "' or 1=1 --",
  "'); drop table services; --",
  '" or ""="',
  '%',
  '_',
  '\\',
  '%25',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202egnp.exe',
  '\u2066isolate\u2069\u202d',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'prototype',
  '${7*7}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '275760-09-13T00:00:00Z',
  '-1',
  '1e309',
  'NaN',
  '[]',
  '{}',
  'null',
  '\uFEFF',
  '💥🏳️‍🌈',
  ' ',
] as const;

/** Percent-escapes that do not decode to valid UTF-8, or do not decode at all. */
export const BROKEN_ESCAPES = [
  '%FF',
  '%C3%28',
  '%ED%A0%80',
  '%F4%90%80%80',
  '%C0%AF',
  '%00',
  '%',
  '%%',
  '%zz',
];

/** Long enough to overflow a careless column or buffer, short enough that four fit in a URL (16 KB in Node). */
const longText = fc.integer({ min: 300, max: 500 }).map((n) => `${'ä'.repeat(n)}\u202e`);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: longText },
);

/** One query-string part, already encoded: well-formed, or broken escapes as a hand-made URL has them. */
export const queryPart: fc.Arbitrary<string> = fc.oneof(
  hostileString.map(encodeURIComponent_),
  fc.constantFrom(...BROKEN_ESCAPES),
);

/** `encodeURIComponent`, except that a lone surrogate (which it refuses) is sent as its raw escape. */
function encodeURIComponent_(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return BROKEN_ESCAPES[2]!;
  }
}

/** A query string with the names the API knows, prototype keys and junk, each given hostile values. */
export function hostileQuery(names: readonly string[]): fc.Arbitrary<string> {
  const name = fc.oneof(
    fc.constantFrom(
      ...names,
      '__proto__',
      'constructor',
      '__proto__[polluted]',
      'constructor[prototype][polluted]',
    ),
    queryPart,
  );
  return fc
    .array(fc.tuple(name, queryPart), { maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
}

/** JSON nested `depth` levels deep: parsers and validators that recurse run out of stack on it. */
export function deeplyNested(depth: number, kind: 'list' | 'object' = 'list'): string {
  return kind === 'list'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Bodies for routes that read one: JSON of every shape, prototype keys, broken bytes, deep nesting. */
export const hostileBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  {
    weight: 2,
    arbitrary: fc
      .dictionary(
        fc.oneof(hostileString, fc.constantFrom('id', 'kind', 'email', 'password')),
        fc.jsonValue({ maxDepth: 2 }),
        {
          maxKeys: 5,
        },
      )
      .map((value) => JSON.stringify(value)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '[{"__proto__":{"polluted":true},"kind":"experience"}]',
      deeplyNested(40_000),
      deeplyNested(20_000, 'object'),
      '{"kind":"experience","id":"\\u0000","words":"\\ud800"}',
      '',
      'null',
      '{',
      '\uFEFF{}',
    ),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  { weight: 1, arbitrary: hostileString },
);

export const hostileContentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/vnd.api+json',
  'application/json; charset=latin1',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/xml',
  'application/octet-stream',
  undefined,
);
