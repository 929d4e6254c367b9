import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, Session } from '../../contracts/auth';
import type { Ability } from '../../core/access';
import { apiRequest } from './api-client';

// The signed-in user, shared by the shell, the route guards and every feature. Null means
// "not signed in"; the abilities in it decide what the interface offers (never the role string).

export const meQueryKey = ['auth', 'me'] as const;

/** Who is signed in, or null when nobody is. The session route answers 200 either way, so a
 * visitor who is not signed in sees no failed request in the browser's console. */
export async function fetchMe(): Promise<Me | null> {
  // Typed, not parsed: the shell loads no zod, which keeps the sign-in page within its budget (P3).
  return (await apiRequest<Session>('/api/auth/session')).me;
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
