import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../contracts/common';
import { portalSchema } from '../../../contracts/portal';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as portal from './portal.service';

const tags = ['companies'];

export const portalRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/companies/:id/portal',
    {
      schema: {
        tags,
        summary: "The company portal's first page: the coach, actions due and coming activities of one company",
        params: idParamsSchema,
        response: { 200: portalSchema, ...errorResponses },
      },
    },
    async (request) => portal.getPortal(ctx, request.actor, request.params.id),
  );
};
