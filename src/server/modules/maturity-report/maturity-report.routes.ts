import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../contracts/common';
import { maturityReportQuerySchema } from '../../../contracts/maturity-report';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { maturityReportOf } from './maturity-report.service';

const tags = ['maturity'];

export const maturityReportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/companies/:id/maturity-report',
    {
      schema: {
        tags,
        summary:
          'The maturity report as a PDF (Mognadsrapport): cover, summary, each area with its step, radar, change and peers, the action plan and the energy summary',
        params: idParamsSchema,
        querystring: maturityReportQuerySchema,
        // The 200 answer is a file, not JSON (as the state aid documents).
        response: { 200: z.instanceof(Buffer).describe('The PDF file, as an attachment'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await maturityReportOf(ctx, request.actor, request.params.id, request.query);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );
};
