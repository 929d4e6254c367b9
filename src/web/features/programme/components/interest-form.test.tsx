// @vitest-environment jsdom
import '../../../test-setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderElement, stubFetch } from '../../../components/test-render';
import { InterestForm } from './interest-form';

// The interest form (decision 045): the contract's rules in Swedish beside each field before
// anything is sent, the server's field errors beside theirs, and one thanks for every answer.

const municipalities = [
  { code: '1490', name: 'Borås' },
  { code: '1496', name: 'Skövde' },
];

function renderForm(interest: { status: number; body?: unknown }) {
  const { fetchStub, calls } = stubFetch({
    'GET /api/public/interest-form': { status: 200, body: { formToken: '1765000000000.signature' } },
    'POST /api/public/interest': interest,
  });
  vi.stubGlobal('fetch', fetchStub);
  return { ...renderElement(<InterestForm municipalities={municipalities} />), calls };
}

async function fillIn(organisationNumber = '556036-0793', area: string | null = 'Cirkulära affärsmodeller') {
  fireEvent.change(await screen.findByLabelText(/Företagets namn/), { target: { value: 'Borås Bultar AB' } });
  fireEvent.change(screen.getByLabelText(/Organisationsnummer/), { target: { value: organisationNumber } });
  fireEvent.change(screen.getByLabelText(/^Kommun/), { target: { value: '1490' } });
  fireEvent.change(screen.getByLabelText(/Kontaktperson/), { target: { value: 'Berit Bult' } });
  fireEvent.change(screen.getByLabelText(/^E-post/), { target: { value: 'berit@bultar.example' } });
  if (area) fireEvent.click(screen.getByLabelText(area));
  fireEvent.click(screen.getByLabelText(/Jag samtycker/));
}

const send = () => fireEvent.click(screen.getByRole('button', { name: 'Skicka intresseanmälan' }));

describe('the interest form', () => {
  it('says in Swedish what each field needs before anything is sent', async () => {
    const { calls } = renderForm({ status: 202, body: { isReceived: true } });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Skicka intresseanmälan' })).toBeEnabled());
    send();
    await waitFor(() => expect(screen.getByLabelText(/Företagets namn/)).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText(/^Kommun/)).toHaveAccessibleDescription('Välj kommun.');
    expect(screen.getByText('Formuläret kan bara skickas med ert samtycke.')).toBeVisible();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('catches a mistyped organisation number with the register’s words', async () => {
    renderForm({ status: 202, body: { isReceived: true } });
    await fillIn('556036-0794');
    send();
    await waitFor(() =>
      expect(screen.getByLabelText(/Organisationsnummer/)).toHaveAccessibleDescription(/Kontrollsiffran stämmer inte/),
    );
  });

  it('asks what the company wants help with when neither an area nor a message is given', async () => {
    const { calls } = renderForm({ status: 202, body: { isReceived: true } });
    await fillIn('556036-0793', null);
    send();
    expect(
      await screen.findByText('Välj ett område eller skriv i meddelandet vad ni vill ha hjälp med.'),
    ).toBeVisible();
    // Focus goes to the group's first box, whose group names the problem (a keyboard user is there).
    expect(screen.getByLabelText('Grundsteg')).toHaveFocus();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('sends the form with its token and an empty hidden field, and thanks the sender', async () => {
    const { calls } = renderForm({ status: 202, body: { isReceived: true } });
    await fillIn();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Skicka intresseanmälan' })).toBeEnabled());
    send();
    expect(await screen.findByRole('status')).toHaveTextContent('Tack för er intresseanmälan');
    // The thanks takes the place of the button that had focus, so focus moves to it and it is read out.
    await waitFor(() => expect(screen.getByRole('status')).toHaveFocus());
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.body).toMatchObject({
      formToken: '1765000000000.signature',
      website: '',
      companyName: 'Borås Bultar AB',
      municipalityCode: '1490',
      areas: ['circular_business'],
      hasConsent: true,
    });
  });

  it('keeps the hidden field out of the keyboard’s way and from screen readers', async () => {
    renderForm({ status: 202, body: { isReceived: true } });
    const hidden = await screen.findByLabelText('Lämna det här fältet tomt');
    expect(hidden).toHaveAttribute('tabindex', '-1');
    expect(hidden.closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it('asks for a reload when the server no longer takes the form’s token', async () => {
    renderForm({
      status: 400,
      body: {
        code: 'invalid_input',
        message: 'Some fields need attention',
        details: { fields: [{ field: 'formToken', code: 'form_expired', message: 'Reload the page' }] },
      },
    });
    await fillIn();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Skicka intresseanmälan' })).toBeEnabled());
    send();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Formuläret har varit öppet för länge. Ladda om sidan och skicka det igen.',
    );
  });
});
