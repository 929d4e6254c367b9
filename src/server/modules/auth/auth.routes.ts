import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acceptInvitationBodySchema,
  invitationParamsSchema,
  invitationSchema,
  loginBodySchema,
  meSchema,
  sessionSchema,
  passwordResetConfirmBodySchema,
  passwordResetRequestBodySchema,
  signInStepSchema,
  updateMeBodySchema,
} from '../../../contracts/auth';
import { emptyBodySchema, emptySchema, errorSchema } from '../../../contracts/common';
import type { AppContext } from '../../context';
import { clearSessionCookie, readSessionToken, setSessionCookie } from '../../http/session-cookie';
import * as auth from './auth.service';

const tags = ['auth'];

/** 200 with the user when signed in; 202 with the next step when a second factor comes first. */
function answerSignIn(reply: FastifyReply, ctx: AppContext, result: auth.SignInResult) {
  setSessionCookie(reply, ctx.config, result.token);
  if (result.stage === 'signed_in') return reply.status(200).send(result.me);
  return reply.status(202).send({ next: result.stage });
}

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        description:
          'Answers 200 with the user when signed in. Answers 202 when a second factor comes first: `next` is `second_factor` (POST the code to /api/auth/second-factor/verify) or `enrolment` (an admin without one enrols it first). Until then the session cookie opens only those steps.',
        body: loginBodySchema,
        response: { 200: meSchema, 202: signInStepSchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const result = await auth.login(ctx, request.body, { ip: request.ip, userAgent: request.headers['user-agent'] });
      return answerSignIn(reply, ctx, result);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags,
        summary: 'Sign out and end the session',
        body: emptyBodySchema,
        response: { 204: emptySchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      await auth.logout(ctx, request.actor, readSessionToken(request, ctx.config));
      clearSessionCookie(reply, ctx.config);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user and what they may do',
        response: { 200: meSchema, 401: errorSchema },
      },
    },
    async (request) => auth.getMe(ctx.db, request.actor),
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        summary: 'Who is signed in: the user, or null (always 200)',
        response: { 200: sessionSchema },
      },
    },
    async (request) => auth.getSession(ctx.db, request.actor),
  );

  app.patch(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'Change your own name or language',
        body: updateMeBodySchema,
        response: { 200: meSchema, 400: errorSchema, 401: errorSchema },
      },
    },
    async (request) => auth.updateMe(ctx, request.actor, request.body),
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      schema: {
        tags,
        summary: 'E-mail a password reset link (same answer whether or not the address exists)',
        body: passwordResetRequestBodySchema,
        response: { 202: emptySchema, 400: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      await auth.requestPasswordReset(ctx, request.body.email, { ip: request.ip });
      return reply.status(202).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Choose a new password with a reset link',
        body: passwordResetConfirmBodySchema,
        response: { 204: emptySchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      await auth.confirmPasswordReset(ctx, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/invitations/:token',
    {
      schema: {
        tags,
        summary: 'Who an invitation link is for',
        params: invitationParamsSchema,
        response: { 200: invitationSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => auth.getInvitation(ctx, request.params.token),
  );

  app.post(
    '/api/auth/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation: choose a password and sign in',
        description:
          'Answers like the sign-in: 202 with `next: enrolment` for an admin, who enrols a second factor first.',
        body: acceptInvitationBodySchema,
        response: { 200: meSchema, 202: signInStepSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const result = await auth.acceptInvitation(ctx, request.body, { userAgent: request.headers['user-agent'] });
      return answerSignIn(reply, ctx, result);
    },
  );
};
