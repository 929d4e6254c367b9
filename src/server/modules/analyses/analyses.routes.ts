import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { emptySchema, errorSchema, idParamsSchema } from '../../../contracts/common';
import {
  analysisLimits,
  analysisListSchema,
  analysisSchema,
  attachmentListSchema,
  attachmentSchema,
  convertedFindingSchema,
  createAnalysisBodySchema,
  createFindingBodySchema,
  findingSchema,
  updateAnalysisBodySchema,
  updateFindingBodySchema,
  uploadAttachmentBodySchema,
  versionBodySchema,
} from '../../../contracts/analyses';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as analyses from './analyses.service';
import * as attachments from './attachments.service';
import * as findings from './findings.service';

const tags = ['analyses'];
const errors = errorResponses;
/** A 10 MB file grows by a third in base64, plus the JSON around it; a larger body answers 413. */
const uploadBodyLimit = Math.ceil((analysisLimits.attachmentMaxBytes * 4) / 3) + 64 * 1024;

/** RFC 6266: an ASCII fallback name and the exact name in UTF-8 (RFC 5987). */
function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const analysisRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/companies/:id/analyses',
    {
      schema: {
        tags,
        summary: "A company's analyses (energy mappings and the other kinds), newest year first",
        params: idParamsSchema,
        response: { 200: analysisListSchema, ...errors },
      },
    },
    async (request) => analyses.listCompanyAnalyses(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/companies/:id/analyses',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Record an analysis; an energy mapping is checked by the core and keeps its factors',
        params: idParamsSchema,
        body: createAnalysisBodySchema,
        response: { 201: analysisSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await analyses.createAnalysis(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/api/analyses/:id',
    {
      schema: {
        tags,
        summary: 'An analysis with its results (energy mapping), findings and files',
        params: idParamsSchema,
        response: { 200: analysisSchema, ...errors },
      },
    },
    async (request) => analyses.getAnalysis(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/api/analyses/:id',
    {
      schema: {
        tags,
        summary: 'Change an analysis; a stale version answers 409',
        params: idParamsSchema,
        body: updateAnalysisBodySchema,
        response: { 200: analysisSchema, ...errors },
      },
    },
    async (request) => analyses.updateAnalysis(ctx, request.actor, request.params.id, request.body),
  );

  app.delete(
    '/api/analyses/:id',
    {
      schema: {
        tags,
        summary: 'Delete an analysis with its findings and files; a stale version answers 409',
        params: idParamsSchema,
        body: versionBodySchema,
        response: { 204: emptySchema, ...errors },
      },
    },
    async (request, reply) => {
      await analyses.deleteAnalysis(ctx, request.actor, request.params.id, request.body.version);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/analyses/:id/findings',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Add a finding (a measure): savings, investment; an energy measure’s CO2e from its carrier',
        params: idParamsSchema,
        body: createFindingBodySchema,
        response: { 201: findingSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await findings.addFinding(ctx, request.actor, request.params.id, request.body)),
  );

  app.patch(
    '/api/analysis-findings/:id',
    {
      schema: {
        tags,
        summary: 'Change a finding; a stale version answers 409',
        params: idParamsSchema,
        body: updateFindingBodySchema,
        response: { 200: findingSchema, ...errors },
      },
    },
    async (request) => findings.updateFinding(ctx, request.actor, request.params.id, request.body),
  );

  app.delete(
    '/api/analysis-findings/:id',
    {
      schema: {
        tags,
        summary: 'Delete a finding; an action made from it stays in the plan',
        params: idParamsSchema,
        body: versionBodySchema,
        response: { 204: emptySchema, ...errors },
      },
    },
    async (request, reply) => {
      await findings.deleteFinding(ctx, request.actor, request.params.id, request.body.version);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/analysis-findings/:id/action',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Turn a finding into an action of the company’s plan; a second time answers 409',
        params: idParamsSchema,
        body: z.strictObject({}),
        response: { 201: convertedFindingSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await findings.convertFindingToAction(ctx, request.actor, request.params.id)),
  );

  app.get(
    '/api/analyses/:id/attachments',
    {
      schema: {
        tags,
        summary: 'The files kept with an analysis',
        params: idParamsSchema,
        response: { 200: attachmentListSchema, ...errors },
      },
    },
    async (request) => ({ items: await attachments.listAttachments(ctx, request.actor, request.params.id) }),
  );

  app.post(
    '/api/analyses/:id/attachments',
    {
      config: { acceptsIdempotencyKey: true },
      bodyLimit: uploadBodyLimit,
      schema: {
        tags,
        summary: 'Keep a file with an analysis (base64; at most 10 MB, 20 files per analysis)',
        params: idParamsSchema,
        body: uploadAttachmentBodySchema,
        response: { 201: attachmentSchema, ...errors, 413: errorSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await attachments.uploadAttachment(ctx, request.actor, request.params.id, request.body)),
  );

  // The 200 answer is the file itself, not JSON.
  app.get(
    '/api/analysis-attachments/:id',
    {
      schema: {
        tags,
        summary: 'Download a file: images inline, everything else as an attachment',
        params: idParamsSchema,
        response: { 200: z.instanceof(Buffer).describe('The file'), ...errors },
      },
    },
    async (request, reply) => {
      const file = await attachments.downloadAttachment(ctx, request.actor, request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.isInline ? 'inline' : 'attachment', file.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.content);
    },
  );

  app.delete(
    '/api/analysis-attachments/:id',
    {
      schema: {
        tags,
        summary: 'Delete a file kept with an analysis',
        params: idParamsSchema,
        body: z.strictObject({}),
        response: { 204: emptySchema, ...errors },
      },
    },
    async (request, reply) => {
      await attachments.deleteAttachment(ctx, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
