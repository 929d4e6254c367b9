import type { TFunction } from 'i18next';

// The pages drawn at build time in each language (decision 051): a page here must render the same
// whoever opens it, before anything is fetched. The server sends dist/web/prerendered/<name>.<language>.html
// for its path (listed for it in dist/web/prerendered/pages.json), and the client hydrates it (main.tsx).

export type PrerenderedPage = {
  /** The path the page answers, without a query: the query changes nothing that is drawn. */
  path: string;
  /** The file's name under dist/web/prerendered/. */
  name: string;
  /** The page's own title in the browser tab, as the page gives it to usePageTitle. */
  title: (t: TFunction) => string;
};

export const prerenderedPages: readonly PrerenderedPage[] = [
  { path: '/login', name: 'login', title: (t) => t('auth.signIn.title') },
  // The programme's public page draws its text at once; the partners' list and the interest form's
  // token are fetched after, as when it was drawn in the browser.
  { path: '/programmet', name: 'programme', title: (t) => t('programme.title') },
];
