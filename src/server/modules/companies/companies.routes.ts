import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyListQuerySchema, companyPageSchema } from '../../../contracts/companies';
import { errorSchema } from '../../../contracts/common';
import type { AppContext } from '../../context';
import * as companies from './companies.service';

export const companyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/companies',
    {
      schema: {
        tags: ['companies'],
        summary: 'The companies you work on',
        querystring: companyListQuerySchema,
        response: { 200: companyPageSchema, 400: errorSchema, 401: errorSchema },
      },
    },
    async (request) => companies.listCompanies(ctx, request.actor, request.query),
  );
};
