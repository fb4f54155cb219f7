import { readdirSync, readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// While the browser suite moves to @playwright/test, the files already moved run there, not here.
const browserDir = new URL('test/browser/', import.meta.url);
const movedToPlaywright = readdirSync(browserDir)
  .filter((name) => name.endsWith('.browser.test.ts'))
  .filter((name) => !readFileSync(new URL(name, browserDir), 'utf8').includes("from 'vitest'"))
  .map((name) => `test/browser/${name}`);

// Each test's suffix names its kind, and each kind runs as its own project so the fast ones run apart.
export default defineConfig({
  test: {
    projects: [
      {
        // Generous limits: property tests and the 2,400-service round trip run on busy 2-core CI machines.
        test: { name: 'unit', include: ['test/**/*.unit.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        plugins: [preact()],
        test: {
          name: 'component',
          include: ['test/**/*.component.test.tsx'],
          environment: 'happy-dom',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['test/**/*.server.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          exclude: movedToPlaywright,
          environment: 'node',
          globalSetup: ['test/support/build-once.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
