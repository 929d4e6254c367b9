import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { theme } from '../app/theme';
import { initI18n, languages } from '../i18n/i18n';

// Component tests render pages without their routes' loaders: register every feature's strings.
const featureStrings = import.meta.glob<{ default: Record<string, unknown> }>('../features/*/i18n/*.json', {
  eager: true,
});

/** Renders routes in memory with the app's providers, in Swedish; for component tests only. */
export function renderRoutes(routes: RouteObject[], initialPath: string, queryClient = testQueryClient()) {
  const i18n = initI18n('sv');
  for (const [path, module] of Object.entries(featureStrings)) {
    const language = languages.find((l) => path.endsWith(`/${l}.json`));
    if (language) i18n.addResourceBundle(language, 'translation', module.default, true, true);
  }
  void i18n.changeLanguage('sv');
  const router = createMemoryRouter(routes, { initialEntries: [initialPath] });
  const view = render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme}>
          <RouterProvider router={router} />
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { ...view, router, queryClient };
}

export function renderElement(element: ReactElement, initialPath = '/') {
  return renderRoutes([{ path: '*', element }], initialPath);
}

/** Runs hooks with a query client of their own, to see what one feature's change refreshes in another's reads. */
export function renderQueryHook<Result>(hook: () => Result) {
  const queryClient = testQueryClient();
  const view = renderHook(hook, {
    wrapper: ({ children }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>,
  });
  return { ...view, queryClient };
}

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** A fetch stub answering each "METHOD path" with a status and a JSON body. */
export function stubFetch(answers: Record<string, { status: number; body?: unknown }>) {
  const calls: { method: string; path: string; body: unknown; headers: Headers }[] = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = typeof input === 'string' ? input : input.toString();
    const method = init?.method ?? 'GET';
    calls.push({
      method,
      path,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: new Headers(init?.headers),
    });
    const answer = answers[`${method} ${path}`] ?? { status: 404, body: { code: 'not_found', message: 'No stub' } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetchStub, calls };
}
