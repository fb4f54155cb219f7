import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

export interface ImportProcess {
  child: ChildProcess;
  /** Resolves with the exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals>;
  output: () => string;
}

/** `npm run import -- <feed>` as its own process, from source, on the database `env` names. */
export function startImport(feedUrl: string, env: Record<string, string>): ImportProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/server/cli/import.ts'), feedUrl, '--per-page', '100'],
    { cwd: root, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code ?? -1)),
  );
  return { child, exited, output: () => output };
}
