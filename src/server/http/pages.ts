import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defaultLanguage, isLanguage, languageCookie, type Language } from '../../core/languages';
import type { Config } from '../config';
import { projectPath } from '../paths';
import { readSessionToken } from './session-cookie';

// What a page address answers. A page drawn at build time is sent in the visitor's language
// (decision 051). A signed-in page is drawn here when it is asked for, with its data (decision 052),
// by the renderer the build wrote (src/prerender/render-on-request.ts → dist/render/); its API
// requests are answered by this app through inject with the visitor's own cookie and address: the
// same routes, access checks and limits as the browser's requests. Any other page, and a page that
// could not be drawn, gets the shell, and the web app draws it in the browser.

type ApiSender = (path: string, init: RequestInit) => Promise<Response>;
type Renderer = {
  drawPage: (
    template: string,
    request: { url: string; language: Language; hasSession: boolean },
    send: ApiSender,
  ) => Promise<string | null>;
  prepare: () => Promise<void>;
};

const rendererFile = projectPath('dist', 'render', 'render-on-request.js');

/** Statuses whose answer has no body, which a Response refuses to carry one for. */
const bodiless = new Set([204, 205, 304]);

let renderer: Promise<Renderer | null> | undefined;

/** The renderer the build wrote, loaded once; null when there is none. */
function loadRenderer(): Promise<Renderer | null> {
  renderer ??= fs.existsSync(rendererFile)
    ? (import(pathToFileURL(rendererFile).href) as Promise<Renderer>)
    : Promise.resolve(null);
  return renderer;
}

/** Loads the renderer with every string and route (~1 s), so the first page drawn does not wait for
 * it; the server calls it once it listens. A server that draws no page (tests) loads it on demand. */
export async function prepareDrawing(): Promise<void> {
  await (await loadRenderer())?.prepare();
}

/** A function that draws a signed-in page's document, or answers null when the browser is to. */
function createPageDrawer(app: FastifyInstance, webRoot: string) {
  const template = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');

  return async function drawPage(
    request: FastifyRequest,
    language: Language,
    hasSession: boolean,
  ): Promise<string | null> {
    try {
      const loaded = await loadRenderer();
      if (!loaded) return null;
      const page = { url: request.url, language, hasSession };
      return await loaded.drawPage(template, page, async (apiPath, init) => {
        if ((init.method ?? 'GET') !== 'GET') throw new Error(`A page being drawn asked to ${init.method} ${apiPath}`);
        const answer = await app.inject({
          method: 'GET',
          url: apiPath,
          remoteAddress: request.ip,
          headers: {
            accept: 'application/json',
            cookie: request.headers.cookie ?? '',
            'user-agent': request.headers['user-agent'] ?? '',
          },
        });
        const contentType = answer.headers['content-type'];
        return new Response(bodiless.has(answer.statusCode) ? null : answer.body, {
          status: answer.statusCode,
          headers: contentType ? { 'content-type': String(contentType) } : {},
        });
      });
    } catch (error) {
      request.log.warn({ err: error }, 'the page could not be drawn on the server; the browser draws it');
      return null;
    }
  };
}

/** A drawn page holds the visitor's own data: never stored by a cache, compressed as the static files are. */
function sendDrawnPage(request: FastifyRequest, reply: FastifyReply, html: string): FastifyReply {
  void reply
    .header('cache-control', 'no-store')
    .header('vary', 'Cookie, Accept-Encoding')
    .type('text/html; charset=utf-8');
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) {
    const quality = { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 };
    return reply.header('content-encoding', 'br').send(zlib.brotliCompressSync(html, { params: quality }));
  }
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(zlib.gzipSync(html));
  return reply.send(html);
}

/** The pages the build drew beforehand (src/web/prerender.tsx): each path's file per language. */
function readPrerenderedPages(webRoot: string): Map<string, Record<string, string>> {
  const listed = path.join(webRoot, 'prerendered', 'pages.json');
  if (!fs.existsSync(listed)) return new Map();
  const pages = JSON.parse(fs.readFileSync(listed, 'utf8')) as { path: string; files: Record<string, string> }[];
  return new Map(pages.map((page) => [page.path, page.files]));
}

/** Answers a page address (GET or HEAD, not the API, not a file) of the built web app. */
export function createPageSender(app: FastifyInstance, webRoot: string, config: Config) {
  const prerendered = readPrerenderedPages(webRoot);
  const drawPage = createPageDrawer(app, webRoot);
  return async function sendPage(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const chosen = request.cookies[languageCookie];
    const language = isLanguage(chosen) ? chosen : defaultLanguage;
    const files = prerendered.get(request.url.split('?')[0] ?? '');
    const file = files && (files[language] ?? files[defaultLanguage]);
    if (file) return reply.header('cache-control', 'no-cache').header('vary', 'Cookie').sendFile(file);
    if (request.method === 'GET') {
      const html = await drawPage(request, language, Boolean(readSessionToken(request, config)));
      if (html) return sendDrawnPage(request, reply, html);
    }
    return reply.header('cache-control', 'no-cache').header('vary', 'Cookie').sendFile('index.html');
  };
}
