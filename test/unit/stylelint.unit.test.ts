import stylelint from 'stylelint';
import { describe, expect, it } from 'vitest';

/** Lints CSS as if it were the named file, with the project's own Stylelint config. */
async function rulesBroken(code: string, codeFilename: string): Promise<string[]> {
  const { results } = await stylelint.lint({ code, codeFilename });
  return (results[0]?.warnings ?? []).map((w) => w.rule);
}

const featureFile = 'src/app/features/directory/directory.css';

describe('the design system is enforced by Stylelint', () => {
  it.each([
    ['a hex colour', '.a { color: #fff; }', 'color-no-hex'],
    ['a named colour', '.a { background: red; }', 'color-named'],
    ['a colour function', '.a { fill: rgb(0 0 0); }', 'function-disallowed-list'],
    ['a literal rem margin', '.a { margin-block: 0.5rem; }', 'declaration-property-value-disallowed-list'],
    ['a literal rem gap', '.a { gap: 1rem var(--space-2); }', 'declaration-property-value-disallowed-list'],
    ['a literal font size', '.a { font-size: 1.1rem; }', 'declaration-property-value-disallowed-list'],
    [
      'a token that does not exist',
      '.a { color: var(--brand-colour); }',
      'csstools/value-no-unknown-custom-properties',
    ],
  ])('refuses %s in a feature', async (_what, code, rule) => {
    expect(await rulesBroken(code, featureFile)).toContain(rule);
  });

  it('accepts tokens, scales and system colours in a feature', async () => {
    const code = [
      '.a {',
      '  margin-block: var(--space-2) 0;',
      '  padding: calc(var(--target) / 2 + var(--space-2));',
      '  font-size: var(--text-l);',
      '  color: var(--ink);',
      '  border: 2px solid transparent;',
      '}',
      '',
      '@media (forced-colors: active) {',
      '  .a {',
      '    border-color: CanvasText;',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await rulesBroken(code, featureFile)).toEqual([]);
  });

  it('lets the colour settings, and only them, write colours', async () => {
    const code = ':root {\n  --paper: #fff;\n}\n';
    expect(await rulesBroken(code, 'src/app/styles/settings/colours.css')).toEqual([]);
    expect(await rulesBroken(code, 'src/app/styles/components/panel.css')).toContain('color-no-hex');
  });
});
