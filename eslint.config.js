import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
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
    // Type-aware rules: each TypeScript file is checked with the project that builds it.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.sw.json', './tsconfig.server.json', './tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    // Preact's hooks follow React's rules: called unconditionally, effects list what they read.
    files: ['src/app/**/*.{ts,tsx}', 'test/component/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
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
    // Staff is one feature: only its own pages and hooks read or change the device's staff session.
    files: ['src/app/**'],
    ignores: ['src/app/features/staff/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'Use zod/mini in browser code.' }],
          patterns: [
            { group: ['**/server/**', 'node:*'] },
            { group: ['**/store/staff-session*'], message: 'Use the staff feature (features/staff/).' },
          ],
        },
      ],
    },
  },
  {
    // Staff is one feature, and feedback and insight use it, not the reverse: what they share is in
    // components/, hooks/, i18n/, styles/ or store/.
    files: ['src/app/features/staff/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'Use zod/mini in browser code.' }],
          patterns: [
            { group: ['**/server/**', 'node:*'] },
            {
              group: ['**/feedback/**'],
              message: 'Move what staff and feedback share to components/, hooks/, styles/ or store/.',
            },
            {
              group: ['**/features/insight/**', '../insight/**'],
              message: 'Move what staff and insight share to components/, hooks/, i18n/ or styles/.',
            },
          ],
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
