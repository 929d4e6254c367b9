import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner, type JobRunner } from '../../jobs/job-runner';
import { createTestApp, fixtures, type TestApp } from '../../test/test-app';

// GET /metrics (decision 037): Prometheus's text format for the holder of METRICS_TOKEN only.

const token = 'm'.repeat(24) + '-metrics-token-of-this-test';

/** One sample's value from the text format, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics without METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('does not exist (404), for a bearer token and for an admin alike', async () => {
    const anonymous = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(anonymous.statusCode).toBe(404);
    const admin = await t.app.inject({ method: 'GET', url: '/metrics', headers: { cookie: await t.login('admin') } });
    expect(admin.statusCode).toBe(404);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  let runner: JobRunner;
  const scrape = () => t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    t = await createTestApp({ env: { METRICS_TOKEN: token } });
    // The job runner's queues exist once it has started; without workers its jobs stay queued.
    runner = createJobRunner(t.ctx, { hasWorkers: false });
    await runner.start();
  });
  afterAll(async () => {
    await runner?.stop({ graceful: false });
    await t?.close();
  });

  it('answers 401 without the token, with a wrong one, and to a signed-in admin', async () => {
    const cases = [
      {},
      { authorization: 'Bearer wrong-token-wrong-token-wrong-token' },
      { authorization: `Basic ${Buffer.from(`x:${token}`).toString('base64')}` },
      { authorization: `Bearer ${token}x` },
      { cookie: await t.login('admin') },
    ];
    for (const headers of cases) {
      const response = await t.app.inject({ method: 'GET', url: '/metrics', headers });
      expect(response.statusCode, JSON.stringify(headers)).toBe(401);
      expect(response.json()).toMatchObject({ code: 'unauthenticated' });
      expect(response.body).not.toContain('iiw_');
    }
  });

  it('counts requests by route pattern and status, never by the raw URL', async () => {
    const cookie = await t.login('coachOwn');
    await t.app.inject({ method: 'GET', url: `/api/companies/${fixtures.ownCompanyId}`, headers: { cookie } });
    await t.app.inject({ method: 'GET', url: `/api/companies/${fixtures.otherCompanyId}`, headers: { cookie } });
    await t.app.inject({
      method: 'GET',
      url: '/api/companies/00000000-0000-4000-8000-999999999999',
      headers: { cookie },
    });
    await t.app.inject({ method: 'GET', url: '/api/no-such-route/with-an-id-123', headers: { cookie } });

    const response = await scrape();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = response.body;
    const count = (route: string, status: number) =>
      sample(text, `iiw_http_request_duration_seconds_count{method="GET",route="${route}",status_code="${status}"}`);
    // The own company 200; another organisation's and an unknown one both 404 (decision 003).
    expect(count('/api/companies/:id', 200)).toBe(1);
    expect(count('/api/companies/:id', 404)).toBe(2);
    expect(count('unmatched', 404)).toBe(1);
    expect(text).not.toContain(fixtures.ownCompanyId);
    expect(text).not.toContain('with-an-id-123');
    // A request within 25 ms falls in the bucket of P5's bar for lists and details.
    expect(text).toContain(
      'iiw_http_request_duration_seconds_bucket{le="0.025",method="GET",route="/api/companies/:id"',
    );
    // Node's own figures.
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('reports the job queues by state and the outbox', async () => {
    const text = (await scrape()).body;
    // The runner queued one reminder scan at its start, and nothing ran it.
    expect(sample(text, 'iiw_job_queue_jobs{queue="reminders-scan",state="created"}')).toBe(1);
    expect(sample(text, 'iiw_job_queue_jobs{queue="reminder-email",state="created"}')).toBe(0);
    expect(sample(text, 'iiw_job_queue_jobs{queue="reminder-email",state="failed"}')).toBe(0);
    expect(sample(text, 'iiw_outbox_undelivered_messages{state="waiting"}')).toBe(0);
    expect(sample(text, 'iiw_outbox_undelivered_messages{state="failed"}')).toBe(0);
  });

  it('reports the connection pool on PostgreSQL, and none on the embedded PGlite', async () => {
    const text = (await scrape()).body;
    if (t.database.kind === 'postgres') {
      // The test database's pool (test-app.ts) has 4 connections.
      expect(sample(text, 'iiw_database_pool_max_connections')).toBe(4);
      expect(sample(text, 'iiw_database_pool_waiting_requests')).toBe(0);
      expect(sample(text, 'iiw_database_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(0);
    } else {
      expect(text).not.toContain('iiw_database_pool');
    }
  });
});
