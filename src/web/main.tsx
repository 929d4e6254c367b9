import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { Providers } from './app/providers';
import { createQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { ensureLanguage, initI18n, storedLanguage } from './i18n/i18n';

async function start(): Promise<void> {
  const i18n = initI18n();
  // A visitor who chose English earlier gets it from the first render.
  const language = storedLanguage();
  if (language) await ensureLanguage(language);
  const queryClient = createQueryClient();
  const router = createAppRouter();

  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element');

  createRoot(container).render(
    <StrictMode>
      <Providers queryClient={queryClient} i18n={i18n}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
}

void start();
