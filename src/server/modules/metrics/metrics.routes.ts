import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../context';
import { createMetrics, readMetrics } from './metrics.service';

// Registered before the other routes and without encapsulation, so that its timing hook sees every
// request. Without METRICS_TOKEN nothing is measured and GET /metrics answers 404.
export const metricsRoutes = fp(async (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
  const metrics = ctx.config.metricsToken ? createMetrics(ctx) : undefined;
  if (metrics) {
    app.addHook('onResponse', async (request, reply) => {
      metrics.observeRequest(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    });
  }
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const answer = await readMetrics(ctx, metrics, request.headers.authorization);
    return reply.header('cache-control', 'no-store').type(answer.contentType).send(answer.text);
  });
});
