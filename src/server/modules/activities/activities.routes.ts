import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  activityListQuerySchema,
  activityPageSchema,
  activitySchema,
  attendanceBodySchema,
  createActivityBodySchema,
  registerContactsBodySchema,
  updateActivityBodySchema,
} from '../../../contracts/activities';
import { emptyBodySchema, idParamsSchema } from '../../../contracts/common';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as activities from './activities.service';

const tags = ['activities'];
const errors = errorResponses;

export const activityRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Upcoming or past activities, filtered and paged (every signed-in user)',
        querystring: activityListQuerySchema,
        response: { 200: activityPageSchema, ...errors },
      },
    },
    async (request) => activities.listActivities(ctx, request.actor, request.query),
  );

  app.post(
    '/api/activities',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Create an activity (staff); a coach’s organisation must be among the organisers',
        body: createActivityBodySchema,
        response: { 201: activitySchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await activities.createActivity(ctx, request.actor, request.body)),
  );

  app.get(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: 'One activity with the registrations the actor may see and, for staff, the counts',
        params: idParamsSchema,
        response: { 200: activitySchema, ...errors },
      },
    },
    async (request) => activities.getActivity(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: 'Change an activity (organisers); a stale version answers 409',
        params: idParamsSchema,
        body: updateActivityBodySchema,
        response: { 200: activitySchema, ...errors },
      },
    },
    async (request) => activities.updateActivity(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/activities/:id/registrations',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Register people; each takes a free place or joins the waiting list',
        params: idParamsSchema,
        body: registerContactsBodySchema,
        response: { 201: activitySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await activities.registerContacts(ctx, request.actor, request.params.id, request.body)),
  );

  app.post(
    '/api/registrations/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a registration; the first on the waiting list moves up',
        params: idParamsSchema,
        body: emptyBodySchema,
        response: { 200: activitySchema, ...errors },
      },
    },
    async (request) => activities.cancelRegistration(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/activities/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Mark attendance for many registrations at once (organisers, after the start)',
        params: idParamsSchema,
        body: attendanceBodySchema,
        response: { 200: activitySchema, ...errors },
      },
    },
    async (request) => activities.markAttendance(ctx, request.actor, request.params.id, request.body),
  );
};
