// @vitest-environment jsdom
import '../../test-setup';
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCompanyAnalyses } from '../../components/company-analyses-and-actions';
import { renderQueryHook, stubFetch } from '../../components/test-render';
import { useDeleteAnalysis } from './api';

const companyId = '00000000-0000-4000-8000-000000000201';
const analysisId = '00000000-0000-4000-8000-000000000401';

afterEach(() => vi.unstubAllGlobals());

describe('the analyses feature', () => {
  it('refreshes the company page’s list of analyses after one is deleted', async () => {
    const { fetchStub, calls } = stubFetch({
      [`GET /api/companies/${companyId}/analyses`]: {
        status: 200,
        body: { companyName: 'Verkstad AB', items: [], canCreate: true },
      },
      [`DELETE /api/analyses/${analysisId}`]: { status: 204 },
    });
    vi.stubGlobal('fetch', fetchStub);
    const { result } = renderQueryHook(() => ({
      list: useCompanyAnalyses(companyId),
      remove: useDeleteAnalysis(analysisId),
    }));
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));

    await act(() => result.current.remove.mutateAsync(1));

    await waitFor(() => expect(calls.filter((call) => call.method === 'GET')).toHaveLength(2));
  });
});
