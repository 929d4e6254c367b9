import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptInvitationBody,
  ConfirmSecondFactorBody,
  DisableSecondFactorBody,
  Invitation,
  LoginBody,
  Me,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  RecoveryCodes,
  RegenerateRecoveryCodesBody,
  SecondFactorEnabled,
  SecondFactorEnrolment,
  SecondFactorStatus,
  SignInStep,
  VerifySecondFactorBody,
} from '../../../contracts/auth';
import { apiRequest } from '../../components/api-client';

// Sign-in, sign-out, password reset and invitations. Responses are trusted to match the
// contracts (the server validates its responses), so this chunk stays small for the first page.

export const authKeys = {
  invitation: (token: string) => ['auth', 'invitation', token] as const,
  secondFactor: ['auth', 'second-factor'] as const,
};

/** The signed-in user, or the step that comes first (a code, or an enrolment; decision 021). */
export type SignInAnswer = Me | SignInStep;

export function isSignInStep(answer: SignInAnswer): answer is SignInStep {
  return 'next' in answer;
}

/** Where a sign-in goes when the server asks for one more step, keeping the page to return to. */
export function signInStepPath(step: SignInStep, next: string): string {
  const query = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
  return `${step.next === 'second_factor' ? '/login/code' : '/login/enrol'}${query}`;
}

export function signIn(body: LoginBody): Promise<SignInAnswer> {
  return apiRequest<SignInAnswer>('/api/auth/login', { method: 'POST', body });
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

export function acceptInvitation(body: AcceptInvitationBody): Promise<SignInAnswer> {
  return apiRequest<SignInAnswer>('/api/auth/invitations/accept', { method: 'POST', body });
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

// The second factor (decision 021).

export function useVerifySecondFactor() {
  return useMutation({
    mutationFn: (body: VerifySecondFactorBody) =>
      apiRequest<Me>('/api/auth/second-factor/verify', { method: 'POST', body }),
  });
}

export function useStartEnrolment() {
  return useMutation({
    mutationFn: () => apiRequest<SecondFactorEnrolment>('/api/auth/second-factor/enrolment', { method: 'POST' }),
  });
}

export function useConfirmEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmSecondFactorBody) =>
      apiRequest<SecondFactorEnabled>('/api/auth/second-factor/enrolment/confirm', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.secondFactor }),
  });
}

export function useSecondFactorStatus() {
  return useQuery({
    queryKey: authKeys.secondFactor,
    queryFn: () => apiRequest<SecondFactorStatus>('/api/auth/second-factor'),
  });
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegenerateRecoveryCodesBody) =>
      apiRequest<RecoveryCodes>('/api/auth/second-factor/recovery-codes', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.secondFactor }),
  });
}

export function useDisableSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DisableSecondFactorBody) =>
      apiRequest<SecondFactorStatus>('/api/auth/second-factor/disable', { method: 'POST', body }),
    onSuccess: (status) => queryClient.setQueryData(authKeys.secondFactor, status),
  });
}
