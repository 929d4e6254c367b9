import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { emptyBodySchema, emptySchema, idParamsSchema } from '../../../contracts/common';
import {
  companyUserSchema,
  companyUsersSchema,
  inviteCompanyUserBodySchema,
  inviteUserBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userPageSchema,
  userSchema,
} from '../../../contracts/users';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as users from './users.service';

const tags = ['users'];
const errors = errorResponses;

export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'User accounts you may see',
        querystring: userListQuerySchema,
        response: { 200: userPageSchema, ...errors },
      },
    },
    async (request) => users.listUsers(ctx, request.actor, request.query),
  );

  app.post(
    '/api/users',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Invite a user by e-mail (admin)',
        body: inviteUserBodySchema,
        response: { 201: userSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await users.inviteUser(ctx, request.actor, request.body)),
  );

  app.get(
    '/api/companies/:id/users',
    {
      schema: {
        tags,
        summary: "The company's portal logins, and whether its own users may invite colleagues",
        params: idParamsSchema,
        response: { 200: companyUsersSchema, ...errors },
      },
    },
    async (request) => users.listCompanyUsers(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/companies/:id/users',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary:
          "Invite a person of the company to its portal (admin, the company's coaches; its own users when the coach allows it)",
        params: idParamsSchema,
        body: inviteCompanyUserBodySchema,
        response: { 201: companyUserSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await users.inviteCompanyUser(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'One user account', params: idParamsSchema, response: { 200: userSchema, ...errors } } },
    async (request) => users.getUser(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change role, organisation, company, name or status (admin); a stale version answers 409',
        params: idParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => users.updateUser(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/second-factor/reset',
    {
      schema: {
        tags,
        summary: 'Turn off the lost second factor of another user (admin); their sessions end and they are told',
        params: idParamsSchema,
        body: emptyBodySchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => users.resetSecondFactor(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/users/:id/invitation',
    {
      schema: {
        tags,
        summary: 'Send the invitation again (admin)',
        params: idParamsSchema,
        body: emptyBodySchema,
        response: { 202: emptySchema, ...errors },
      },
    },
    async (request, reply) => {
      await users.resendInvitation(ctx, request.actor, request.params.id);
      return reply.status(202).send(null);
    },
  );
};
