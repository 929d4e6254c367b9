import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common';
import {
  freezeReportBodySchema,
  frozenReportChangesSchema,
  frozenReportListSchema,
  frozenReportSchema,
  newReportVersionBodySchema,
  indicatorReportQuerySchema,
  indicatorReportSchema,
  participantPageQuerySchema,
  participantPageSchema,
  programmeSettingsSchema,
  updateProgrammeSettingsBodySchema,
} from '../../../contracts/indicator-reports';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import * as frozen from './frozen-reports.service';
import * as reports from './indicator-reports.service';
import { reportWorkbook } from './report-workbook';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const tags = ['funder reports'];
const errors = errorResponses;

export const indicatorReportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/indicator-report',
    {
      schema: {
        tags,
        summary:
          'The indicators of a period (RCO01, RCO04, participants, geography, results) for the programme, an organisation or a co-financer, with the data quality and the number of companies in the participant list',
        querystring: indicatorReportQuerySchema,
        response: { 200: indicatorReportSchema, ...errors },
      },
    },
    async (request) => reports.buildIndicatorReport(ctx, request.actor, request.query),
  );

  app.get(
    '/api/indicator-report/participants',
    {
      schema: {
        tags,
        summary:
          'A page of the participant list of the same report, by name: each company with support in the period and whether and why it counts',
        querystring: participantPageQuerySchema,
        response: { 200: participantPageSchema, ...errors },
      },
    },
    async (request) => reports.listParticipantPage(ctx, request.actor, request.query),
  );

  app.get(
    '/api/programme-settings',
    {
      schema: {
        tags,
        summary: "The programme's settings: the target of companies and the RCO04 rule of structured support",
        response: { 200: programmeSettingsSchema, ...errors },
      },
    },
    async (request) => reports.getProgrammeSettings(ctx, request.actor),
  );

  app.patch(
    '/api/programme-settings',
    {
      schema: {
        tags,
        summary: "Change the programme's target or RCO04 rule (admins); a stale version answers 409",
        body: updateProgrammeSettingsBodySchema,
        response: { 200: programmeSettingsSchema, ...errors },
      },
    },
    async (request) => reports.updateProgrammeSettings(ctx, request.actor, request.body),
  );

  // The 200 answer is a file, not JSON (as the company export).
  app.get(
    '/api/indicator-report/export',
    {
      schema: {
        tags,
        summary: 'The indicator report as an .xlsx: a sheet per indicator, the participant list, the rules and filters',
        querystring: indicatorReportQuerySchema,
        response: { 200: z.instanceof(Buffer).describe('The .xlsx file, as an attachment'), ...errors },
      },
    },
    async (request, reply) => {
      const report = await reports.buildFullIndicatorReport(ctx, request.actor, request.query);
      return reply
        .header('content-type', xlsxType)
        .header(
          'content-disposition',
          `attachment; filename="indikatorrapport-${report.period.from}-${report.period.to}.xlsx"`,
        )
        .send(await reportWorkbook(report));
    },
  );

  app.get(
    '/api/frozen-reports',
    {
      schema: {
        tags,
        summary: 'Frozen reports, newest first (a coach: their organisation’s)',
        response: { 200: frozenReportListSchema, ...errors },
      },
    },
    async (request) => frozen.listFrozenReports(ctx, request.actor),
  );

  app.post(
    '/api/frozen-reports',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Freeze the report of a period as it is sent: its JSON and .xlsx kept with their SHA-256 (admins)',
        body: freezeReportBodySchema,
        response: { 201: frozenReportSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await frozen.freezeReport(ctx, request.actor, request.body)),
  );

  app.get(
    '/api/frozen-reports/:id',
    {
      schema: {
        tags,
        summary: 'A frozen report as it was sent, with its versions',
        params: idParamsSchema,
        response: { 200: frozenReportSchema, ...errors },
      },
    },
    async (request) => frozen.getFrozenReport(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/frozen-reports/:id/versions',
    {
      config: { acceptsIdempotencyKey: true },
      schema: {
        tags,
        summary: 'Freeze a corrected report as the next version, with the reason; the old versions stay (admins)',
        params: idParamsSchema,
        body: newReportVersionBodySchema,
        response: { 201: frozenReportSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await frozen.freezeNewVersion(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/api/frozen-reports/:id/export',
    {
      schema: {
        tags,
        summary: 'The .xlsx of a frozen report, byte for byte as it was sent',
        params: idParamsSchema,
        response: { 200: z.instanceof(Buffer).describe('The .xlsx file, as an attachment'), ...errors },
      },
    },
    async (request, reply) => {
      const file = await frozen.getFrozenReportFile(ctx, request.actor, request.params.id);
      return reply
        .header('content-type', xlsxType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );

  app.get(
    '/api/frozen-reports/:id/changes',
    {
      schema: {
        tags,
        summary:
          'What changed in the records since the report was frozen: companies added or removed, figures that differ',
        params: idParamsSchema,
        response: { 200: frozenReportChangesSchema, ...errors },
      },
    },
    async (request) => frozen.getFrozenReportChanges(ctx, request.actor, request.params.id),
  );
};
