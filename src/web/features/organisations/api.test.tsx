// @vitest-environment jsdom
import '../../test-setup';
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useOrganisations } from '../../components/people-and-organisations';
import { renderQueryHook, stubFetch } from '../../components/test-render';
import { useCreateOrganisation } from './api';

const organisation = {
  id: '00000000-0000-4000-8000-000000000301',
  name: 'Industriell utveckling Väst',
  shortName: 'IUV',
  reportingAreas: [],
  userCount: 0,
  companyCount: 0,
  version: 1,
  updatedAt: '2026-01-10T09:00:00.000Z',
};

afterEach(() => vi.unstubAllGlobals());

describe('the organisations feature', () => {
  it('refreshes the organisation list every feature reads after a new organisation', async () => {
    const { fetchStub, calls } = stubFetch({
      'GET /api/organisations': { status: 200, body: { items: [organisation] } },
      'POST /api/organisations': { status: 201, body: organisation },
    });
    vi.stubGlobal('fetch', fetchStub);
    const { result } = renderQueryHook(() => ({ list: useOrganisations(), create: useCreateOrganisation() }));
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));

    await act(() => result.current.create.mutateAsync({ name: 'Ny', shortName: 'NY', reportingAreas: [] }));

    await waitFor(() => expect(calls.filter((call) => call.method === 'GET')).toHaveLength(2));
  });
});
