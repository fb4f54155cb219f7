import { availableParallelism } from 'node:os';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Each test's suffix names its kind, and each kind runs as its own project so the fast ones run apart.
// Browser tests (`*.browser.test.ts`) are not vitest's: @playwright/test runs them (playwright.config.ts).
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
          // Guards, not waits: every test does bounded work, but scrypt hashing and a few hundred requests can
          // take past 30 s on a 2-core machine running other suites beside them.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Half their time is spent waiting on a database or a child server, so one per core (vitest's
          // default leaves a core idle) runs them in about two thirds of the time.
          maxWorkers: availableParallelism(),
          globalSetup: ['test/support/database-templates.ts'],
        },
      },
    ],
  },
});
