// @vitest-environment jsdom
import '../test-setup';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EffectTotalsBody } from '../../contracts/action-plans';
import { EffectSummary } from './effect-summary';
import { renderElement } from './test-render';

const sums = (kwh: number, co2eKg: number) => ({ kwh, co2eKg, sek: 0, materialTonnes: 0 });
const totals = (actions: number, done: number, expected = sums(0, 0)): EffectTotalsBody => ({
  actions,
  done,
  doneWithoutRealised: 0,
  doneUnconfirmed: 0,
  investmentSek: 0,
  doneInvestmentSek: 0,
  expected,
  realised: sums(0, 0),
  realisedUnconfirmed: sums(0, 0),
  expectedPaybackYears: null,
  realisedPaybackYears: null,
});

describe('effect summary', () => {
  it.each([
    { actions: 1, done: 1, text: /^1 åtgärd, varav 1 klar\./ },
    { actions: 3, done: 1, text: /^3 åtgärder, varav 1 klar\./ },
    { actions: 3, done: 0, text: /^3 åtgärder, varav 0 klara\./ },
    { actions: 1_200, done: 2, text: /^1 200 åtgärder, varav 2 klara\./ },
  ])('counts $actions actions of which $done done in the right number', async ({ actions, done, text }) => {
    renderElement(<EffectSummary totals={totals(actions, done)} />);
    expect(await screen.findByText(text)).toBeTruthy();
  });

  it('reads a negative total as an increase, not as a bare minus', async () => {
    renderElement(<EffectSummary totals={totals(2, 0, sums(-40_000, -20_964))} />);
    expect(await screen.findByText('ökning 40 MWh')).toBeTruthy();
    expect(screen.getByText('ökning 21 t CO₂e')).toBeTruthy();
    expect(screen.queryByText(/−/)).toBeNull();
  });
});
