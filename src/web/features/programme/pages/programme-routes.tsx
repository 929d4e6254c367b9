import { useLocation } from 'react-router';
import { ProgrammePage } from './programme-page';
import { PublicActivitiesPage } from './public-activities-page';
import { SignUpLinkPage } from './sign-up-link-page';

/**
 * The public pages under /programmet (decisions 045, 046), one chunk outside the sign-in guard.
 * Chosen by the path here rather than with <Routes>: those would add 0.4 KiB of the router to the
 * chunk the sign-in page shares (docs/quality.md P3).
 */
export function ProgrammeRoutes() {
  const path = useLocation().pathname.replace(/\/+$/, '');
  if (path === '/programmet/aktiviteter') return <PublicActivitiesPage />;
  if (path === '/programmet/anmalan/bekrafta') return <SignUpLinkPage key="confirm" action="confirm" />;
  if (path === '/programmet/anmalan/avanmal') return <SignUpLinkPage key="cancel" action="cancel" />;
  return <ProgrammePage />;
}
