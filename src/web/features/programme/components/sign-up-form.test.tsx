// @vitest-environment jsdom
import '../../../test-setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderElement, stubFetch } from '../../../components/test-render';
import { SignUpForm } from './sign-up-form';

// The sign-up for a public activity (decision 046): the contract's rules beside each field before
// anything is sent, the body with its token, and the thanks that says to use the e-mailed link.

const activityId = '00000000-0000-4000-8000-000000000777';

function renderForm(answer: { status: number; body?: unknown }) {
  const { fetchStub, calls } = stubFetch({
    'GET /api/public/interest-form': { status: 200, body: { formToken: '1765000000000.signature' } },
    [`POST /api/public/activities/${activityId}/sign-ups`]: answer,
  });
  vi.stubGlobal('fetch', fetchStub);
  return { ...renderElement(<SignUpForm activityId={activityId} activityTitle="Öppen workshop" />), calls };
}

const send = () => fireEvent.click(screen.getByRole('button', { name: 'Skicka anmälan' }));

describe('the public sign-up form', () => {
  it('says in Swedish what each field needs before anything is sent', async () => {
    const { calls } = renderForm({ status: 202, body: { isReceived: true } });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Skicka anmälan' })).toBeEnabled());
    fireEvent.change(screen.getByLabelText(/Organisationsnummer/), { target: { value: '556036-0794' } });
    send();
    await waitFor(() => expect(screen.getByLabelText(/^Namn/)).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText(/Organisationsnummer/)).toHaveAccessibleDescription(/Kontrollsiffran stämmer inte/);
    expect(screen.getByText('Formuläret kan bara skickas med ert samtycke.')).toBeVisible();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('sends the sign-up with its token, "not stated" for a gender not given, and says to use the link', async () => {
    const { calls } = renderForm({ status: 202, body: { isReceived: true } });
    fireEvent.change(await screen.findByLabelText(/^Namn/), { target: { value: 'Vera Besökare' } });
    fireEvent.change(screen.getByLabelText(/^E-post/), { target: { value: 'vera@besok.example' } });
    fireEvent.change(screen.getByLabelText(/Företagets namn/), { target: { value: 'Besöksverken AB' } });
    fireEvent.change(screen.getByLabelText(/Organisationsnummer/), { target: { value: '556036-0793' } });
    fireEvent.click(screen.getByLabelText(/Jag samtycker/));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Skicka anmälan' })).toBeEnabled());
    send();
    expect(await screen.findByRole('status')).toHaveTextContent('Titta i din e-post');
    await waitFor(() => expect(screen.getByRole('status')).toHaveFocus());
    expect(screen.getByRole('status')).toHaveTextContent('vera@besok.example');
    expect(calls.find((call) => call.method === 'POST')?.body).toMatchObject({
      formToken: '1765000000000.signature',
      website: '',
      name: 'Vera Besökare',
      gender: 'not_stated',
      locale: 'sv',
      hasConsent: true,
    });
  });
});
