// @vitest-environment jsdom
import '../../../test-setup';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderElement, stubFetch } from '../../../components/test-render';
import { InterventionFormModal } from './intervention-form-modal';

const companyId = '00000000-0000-4000-8000-000000000201';

describe('intervention form', () => {
  it('keeps 30 hours as typed and refuses it with the limit, instead of saving 24 without a word', async () => {
    const { fetchStub, calls } = stubFetch({});
    vi.stubGlobal('fetch', fetchStub);
    renderElement(<InterventionFormModal companyId={companyId} onClose={() => {}} />);
    const hours = await screen.findByRole('textbox', { name: /Timmar/ });
    fireEvent.change(hours, { target: { value: '30' } });
    fireEvent.blur(hours);
    expect((hours as HTMLInputElement).value).toBe('30');
    fireEvent.click(screen.getByRole('button', { name: /Spara|Logga/ }));
    expect(await screen.findByText(/Högst 24 timmar i en insats/)).toBeTruthy();
    expect((hours as HTMLInputElement).value).toBe('30');
    expect(calls.filter((call) => call.method === 'POST')).toEqual([]);
  });
});
