import { useMutation, useQuery } from '@tanstack/react-query';
import type {
  AcceptInvitationBody,
  Invitation,
  LoginBody,
  Me,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
} from '../../../contracts/auth';
import { apiRequest } from '../../components/api-client';

// Sign-in, sign-out, password reset and invitations. Responses are trusted to match the
// contracts (the server validates its responses), so this chunk stays small for the first page.

export const authKeys = {
  invitation: (token: string) => ['auth', 'invitation', token] as const,
};

export function signIn(body: LoginBody): Promise<Me> {
  return apiRequest<Me>('/api/auth/login', { method: 'POST', body });
}

export function signOut(): Promise<undefined> {
  return apiRequest('/api/auth/logout', { method: 'POST', body: {} });
}

export function requestPasswordReset(body: PasswordResetRequestBody): Promise<undefined> {
  return apiRequest('/api/auth/password-reset/request', { method: 'POST', body });
}

export function confirmPasswordReset(body: PasswordResetConfirmBody): Promise<undefined> {
  return apiRequest('/api/auth/password-reset/confirm', { method: 'POST', body });
}

export function fetchInvitation(token: string): Promise<Invitation> {
  return apiRequest<Invitation>(`/api/auth/invitations/${encodeURIComponent(token)}`);
}

export function acceptInvitation(body: AcceptInvitationBody): Promise<Me> {
  return apiRequest<Me>('/api/auth/invitations/accept', { method: 'POST', body });
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}

export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}

export function useInvitation(token: string | null) {
  return useQuery({
    queryKey: authKeys.invitation(token ?? ''),
    queryFn: () => fetchInvitation(token ?? ''),
    enabled: Boolean(token),
    retry: false,
  });
}

export function useAcceptInvitation() {
  return useMutation({ mutationFn: acceptInvitation });
}
