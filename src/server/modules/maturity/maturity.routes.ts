import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../contracts/common';
import {
  answerBodySchema,
  answerParamsSchema,
  answerSchema,
  assessmentSchema,
  maturityModelListSchema,
  maturityResultsSchema,
  startAssessmentBodySchema,
  submitAssessmentBodySchema,
} from '../../../contracts/maturity';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as maturity from './maturity.service';

const tags = ['maturity'];
const errors = errorResponses;

export const maturityRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/maturity/models',
    {
      schema: {
        tags,
        summary: "The current version of each area's maturity model",
        response: { 200: maturityModelListSchema, ...errors },
      },
    },
    async (request) => maturity.listCurrentModels(ctx, request.actor),
  );

  app.get(
    '/api/companies/:id/maturity',
    {
      schema: {
        tags,
        summary: "A company's measurements and results: ladder, radar, change over time, peer medians",
        params: idParamsSchema,
        response: { 200: maturityResultsSchema, ...errors },
      },
    },
    async (request) => maturity.getMaturityResults(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/companies/:id/assessments',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Start a measurement of one area (a coach measurement, or a self-assessment by the company)',
        params: idParamsSchema,
        body: startAssessmentBodySchema,
        response: { 201: assessmentSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await maturity.startAssessment(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/api/assessments/:id',
    {
      schema: {
        tags,
        summary: 'A measurement with its model version, answers and score',
        params: idParamsSchema,
        response: { 200: assessmentSchema, ...errors },
      },
    },
    async (request) => maturity.getAssessment(ctx, request.actor, request.params.id),
  );

  app.put(
    '/api/assessments/:id/answers/:questionKey',
    {
      schema: {
        tags,
        summary: 'Save one answer (autosave; idempotent)',
        params: answerParamsSchema,
        body: answerBodySchema,
        response: { 200: answerSchema, ...errors },
      },
    },
    async (request) =>
      maturity.saveAnswer(ctx, request.actor, request.params.id, request.params.questionKey, request.body),
  );

  app.post(
    '/api/assessments/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit and lock a measurement; every question answered or not applicable',
        params: idParamsSchema,
        body: submitAssessmentBodySchema,
        response: { 200: assessmentSchema, ...errors },
      },
    },
    async (request) => maturity.submitAssessment(ctx, request.actor, request.params.id, request.body),
  );
};
