import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { emptyBodySchema, idParamsSchema } from '../../../contracts/common';
import {
  consentBodySchema,
  consentParamsSchema,
  contactExportSchema,
  contactSchema,
  createContactBodySchema,
  updateContactBodySchema,
} from '../../../contracts/contacts';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as contacts from './contacts.service';

const tags = ['contacts'];
const errors = errorResponses;

export const contactRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/companies/:id/contacts',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Add a contact person to a company',
        params: idParamsSchema,
        body: createContactBodySchema,
        response: { 201: contactSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await contacts.addContact(ctx, request.actor, request.params.id, request.body)),
  );

  app.patch(
    '/api/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Change a contact; a stale version answers 409',
        params: idParamsSchema,
        body: updateContactBodySchema,
        response: { 200: contactSchema, ...errors },
      },
    },
    async (request) => contacts.updateContact(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/contacts/:id/consents',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Record a consent: what, when, which text version',
        params: idParamsSchema,
        body: consentBodySchema,
        response: { 201: contactSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await contacts.recordConsent(ctx, request.actor, request.params.id, request.body)),
  );

  app.post(
    '/api/contacts/:id/consents/:consentId/withdraw',
    {
      schema: {
        tags,
        summary: 'Record that the person withdrew a consent',
        params: consentParamsSchema,
        body: emptyBodySchema,
        response: { 200: contactSchema, ...errors },
      },
    },
    async (request) => contacts.withdrawConsent(ctx, request.actor, request.params.id, request.params.consentId),
  );

  app.post(
    '/api/contacts/:id/erase',
    {
      schema: {
        tags,
        summary: "Erase a person's data (pseudonymises what funder records keep)",
        params: idParamsSchema,
        body: emptyBodySchema,
        response: { 200: contactSchema, ...errors },
      },
    },
    async (request) => contacts.eraseContact(ctx, request.actor, request.params.id),
  );

  app.get(
    '/api/contacts/:id/export',
    {
      schema: {
        tags,
        summary: 'Everything held about a person, as JSON (GDPR art. 15)',
        params: idParamsSchema,
        response: { 200: contactExportSchema, ...errors },
      },
    },
    async (request, reply) => {
      const data = await contacts.exportContact(ctx, request.actor, request.params.id);
      void reply.header('content-disposition', `attachment; filename="kontaktperson-${request.params.id}.json"`);
      return data;
    },
  );
};
