import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../../../contracts/common';
import { companyExportQuerySchema } from '../../../contracts/companies';
import {
  importCommitBodySchema,
  importFileSchema,
  importPreviewSchema,
  importResultSchema,
} from '../../../contracts/company-import';
import type { AppContext } from '../../context';
import * as companyImport from './company-import.service';

const tags = ['companies'];
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
  422: errorSchema,
};
/** A 5 MB file grows by a third in base64, plus the JSON around it. */
const importBodyLimit = 8 * 1024 * 1024;

export const companyImportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/companies/import/preview',
    {
      bodyLimit: importBodyLimit,
      schema: {
        tags,
        summary: 'What importing an .xlsx or CSV file would do, row by row (nothing is saved)',
        body: importFileSchema,
        response: { 200: importPreviewSchema, ...errors },
      },
    },
    async (request) => companyImport.previewCompanyImport(ctx, request.actor, request.body),
  );

  app.post(
    '/api/companies/import',
    {
      config: { acceptsIdempotencyKey: true },
      bodyLimit: importBodyLimit,
      schema: {
        tags,
        summary: 'Import companies from an .xlsx or CSV file in one transaction: all rows or none, or the valid rows',
        body: importCommitBodySchema,
        response: { 200: importResultSchema, ...errors },
      },
    },
    async (request) => companyImport.importCompanies(ctx, request.actor, request.body),
  );

  // The 200 answer is a file, not JSON. Fastify sends a Buffer as it is, past the serializer; the
  // schema only types the reply and documents the answer.
  app.get(
    '/api/companies/export',
    {
      schema: {
        tags,
        summary: 'The companies you may list, with the list filters, as an .xlsx or CSV file (at most 100 000 rows)',
        querystring: companyExportQuerySchema,
        response: { 200: z.instanceof(Buffer).describe('The file (.xlsx or CSV), as an attachment'), ...errors },
      },
    },
    async (request, reply) => {
      const file = await companyImport.exportCompanies(ctx, request.actor, request.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-export-truncated', String(file.isTruncated))
        .send(file.content);
    },
  );
};
