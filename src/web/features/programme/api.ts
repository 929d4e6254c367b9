import { useMutation, useQuery } from '@tanstack/react-query';
import type { InterestAnswer, InterestBody, InterestForm, PublicProgramme } from '../../../contracts/programme-page';
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
