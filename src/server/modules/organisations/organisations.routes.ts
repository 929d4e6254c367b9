import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../contracts/common';
import {
  createOrganisationBodySchema,
  organisationListSchema,
  organisationSchema,
  updateOrganisationBodySchema,
} from '../../../contracts/organisations';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as organisations from './organisations.service';

const tags = ['organisations'];
const errors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
};

export const organisationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/organisations',
    { schema: { tags, summary: 'The partner organisations', response: { 200: organisationListSchema, ...errors } } },
    async (request) => ({ items: await organisations.listOrganisations(ctx, request.actor) }),
  );

  app.post(
    '/api/organisations',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Add an organisation (admin)',
        body: createOrganisationBodySchema,
        response: { 201: organisationSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await organisations.createOrganisation(ctx, request.actor, request.body)),
  );

  app.get(
    '/api/organisations/:id',
    {
      schema: {
        tags,
        summary: 'One organisation',
        params: idParamsSchema,
        response: { 200: organisationSchema, ...errors },
      },
    },
    async (request) => organisations.getOrganisation(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/api/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Change an organisation (admin); a stale version answers 409',
        params: idParamsSchema,
        body: updateOrganisationBodySchema,
        response: { 200: organisationSchema, ...errors },
      },
    },
    async (request) => organisations.updateOrganisation(ctx, request.actor, request.params.id, request.body),
  );
};
