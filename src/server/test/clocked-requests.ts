import { expect } from 'vitest';
import type { ActorName, TestApp } from './test-app';

// Requests through HTTP as an actor, for tests that move the app's clock through months: a session
// is made afresh whenever the clock has moved (the old one would have ended), and kept while it
// stands still.

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type InjectResponse = Awaited<ReturnType<TestApp['app']['inject']>>;

/** `app` is read at each call: the test makes its app in `beforeAll`. */
export function clockedRequests(app: () => TestApp) {
  const sessions = new Map<ActorName, { at: number; cookie: string }>();

  /** A session of the actor at the test clock's time. */
  async function sessionOf(actor: ActorName): Promise<string> {
    const t = app();
    const known = sessions.get(actor);
    if (known?.at === t.clock.now.getTime()) return known.cookie;
    const cookie = await t.login(actor, { isFresh: true });
    sessions.set(actor, { at: t.clock.now.getTime(), cookie });
    return cookie;
  }

  async function call(actor: ActorName, method: Method, url: string, payload?: unknown): Promise<InjectResponse> {
    return app().app.inject({
      method,
      url,
      headers: {
        cookie: await sessionOf(actor),
        ...(payload !== undefined && { 'content-type': 'application/json' }),
      },
      ...(payload !== undefined && { payload: JSON.stringify(payload) }),
    });
  }

  return { sessionOf, call };
}

/** The answer's JSON, once its status is the one expected (the body is the failure's message). */
export async function ok<T>(response: InjectResponse, status = 200): Promise<T> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}
