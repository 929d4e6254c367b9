// @vitest-environment jsdom
import '../../../test-setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Action, ActionList } from '../../../../contracts/action-plans';
import { renderElement, stubFetch } from '../../../components/test-render';
import { ActionFormModal } from './action-form-modal';
import { ProgressModal } from './progress-modal';

const companyId = '00000000-0000-4000-8000-000000000201';
const actionId = '00000000-0000-4000-8000-000000000301';
const owners: ActionList['owners'] = { contacts: [], coaches: [] };
const carriers: ActionList['carriers'] = [
  { key: 'electricity', name: { sv: 'El', en: 'Electricity' }, emissionFactorKgPerKwh: 0.5241 },
  { key: 'district_heating', name: { sv: 'Fjärrvärme', en: 'District heating' }, emissionFactorKgPerKwh: 0.051 },
];
const noEffects = { kwh: null, co2eKg: null, sek: null, materialTonnes: null };

function savedAction(overrides: Partial<Action> = {}): Action {
  return {
    id: actionId,
    companyId,
    area: 'energy_transition',
    targetStep: null,
    dimensionKey: null,
    catalogueKey: null,
    title: 'Värmepump',
    description: null,
    owner: null,
    dueOn: null,
    status: 'planned',
    doneOn: null,
    investmentSek: null,
    carrier: null,
    emissionFactorKgPerKwh: null,
    expected: noEffects,
    realised: noEffects,
    realisedConfirmation: null,
    expectedPaybackYears: null,
    realisedPaybackYears: null,
    version: 1,
    createdAt: '2026-11-26T09:00:00.000Z',
    updatedAt: '2026-11-26T09:00:00.000Z',
    abilities: { canEdit: true, canUpdateProgress: true, canConfirmRealised: false, nextStatuses: ['done'] },
    ...overrides,
  };
}

const posts = <T extends { method: string }>(calls: T[]) => calls.filter((call) => call.method === 'POST');

/** Fills in what every new action needs: a title and an area. */
async function fillTitleAndArea() {
  fireEvent.change(await screen.findByRole('textbox', { name: /^Åtgärd/ }), { target: { value: 'Värmepump' } });
  fireEvent.click(screen.getByRole('combobox', { name: /^Område/ }));
  fireEvent.click(await screen.findByRole('option', { name: 'Energiomställning', hidden: true }));
}

describe('the action form', () => {
  it('says what a negative energy saving means and asks before sending it (issue 16)', async () => {
    const { fetchStub, calls } = stubFetch({
      [`POST /api/companies/${companyId}/actions`]: { status: 201, body: savedAction() },
    });
    vi.stubGlobal('fetch', fetchStub);
    renderElement(<ActionFormModal companyId={companyId} owners={owners} carriers={carriers} onClose={() => {}} />);
    await fillTitleAndArea();
    const kwh = screen.getByRole('textbox', { name: /Energi \(kWh per år\)/ });
    fireEvent.change(kwh, { target: { value: '-40000' } });
    fireEvent.blur(kwh);
    expect(await screen.findByText('En negativ siffra betyder en ökning: 40 MWh mer per år.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    const dialog = await screen.findByRole('dialog', { name: 'Spara en ökning?' });
    expect(within(dialog).getByText(/Förväntat: energianvändning 40 MWh mer per år/)).toBeTruthy();
    expect(posts(calls)).toEqual([]);

    // Cancelling sends nothing; confirming sends the figure as typed.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Spara en ökning?' })).toBeNull());
    expect(posts(calls)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    fireEvent.click(
      within(await screen.findByRole('dialog', { name: 'Spara en ökning?' })).getByRole('button', {
        name: 'Spara ökningen',
      }),
    );
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toMatchObject({ expected: { kwh: -40_000 }, carrier: null });
  });

  it('computes the CO2e from the energy carrier, read-only, and sends the carrier instead of a CO2e', async () => {
    const { fetchStub, calls } = stubFetch({
      [`POST /api/companies/${companyId}/actions`]: { status: 201, body: savedAction() },
    });
    vi.stubGlobal('fetch', fetchStub);
    renderElement(<ActionFormModal companyId={companyId} owners={owners} carriers={carriers} onClose={() => {}} />);
    await fillTitleAndArea();
    fireEvent.change(screen.getByRole('textbox', { name: /Energi \(kWh per år\)/ }), { target: { value: '40000' } });
    fireEvent.click(screen.getByRole('combobox', { name: /^Energibärare/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'El', hidden: true }));
    // 40 000 kWh × 0.5241 kg/kWh = 20 964 kg = 20,964 t.
    const co2e = await screen.findByRole('textbox', { name: /Klimatpåverkan/ });
    expect(co2e).toHaveValue('20,964');
    expect(co2e).toHaveAttribute('readonly');
    expect(screen.getByText('Beräknas från energibäraren.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toMatchObject({
      carrier: 'electricity',
      expected: { kwh: 40_000, co2eKg: null },
    });
  });

  it('asks the company user too before reporting an increase', async () => {
    const action = savedAction({ carrier: 'electricity', emissionFactorKgPerKwh: 0.5241, status: 'in_progress' });
    const { fetchStub, calls } = stubFetch({
      [`PATCH /api/actions/${actionId}`]: { status: 200, body: action },
    });
    vi.stubGlobal('fetch', fetchStub);
    renderElement(<ProgressModal action={action} onClose={() => {}} />);
    fireEvent.change(await screen.findByRole('textbox', { name: /Energi \(kWh per år\)/ }), {
      target: { value: '-5000' },
    });
    // −5 000 kWh × 0.5241 = −2 620,5 kg: the computed CO2e is an increase too.
    expect(await screen.findByRole('textbox', { name: /Klimatpåverkan/ })).toHaveValue('-2,621');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    const dialog = await screen.findByRole('dialog', { name: 'Spara en ökning?' });
    expect(within(dialog).getByText(/Uppnått: energianvändning 5 000 kWh mer per år/)).toBeTruthy();
    expect(calls.filter((call) => call.method === 'PATCH')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Spara ökningen' }));
    await waitFor(() => expect(calls.filter((call) => call.method === 'PATCH')).toHaveLength(1));
    expect(calls.find((call) => call.method === 'PATCH')!.body).toMatchObject({
      realised: { kwh: -5_000, co2eKg: null },
    });
  });
});
