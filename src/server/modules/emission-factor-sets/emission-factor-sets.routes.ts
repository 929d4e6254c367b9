import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  emissionFactorSetEntrySchema,
  emissionFactorSetKeyParamsSchema,
  emissionFactorSetListSchema,
  updateEmissionFactorSetBodySchema,
} from '../../../contracts/analyses';
import { emissionFactorSetSchema } from '../../../contracts/emission-factors';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as sets from './emission-factor-sets.service';

const tags = ['emission-factor-sets'];
const errors = errorResponses;

export const emissionFactorSetRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/emission-factor-sets',
    {
      schema: {
        tags,
        summary: 'The energy carriers and the dated emission factor sets (content files and admin-kept sets)',
        response: { 200: emissionFactorSetListSchema, ...errors },
      },
    },
    async (request) => sets.listEmissionFactorSets(ctx, request.actor),
  );

  app.post(
    '/api/emission-factor-sets',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Add an emission factor set (project management)',
        body: emissionFactorSetSchema,
        response: { 201: emissionFactorSetEntrySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await sets.createEmissionFactorSet(ctx, request.actor, request.body)),
  );

  app.patch(
    '/api/emission-factor-sets/:key',
    {
      schema: {
        tags,
        summary: 'Change an admin-kept factor set; stored mappings keep their factors; stale version → 409',
        params: emissionFactorSetKeyParamsSchema,
        body: updateEmissionFactorSetBodySchema,
        response: { 200: emissionFactorSetEntrySchema, ...errors },
      },
    },
    async (request) => sets.updateEmissionFactorSet(ctx, request.actor, request.params.key, request.body),
  );
};
