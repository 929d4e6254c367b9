import { useMutation, useQuery } from '@tanstack/react-query';
import type { InterestAnswer, InterestBody, InterestForm, PublicProgramme } from '../../../contracts/programme-page';
import type {
  PublicActivityList,
  PublicSignUpAnswer,
  PublicSignUpBody,
  SignUpConfirmation,
} from '../../../contracts/public-activities';
import { apiRequest } from '../../components/api-client';

// The public programme page (decision 045): read without a session. Responses are trusted to match
// the contracts (the server validates its responses), so the page carries no response schemas.

export const programmeKeys = {
  programme: ['programme'] as const,
  interestForm: ['programme', 'interest-form'] as const,
};

export function useProgramme() {
  return useQuery({
    queryKey: programmeKeys.programme,
    queryFn: () => apiRequest<PublicProgramme>('/api/public/programme'),
    staleTime: 5 * 60_000,
  });
}

/** The form's signed token: fetched when the page opens, so the time to fill it in counts from then. */
export function useInterestForm() {
  return useQuery({
    queryKey: programmeKeys.interestForm,
    queryFn: () => apiRequest<InterestForm>('/api/public/interest-form'),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useSubmitInterest() {
  return useMutation({
    mutationFn: (body: InterestBody) => apiRequest<InterestAnswer>('/api/public/interest', { method: 'POST', body }),
  });
}

// Public activities and their sign-up (decision 046).

export const publicActivityKeys = { list: ['programme', 'activities'] as const };

export function usePublicActivities() {
  return useQuery({
    queryKey: publicActivityKeys.list,
    queryFn: () => apiRequest<PublicActivityList>('/api/public/activities'),
  });
}

export function useSignUp(activityId: string) {
  return useMutation({
    mutationFn: (body: PublicSignUpBody) =>
      apiRequest<PublicSignUpAnswer>(`/api/public/activities/${activityId}/sign-ups`, { method: 'POST', body }),
  });
}

/** The e-mailed link's action: confirm the sign-up, or cancel it. */
export function useSignUpLink(action: 'confirm' | 'cancel') {
  return useMutation({
    mutationFn: (token: string) =>
      apiRequest<SignUpConfirmation>(`/api/public/sign-ups/${action}`, { method: 'POST', body: { token } }),
  });
}
