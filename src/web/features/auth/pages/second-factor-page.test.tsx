// @vitest-environment jsdom
import '../../../test-setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderRoutes, stubFetch } from '../../../components/test-render';
import { SecondFactorPage } from './second-factor-page';

const me = {
  id: '5b2f4a3e-9a57-4c57-8f2b-0a9d1f0c1a11',
  email: 'admin@demo.industryinwest.example',
  name: 'Astrid Påhittad',
  role: 'admin',
  organisationId: null,
  organisationName: null,
  companyId: null,
  companyName: null,
  locale: 'sv',
  abilities: {},
};

function renderCodeStep(verify: { status: number; body?: unknown }, path = '/login/code') {
  const { fetchStub, calls } = stubFetch({ 'POST /api/auth/second-factor/verify': verify });
  vi.stubGlobal('fetch', fetchStub);
  const view = renderRoutes(
    [
      { path: '/login/code', element: <SecondFactorPage /> },
      { path: '/users', element: <p>users page</p> },
      { path: '/', element: <p>start page</p> },
    ],
    path,
  );
  return { ...view, calls };
}

describe('the code step of a sign-in', () => {
  it('offers a numeric one-time-code field and signs in with the code, then goes on to ?next', async () => {
    const { router, calls } = renderCodeStep({ status: 200, body: me }, '/login/code?next=%2Fusers');
    const field = await screen.findByLabelText(/Kod från appen/);
    expect(field).toHaveAttribute('autocomplete', 'one-time-code');
    expect(field).toHaveAttribute('inputmode', 'numeric');
    fireEvent.change(field, { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Logga in' }));
    expect(await screen.findByText('users page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/users');
    expect(calls.find((call) => call.path === '/api/auth/second-factor/verify')?.body).toEqual({ code: '123 456' });
  });

  it('says a wrong code is wrong, on the field', async () => {
    renderCodeStep({
      status: 400,
      body: {
        code: 'invalid_input',
        message: 'Some fields need attention',
        details: { fields: [{ field: 'code', code: 'wrong_code', message: 'The code is wrong' }] },
      },
    });
    const field = await screen.findByLabelText(/Kod från appen/);
    fireEvent.change(field, { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Logga in' }));
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/Koden stämmer inte/);
  });

  it('switches to a recovery code, with a field for letters', async () => {
    renderCodeStep({ status: 200, body: me });
    fireEvent.click(await screen.findByRole('button', { name: 'Använd en reservkod i stället' }));
    const field = screen.getByLabelText(/Reservkod/);
    expect(field).toHaveAttribute('inputmode', 'text');
    expect(field).toHaveAttribute('autocomplete', 'off');
  });

  it('sends the person back to sign in when the waiting sign-in has expired', async () => {
    renderCodeStep({ status: 401, body: { code: 'unauthenticated', message: 'No sign-in is waiting' } });
    fireEvent.change(await screen.findByLabelText(/Kod från appen/), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Logga in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Inloggningen har gått ut');
    expect(screen.getByRole('link', { name: 'Tillbaka till inloggningen' })).toHaveAttribute('href', '/login');
  });
});
