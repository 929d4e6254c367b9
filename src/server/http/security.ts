import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from './errors';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Security headers (QUALITY.md S11) and the refusal of cross-site requests (S10).
 * State-changing routes accept only application/json, which a cross-site form or simple request
 * cannot send, and refuse any request whose Origin or Sec-Fetch-Site says it came from elsewhere.
 */
export const securityPlugin = fp(async (app: FastifyInstance) => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its CSS variables into a style tag at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });

  app.addContentTypeParser('*', (_request, _payload, done) => {
    done(
      new AppError('invalid_input', 'Send the request as application/json', {
        fields: [{ field: 'body', code: 'unsupported_media_type', message: 'Send the request as application/json' }],
      }),
      undefined,
    );
  });
  app.removeContentTypeParser(['text/plain']);

  app.addHook('onRequest', async (request) => {
    if (!stateChanging.has(request.method)) return;
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
      throw new AppError('forbidden', 'Cross-site requests are not accepted');
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== 'null') {
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      if (originHost !== request.headers.host) throw new AppError('forbidden', 'Cross-site requests are not accepted');
    } else if (origin === 'null') {
      throw new AppError('forbidden', 'Cross-site requests are not accepted');
    }
    const contentType = request.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      throw new AppError('invalid_input', 'Send the request as application/json', {
        fields: [{ field: 'body', code: 'unsupported_media_type', message: 'Send the request as application/json' }],
      });
    }
  });

  // Every API answer may carry personal data: never cache it (S11).
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      void reply.header('cache-control', 'no-store');
    }
  });
});
