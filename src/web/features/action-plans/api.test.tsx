// @vitest-environment jsdom
import '../../test-setup';
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectTotals } from '../../../core/effects';
import { useCompanyActionTotals } from '../../components/company-analyses-and-actions';
import { renderQueryHook, stubFetch } from '../../components/test-render';
import { useDismissSuggestion } from './api';

const companyId = '00000000-0000-4000-8000-000000000201';
// An empty plan's totals, as the server computes them.
const totals = effectTotals([]);

afterEach(() => vi.unstubAllGlobals());

describe('the action plan feature', () => {
  it('refreshes the company page’s effect totals after a change to the plan', async () => {
    const { fetchStub, calls } = stubFetch({
      [`GET /api/companies/${companyId}/action-totals`]: {
        status: 200,
        body: { companyId, overall: totals, byArea: [] },
      },
      [`POST /api/companies/${companyId}/action-suggestions/led/dismiss`]: { status: 200, body: {} },
    });
    vi.stubGlobal('fetch', fetchStub);
    const { result } = renderQueryHook(() => ({
      totals: useCompanyActionTotals(companyId),
      dismiss: useDismissSuggestion(companyId),
    }));
    await waitFor(() => expect(result.current.totals.isSuccess).toBe(true));

    await act(() => result.current.dismiss.mutateAsync({ key: 'led', reason: null }));

    await waitFor(() => expect(calls.filter((call) => call.method === 'GET')).toHaveLength(2));
  });
});
