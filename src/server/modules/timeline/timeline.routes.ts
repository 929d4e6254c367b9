import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../contracts/common';
import { timelineQuerySchema, timelineSchema } from '../../../contracts/timeline';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { getCompanyTimeline } from './timeline.service';

export const timelineRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/companies/:id/timeline',
    {
      schema: {
        tags: ['companies'],
        summary: 'Everything that happened with a company, newest first, filtered by kind and date',
        params: idParamsSchema,
        querystring: timelineQuerySchema,
        response: { 200: timelineSchema, ...errorResponses },
      },
    },
    async (request) => getCompanyTimeline(ctx, request.actor, request.params.id, request.query),
  );
};
