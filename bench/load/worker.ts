// The load generator, run as its own process (`node --import tsx bench/load/worker.ts '<json>'`) so that
// it does not share an event loop with what it measures. Prints one JSON line: the run's summary.
import autocannon, { type RequestDefinition } from 'autocannon';
import { writeFileSync } from 'node:fs';
import { assertValidFeedbackBody, feedbackBody, someonesAddress } from './feedback-payloads.ts';
import type { LoadPlan, LoadSummary } from './plan.ts';

const plan = JSON.parse(process.argv[2] ?? '{}') as LoadPlan;
const accepted: string[] = [];

function request(): RequestDefinition {
  const target = plan.target;
  if (target.kind === 'get') return { method: 'GET', path: target.path, headers: target.headers ?? {} };
  assertValidFeedbackBody(target.batchSize);
  let n = 0;
  return {
    method: 'POST',
    path: '/api/v1/feedback',
    headers: { 'content-type': 'application/json' },
    setupRequest(req, context) {
      const { ids, body } = feedbackBody(target.batchSize, n);
      n += target.batchSize;
      context.ids = ids;
      // Each request from another phone (the server trusts X-Forwarded-For here), as in real use.
      return { ...req, body, headers: { ...req.headers, 'x-forwarded-for': someonesAddress() } };
    },
    onResponse(status, _body, context) {
      if (status >= 200 && status < 300) accepted.push(...(context.ids as string[]));
    },
  };
}

const result = await autocannon({
  url: plan.url,
  connections: plan.connections,
  duration: plan.durationSeconds,
  timeout: 30,
  requests: [request()],
  ...(plan.warmupSeconds ? { warmup: { connections: plan.connections, duration: plan.warmupSeconds } } : {}),
});
if (plan.acceptedIdsFile) writeFileSync(plan.acceptedIdsFile, JSON.stringify(accepted));
const statusCounts = Object.fromEntries(
  Object.entries(result.statusCodeStats).map(([status, stats]) => [status, stats.count]),
);
const summary: LoadSummary = {
  requestsPerSecond: result.requests.average,
  latencyMs: {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
  },
  requests: Object.values(statusCounts).reduce((t, c) => t + c, 0),
  statusCounts,
  errors: result.errors,
  timeouts: result.timeouts,
  durationSeconds: result.duration,
  accepted: accepted.length,
};
console.log(JSON.stringify(summary));
