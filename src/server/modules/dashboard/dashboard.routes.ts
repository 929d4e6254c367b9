import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardQuerySchema, dashboardSchema } from '../../../contracts/dashboard';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as dashboard from './dashboard.service';

export const dashboardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/dashboard',
    {
      schema: {
        tags: ['funder reports'],
        summary:
          "The programme dashboard of a period: progress against the target, the companies taken up, maturity per area, actions and effects, coaching hours, activities and participants; the programme or one organisation (a coach's own)",
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (request) => dashboard.getDashboard(ctx, request.actor, request.query),
  );
};
