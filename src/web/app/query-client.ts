import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../components/api-client';
import { meQueryKey } from '../components/session';

/**
 * One client for the app. A 401 anywhere means the session has ended (idle or absolute timeout,
 * signed out elsewhere): forgetting the user sends the route guard to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => forgetUserOn401(error) }),
    mutationCache: new MutationCache({ onError: (error) => forgetUserOn401(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retrying a 4xx never helps; a dropped connection might.
        retry: (failureCount, error) =>
          failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      },
    },
  });

  function forgetUserOn401(error: unknown) {
    if (isApiError(error, 'unauthenticated') && client.getQueryData(meQueryKey)) {
      client.setQueryData(meQueryKey, null);
    }
  }

  return client;
}
