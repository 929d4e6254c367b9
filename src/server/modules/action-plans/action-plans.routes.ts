import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { emptyBodySchema, emptySchema, idParamsSchema } from '../../../contracts/common';
import {
  actionListQuerySchema,
  actionListSchema,
  actionSchema,
  actionSuggestionListSchema,
  adoptSuggestionBodySchema,
  companyActionTotalsSchema,
  confirmRealisedBodySchema,
  createActionBodySchema,
  dismissSuggestionBodySchema,
  programmeActionTotalsQuerySchema,
  programmeActionTotalsSchema,
  suggestionKeyParamsSchema,
  updateActionBodySchema,
} from '../../../contracts/action-plans';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as plans from './action-plans.service';
import * as suggestions from './action-suggestions.service';
import * as totals from './effect-totals.service';

const tags = ['action plans'];
const errors = errorResponses;

export const actionPlanRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/companies/:id/actions',
    {
      schema: {
        tags,
        summary: "A company's action plan, by area and due date; filter by area and status",
        params: idParamsSchema,
        querystring: actionListQuerySchema,
        response: { 200: actionListSchema, ...errors },
      },
    },
    async (request) => plans.listCompanyActions(ctx, request.actor, request.params.id, request.query),
  );

  app.post(
    '/api/companies/:id/actions',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Add an action: area, target step, owner, due date, investment, expected effects',
        params: idParamsSchema,
        body: createActionBodySchema,
        response: { 201: actionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await plans.createAction(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/api/actions/:id',
    {
      schema: {
        tags,
        summary: 'One action with its payback',
        params: idParamsSchema,
        response: { 200: actionSchema, ...errors },
      },
    },
    async (request) => plans.getAction(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/api/actions/:id',
    {
      schema: {
        tags,
        summary: 'Change an action (a company user: status and realised effects only); a stale version answers 409',
        params: idParamsSchema,
        body: updateActionBodySchema,
        response: { 200: actionSchema, ...errors },
      },
    },
    async (request) => plans.updateAction(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/actions/:id/confirm-realised',
    {
      schema: {
        tags,
        summary:
          'Confirm the realised effects as they stand (staff): from then on they count in the totals and the funder reports; a stale version answers 409',
        params: idParamsSchema,
        body: confirmRealisedBodySchema,
        response: { 200: actionSchema, ...errors },
      },
    },
    async (request) => plans.confirmRealised(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/companies/:id/action-totals',
    {
      schema: {
        tags,
        summary: "A company's expected and realised effects, overall and by area",
        params: idParamsSchema,
        response: { 200: companyActionTotalsSchema, ...errors },
      },
    },
    async (request) => totals.getCompanyTotals(ctx, request.actor, request.params.id),
  );

  app.get(
    '/api/action-totals',
    {
      schema: {
        tags,
        summary:
          "The programme's expected and realised effects by organisation, by area and by both: every action as it stands, or the actions done in a period (Stockholm dates, both included)",
        querystring: programmeActionTotalsQuerySchema,
        response: { 200: programmeActionTotalsSchema, ...errors },
      },
    },
    async (request) => totals.getProgrammeTotals(ctx, request.actor, request.query),
  );

  // The 200 answer is a file, not JSON (as the company export).
  app.get(
    '/api/action-totals/export',
    {
      schema: {
        tags,
        summary:
          "The programme's effect totals as an .xlsx: what it is, then per organisation, per area and per both, for the same query as the page",
        querystring: programmeActionTotalsQuerySchema,
        response: { 200: z.instanceof(Buffer).describe('The .xlsx file, as an attachment'), ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, file } = await totals.exportProgrammeTotals(ctx, request.actor, request.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(file);
    },
  );

  app.get(
    '/api/companies/:id/action-suggestions',
    {
      schema: {
        tags,
        summary: "Suggested actions from the catalogue after the company's latest coach measurements, with reasons",
        params: idParamsSchema,
        response: { 200: actionSuggestionListSchema, ...errors },
      },
    },
    async (request) => suggestions.listSuggestions(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/companies/:id/action-suggestions/:key/adopt',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Adopt a suggestion into the action plan, optionally with edits',
        params: suggestionKeyParamsSchema,
        body: adoptSuggestionBodySchema,
        response: { 201: actionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await suggestions.adoptSuggestion(ctx, request.actor, request.params.id, request.params.key, request.body),
        ),
  );

  app.post(
    '/api/companies/:id/action-suggestions/:key/dismiss',
    {
      schema: {
        tags,
        summary: 'Dismiss a suggestion for this company, with an optional reason',
        params: suggestionKeyParamsSchema,
        body: dismissSuggestionBodySchema,
        response: { 204: emptySchema, ...errors },
      },
    },
    async (request, reply) => {
      await suggestions.dismissSuggestion(ctx, request.actor, request.params.id, request.params.key, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/companies/:id/action-suggestions/:key/restore',
    {
      schema: {
        tags,
        summary: 'Undo a dismissal: the measure is suggested again',
        params: suggestionKeyParamsSchema,
        body: emptyBodySchema,
        response: { 204: emptySchema, ...errors },
      },
    },
    async (request, reply) => {
      await suggestions.restoreSuggestion(ctx, request.actor, request.params.id, request.params.key);
      return reply.status(204).send(null);
    },
  );
};
