import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { emptyBodySchema, idParamsSchema } from '../../../contracts/common';
import {
  myWeekSchema,
  reminderListQuerySchema,
  reminderListSchema,
  reminderRunSchema,
  resolveReminderBodySchema,
} from '../../../contracts/reminders';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as reminders from './reminders.service';

const tags = ['reminders'];
const errors = errorResponses;

export const reminderRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/reminders',
    {
      schema: {
        tags,
        summary: 'Your reminders (open by default), earliest due first, with the count of open ones',
        querystring: reminderListQuerySchema,
        response: { 200: reminderListSchema, ...errors },
      },
    },
    async (request) => reminders.listMyReminders(ctx, request.actor, request.query.status),
  );

  app.post(
    '/api/reminders/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Mark one of your reminders done or dismissed; answers your open reminders',
        params: idParamsSchema,
        body: resolveReminderBodySchema,
        response: { 200: reminderListSchema, ...errors },
      },
    },
    async (request) => reminders.resolveMyReminder(ctx, request.actor, request.params.id, request.body.status),
  );

  app.post(
    '/api/reminders/run',
    {
      schema: {
        tags,
        summary: 'Run the reminder scan and send its e-mails now (admins; the runner does it every morning)',
        body: emptyBodySchema,
        response: { 200: reminderRunSchema, ...errors },
      },
    },
    async (request) => reminders.runRemindersNow(ctx, request.actor),
  );

  app.get(
    '/api/my-week',
    {
      schema: {
        tags,
        summary: 'What is overdue and due this week for you, and what you logged this week',
        response: { 200: myWeekSchema, ...errors },
      },
    },
    async (request) => reminders.getMyWeek(ctx, request.actor),
  );
};
