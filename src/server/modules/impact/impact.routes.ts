import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { impactQuerySchema, impactSchema } from '../../../contracts/impact';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { impactWorkbook } from './impact-workbook';
import * as impact from './impact.service';

const tags = ['funder reports'];
const errors = errorResponses;

export const impactRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/impact',
    {
      schema: {
        tags,
        summary:
          'The impact view: per area the companies measured twice, their step change and the support between the two measurements, with the medians behind one step gained',
        querystring: impactQuerySchema,
        response: { 200: impactSchema, ...errors },
      },
    },
    async (request) => impact.buildImpact(ctx, request.actor, request.query),
  );

  // The 200 answer is a file, not JSON (as the company export).
  app.get(
    '/api/impact/export',
    {
      schema: {
        tags,
        summary: 'The impact view as an .xlsx: what it is, the summary, and a sheet per area with its companies',
        querystring: impactQuerySchema,
        response: { 200: z.instanceof(Buffer).describe('The .xlsx file, as an attachment'), ...errors },
      },
    },
    async (request, reply) => {
      const view = await impact.buildImpact(ctx, request.actor, request.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="genomslag-${view.period.from}-${view.period.to}.xlsx"`)
        .send(await impactWorkbook(view));
    },
  );
};
