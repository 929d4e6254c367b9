import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isSignedIn, type Actor, type SignedInActor } from '../../core/roles';
import type { AppContext } from '../context';
import { resolveSession, type PendingSignIn } from '../modules/auth/auth.service';
import { unauthenticated } from '../errors';
import { readSessionToken } from './session-cookie';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** A sign-in waiting for its second factor; only the second-factor routes read it. */
    pendingSignIn: PendingSignIn | null;
  }
}

/** Resolves the actor (or a pending sign-in) of every API request from its session cookie, once. */
export const actorPlugin = fp(async (app: FastifyInstance, options: { ctx: AppContext }) => {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('pendingSignIn', null);
  app.addHook('onRequest', async (request) => {
    const session = request.url.startsWith('/api/')
      ? await resolveSession(options.ctx, readSessionToken(request, options.ctx.config))
      : null;
    request.actor = session?.actor ?? { kind: 'anonymous' };
    request.pendingSignIn = session?.pendingSignIn ?? null;
  });
});

/** The signed-in actor, or 401: routes that need a session call this first. */
export function signedIn(request: FastifyRequest): SignedInActor {
  if (!isSignedIn(request.actor)) throw unauthenticated();
  return request.actor;
}
