import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18next } from '../i18n/i18n';
import { HydrationGate } from './hydration-gate';
import { cssVariablesResolver, theme } from './theme';

type ProvidersProps = {
  children: ReactNode;
  queryClient: QueryClient;
  i18n: typeof i18next;
};

/** Everything a page needs around it: theme, translations and server state. */
export function Providers({ children, queryClient, i18n }: ProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <HydrationGate>{children}</HydrationGate>
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
