import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Service } from '../src/domain/service.ts';
import { sampleService } from '../scripts/lib/sample-directory.ts';

const root = new URL('..', import.meta.url).pathname;

/**
 * A directory of `count` fictional services, as the sample generator makes them: the first N of a larger
 * directory are the same as a directory of N, so sizes compare.
 */
export function generateServices(count: number): Service[] {
  return Array.from({ length: count }, (_, index) => sampleService(index, { seed: 'signpost-bench' }));
}

/** Writes an ORUK 3.0 feed of `count` services with the project's generator, as an administrator would. */
export function writeOrukFeed(count: number, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'scripts/generate-directory.ts'),
        '--services',
        String(count),
        '--seed',
        'signpost-bench',
        '--out',
        out,
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`generate-directory exited with ${code}: ${errors}`)),
    );
  });
}
