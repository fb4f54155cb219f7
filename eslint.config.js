import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist*/**', 'node_modules/**', '.data/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The house rule: domain is pure; client and server never import each other.
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/app/**', '**/server/**', '**/store/**', '**/sw/**', 'node:*', 'preact*', 'idb'] },
      ],
    },
  },
  {
    files: ['src/app/**', 'src/store/**', 'src/sw/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Full zod costs ~26 KB gzipped in the browser; zod/mini ~5 KB.
          paths: [{ name: 'zod', message: 'Use zod/mini in browser code.' }],
          patterns: ['**/server/**', 'node:*'],
        },
      ],
    },
  },
  {
    files: ['src/server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/app/**', '**/store/**', '**/sw/**'] }] },
  },
  {
    files: ['scripts/**', 'bench/**', 'test/**', '*.config.*', 'src/server/**'],
    languageOptions: { globals: globals.node },
  },
);
