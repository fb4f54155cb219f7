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
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ['test/support/database-templates.ts'],
        },
      },
    ],
  },
});
