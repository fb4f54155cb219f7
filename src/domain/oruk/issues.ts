import type { z } from 'zod/mini';
import { shown } from './checks.ts';

/** ["service_at_locations", 0, "location", "latitude"] → "service_at_locations[0].location.latitude". */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? 'record' : out;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** A schema problem in words an administrator can act on, naming the field: `name: expected text, got a list`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = fieldPath(issue.path);
  if (issue.code === 'invalid_type') {
    const expected = EXPECTED[issue.expected] ?? issue.expected;
    return `${where}: expected ${expected}, got ${shown(issue.input)}`;
  }
  if (issue.code === 'invalid_union') return `${where}: ${shown(issue.input)} is not text or a list of text`;
  return `${where}: ${issue.message}`;
}
