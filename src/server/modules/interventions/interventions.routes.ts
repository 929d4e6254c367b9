import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { emptySchema, idParamsSchema } from '../../../contracts/common';
import {
  createInterventionBodySchema,
  deleteInterventionBodySchema,
  interventionListSchema,
  interventionSchema,
  timeAndCostQuerySchema,
  timeAndCostSchema,
  timeReportQuerySchema,
  timeReportSchema,
  updateInterventionBodySchema,
} from '../../../contracts/interventions';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as interventions from './interventions.service';

const tags = ['interventions'];
const errors = errorResponses;

export const interventionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/companies/:id/interventions',
    {
      schema: {
        tags,
        summary: "A company's interventions (coaching log), newest first; internal to the programme",
        params: idParamsSchema,
        response: { 200: interventionListSchema, ...errors },
      },
    },
    async (request) => interventions.listCompanyInterventions(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/companies/:id/interventions',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Log an intervention: date, kind, area, hours (quarter hours), notes, next follow-up',
        params: idParamsSchema,
        body: createInterventionBodySchema,
        response: { 201: interventionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await interventions.logIntervention(ctx, request.actor, request.params.id, request.body)),
  );

  app.patch(
    '/api/interventions/:id',
    {
      schema: {
        tags,
        summary: 'Change an intervention you logged; a stale version answers 409',
        params: idParamsSchema,
        body: updateInterventionBodySchema,
        response: { 200: interventionSchema, ...errors },
      },
    },
    async (request) => interventions.updateIntervention(ctx, request.actor, request.params.id, request.body),
  );

  app.delete(
    '/api/interventions/:id',
    {
      schema: {
        tags,
        summary: 'Delete an intervention you logged; a stale version answers 409',
        params: idParamsSchema,
        body: deleteInterventionBodySchema,
        response: { 204: emptySchema, ...errors },
      },
    },
    async (request, reply) => {
      await interventions.deleteIntervention(ctx, request.actor, request.params.id, request.body.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/time-report',
    {
      schema: {
        tags,
        summary: "The signed-in coach's hours per month and per company (admins: any coach's, with coachId)",
        querystring: timeReportQuerySchema,
        response: { 200: timeReportSchema, ...errors },
      },
    },
    async (request) => interventions.getTimeReport(ctx, request.actor, request.query),
  );

  // The 200 answer is a file, not JSON (as the company export).
  app.get(
    '/api/time-report/export',
    {
      schema: {
        tags,
        summary: 'The time report as an .xlsx: per month, per company and every entry',
        querystring: timeReportQuerySchema,
        response: { 200: z.instanceof(Buffer).describe('The .xlsx file, as an attachment'), ...errors },
      },
    },
    async (request, reply) => {
      const file = await interventions.exportTimeReport(ctx, request.actor, request.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );

  app.get(
    '/api/time-and-cost',
    {
      schema: {
        tags,
        summary:
          'Hours per organisation, person and month in a period, for the cost claim (admins: any organisation; coaches: their own)',
        querystring: timeAndCostQuerySchema,
        response: { 200: timeAndCostSchema, ...errors },
      },
    },
    async (request) => interventions.getTimeAndCost(ctx, request.actor, request.query),
  );

  // The 200 answer is a file, not JSON (as the company export).
  app.get(
    '/api/time-and-cost/export',
    {
      schema: {
        tags,
        summary:
          'Time and cost as an .xlsx: the period and rules, hours per organisation, person and month with totals',
        querystring: timeAndCostQuerySchema,
        response: { 200: z.instanceof(Buffer).describe('The .xlsx file, as an attachment'), ...errors },
      },
    },
    async (request, reply) => {
      const file = await interventions.exportTimeAndCost(ctx, request.actor, request.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );
};
