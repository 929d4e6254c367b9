// @vitest-environment jsdom
import '../../../test-setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderRoutes, stubFetch } from '../../../components/test-render';
import { ForgotPasswordPage } from './forgot-password-page';

describe('forgot-password page', () => {
  it('moves the focus to the thanks that take the form’s place', async () => {
    const { fetchStub, calls } = stubFetch({
      'GET /api/auth/session': { status: 200, body: { me: null } },
      'POST /api/auth/password-reset/request': { status: 202 },
    });
    vi.stubGlobal('fetch', fetchStub);
    renderRoutes([{ path: '/forgot-password', element: <ForgotPasswordPage /> }], '/forgot-password');

    fireEvent.change(await screen.findByLabelText(/E-postadress/), { target: { value: 'anna@iucvast.se' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skicka länk' }));

    const thanks = await screen.findByRole('status');
    expect(thanks).toHaveTextContent('Kontrollera din e-post');
    await waitFor(() => expect(thanks).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Skicka länk' })).toBeNull();
    expect(calls.find((call) => call.path === '/api/auth/password-reset/request')?.body).toEqual({
      email: 'anna@iucvast.se',
    });
  });
});
