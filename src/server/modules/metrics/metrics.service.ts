import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../../context';
import { AppError, unauthenticated } from '../../errors';
import * as q from './metrics.queries';

// GET /metrics in Prometheus's text format (decision 037): request durations by route and status,
// the connection pool's use, the job runner's queues and the outbox's undelivered messages, next to
// Node's own process figures. Each app has its own registry, so tests can build several apps in
// one process. The figures from the database are read at each scrape, so every process of an
// installation reports the same counts for them: aggregate them with max(), not sum().

export type Metrics = {
  registry: Registry;
  /** Called once per answered request; `route` is the route's pattern, never the raw URL. */
  observeRequest: (method: string, route: string | undefined, statusCode: number, seconds: number) => void;
};

/** The bars of docs/quality.md P5 (25 ms, 50 ms, 250 ms, 1 s) fall on bucket bounds. */
const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(ctx: AppContext): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: 'iiw_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer, by route pattern and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: durationBuckets,
    registers: [registry],
  });
  const { poolUse } = ctx.database;
  if (poolUse) {
    new Gauge({
      name: 'iiw_database_pool_connections',
      help: 'Connections of the PostgreSQL pool, by state',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const use = poolUse();
        this.set({ state: 'active' }, use.total - use.idle);
        this.set({ state: 'idle' }, use.idle);
      },
    });
    new Gauge({
      name: 'iiw_database_pool_waiting_requests',
      help: 'Queries waiting for a free connection of the pool',
      registers: [registry],
      collect() {
        this.set(poolUse().waiting);
      },
    });
    new Gauge({
      name: 'iiw_database_pool_max_connections',
      help: 'The size of the pool',
      registers: [registry],
      collect() {
        this.set(poolUse().max);
      },
    });
  }
  new Gauge({
    name: 'iiw_job_queue_jobs',
    help: 'Jobs of the job runner (pg-boss) by queue and state; created and retry are the queue depth',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await q.countJobs(ctx.database.db)) this.set({ queue: row.queue, state: row.state }, row.jobs);
    },
  });
  new Gauge({
    name: 'iiw_outbox_undelivered_messages',
    help: 'E-mails of the outbox not delivered over SMTP, by state: waiting (for an attempt) or failed (given up)',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      for (const row of await q.countUndelivered(ctx.database.db)) this.set({ state: row.state }, row.messages);
    },
  });
  return {
    registry,
    observeRequest: (method, route, statusCode, seconds) =>
      requestDuration.observe({ method, route: route ?? 'unmatched', status_code: String(statusCode) }, seconds),
  };
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares in constant time: the digests have one length whatever was sent. */
function isMetricsToken(expected: string, authorization: string | undefined): boolean {
  const sent = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
  return sent !== undefined && timingSafeEqual(digest(sent), digest(expected));
}

/** The metrics for the holder of METRICS_TOKEN; without a token configured there is no such
 * route (404), and a missing or wrong token answers 401 whatever session the request carries. */
export async function readMetrics(
  ctx: AppContext,
  metrics: Metrics | undefined,
  authorization: string | undefined,
): Promise<{ contentType: string; text: string }> {
  const token = ctx.config.metricsToken;
  if (!token || !metrics) throw new AppError('not_found', 'No route GET /metrics');
  if (!isMetricsToken(token, authorization)) throw unauthenticated('Send the metrics token: Authorization: Bearer …');
  return { contentType: metrics.registry.contentType, text: await metrics.registry.metrics() };
}
