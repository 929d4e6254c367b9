import { expect } from 'vitest';
import type { ActorName, TestApp } from './test-app';

// Requests through the real HTTP layer as an actor, for the integration tests: one helper instead of
// a copy of `call()` per file. A body is sent as JSON.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type InjectResponse = Awaited<ReturnType<TestApp['app']['inject']>>;

/** One request with the given session cookie (none: signed out). */
export function inject(t: TestApp, cookie: string | undefined, method: Method, url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: {
      ...(cookie !== undefined && { cookie }),
      ...(payload !== undefined && { 'content-type': 'application/json' }),
    },
    ...(payload !== undefined && { payload: JSON.stringify(payload) }),
  });
}

/** `call(actor, method, url, body?)` on the app the test makes in `beforeAll` (read at each call),
 * signed in as the actor with the session the test app keeps for it. */
export function requestsAs(app: () => TestApp) {
  return async function call(
    actor: ActorName,
    method: Method,
    url: string,
    payload?: unknown,
  ): Promise<InjectResponse> {
    const t = app();
    return inject(t, await t.login(actor), method, url, payload);
  };
}

/** The answer's JSON, once its status is the one expected (the body is the failure's message). */
export async function ok<T>(response: InjectResponse, status = 200): Promise<T> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

/** The fields a 400 or 422 answer names, in its order. */
export function fieldsOf(response: InjectResponse): string[] {
  return ((response.json() as { details?: { fields?: { field: string }[] } }).details?.fields ?? []).map(
    (f) => f.field,
  );
}
