import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common';
import {
  companyStateAidSchema,
  confirmDeclarationBodySchema,
  createDeclarationBodySchema,
  createEurRateBodySchema,
  createHourlyRateBodySchema,
  declarationFormQuerySchema,
  declarationSchema,
  eurRateListSchema,
  eurRateSchema,
  grantBodySchema,
  grantCreatedSchema,
  grantPeriodQuerySchema,
  grantValuationSchema,
  hourlyRateListSchema,
  hourlyRateSchema,
  stateAidSettingsSchema,
  undertakingStateAidSchema,
  updateEurRateBodySchema,
  updateHourlyRateBodySchema,
  updateStateAidSettingsBodySchema,
} from '../../../contracts/state-aid';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as stateAid from './state-aid.service';

const tags = ['state aid'];
const errors = errorResponses;

export const stateAidRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/hourly-rates',
    {
      schema: {
        tags,
        summary: 'Hourly rates per organisation and year (SEK), which value the support (staff)',
        response: { 200: hourlyRateListSchema, ...errors },
      },
    },
    async (request) => stateAid.listHourlyRates(ctx, request.actor),
  );

  app.post(
    '/api/hourly-rates',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: "Set an organisation's hourly rate for a year, with its date of decision (admins)",
        body: createHourlyRateBodySchema,
        response: { 201: hourlyRateSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await stateAid.createHourlyRate(ctx, request.actor, request.body)),
  );

  app.patch(
    '/api/hourly-rates/:id',
    {
      schema: {
        tags,
        summary: 'Change an hourly rate (admins); grants made keep the rate they were valued at',
        params: idParamsSchema,
        body: updateHourlyRateBodySchema,
        response: { 200: hourlyRateSchema, ...errors },
      },
    },
    async (request) => stateAid.updateHourlyRate(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/eur-rates',
    {
      schema: {
        tags,
        summary: 'SEK per EUR per month, with the source (staff)',
        response: { 200: eurRateListSchema, ...errors },
      },
    },
    async (request) => stateAid.listEurRates(ctx, request.actor),
  );

  app.post(
    '/api/eur-rates',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: "Add a month's SEK per EUR rate with its source (admins)",
        body: createEurRateBodySchema,
        response: { 201: eurRateSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await stateAid.createEurRate(ctx, request.actor, request.body)),
  );

  app.patch(
    '/api/eur-rates/:id',
    {
      schema: {
        tags,
        summary: "Change a month's rate or source (admins); grants made keep the rate they were converted with",
        params: idParamsSchema,
        body: updateEurRateBodySchema,
        response: { 200: eurRateSchema, ...errors },
      },
    },
    async (request) => stateAid.updateEurRate(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/state-aid-settings',
    {
      schema: {
        tags,
        summary: "The programme's state aid settings: default legal basis, validity of declarations (staff)",
        response: { 200: stateAidSettingsSchema, ...errors },
      },
    },
    async (request) => stateAid.getStateAidSettings(ctx, request.actor),
  );

  app.patch(
    '/api/state-aid-settings',
    {
      schema: {
        tags,
        summary: "Change the programme's state aid settings (admins); a stale version answers 409",
        body: updateStateAidSettingsBodySchema,
        response: { 200: stateAidSettingsSchema, ...errors },
      },
    },
    async (request) => stateAid.updateStateAidSettings(ctx, request.actor, request.body),
  );

  app.get(
    '/api/companies/:id/state-aid',
    {
      schema: {
        tags,
        summary:
          "A company's state aid: declarations, grants, its ledger, the single undertaking's room under the ceiling, realised support against the grant",
        params: idParamsSchema,
        response: { 200: companyStateAidSchema, ...errors },
      },
    },
    async (request) => stateAid.getCompanyStateAid(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/companies/:id/state-aid-declarations',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary:
          "Record the company's declaration of earlier de minimis aid; a company user's waits for a coach's confirmation",
        params: idParamsSchema,
        body: createDeclarationBodySchema,
        response: { 201: declarationSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await stateAid.declareEarlierAid(ctx, request.actor, request.params.id, request.body)),
  );

  app.post(
    '/api/state-aid-declarations/:id/confirm',
    {
      schema: {
        tags,
        summary: "Confirm a declaration the company's user filled in (staff); a stale version answers 409",
        params: idParamsSchema,
        body: confirmDeclarationBodySchema,
        response: { 200: declarationSchema, ...errors },
      },
    },
    async (request) => stateAid.confirmDeclaration(ctx, request.actor, request.params.id, request.body.version),
  );

  app.post(
    '/api/companies/:id/state-aid-grants/preview',
    {
      schema: {
        tags,
        summary: 'The value in SEK and EUR and the ceiling check of a planned grant, without making it',
        params: idParamsSchema,
        body: grantBodySchema,
        response: { 200: grantValuationSchema, ...errors },
      },
    },
    async (request) => stateAid.previewGrant(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/companies/:id/state-aid-grants',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary:
          'Make a grant (stödbeslut), or a correction that replaces one; refused without a valid declaration, without the EUR rate of a month, or over the ceiling',
        params: idParamsSchema,
        body: grantBodySchema,
        response: { 201: grantCreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await stateAid.makeGrant(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/api/undertakings/:id/state-aid',
    {
      schema: {
        tags,
        summary: "The single undertaking's ledger: every linked company's aid with the rolling three-year sum (staff)",
        params: idParamsSchema,
        response: { 200: undertakingStateAidSchema, ...errors },
      },
    },
    async (request) => stateAid.getUndertakingStateAid(ctx, request.actor, request.params.id),
  );

  // The 200 answers below are files, not JSON (as the company export).
  const pdf = z.instanceof(Buffer).describe('The PDF file, as an attachment');

  app.get(
    '/api/companies/:id/state-aid-declaration-form',
    {
      schema: {
        tags,
        summary:
          'The declaration of earlier de minimis aid as a PDF, pre-filled with the company, the planned amount and the aid on record',
        params: idParamsSchema,
        querystring: declarationFormQuerySchema,
        response: { 200: pdf, ...errors },
      },
    },
    async (request, reply) => {
      const file = await stateAid.declarationFormOf(
        ctx,
        request.actor,
        request.params.id,
        request.query.plannedAmountOre,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );

  app.get(
    '/api/state-aid-grants/:id/notice',
    {
      schema: {
        tags,
        summary: 'The notice of aid as a PDF: amount in SEK and EUR, grant date, legal basis, keep for ten years',
        params: idParamsSchema,
        response: { 200: pdf, ...errors },
      },
    },
    async (request, reply) => {
      const file = await stateAid.noticeOf(ctx, request.actor, request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );

  app.get(
    '/api/state-aid-grants/export',
    {
      schema: {
        tags,
        summary:
          'Every grant dated in a period as .xlsx (organisation number, name, SEK, EUR, grant date, legal basis, granting organisation); a coach gets their organisation’s',
        querystring: grantPeriodQuerySchema,
        response: { 200: z.instanceof(Buffer).describe('The .xlsx file, as an attachment'), ...errors },
      },
    },
    async (request, reply) => {
      const file = await stateAid.exportGrants(ctx, request.actor, request.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-export-truncated', String(file.isTruncated))
        .send(file.content);
    },
  );
};
