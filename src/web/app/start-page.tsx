import { Suspense } from 'react';
import type { Me } from '../../contracts/auth';
import { useSignedInUser } from '../components/session';
import { loadFeatureTranslations } from '../i18n/i18n';
import { lazyPage } from './lazy-page';
import { PageLoader } from './page-loader';

// The first page after signing in: a person at a company lands on their company's portal (issue 15,
// decision 043), staff on the overview. Each is its own chunk with its strings, loaded when needed.

const OverviewPage = lazyPage(async () => {
  const [page] = await Promise.all([
    import('../features/overview/pages/overview-page'),
    loadFeatureTranslations('overview'),
  ]);
  return { default: page.OverviewPage };
});

const PortalPage = lazyPage(async () => {
  const [page] = await Promise.all([import('../features/portal/pages/portal-page'), loadFeatureTranslations('portal')]);
  return { default: page.PortalPage };
});

/** Loads the start page of this user, before a drawn start page is taken over (main.tsx). */
export async function preloadStartPage(me: Me): Promise<void> {
  await (me.companyId ? PortalPage.preload() : OverviewPage.preload());
}

export function StartPage() {
  const me = useSignedInUser();
  return (
    <Suspense fallback={<PageLoader />}>
      {me.companyId ? <PortalPage companyId={me.companyId} /> : <OverviewPage />}
    </Suspense>
  );
}
