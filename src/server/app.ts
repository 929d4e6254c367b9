import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { AppContext } from './context';
import type { Database } from './db/client';
import { requestScopedDb } from './db/request-transaction';
import { actorPlugin } from './http/actor';
import { idempotencyPlugin } from './http/idempotency';
import { registerErrorHandler } from './http/errors';
import { securityPlugin } from './http/security';
import { createPageSender } from './http/pages';
import { loadCommonPasswords } from './modules/auth/common-passwords';
import { actionPlanRoutes } from './modules/action-plans/action-plans.routes';
import { indicatorReportRoutes } from './modules/indicator-reports/indicator-reports.routes';
import { impactRoutes } from './modules/impact/impact.routes';
import { stateAidRoutes } from './modules/state-aid/state-aid.routes';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes';
import { createLoginLimiter, interestLimits, secondFactorLimits } from './modules/auth/login-limiter';
import { activityRoutes } from './modules/activities/activities.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { secondFactorRoutes } from './modules/auth/second-factor.routes';
import { companyRoutes } from './modules/companies/companies.routes';
import { companyDataRoutes } from './modules/company-data/company-data.routes';
import { companyImportRoutes } from './modules/company-import/company-import.routes';
import { contactRoutes } from './modules/contacts/contacts.routes';
import { interventionRoutes } from './modules/interventions/interventions.routes';
import { analysisRoutes } from './modules/analyses/analyses.routes';
import { emissionFactorSetRoutes } from './modules/emission-factor-sets/emission-factor-sets.routes';
import { reminderRoutes } from './modules/reminders/reminders.routes';
import { timelineRoutes } from './modules/timeline/timeline.routes';
import { handoverRoutes } from './modules/handovers/handovers.routes';
import { referenceRoutes } from './modules/reference/reference.routes';
import { healthRoutes } from './modules/health/health.routes';
import { maturityRoutes } from './modules/maturity/maturity.routes';
import { maturityReportRoutes } from './modules/maturity-report/maturity-report.routes';
import { metricsRoutes } from './modules/metrics/metrics.routes';
import { organisationRoutes } from './modules/organisations/organisations.routes';
import { outboxRoutes } from './modules/outbox/outbox.routes';
import { userRoutes } from './modules/users/users.routes';
import { portalRoutes } from './modules/portal/portal.routes';
import { programmePageRoutes } from './modules/programme-page/programme-page.routes';
import { publicActivityRoutes } from './modules/public-activities/public-activities.routes';
import { createMailer, inMailScope, requestWroteMail } from './mail/mailer';
import { projectPath } from './paths';

export const webRoot = projectPath('dist', 'web');

export type BuildOptions = {
  config: Config;
  database: Database;
  now?: () => Date;
  /** Where the JSON log goes instead of stdout; tests read it to prove nothing secret is logged. */
  logStream?: { write: (line: string) => void };
  /** Called for every route as it is registered; the route inventory and the fuzz tests listen here. */
  onRoute?: (route: RegisteredRoute) => void;
};

// Secrets in URLs (invitation and reset tokens) and personal data stay out of the logs (S14).
function redactUrl(url: string): string {
  return url.replace(/(invitations\/)[^/?]+/, '$1[token]').replace(/([?&]token=)[^&]+/, '$1[token]');
}

export function loggerOptions(config: Config) {
  return {
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        id: request.id,
        method: request.method,
        url: redactUrl(request.url),
      }),
    },
  };
}

/** A route as registered, with its contract's schemas (zod) where it has them. */
export type RegisteredRoute = { method: string; url: string; schema?: unknown };

/** Builds the whole app without listening: main.ts serves it, tests inject into it. */
export async function buildApp(options: BuildOptions): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logStream ? { ...loggerOptions(config), stream: options.logStream } : loggerOptions(config),
    bodyLimit: 1024 * 1024,
    // Behind the proxies named in TRUST_PROXY, request.ip is the client's (the throttle counts it).
    trustProxy: config.trustProxy ?? false,
    // Request ids are random, not sequential, so they reveal nothing about traffic.
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  if (options.onRoute) {
    const listener = options.onRoute;
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) listener({ method, url: route.url, schema: route.schema });
    });
  }

  const ctx: AppContext = {
    config,
    database,
    // The request's transaction while a keyed create runs (decision 018), else the database.
    db: requestScopedDb(database.db),
    mailer: createMailer(config, database, app.log),
    // In the database, so several app processes count together (decision 029).
    loginLimiter: createLoginLimiter(database.db, 'sign-in'),
    secondFactorLimiter: createLoginLimiter(database.db, 'code', secondFactorLimits),
    interestLimiter: createLoginLimiter(database.db, 'interest', interestLimits),
    publicSignUpLimiter: createLoginLimiter(database.db, 'public-sign-up', interestLimits),
    commonPasswords: loadCommonPasswords(),
    now: options.now ?? (() => new Date()),
    lifecycle: { isDraining: false },
  };

  registerErrorHandler(app);
  // E-mail written by a request goes out before its answer does, once its transaction has
  // committed (decision 036); what fails here is retried by the job runner. Only a request that
  // wrote e-mail waits for it: a slow mail server holds up no other.
  app.addHook('onRequest', (_request, _reply, done) => inMailScope(done));
  app.addHook('onSend', async (request, _reply, payload) => {
    if (!requestWroteMail()) return payload;
    try {
      await ctx.mailer.deliverDue(ctx.now());
    } catch (error) {
      request.log.error({ err: error }, 'e-mail delivery after the request failed; the job runner retries');
    }
    return payload;
  });
  await app.register(cookie);
  await app.register(securityPlugin);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Industry In West API',
        version: '1',
        description:
          'The API of the Industry In West platform. Sign in with POST /api/auth/login; the session cookie then authenticates every call. State-changing calls must send Content-Type: application/json.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  await app.register(actorPlugin, { ctx });
  await app.register(idempotencyPlugin, { ctx });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(metricsRoutes, { ctx });
  await app.register(healthRoutes, { ctx });
  await app.register(authRoutes, { ctx });
  await app.register(secondFactorRoutes, { ctx });
  await app.register(organisationRoutes, { ctx });
  await app.register(userRoutes, { ctx });
  await app.register(portalRoutes, { ctx });
  await app.register(companyRoutes, { ctx });
  await app.register(companyImportRoutes, { ctx });
  await app.register(companyDataRoutes, { ctx });
  await app.register(contactRoutes, { ctx });
  await app.register(handoverRoutes, { ctx });
  await app.register(referenceRoutes, { ctx });
  await app.register(outboxRoutes, { ctx });
  await app.register(activityRoutes, { ctx });
  await app.register(maturityRoutes, { ctx });
  await app.register(maturityReportRoutes, { ctx });
  await app.register(interventionRoutes, { ctx });
  await app.register(analysisRoutes, { ctx });
  await app.register(emissionFactorSetRoutes, { ctx });
  await app.register(reminderRoutes, { ctx });
  await app.register(timelineRoutes, { ctx });
  await app.register(actionPlanRoutes, { ctx });
  await app.register(indicatorReportRoutes, { ctx });
  await app.register(impactRoutes, { ctx });
  await app.register(stateAidRoutes, { ctx });
  await app.register(dashboardRoutes, { ctx });
  await app.register(programmePageRoutes, { ctx });
  await app.register(publicActivityRoutes, { ctx });

  const hasWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      index: false,
      // The build writes .br and .gz beside each file (vite.config.ts); send the best one accepted.
      preCompressed: true,
      // Built assets carry a content hash in their name and never change; the shell must be fresh.
      setHeaders: (reply, filePath) => {
        void reply.header(
          'cache-control',
          /\.html(\.br|\.gz)?$/.test(filePath) ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
    });
  }
  const sendPage = hasWeb ? createPageSender(app, webRoot, config) : undefined;
  // "/" is a page like the others, which the static files would answer with the bare shell.
  if (sendPage) app.get('/', { schema: { hide: true } }, sendPage);
  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !pathname.startsWith('/api/') &&
      !path.extname(pathname);
    if (sendPage && isPage) return sendPage(request, reply);
    return reply
      .status(404)
      .send({ code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` });
  });

  return { app, ctx };
}
