import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Each test's suffix names its kind, and each kind runs as its own project so the fast ones run apart.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['test/**/*.unit.test.ts'], environment: 'node' },
      },
      {
        plugins: [preact()],
        test: {
          name: 'component',
          include: ['test/**/*.component.test.tsx'],
          environment: 'happy-dom',
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
