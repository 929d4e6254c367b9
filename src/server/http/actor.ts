import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isSignedIn, type Actor, type SignedInActor } from '../../core/roles';
import type { AppContext } from '../context';
import { resolveActor } from '../modules/auth/auth.service';
import { unauthenticated } from './errors';
import { readSessionToken } from './session-cookie';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

/** Resolves the actor of every API request from its session cookie, once. */
export const actorPlugin = fp(async (app: FastifyInstance, options: { ctx: AppContext }) => {
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request) => {
    request.actor = request.url.startsWith('/api/')
      ? await resolveActor(options.ctx, readSessionToken(request, options.ctx.config))
      : { kind: 'anonymous' };
  });
});

/** The signed-in actor, or 401: routes that need a session call this first. */
export function signedIn(request: FastifyRequest): SignedInActor {
  if (!isSignedIn(request.actor)) throw unauthenticated();
  return request.actor;
}
