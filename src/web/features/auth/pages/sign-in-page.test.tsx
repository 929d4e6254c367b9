// @vitest-environment jsdom
import '../../../test-setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderRoutes, stubFetch } from '../../../components/test-render';
import { SignInPage } from './sign-in-page';

const me = {
  id: '5b2f4a3e-9a57-4c57-8f2b-0a9d1f0c1a11',
  email: 'anna@iucvast.se',
  name: 'Anna Andersson',
  role: 'coach',
  organisationId: '1c7b1f3e-2b57-4c57-8f2b-0a9d1f0c1a22',
  organisationName: 'IUC Väst',
  companyId: null,
  companyName: null,
  locale: 'sv',
  abilities: {
    manageOrganisations: false,
    manageUsers: false,
    viewUsers: true,
    viewOutbox: false,
    viewCompanies: true,
    viewApiDocs: true,
  },
};

function renderSignIn(login: { status: number; body?: unknown }, path = '/login') {
  const { fetchStub, calls } = stubFetch({
    'GET /api/auth/session': { status: 200, body: { me: null } },
    'POST /api/auth/login': login,
  });
  vi.stubGlobal('fetch', fetchStub);
  const view = renderRoutes(
    [
      { path: '/login', element: <SignInPage /> },
      { path: '/users', element: <p>users page</p> },
      { path: '/login/code', element: <p>code step</p> },
      { path: '/login/enrol', element: <p>enrolment</p> },
      { path: '/', element: <p>start page</p> },
    ],
    path,
  );
  return { ...view, calls };
}

async function submit(email: string, password: string) {
  fireEvent.change(await screen.findByLabelText(/E-postadress/), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/^Lösenord/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Logga in' }));
}

describe('sign-in page', () => {
  it('shows the server’s field error under the e-mail field', async () => {
    const { calls } = renderSignIn({
      status: 400,
      body: {
        code: 'invalid_input',
        message: 'Some fields need attention',
        details: { fields: [{ field: 'email', code: 'custom', message: 'This address cannot sign in here' }] },
      },
    });
    await submit('anna@iucvast', 'correct horse battery');

    const email = screen.getByLabelText(/E-postadress/);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('This address cannot sign in here');
    expect(screen.getByLabelText(/^Lösenord/)).not.toHaveAttribute('aria-invalid', 'true');

    const login = calls.find((call) => call.path === '/api/auth/login');
    expect(login?.method).toBe('POST');
    expect(login?.headers.get('Content-Type')).toBe('application/json');
    expect(login?.body).toEqual({ email: 'anna@iucvast', password: 'correct horse battery' });
  });

  it('says the e-mail or password is wrong on 401, without telling which', async () => {
    renderSignIn({ status: 401, body: { code: 'unauthenticated', message: 'Wrong e-mail or password' } });
    await submit('anna@iucvast.se', 'wrong password');
    expect(await screen.findByRole('alert')).toHaveTextContent('Fel e-postadress eller lösenord.');
  });

  it('tells how long to wait when rate limited', async () => {
    renderSignIn({
      status: 429,
      body: { code: 'rate_limited', message: 'Too many attempts', details: { retryAfterSeconds: 30 } },
    });
    await submit('anna@iucvast.se', 'password one');
    expect(await screen.findByRole('alert')).toHaveTextContent('Vänta 30 sekunder');
  });

  it('asks for the fields before sending anything', async () => {
    const { calls } = renderSignIn({ status: 200, body: me });
    await submit('', '');
    expect(await screen.findAllByText('Fyll i fältet.')).toHaveLength(2);
    expect(calls.some((call) => call.path === '/api/auth/login')).toBe(false);
  });

  it('goes on to the page in ?next after signing in', async () => {
    const { router } = renderSignIn({ status: 200, body: me }, '/login?next=%2Fusers');
    await submit('anna@iucvast.se', 'correct horse battery');
    expect(await screen.findByText('users page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/users');
  });

  it('never follows ?next off this site', async () => {
    const { router } = renderSignIn({ status: 200, body: me }, '/login?next=%2F%2Fevil.example');
    await submit('anna@iucvast.se', 'correct horse battery');
    expect(await screen.findByText('start page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('goes on to the code step, keeping ?next, when the account has two-step verification', async () => {
    const { router } = renderSignIn({ status: 202, body: { next: 'second_factor' } }, '/login?next=%2Fusers');
    await submit('anna@iucvast.se', 'correct horse battery');
    expect(await screen.findByText('code step')).toBeInTheDocument();
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/login/code?next=%2Fusers');
  });

  it('sends an admin without two-step verification to enrol it', async () => {
    const { router } = renderSignIn({ status: 202, body: { next: 'enrolment' } });
    await submit('admin@iucvast.se', 'correct horse battery');
    expect(await screen.findByText('enrolment')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login/enrol');
  });
});
