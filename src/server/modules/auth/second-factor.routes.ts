import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  confirmSecondFactorBodySchema,
  disableSecondFactorBodySchema,
  meSchema,
  recoveryCodesSchema,
  regenerateRecoveryCodesBodySchema,
  secondFactorEnabledSchema,
  secondFactorEnrolmentSchema,
  secondFactorStatusSchema,
  verifySecondFactorBodySchema,
} from '../../../contracts/auth';
import { emptyBodySchema, errorSchema } from '../../../contracts/common';
import { isSignedIn } from '../../../core/roles';
import type { AppContext } from '../../context';
import { unauthenticated } from '../../errors';
import { setSessionCookie } from '../../http/session-cookie';
import * as secondFactor from './second-factor.service';

const tags = ['auth'];

/** Who enrols: a signed-in user turning it on, or an admin's sign-in waiting for its enrolment. */
function enrollerOf(request: FastifyRequest): secondFactor.Enroller {
  if (isSignedIn(request.actor)) return { userId: request.actor.userId, isSignedIn: true };
  if (request.pendingSignIn?.stage === 'enrolment') return { userId: request.pendingSignIn.userId, isSignedIn: false };
  throw unauthenticated();
}

const metaOf = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

// The second factor (docs/quality.md S7, decision 021). A wrong code answers 400 on the field `code`
// (`wrong_code`); too many answer 429 before any check.
export const secondFactorRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/auth/second-factor',
    {
      schema: {
        tags,
        summary: 'Whether your two-step sign-in is on, and how many recovery codes are left',
        response: { 200: secondFactorStatusSchema, 401: errorSchema },
      },
    },
    async (request) => secondFactor.getSecondFactorStatus(ctx, request.actor),
  );

  app.post(
    '/api/auth/second-factor/verify',
    {
      schema: {
        tags,
        summary: 'The code step of a sign-in: a code from the app or a recovery code',
        description:
          'After a sign-in answered 202 with `next: second_factor`. A recovery code works once. Signs in with a new session.',
        body: verifySecondFactorBodySchema,
        response: { 200: meSchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const session = await secondFactor.completeSignIn(ctx, request.pendingSignIn, request.body.code, metaOf(request));
      setSessionCookie(reply, ctx.config, session.token);
      return session.me;
    },
  );

  app.post(
    '/api/auth/second-factor/enrolment',
    {
      schema: {
        tags,
        summary: 'Start enrolling an authenticator app: a new secret, its otpauth URI and QR code',
        description:
          'For a signed-in user, or after a sign-in answered 202 with `next: enrolment`. The secret is shown only here; starting again replaces an unconfirmed one.',
        body: emptyBodySchema,
        response: { 200: secondFactorEnrolmentSchema, 400: errorSchema, 401: errorSchema, 409: errorSchema },
      },
    },
    async (request) => secondFactor.startEnrolment(ctx, enrollerOf(request).userId),
  );

  app.post(
    '/api/auth/second-factor/enrolment/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the enrolment with a code from the app: turns two-step sign-in on',
        description:
          'A signed-in user sends the password too; an admin whose sign-in waits for the enrolment does not. Answers with the recovery codes, shown only here, and the user; every other session of the user ends and this one starts anew, signed in.',
        body: confirmSecondFactorBodySchema,
        response: {
          200: secondFactorEnabledSchema,
          400: errorSchema,
          401: errorSchema,
          409: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await secondFactor.confirmEnrolment(ctx, enrollerOf(request), request.body, metaOf(request));
      setSessionCookie(reply, ctx.config, result.token);
      return { me: result.me, recoveryCodes: result.recoveryCodes };
    },
  );

  app.post(
    '/api/auth/second-factor/recovery-codes',
    {
      schema: {
        tags,
        summary: 'New recovery codes for a code from the app; the old ones stop working',
        body: regenerateRecoveryCodesBodySchema,
        response: { 200: recoveryCodesSchema, 400: errorSchema, 401: errorSchema, 409: errorSchema, 429: errorSchema },
      },
    },
    async (request) => secondFactor.regenerateRecoveryCodes(ctx, request.actor, request.body.code, metaOf(request)),
  );

  app.post(
    '/api/auth/second-factor/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-step sign-in off, with a code from the app or the password',
        description: 'Admins must keep it (422). Every other session of the user ends and this one starts anew.',
        body: disableSecondFactorBodySchema,
        response: {
          200: secondFactorStatusSchema,
          400: errorSchema,
          401: errorSchema,
          409: errorSchema,
          422: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await secondFactor.disableSecondFactor(ctx, request.actor, request.body, metaOf(request));
      setSessionCookie(reply, ctx.config, result.token);
      return result.status;
    },
  );
};
