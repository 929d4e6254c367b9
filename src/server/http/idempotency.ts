import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { isSignedIn } from '../../core/roles';
import type { AppContext } from '../context';
import { inRequestTransaction } from '../db/request-transaction';
import * as idempotency from '../modules/idempotency/idempotency.service';

// `Idempotency-Key` on create routes (docs/quality.md R4, docs/decisions/018). A route opts in with
// `config: { acceptsIdempotencyKey: true }`. With the header, the whole request runs in one
// transaction that first takes the key and last stores the answer, so a create that was
// acknowledged and its key are committed together or not at all. A retry with the same key gets
// the first answer again, byte for byte, and creates nothing.

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Create routes: a retry with the same `Idempotency-Key` returns the first answer. */
    acceptsIdempotencyKey?: boolean;
  }
}

export const idempotencyKeyHeader = 'idempotency-key';

/** 1–255 visible ASCII characters (a UUID is the usual choice). */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7E]{1,255}$/, { error: 'Idempotency-Key must be 1 to 255 visible ASCII characters' })
  .describe(
    'Optional. A new random value (e.g. a UUID) per create; a retry with the same key returns the first answer and creates nothing (24 h)',
  );

// Loose: Fastify replaces the request's headers with the parsed value, so the others must stay.
const headersSchema = z.looseObject({ [idempotencyKeyHeader]: idempotencyKeySchema.optional() });

/** The answer the handler produced, kept back until the transaction has committed. */
class NotStored {
  constructor(readonly payload: unknown) {}
}

export const idempotencyPlugin = fp(async (app: FastifyInstance, options: { ctx: AppContext }) => {
  const { ctx } = options;
  app.addHook('onRoute', (route) => {
    if (!route.config?.acceptsIdempotencyKey) return;
    if (route.schema?.headers)
      throw new Error(`${route.url}: a route with an Idempotency-Key declares no other headers`);
    // In place: the route inventory (app.ts onRoute) holds the same schema object.
    route.schema = Object.assign(route.schema ?? {}, { headers: headersSchema });
    route.handler = keyedHandler(ctx, `${String(route.method)} ${route.url}`, route.handler);
  });
});

function keyedHandler(ctx: AppContext, routeName: string, handler: RouteOptions['handler']): RouteOptions['handler'] {
  return async function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
    const key = request.headers[idempotencyKeyHeader];
    // Without a key, or without a user to scope it to (the route answers 401), nothing changes.
    if (typeof key !== 'string' || !isSignedIn(request.actor)) return handler.call(this, request, reply);
    const keyed: idempotency.KeyedRequest = {
      userId: request.actor.userId,
      key,
      route: routeName,
      requestHash: idempotency.requestHashOf(routeName, request.params, request.body),
    };
    const held = holdReply(reply);
    let answer: { response: idempotency.StoredResponse; isReplay: boolean };
    try {
      answer = await inRequestTransaction(ctx.db, async (tx) => {
        const first = await idempotency.claimOrReplay(tx, keyed, ctx.now());
        if (first) return { response: first, isReplay: true };
        const returned: unknown = await handler.call(this, request, reply);
        const payload = held.payload() ?? { value: returned === reply ? undefined : returned };
        // Only a success is kept; anything else rolls back with its key, and a retry runs again.
        if (reply.statusCode < 200 || reply.statusCode > 299) throw new NotStored(payload.value);
        // The route's own serializer, which also checks the answer against the contract.
        const response = { statusCode: reply.statusCode, body: reply.serialize(payload.value) as string };
        await idempotency.storeResponse(tx, keyed, response);
        return { response, isReplay: false };
      });
    } catch (error) {
      held.release();
      if (error instanceof NotStored) return reply.send(error.payload);
      throw error;
    }
    held.release();
    if (answer.isReplay) void reply.header('idempotent-replayed', 'true');
    return reply.status(answer.response.statusCode).type('application/json; charset=utf-8').send(answer.response.body);
  };
}

/**
 * Routes answer with `reply.status(201).send(x)`. While the transaction is open, `send` only
 * records the payload; `then` is hidden too, because a Reply is a thenable that settles when the
 * answer has gone out, and awaiting a handler that returns it would wait forever.
 */
function holdReply(reply: FastifyReply) {
  const own = reply as unknown as Record<string, unknown>;
  let held: { value: unknown } | undefined;
  own.send = (payload: unknown) => {
    held = { value: payload };
    return reply;
  };
  own.then = undefined;
  return {
    payload: () => held,
    release: () => {
      delete own.send;
      delete own.then;
    },
  };
}
