// Two app processes against one (issue 14): the throughput of a fixed read mix served by one server
// process, then by two on the same PostgreSQL database, as behind a load balancer, in the same run
// on the same data. The servers are real processes (`src/server/main.ts` under tsx), not the
// in-process app of the other rows, so each has its own event loop, as in production.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, runEntryPoint, untilRunning, type EntryPointRun } from '../src/server/test/entry-point';
import { benchSecondFactorKey, load, login, type Figures, type Request } from './bench-kit';

export type TwoProcesses = {
  one: Figures;
  two: Figures;
  /** Requests a second of two processes divided by one's. */
  ratio: number;
  /** The machine's one-minute load average as the two processes finished: the ratio's context. */
  loadAverage: number;
};

type Server = EntryPointRun & { base: string };

async function startServer(databaseUrl: string, dataDir: string): Promise<Server> {
  const port = await freePort();
  const server = runEntryPoint(['src/server/main.ts'], {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    // The bench's data holds the demo accounts, which production refuses to start with unless asked.
    SEED_DEMO_DATA: 'true',
    SECOND_FACTOR_KEY: benchSecondFactorKey.toString('hex'),
    SECURE_COOKIES: 'false',
    // No reminder scan of the filled programme at start: only the requests are measured.
    JOBS_ENABLED: 'false',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    SHUTDOWN_DRAIN_MS: '0',
  });
  try {
    await untilRunning(server);
  } catch (error) {
    server.child.kill('SIGKILL');
    throw error;
  }
  return { ...server, base: `http://127.0.0.1:${port}` };
}

/**
 * The read mix (company list page 1, a company's page, "my week", in turn) sent `requests` times by
 * `connections` clients, first all to one process, then spread over two, each request to the next
 * process in turn. The coach's session is made on the first process and used on both.
 */
export async function measureTwoProcesses(
  databaseUrl: string,
  companyId: string,
  options: { requests: number; connections: number },
): Promise<TwoProcesses> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iiw-bench-two-'));
  const servers: Server[] = [];
  try {
    servers.push(await startServer(databaseUrl, dataDir));
    const cookie = await login(servers[0]!.base, 'coach.idc@demo.industryinwest.example');
    const paths = ['/api/companies?page=1&pageSize=25', `/api/companies/${companyId}`, '/api/my-week'];
    const mix =
      (bases: string[]) =>
      (i: number): Request => ({
        url: `${bases[i % bases.length]}${paths[Math.floor(i / bases.length) % paths.length]}`,
        init: { headers: { cookie } },
      });
    const run = async (name: string, bases: string[]) => {
      // Untimed first: each process's first requests compile code paths and open pool connections.
      await load('warm-up', mix(bases), { seconds: 0, connections: options.connections, requests: 30 * bases.length });
      return load(name, mix(bases), { seconds: 0, ...options });
    };
    const one = await run('read mix, one process', [servers[0]!.base]);
    servers.push(await startServer(databaseUrl, dataDir));
    const two = await run(
      'read mix, two processes',
      servers.map((server) => server.base),
    );
    return {
      one,
      two,
      ratio: Number((two.requestsPerSecond / one.requestsPerSecond).toFixed(2)),
      loadAverage: Number(os.loadavg()[0]!.toFixed(2)),
    };
  } finally {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
