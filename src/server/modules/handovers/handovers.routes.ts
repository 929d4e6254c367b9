import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createHandoverRequestBodySchema,
  decideHandoverBodySchema,
  handoverListQuerySchema,
  handoverPageSchema,
  handoverRequestSchema,
} from '../../../contracts/companies';
import { idParamsSchema } from '../../../contracts/common';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as handovers from './handovers.service';

const tags = ['handovers'];
const errors = errorResponses;

export const handoverRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/companies/:id/handover-requests',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Ask to take over a company another organisation holds',
        params: idParamsSchema,
        body: createHandoverRequestBodySchema,
        response: { 201: handoverRequestSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await handovers.requestHandover(ctx, request.actor, request.params.id, request.body.reason)),
  );

  app.get(
    '/api/handover-requests',
    {
      schema: {
        tags,
        summary: 'Hand-over requests (admin: all; coach: those involving their organisation)',
        querystring: handoverListQuerySchema,
        response: { 200: handoverPageSchema, ...errors },
      },
    },
    async (request) => handovers.listHandovers(ctx, request.actor, request.query),
  );

  app.post(
    '/api/handover-requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or refuse a hand-over (admin)',
        params: idParamsSchema,
        body: decideHandoverBodySchema,
        response: { 200: handoverRequestSchema, ...errors },
      },
    },
    async (request) => handovers.decideHandover(ctx, request.actor, request.params.id, request.body),
  );
};
