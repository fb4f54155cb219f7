import { shown } from './checks.ts';
import { describeIssue, fieldPath } from './issues.ts';
import type { FieldWarning } from './problems.ts';
import { OrukService } from './schema.ts';

/** Fields a service cannot be listed without: a value of the wrong kind there keeps the record out. */
const ESSENTIAL = new Set(['id', 'name']);

export type ReadRecord =
  { ok: true; record: OrukService; warnings: FieldWarning[] } | { ok: false; reasons: string[] };

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}

/** A copy of `root` without the values at `paths`: object keys deleted, list items removed. */
function without(root: unknown, paths: readonly (readonly PropertyKey[])[]): unknown {
  const copy = structuredClone(root) as Record<PropertyKey, unknown>;
  const removals = new Map<unknown[], number[]>();
  for (const path of paths) {
    const parent = valueAt(copy, path.slice(0, -1));
    const key = path.at(-1);
    if (Array.isArray(parent) && typeof key === 'number') {
      removals.set(parent, [...(removals.get(parent) ?? []), key]);
    } else if (typeof parent === 'object' && parent !== null && key !== undefined) {
      delete (parent as Record<PropertyKey, unknown>)[key];
    }
  }
  for (const [list, indexes] of removals) {
    for (const index of [...new Set(indexes)].sort((a, b) => b - a)) list.splice(index, 1);
  }
  return copy;
}

/**
 * A raw record → the ORUK service it holds. A value of the wrong kind in an optional field (a phone
 * list sent as text, a latitude of "north") is set aside with a warning and the rest is read; only a
 * record that is not an object, or whose id or name is of the wrong kind, cannot be read.
 */
export function readRecord(raw: unknown): ReadRecord {
  let input = raw;
  const warnings: FieldWarning[] = [];
  // Each round sets aside what the last one found; nested mistakes can take a few rounds to surface.
  for (let round = 0; round < 4; round++) {
    const parsed = OrukService.safeParse(input, { reportInput: true });
    if (parsed.success) return { ok: true, record: parsed.data, warnings };
    const issues = parsed.error.issues;
    const fatal = issues.filter((issue) => issue.path.length === 0 || ESSENTIAL.has(String(issue.path[0])));
    if (fatal.length > 0) return { ok: false, reasons: fatal.map(describeIssue) };
    for (const issue of issues) {
      const problem = describeIssue(issue).slice(fieldPath(issue.path).length + 2);
      warnings.push({
        field: fieldPath(issue.path),
        value: shown(valueAt(input, issue.path)),
        reason: `could not be read (${problem}); left out`,
      });
    }
    input = without(
      input,
      issues.map((issue) => issue.path),
    );
  }
  return { ok: false, reasons: ['record: its structure could not be read'] };
}
