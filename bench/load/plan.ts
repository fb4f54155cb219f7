import { spawn } from 'node:child_process';
import { join } from 'node:path';

export type LoadTarget =
  | { kind: 'get'; path: string; headers?: Record<string, string> }
  /** `POST /api/v1/feedback` with fresh submissions: one each (`batchSize` 1) or a batch. */
  | { kind: 'feedback'; batchSize: number };

export interface LoadPlan {
  url: string;
  target: LoadTarget;
  connections: number;
  durationSeconds: number;
  warmupSeconds?: number;
  /** Where the worker writes the ids of submissions the server accepted (2xx), to check them after. */
  acceptedIdsFile?: string;
}

export interface LoadSummary {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  requests: number;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  durationSeconds: number;
  accepted: number;
}

const root = new URL('../..', import.meta.url).pathname;

/** Runs one load plan in a child process, so the load generator never shares a thread with the server. */
export function runLoad(plan: LoadPlan): Promise<LoadSummary> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'bench/load/worker.ts'), JSON.stringify(plan)],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = output.trim().split('\n').at(-1);
      if (code !== 0 || !last) {
        reject(new Error(`The load worker exited with ${code}: ${errors.trim().slice(-500)}`));
        return;
      }
      resolve(JSON.parse(last) as LoadSummary);
    });
  });
}
