import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  interestAnswerSchema,
  interestBodySchema,
  interestFormSchema,
  publicProgrammeSchema,
} from '../../../contracts/programme-page';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as programmePage from './programme-page.service';

// Public routes (decision 045): anyone may call them, signed in or not.
const tags = ['public'];

export const programmePageRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/public/programme',
    {
      // The partners and their municipalities change seldom and hold no personal data.
      config: { publicCacheSeconds: 300 },
      schema: {
        tags,
        summary: 'The public programme page: the partner organisations and the municipalities each covers',
        response: { 200: publicProgrammeSchema, ...errorResponses },
      },
    },
    async () => programmePage.getPublicProgramme(ctx),
  );

  app.get(
    '/api/public/interest-form',
    {
      schema: {
        tags,
        summary: 'A signed token for the interest form: a form sent within seconds of it is not taken',
        response: { 200: interestFormSchema, ...errorResponses },
      },
    },
    async () => programmePage.openInterestForm(ctx),
  );

  app.post(
    '/api/public/interest',
    {
      schema: {
        tags,
        summary:
          "A company's interest in the programme: a prospect for the organisation covering its municipality; the same answer whatever happened",
        body: interestBodySchema,
        response: { 202: interestAnswerSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const answer = await programmePage.submitInterest(ctx, request.actor, request.body, { ip: request.ip });
      return reply.status(202).send(answer);
    },
  );
};
