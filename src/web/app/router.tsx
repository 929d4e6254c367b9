import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Me } from '../../contracts/auth';
import { loadFeatureTranslations } from '../i18n/i18n';
import { NotFoundPage } from './not-found-page';
import { PageLoader } from './page-loader';
import { RequireAbility, RequireAuth } from './require-auth';
import { RouteErrorPage } from './route-error-page';

// Each page is its own chunk (docs/quality.md P3: first route ≤ 170 KiB gzip), loaded when its route
// is first visited. The signed-in shell is a chunk of its own too, so the sign-in page does not
// carry its menus; the guards and 404 are small and ship with the entry.

/** A feature's page and its strings, loaded together when its route is first visited. */
function withStrings<T>(features: string | string[], loadPage: () => Promise<T>): () => Promise<T> {
  const names = typeof features === 'string' ? [features] : features;
  return async () => (await Promise.all([loadPage(), ...names.map((name) => loadFeatureTranslations(name))]))[0];
}

/** What a route tells those who draw it beyond its element. */
export type RouteHandle = {
  needsSession?: boolean;
  /** Loads what the route's page loads for this user when it renders, before a drawn page is taken over. */
  preload?: (me: Me) => Promise<void>;
};

export const routes: RouteObject[] = [
  {
    HydrateFallback: PageLoader,
    ErrorBoundary: RouteErrorPage,
    children: [
      {
        path: '/login',
        lazy: withStrings('auth', () =>
          import('../features/auth/pages/sign-in-page').then((m) => ({ Component: m.SignInPage })),
        ),
      },
      {
        path: '/login/code',
        lazy: withStrings('auth', () =>
          import('../features/auth/pages/second-factor-page').then((m) => ({ Component: m.SecondFactorPage })),
        ),
      },
      {
        path: '/login/enrol',
        lazy: withStrings('auth', () =>
          import('../features/auth/pages/enrolment-page').then((m) => ({ Component: m.EnrolmentPage })),
        ),
      },
      {
        path: '/forgot-password',
        lazy: withStrings('auth', () =>
          import('../features/auth/pages/forgot-password-page').then((m) => ({ Component: m.ForgotPasswordPage })),
        ),
      },
      {
        path: '/reset-password',
        lazy: withStrings('auth', () =>
          import('../features/auth/pages/reset-password-page').then((m) => ({ Component: m.ResetPasswordPage })),
        ),
      },
      {
        path: '/invitation',
        lazy: withStrings('auth', () =>
          import('../features/auth/pages/invitation-page').then((m) => ({ Component: m.InvitationPage })),
        ),
      },
      {
        // The public pages (decisions 045, 046): no sign-in, chunks of their own (programme-route.ts).
        path: '/programmet/*',
        lazy: () =>
          import('../features/programme/programme-route').then((m) => m.loadProgrammePage(loadFeatureTranslations)),
      },
      {
        element: <RequireAuth />,
        // The server draws these pages only for a request with a session (decision 052).
        handle: { needsSession: true } satisfies RouteHandle,
        children: [
          {
            // The shell's account menu links to the own security settings, whose name is an auth string;
            // features/signed-in holds the strings the signed-in features share (areas, effects …).
            lazy: withStrings(['auth', 'signed-in'], () =>
              import('./app-layout').then((m) => ({ Component: m.AppLayout })),
            ),
            children: [
              {
                // A company user's first page is their company's portal, staff's the overview.
                index: true,
                // The chooser ships in the shell's chunk: a chunk of its own would split the modules
                // the sign-in page shares with it into more chunks (docs/quality.md P3).
                lazy: () =>
                  import('./app-layout').then((m) => ({
                    Component: m.StartPage,
                    handle: { preload: m.preloadStartPage } satisfies RouteHandle,
                  })),
              },
              {
                path: '/account/security',
                lazy: withStrings('auth', () =>
                  import('../features/auth/pages/security-page').then((m) => ({ Component: m.SecurityPage })),
                ),
              },
              {
                element: <RequireAbility ability="viewCompanies" />,
                children: [
                  {
                    path: '/companies',
                    lazy: withStrings('companies', () =>
                      import('../features/companies/pages/companies-page').then((m) => ({
                        Component: m.CompaniesPage,
                      })),
                    ),
                  },
                  {
                    path: '/companies/:companyId',
                    lazy: withStrings('companies', () =>
                      import('../features/companies/pages/company-page').then((m) => ({ Component: m.CompanyPage })),
                    ),
                  },
                  // A company's own pages: what each shows of it the API decides per record (404 otherwise).
                  {
                    path: '/companies/:companyId/maturity',
                    lazy: withStrings('maturity', () =>
                      import('../features/maturity/pages/maturity-page').then((m) => ({ Component: m.MaturityPage })),
                    ),
                  },
                  {
                    path: '/companies/:companyId/action-plan',
                    lazy: withStrings('action-plans', () =>
                      import('../features/action-plans/pages/action-plan-page').then((m) => ({
                        Component: m.ActionPlanPage,
                      })),
                    ),
                  },
                  {
                    path: '/companies/:companyId/analyses',
                    lazy: withStrings('analyses', () =>
                      import('../features/analyses/pages/analyses-page').then((m) => ({ Component: m.AnalysesPage })),
                    ),
                  },
                  {
                    path: '/companies/:companyId/analyses/new/:kind',
                    lazy: withStrings('analyses', () =>
                      import('../features/analyses/pages/new-analysis-page').then((m) => ({
                        Component: m.NewAnalysisPage,
                      })),
                    ),
                  },
                  {
                    path: '/companies/:companyId/state-aid',
                    lazy: withStrings('state-aid', () =>
                      import('../features/state-aid/pages/company-state-aid-page').then((m) => ({
                        Component: m.CompanyStateAidPage,
                      })),
                    ),
                  },
                  {
                    path: '/analyses/:analysisId',
                    lazy: withStrings('analyses', () =>
                      import('../features/analyses/pages/analysis-page').then((m) => ({ Component: m.AnalysisPage })),
                    ),
                  },
                  {
                    path: '/assessments/:assessmentId',
                    lazy: withStrings('maturity', () =>
                      import('../features/maturity/pages/assessment-page').then((m) => ({
                        Component: m.AssessmentPage,
                      })),
                    ),
                  },
                ],
              },
              {
                element: <RequireAbility ability="viewActivities" />,
                children: [
                  {
                    path: '/activities',
                    lazy: withStrings('activities', () =>
                      import('../features/activities/pages/activities-page').then((m) => ({
                        Component: m.ActivitiesPage,
                      })),
                    ),
                  },
                  {
                    path: '/activities/:activityId',
                    lazy: withStrings('activities', () =>
                      import('../features/activities/pages/activity-page').then((m) => ({
                        Component: m.ActivityPage,
                      })),
                    ),
                  },
                ],
              },
              {
                element: <RequireAbility ability="registerCompanies" />,
                children: [
                  {
                    path: '/companies/new',
                    lazy: withStrings('companies', () =>
                      import('../features/companies/pages/new-company-page').then((m) => ({
                        Component: m.NewCompanyPage,
                      })),
                    ),
                  },
                ],
              },
              {
                element: <RequireAbility ability="importCompanies" />,
                children: [
                  {
                    path: '/companies/import',
                    lazy: withStrings('company-import', () =>
                      import('../features/company-import/pages/company-import-page').then((m) => ({
                        Component: m.CompanyImportPage,
                      })),
                    ),
                  },
                ],
              },
              {
                element: <RequireAbility ability="viewMyWeek" />,
                children: [
                  {
                    path: '/my-week',
                    lazy: withStrings('my-week', () =>
                      import('../features/my-week/pages/my-week-page').then((m) => ({ Component: m.MyWeekPage })),
                    ),
                  },
                ],
              },
              {
                element: <RequireAbility ability="viewTimeReport" />,
                children: [
                  {
                    path: '/time-report',
                    lazy: withStrings('my-week', () =>
                      import('../features/my-week/pages/time-report-page').then((m) => ({
                        Component: m.TimeReportPage,
                      })),
                    ),
                  },
                ],
              },
              {
                element: <RequireAbility ability="viewProgrammeActionTotals" />,
                children: [
                  {
                    path: '/action-totals',
                    lazy: withStrings('action-plans', () =>
                      import('../features/action-plans/pages/programme-totals-page').then((m) => ({
                        Component: m.ProgrammeTotalsPage,
                      })),
                    ),
                  },
                ],
              },
              {
                element: <RequireAbility ability="viewFunderReports" />,
                children: [
                  {
                    path: '/reports',
                    lazy: withStrings(['funder-reports'], () =>
                      import('../features/funder-reports/pages/indicator-report-page').then((m) => ({
                        Component: m.IndicatorReportPage,
                      })),
                    ),
                  },
                  {
                    path: '/reports/impact',
                    lazy: withStrings(['funder-reports'], () =>
                      import('../features/funder-reports/pages/impact-page').then((m) => ({
                        Component: m.ImpactPage,
                      })),
                    ),
                  },
                  {
                    path: '/reports/time-and-cost',
                    lazy: withStrings(['funder-reports'], () =>
                      import('../features/funder-reports/pages/time-and-cost-page').then((m) => ({
                        Component: m.TimeAndCostPage,
                      })),
                    ),
                  },
                  {
                    path: '/reports/frozen/:id',
                    lazy: withStrings(['funder-reports'], () =>
                      import('../features/funder-reports/pages/frozen-report-page').then((m) => ({
                        Component: m.FrozenReportPage,
                      })),
                    ),
                  },
                ],
              },
              {
                element: <RequireAbility ability="viewHandovers" />,
                children: [
                  {
                    path: '/handovers',
                    lazy: withStrings('handovers', () =>
                      import('../features/handovers/pages/handovers-page').then((m) => ({
                        Component: m.HandoversPage,
                      })),
                    ),
                  },
                ],
              },
              {
                element: <RequireAbility ability="viewUsers" />,
                children: [
                  {
                    path: '/users',
                    lazy: withStrings('users', () =>
                      import('../features/users/pages/users-page').then((m) => ({ Component: m.UsersPage })),
                    ),
                  },
                ],
              },
              {
                element: <RequireAbility ability="manageOrganisations" />,
                children: [
                  {
                    path: '/admin/organisations',
                    lazy: withStrings('organisations', () =>
                      import('../features/organisations/pages/organisations-page').then((m) => ({
                        Component: m.OrganisationsPage,
                      })),
                    ),
                  },
                ],
              },
              {
                element: <RequireAbility ability="manageEmissionFactorSets" />,
                children: [
                  {
                    path: '/admin/emission-factor-sets',
                    lazy: withStrings('analyses', () =>
                      import('../features/analyses/pages/factor-sets-page').then((m) => ({
                        Component: m.FactorSetsPage,
                      })),
                    ),
                  },
                ],
              },
              {
                element: <RequireAbility ability="manageStateAidRates" />,
                children: [
                  {
                    path: '/admin/state-aid',
                    // One chunk with the company's state aid page (the entry lists each chunk's files).
                    lazy: withStrings('state-aid', () =>
                      import('../features/state-aid/pages/company-state-aid-page').then((m) => ({
                        Component: m.StateAidAdminPage,
                      })),
                    ),
                  },
                ],
              },
              {
                element: <RequireAbility ability="viewOutbox" />,
                children: [
                  {
                    path: '/admin/outbox',
                    lazy: withStrings('outbox', () =>
                      import('../features/outbox/pages/outbox-page').then((m) => ({ Component: m.OutboxPage })),
                    ),
                  },
                ],
              },
              { path: '*', Component: NotFoundPage },
            ],
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
