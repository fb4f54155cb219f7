import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The boundaries between features are ESLint rules: an import planted where it must not be is refused.
 * The project's own config, with only the import rule run, so no TypeScript program need be built.
 */
const eslint = new ESLint({
  overrideConfig: { languageOptions: { parserOptions: { project: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

async function refusedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const STAFF_FILE = 'src/app/features/staff/staff-links.ts';

describe('feature boundaries', () => {
  it.each([
    ['a feedback component', "import { Radios } from '../feedback/experience/steps/question-step.tsx';"],
    ['the feedback stylesheet', "import '../feedback/feedback.css';"],
    ['feedback by a longer path', "import { x } from '../../features/feedback/routes.ts';"],
  ])('refuses %s in the staff feature', async (_what, line) => {
    const refused = await refusedImports(`${line}\n`, STAFF_FILE);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/components\/, hooks\/, styles\/ or store\//);
  });

  it('keeps the browser rules in the staff feature: no full zod, no server code', async () => {
    const code = "import { z } from 'zod';\nimport { config } from '../../../server/config.ts';\n";
    expect(await refusedImports(code, STAFF_FILE)).toHaveLength(2);
  });

  it('lets the staff feature use the shared parts and the store', async () => {
    const code = [
      "import { TextInput } from '../../components/fields.tsx';",
      "import { useOutbox } from '../../hooks/use-outbox.ts';",
      "import { forgetCachedDrafts } from '../../../store/draft-cache.ts';",
      "import { forgetStaff } from '../../../store/staff-session.ts';",
      '',
    ].join('\n');
    expect(await refusedImports(code, STAFF_FILE)).toEqual([]);
  });

  it('refuses the staff session store outside the staff feature', async () => {
    const code = "import { forgetStaff } from '../../../store/staff-session.ts';\n";
    expect(await refusedImports(code, 'src/app/features/feedback/routes.ts')).toHaveLength(1);
  });
});
