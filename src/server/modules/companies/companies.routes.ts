import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changeCompanyStatusBodySchema,
  companyListQuerySchema,
  companyLookupQuerySchema,
  companyLookupSchema,
  companyPageSchema,
  companySchema,
  createCompanyBodySchema,
  updateCompanyBodySchema,
} from '../../../contracts/companies';
import { idParamsSchema } from '../../../contracts/common';
import {
  createUndertakingBodySchema,
  undertakingListSchema,
  undertakingQuerySchema,
  undertakingSchema,
} from '../../../contracts/reference';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as companies from './companies.service';

const tags = ['companies'];
const errors = errorResponses;

export const companyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/companies',
    {
      schema: {
        tags,
        summary: 'The companies you work on, filtered, sorted and paged',
        querystring: companyListQuerySchema,
        response: { 200: companyPageSchema, ...errors },
      },
    },
    async (request) => companies.listCompanies(ctx, request.actor, request.query),
  );

  app.get(
    '/api/companies/lookup',
    {
      schema: {
        tags,
        summary: 'Thin views of companies anywhere in the programme (coaches, admins): who holds a company',
        querystring: companyLookupQuerySchema,
        response: { 200: companyLookupSchema, ...errors },
      },
    },
    async (request) => ({ items: await companies.lookUpCompanies(ctx, request.actor, request.query.q) }),
  );

  app.post(
    '/api/companies',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Register a company as a prospect; a number already in the programme answers 409 with the holder',
        body: createCompanyBodySchema,
        response: { 201: companySchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await companies.registerCompany(ctx, request.actor, request.body)),
  );

  app.get(
    '/api/companies/:id',
    {
      schema: {
        tags,
        summary: 'One company with its status history and contacts',
        params: idParamsSchema,
        response: { 200: companySchema, ...errors },
      },
    },
    async (request) => companies.getCompany(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/api/companies/:id',
    {
      schema: {
        tags,
        summary: "Change a company's facts; a stale version answers 409",
        params: idParamsSchema,
        body: updateCompanyBodySchema,
        response: { 200: companySchema, ...errors },
      },
    },
    async (request) => companies.updateCompany(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/companies/:id/status',
    {
      schema: {
        tags,
        summary: 'Move a company to its next status (withdrawal needs a reason)',
        params: idParamsSchema,
        body: changeCompanyStatusBodySchema,
        response: { 200: companySchema, ...errors },
      },
    },
    async (request) => companies.changeCompanyStatus(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/undertakings',
    {
      schema: {
        tags,
        summary: 'Groups of linked companies (single undertakings)',
        querystring: undertakingQuerySchema,
        response: { 200: undertakingListSchema, ...errors },
      },
    },
    async (request) => ({ items: await companies.listUndertakings(ctx, request.actor, request.query.q) }),
  );

  app.post(
    '/api/undertakings',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Create a group of linked companies',
        body: createUndertakingBodySchema,
        response: { 201: undertakingSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await companies.createUndertaking(ctx, request.actor, request.body.name)),
  );
};
