import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { Providers } from './app/providers';
import { createQueryClient } from './app/query-client';
import { prerenderedPages } from './app/prerendered-pages';
import { routes } from './app/router';
import { ensureLanguage, i18next, initI18n, languages, type Language } from './i18n/i18n';

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
