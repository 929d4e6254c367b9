import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonNestsDeeperThan, maxBodyDepth } from './body-shape';
import { AppError, invalidField } from '../errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public read-only answer with no personal data: how many seconds anyone may keep it. */
    publicCacheSeconds?: number;
  }
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Security headers (docs/quality.md S11) and the refusal of cross-site requests (S10).
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

  // Fastify's own JSON parser (secure-json-parse, which refuses __proto__ keys), after a flat scan
  // that refuses a body nested deeper than any form needs: every later walk over the body recurses.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonNestsDeeperThan(body as string, maxBodyDepth)) {
      done(invalidField('body', 'too_deep', `The body is nested more than ${maxBodyDepth} levels deep`), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });

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

  // PostgreSQL text cannot hold U+0000, and jsonb (the audit copies) refuses a lone surrogate
  // half; both would fail deep in a query. Refuse them up front, naming the field (S13).
  app.addHook('preValidation', async (request) => {
    // Fastify skips body validation for a JSON `null`; every body here is an object.
    const body: unknown = request.body;
    if (stateChanging.has(request.method) && (body === null || typeof body !== 'object' || Array.isArray(body))) {
      throw invalidField('body', 'not_an_object', 'Send a JSON object');
    }
    const found =
      badTextField(request.body, '') ??
      badTextField(request.query, 'query.') ??
      badTextField(request.params, 'params.');
    if (found) throw invalidField(found.field || 'body', found.code, badTextMessages[found.code]);
  });

  // Every API answer may carry personal data: never cache it (S11). A public read-only route that
  // holds none says for how long anyone may keep it (`config.publicCacheSeconds`, decision 045);
  // its errors are still never kept.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      const seconds = request.routeOptions.config?.publicCacheSeconds;
      const isKept = seconds !== undefined && reply.statusCode === 200;
      void reply.header('cache-control', isKept ? `public, max-age=${seconds}` : 'no-store');
    }
  });
});

type BadText = { field: string; code: 'nul_character' | 'invalid_unicode' };

const badTextMessages: Record<BadText['code'], string> = {
  nul_character: 'The text holds a NUL character (U+0000), which is not allowed',
  invalid_unicode: 'The text holds a broken Unicode character (a lone surrogate), which is not allowed',
};

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): BadText['code'] | undefined {
  if (text.includes('\u0000')) return 'nul_character';
  return loneSurrogate.test(text) ? 'invalid_unicode' : undefined;
}

/** The path of the first string (or key) that PostgreSQL cannot store: body keys bare, query.x, params.x. */
function badTextField(value: unknown, path: string): BadText | undefined {
  if (typeof value === 'string') {
    const code = textProblem(value);
    return code ? { field: path.replace(/\.$/, ''), code } : undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const keyCode = textProblem(key);
    if (keyCode) return { field: `${path}${key.replaceAll('\u0000', '')}`, code: keyCode };
    const found = badTextField(child, `${path}${key}.`);
    if (found) return found;
  }
  return undefined;
}
