import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const root = new URL('..', import.meta.url).pathname;

/**
 * Bundles a benchmark entry (under bench/) and what it imports from src/ into one classic script, the
 * way the app's own build bundles them, and returns its text.
 */
export async function bundleScript(entry: string, outDir: string): Promise<string> {
  const fileName = `${entry.replace(/\W+/g, '-')}.js`;
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    mode: 'production',
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      lib: { entry: join(root, entry), formats: ['iife'], name: 'signpostBench', fileName: () => fileName },
    },
  });
  return readFileSync(join(outDir, fileName), 'utf8');
}
