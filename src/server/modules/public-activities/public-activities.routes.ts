import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../contracts/common';
import {
  publicActivityListSchema,
  publicActivitySchema,
  publicSignUpAnswerSchema,
  publicSignUpBodySchema,
  signUpConfirmationSchema,
  signUpTokenBodySchema,
} from '../../../contracts/public-activities';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as publicActivities from './public-activities.service';

// Public routes (decision 046): anyone may call them, signed in or not. The sign-up form takes its
// token from GET /api/public/interest-form, as the interest form does (decision 045).
const tags = ['public'];

export const publicActivityRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/public/activities',
    {
      schema: {
        tags,
        summary: 'The public activities that have not started: non-personal fields and the places left',
        response: { 200: publicActivityListSchema, ...errorResponses },
      },
    },
    async () => publicActivities.listPublicActivities(ctx),
  );

  app.get(
    '/api/public/activities/:id',
    {
      schema: {
        tags,
        summary: 'One public activity; one not public or started answers 404',
        params: idParamsSchema,
        response: { 200: publicActivitySchema, ...errorResponses },
      },
    },
    async (request) => publicActivities.getPublicActivity(ctx, request.params.id),
  );

  app.post(
    '/api/public/activities/:id/sign-ups',
    {
      schema: {
        tags,
        summary:
          'Sign up without an account: e-mails a confirm and a cancel link and takes no place yet; the same answer whatever happened',
        params: idParamsSchema,
        body: publicSignUpBodySchema,
        response: { 202: publicSignUpAnswerSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const answer = await publicActivities.signUp(ctx, request.params.id, request.body, { ip: request.ip });
      return reply.status(202).send(answer);
    },
  );

  app.post(
    '/api/public/sign-ups/confirm',
    {
      schema: {
        tags,
        summary:
          'Confirm a sign-up by its e-mailed link: the place (or the waiting list) is taken; again, where it stands',
        body: signUpTokenBodySchema,
        response: { 200: signUpConfirmationSchema, ...errorResponses },
      },
    },
    async (request) => publicActivities.confirmSignUp(ctx, request.body.token),
  );

  app.post(
    '/api/public/sign-ups/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a sign-up by its e-mailed link, before or after it was confirmed, until the activity starts',
        body: signUpTokenBodySchema,
        response: { 200: signUpConfirmationSchema, ...errorResponses },
      },
    },
    async (request) => publicActivities.cancelSignUp(ctx, request.body.token),
  );
};
