import { startTransition, StrictMode } from 'react';
import type { DehydratedState, QueryClient } from '@tanstack/react-query';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { matchRoutes } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { Providers } from './app/providers';
import type { Me } from '../contracts/auth';
import { createQueryClient } from './app/query-client';
import { meQueryKey } from './components/session';
import { createAppRouter, routes, type RouteHandle } from './app/router';
import { defaultLanguage, ensureLanguage, initI18n, keepLanguageCookie, storedLanguage } from './i18n/i18n';

/** Loads the lazy routes of this URL before the first render, as the prerendering did, so that the
 * router draws the page at once instead of its fallback, and hydration finds the same tree; and what
 * a route's page loads for the signed-in user (the start page's overview or portal), so that the
 * whole page is taken over at once (decision 052). */
async function loadRoutesOf(location: Location, me: Me | null | undefined): Promise<void> {
  const matches = matchRoutes(routes, location) ?? [];
  // All at once: the shell's chunk and the page's are fetched side by side, not one after the other.
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return;
      Object.assign(route, await route.lazy(), { lazy: undefined });
    }),
  );
  if (me) await Promise.all(matches.map(({ route }) => (route.handle as RouteHandle | undefined)?.preload?.(me)));
}

/** Puts the answers a page drawn on the server was drawn with (decision 052) into the cache before
 * the first render: the page renders what the server drew and asks for nothing again yet. The
 * server sends only answers that came (react-query's dehydrate), so their data is all there is to
 * keep; setQueryData spares the sign-in page react-query's hydrate (docs/quality.md P3). */
function keepPageQueries(queryClient: QueryClient): void {
  const text = document.getElementById('page-queries')?.textContent;
  if (!text) return;
  for (const { queryKey, state } of (JSON.parse(text) as DehydratedState).queries) {
    queryClient.setQueryData(queryKey, state.data, { updatedAt: state.dataUpdatedAt });
  }
}

async function start(): Promise<void> {
  const i18n = initI18n();
  // A visitor who chose English earlier gets it from the first render, and the server the choice
  // for the next page it draws beforehand (decision 051).
  const language = storedLanguage();
  if (language) {
    await ensureLanguage(language);
    // i18next settled on Swedish at init, before English's strings were there.
    await i18n.changeLanguage(language);
    keepLanguageCookie(language);
  }
  const queryClient = createQueryClient();
  keepPageQueries(queryClient);

  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element');
  // A page drawn at build time or by the server in this language is taken over; one in another
  // language (a choice the server did not know yet) is drawn anew.
  const isPrerendered = container.dataset.prerendered === (language ?? defaultLanguage);
  if (isPrerendered) await loadRoutesOf(window.location, queryClient.getQueryData<Me | null>(meQueryKey));
  const router = createAppRouter();
  const app = (
    <StrictMode>
      <Providers queryClient={queryClient} i18n={i18n}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>
  );
  // Taking over a drawn page as a transition yields to the browser every few milliseconds instead of
  // holding the main thread until the whole page is hydrated: the page is already there to read, and
  // a tap or a scroll is answered meanwhile (sign-in's blocking time on the mobile preset 281 → 184 ms).
  if (isPrerendered) startTransition(() => void hydrateRoot(container, app));
  else createRoot(container).render(app);
}

void start();
