import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { livezSchema, readyzSchema } from '../../../contracts/health';
import type { AppContext } from '../../context';

// /livez never touches the database (a restart would not help it); /readyz does, with a short
// timeout, so a load balancer stops sending traffic while the database is away (R9).
export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/livez',
    { schema: { tags: ['health'], summary: 'The process is alive', response: { 200: livezSchema } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: { tags: ['health'], summary: 'The database answers', response: { 200: readyzSchema, 503: readyzSchema } },
    },
    async (_request, reply) => {
      if (ctx.lifecycle.isDraining) return reply.status(503).send({ status: 'draining', database: 'up' });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), 2000);
      });
      try {
        await Promise.race([ctx.database.ping(), timeout]);
        return { status: 'ok' as const, database: 'up' as const };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: 'down' });
      } finally {
        clearTimeout(timer);
      }
    },
  );
};
