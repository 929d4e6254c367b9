import { inject, type InjectResponse, type Method } from './requests';
import type { ActorName, TestApp } from './test-app';

export { ok, type InjectResponse } from './requests';

// Requests through HTTP as an actor, for tests that move the app's clock through months: a session
// is made afresh whenever the clock has moved (the old one would have ended), and kept while it
// stands still.

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
    return inject(app(), await sessionOf(actor), method, url, payload);
  }

  return { sessionOf, call };
}
