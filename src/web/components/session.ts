import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../contracts/auth';
import type { Ability } from '../../core/access';
import { apiRequest, isApiError } from './api-client';

// The signed-in user, shared by the shell, the route guards and every feature. Null means
// "not signed in"; the abilities in it decide what the interface offers (never the role string).

export const meQueryKey = ['auth', 'me'] as const;

/** Who is signed in, or null when nobody is (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await apiRequest<Me>('/api/auth/me');
  } catch (error) {
    if (isApiError(error, 'unauthenticated')) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** The signed-in user inside the guarded part of the app, where the guard has already loaded it. */
export function useSignedInUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInUser is used outside the signed-in routes');
  return data;
}

export function useAbility(ability: Ability): boolean {
  const { data } = useMe();
  return data?.abilities[ability] ?? false;
}

/** Stores the user a sign-in (or accepted invitation) returned, so no extra round trip is needed. */
export function useSetSignedInUser(): (me: Me | null) => void {
  const queryClient = useQueryClient();
  return (me) => {
    if (me === null) queryClient.clear();
    queryClient.setQueryData(meQueryKey, me);
  };
}
