// @vitest-environment jsdom
import '../../../test-setup';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderElement, stubFetch } from '../../../components/test-render';
import { CompanyTimeline } from './company-timeline';

const companyId = '00000000-0000-4000-8000-000000000201';
const event = (kind: string, id: string, date: string, data: Record<string, string | number | null>) => ({
  kind,
  id,
  date,
  at: null,
  data,
  notes: null,
});

describe('company timeline', () => {
  it('shows actions added and done with their realised effect, and an energy mapping with its totals', async () => {
    const { fetchStub } = stubFetch({
      [`GET /api/companies/${companyId}/timeline`]: {
        status: 200,
        body: {
          isTruncated: false,
          items: [
            event('action_done', 'action-done-1', '2026-11-25', {
              title: 'Byt till LED',
              area: 'energy_transition',
              realisedKwh: 12_000,
              realisedCo2eKg: 1_500,
              realisedSek: null,
              realisedMaterialTonnes: null,
            }),
            event('action_created', 'action-created-1', '2026-11-24', {
              title: 'Byt till LED',
              area: 'energy_transition',
            }),
            event('analysis', 'a1', '2026-11-20', {
              analysisKind: 'energy_mapping',
              title: 'Kartläggning 2025',
              totalKwh: 339_200,
              totalCo2eKg: 79_580,
            }),
            event('action_done', 'action-done-2', '2026-11-19', {
              title: 'Tätning av läckor',
              area: 'resource_efficiency',
              realisedKwh: null,
              realisedCo2eKg: null,
              realisedSek: null,
              realisedMaterialTonnes: null,
            }),
          ],
        },
      },
    });
    vi.stubGlobal('fetch', fetchStub);
    renderElement(<CompanyTimeline companyId={companyId} />);
    expect(await screen.findByText('Åtgärd klar: Byt till LED')).toBeTruthy();
    expect(screen.getByText('Åtgärd tillagd: Byt till LED')).toBeTruthy();
    expect(screen.getByText(/Energiomställning · Uppnått per år: 12\sMWh · 1,5\st\sCO₂e/)).toBeTruthy();
    expect(screen.getByText('Resurseffektiv produktion · Ingen uppnådd effekt rapporterad')).toBeTruthy();
    expect(screen.getByText('Energikartläggning gjord: Kartläggning 2025')).toBeTruthy();
    expect(screen.getByText(/Energianvändning 339,2\sMWh och 79,6\st\sCO₂e per år/)).toBeTruthy();
    for (const chip of ['Analyser', 'Nya åtgärder', 'Klara åtgärder']) expect(screen.getByText(chip)).toBeTruthy();
  });
});
