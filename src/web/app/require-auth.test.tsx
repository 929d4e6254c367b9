// @vitest-environment jsdom
import '../test-setup';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderRoutes, stubFetch } from '../components/test-render';
import { RequireAuth } from './require-auth';

describe('route guard', () => {
  it('sends a visitor to the sign-in page with the page they wanted in ?next', async () => {
    const { fetchStub } = stubFetch({
      'GET /api/auth/session': { status: 200, body: { me: null } },
    });
    vi.stubGlobal('fetch', fetchStub);
    const { router } = renderRoutes(
      [
        { element: <RequireAuth />, children: [{ path: '/users', element: <p>users page</p> }] },
        { path: '/login', element: <p>sign-in page</p> },
      ],
      '/users?q=anna',
    );
    expect(await screen.findByText('sign-in page')).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/users?q=anna')}`);
    expect(screen.queryByText('users page')).not.toBeInTheDocument();
  });
});
