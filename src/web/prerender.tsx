import { dehydrate, type DehydratedState, type Query } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider, type StaticHandler } from 'react-router';
import { pagesLoading } from './app/lazy-page';
import { Providers } from './app/providers';
import { createQueryClient } from './app/query-client';
import { prerenderedPages } from './app/prerendered-pages';
import { routes, type RouteHandle } from './app/router';
import { meQueryKey } from './components/session';
import {
  defaultLanguage,
  ensureLanguage,
  i18next,
  initI18n,
  languages,
  loadEveryStringOf,
  type Language,
} from './i18n/i18n';

// The pages that need nothing from the server to be drawn, rendered to HTML in each language at
// build time (decision 051) by src/prerender/write-pages.ts, which writes them beside the built app.
// The same routes, providers and strings as the browser's, so main.tsx can hydrate what was drawn.

export type RenderedPage = { path: string; name: string; language: Language; title: string; html: string };

export async function renderPrerenderedPages(): Promise<RenderedPage[]> {
  const i18n = initI18n('sv');
  const rendered: RenderedPage[] = [];
  for (const language of languages) {
    await ensureLanguage(language);
    await i18next.changeLanguage(language);
    // A handler of its own per language: a route's lazy part, which loads its strings in the active
    // language, runs once per handler.
    const handler = createStaticHandler(routes);
    for (const page of prerenderedPages) {
      const context = await handler.query(new Request(`http://localhost${page.path}`));
      if (context instanceof Response) throw new Error(`${page.path} answered ${context.status} instead of a page`);
      const router = createStaticRouter(handler.dataRoutes, context);
      const html = renderToString(
        <Providers queryClient={createQueryClient()} i18n={i18n}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </Providers>,
      );
      const title = `${page.title(i18n.t)} – ${i18n.t('app.name')}`;
      rendered.push({ path: page.path, name: page.name, language, title, html });
    }
  }
  return rendered;
}

/** A page drawn when it is asked for, with the data it shows and the cache the browser takes over. */
export type PageOnRequest = { html: string; language: Language; queries: DehydratedState };

/** Renders before the data a render asked for is there: the guard, the shell, the page, what
 * depends on the page's first answer. More means a page that keeps asking, drawn in the browser. */
const maxRenders = 6;

let staticHandler: StaticHandler | undefined;

/** Every string of every feature in every language: a page drawn on request may be in either. */
async function loadStrings(): Promise<void> {
  initI18n(defaultLanguage);
  for (const language of languages) await loadEveryStringOf(language);
  staticHandler = createStaticHandler(routes);
}
let stringsLoaded: Promise<void> | undefined;

/** Loads what drawing a page needs once per process; the server calls it at start. */
export function prepareRendering(): Promise<void> {
  stringsLoaded ??= loadStrings();
  return stringsLoaded;
}

/** Whether a query waits for its first answer and is meant to ask for it now. */
function isWaiting(query: Query): boolean {
  if (query.state.status !== 'pending' || query.state.fetchStatus !== 'idle') return false;
  const { enabled } = query.options as { enabled?: boolean | ((query: Query) => boolean) };
  return (typeof enabled === 'function' ? enabled(query) : enabled) !== false;
}

/**
 * Draws a page as the browser would once its data had come (decision 052):
 * renders, fetches what the render asked for through `sendApiRequestsWith`'s sender, and renders
 * again until nothing more is asked. Null when the browser is to draw it: a signed-in page without a
 * session or for a session that has ended (the guard sends them to sign in), an answer that failed,
 * a page that keeps asking.
 */
export async function renderOnRequest(
  url: string,
  language: Language,
  hasSession: boolean,
): Promise<PageOnRequest | null> {
  await prepareRendering();
  const handler = staticHandler!;
  const context = await handler.query(new Request(new URL(url, 'http://localhost')));
  if (context instanceof Response || context.statusCode !== 200) return null;
  const needsSession = context.matches.some((match) => (match.route.handle as RouteHandle | undefined)?.needsSession);
  if (needsSession && !hasSession) return null;
  const router = createStaticRouter(handler.dataRoutes, context);
  const queryClient = createQueryClient();
  const cache = queryClient.getQueryCache();
  try {
    for (let render = 1; render <= maxRenders; render += 1) {
      // One i18next for every request: the language is set right before each render, which runs
      // to its end without yielding.
      void i18next.changeLanguage(language);
      if (i18next.language !== language) throw new Error(`The strings of ${language} are not loaded`);
      const html = renderToString(
        <Providers queryClient={queryClient} i18n={i18next}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </Providers>,
      );
      const waiting = cache.findAll({ predicate: isWaiting });
      const loading = pagesLoading();
      if (waiting.length === 0 && loading.length === 0) {
        // A session that has ended: the guard sends the visitor to sign in.
        const isTurnedAway = needsSession && !queryClient.getQueryData(meQueryKey);
        const hasFailed = cache.findAll({ predicate: (query) => query.state.status === 'error' }).length > 0;
        return isTurnedAway || hasFailed ? null : { html, language, queries: dehydrate(queryClient) };
      }
      await Promise.all([...waiting.map((query) => query.fetch().catch(() => undefined)), ...loading]);
      // Nobody signed in: the guard would only send them to sign in.
      if (needsSession && queryClient.getQueryData(meQueryKey) === null) return null;
    }
    return null;
  } finally {
    queryClient.clear();
  }
}
