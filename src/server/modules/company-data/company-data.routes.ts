import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../../contracts/common';
import { companyDataExportQuerySchema } from '../../../contracts/company-data';
import type { AppContext } from '../../context';
import * as companyData from './company-data.service';

// A company's own data to take home (decision 043). A module of its own: it reads the action plans,
// analyses and measurements, while company-import, the register's import and list export, reads
// only the register. The spreadsheet helpers both write with are shared (src/server/spreadsheets,
// decision 044).

const tags = ['companies'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

export const companyDataRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/companies/:id/export',
    {
      schema: {
        tags,
        summary:
          "One company's own data (register row, contact persons, measurements, action plan, analyses) as an .xlsx with a sheet each or as JSON",
        params: idParamsSchema,
        querystring: companyDataExportQuerySchema,
        response: {
          200: z
            .instanceof(Buffer)
            .describe('The file (.xlsx, or JSON in the shape of companyDataSchema), as an attachment'),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const file = await companyData.exportCompanyData(ctx, request.actor, request.params.id, request.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );
};
