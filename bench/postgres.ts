import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';

const root = new URL('..', import.meta.url).pathname;

/**
 * The PostgreSQL server the benchmark may use: `DATABASE_URL`, or the throwaway CI server that
 * `.ci/start-postgres.sh` starts on 127.0.0.1. Undefined (with the reason) when neither is there.
 */
export function findPostgresServer(): { url?: string; reason?: string } {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const script = join(root, '.ci/start-postgres.sh');
  if (!existsSync(script)) return { reason: 'DATABASE_URL is not set and .ci/start-postgres.sh is missing' };
  const started = spawnSync(script, { encoding: 'utf8', timeout: 60_000 });
  const url = started.stdout?.trim().split('\n').at(-1);
  if (started.status !== 0 || !url?.startsWith('postgres')) {
    return {
      reason: `DATABASE_URL is not set and .ci/start-postgres.sh could not start one (${started.stderr?.trim().split('\n').at(-1) ?? `exit ${started.status}`})`,
    };
  }
  return { url };
}

/** A database of its own on the server, dropped afterwards, so the benchmark never touches real data. */
export async function throwawayDatabase(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `signpost_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
