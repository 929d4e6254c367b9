import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/client';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('health (R9)', () => {
  it('reports the database up, then down once it is gone, while /livez stays up', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ok', database: 'up' });
    const realPing = t.database.ping;
    t.database.ping = () => Promise.reject(new Error('connection refused'));
    try {
      const down = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: 'unavailable', database: 'down' });
      expect((await t.app.inject({ method: 'GET', url: '/livez' })).statusCode).toBe(200);
    } finally {
      t.database.ping = realPing;
    }
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

/** A TCP relay to the PostgreSQL server that the test can cut and mend, like a network fault. */
async function startRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const listen = (port: number) =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve((server!.address() as net.AddressInfo).port));
    });
  const port = await listen(0);
  return {
    port,
    cut: async () => {
      await new Promise((resolve) => {
        server!.close(resolve);
        for (const socket of sockets) socket.destroy();
      });
    },
    mend: () => listen(port),
  };
}

describe.skipIf(!serverUrl)('health against a PostgreSQL server that goes away (R9)', () => {
  it('reports down within seconds of losing the server and up again once it is back', async () => {
    const target = new URL(serverUrl!);
    const relay = await startRelay(target);
    const url = new URL(serverUrl!);
    url.hostname = '127.0.0.1';
    url.port = String(relay.port);
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
    const { app } = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database });
    const readyz = async () => {
      const started = Date.now();
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      return { status: response.statusCode, ms: Date.now() - started };
    };
    try {
      expect((await readyz()).status).toBe(200);
      await relay.cut();
      const down = await readyz();
      expect(down.status).toBe(503);
      expect(down.ms).toBeLessThan(5000);
      expect((await app.inject({ method: 'GET', url: '/livez' })).statusCode).toBe(200);
      await relay.mend();
      const deadline = Date.now() + 10_000;
      let up = await readyz();
      while (up.status !== 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        up = await readyz();
      }
      expect(up.status).toBe(200);
    } finally {
      await app.close();
      await relay.cut();
      await database.close().catch(() => {});
    }
  });
});
