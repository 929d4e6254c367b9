import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema } from '../../../contracts/common';
import { outboxPageSchema, outboxQuerySchema } from '../../../contracts/outbox';
import type { AppContext } from '../../context';
import * as outbox from './outbox.service';

export const outboxRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/outbox',
    {
      schema: {
        tags: ['outbox'],
        summary: 'E-mails sent or kept in the development outbox (admin)',
        querystring: outboxQuerySchema,
        response: { 200: outboxPageSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (request) => outbox.listOutboxMessages(ctx, request.actor, request.query),
  );
};
