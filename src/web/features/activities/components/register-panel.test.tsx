// @vitest-environment jsdom
import '../../../test-setup';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Activity } from '../../../../contracts/activities';
import type { CompanyListItem } from '../../../../contracts/companies';
import { renderElement, stubFetch } from '../../../components/test-render';
import { RegisterPanel } from './register-panel';

const activity: Activity = {
  id: '00000000-0000-4000-8000-000000000501',
  type: 'inspiration',
  title: 'Energiseminarium',
  startsAt: '2026-12-10T08:00:00.000Z',
  endsAt: '2026-12-10T11:00:00.000Z',
  place: 'Borås',
  onlineUrl: null,
  capacity: null,
  costPerParticipantSek: 0,
  areas: [],
  organisers: [],
  isPublic: false,
  registeredCount: 0,
  waitlistedCount: 0,
  description: '',
  version: 1,
  abilities: { canEdit: true, canMarkAttendance: true, canSeeAllRegistrations: true },
  registrations: [],
  counts: null,
};

const company = (n: number): CompanyListItem => ({
  id: `00000000-0000-4000-8000-${String(1000 + n).padStart(12, '0')}`,
  name: `Företag ${String(n).padStart(2, '0')} AB`,
  organisationNumber: '556000-0000',
  organisationId: '00000000-0000-4000-8000-000000000001',
  organisationName: 'Organisation',
  coachId: null,
  coachName: null,
  status: 'active',
  municipalityCode: null,
  municipalityName: null,
  sizeClass: null,
  sniCode: null,
  updatedAt: '2026-12-01T08:00:00.000Z',
});

// The search is empty, so the query string leaves it out.
const companiesPath = '/api/companies?page=1&pageSize=20&sort=name&order=asc';

describe('registering people for an activity', () => {
  it('shows every company the search found and says how many there are, instead of the first eight', async () => {
    const items = Array.from({ length: 20 }, (_, i) => company(i + 1));
    const { fetchStub } = stubFetch({
      [`GET ${companiesPath}`]: {
        status: 200,
        body: { items, total: 37, page: 1, pageSize: 20, isTotalCapped: false },
      },
    });
    vi.stubGlobal('fetch', fetchStub);
    renderElement(<RegisterPanel activity={activity} ownCompanyId={null} />);
    expect(await screen.findByText(/Visar 20 av 37 företag/)).toBeTruthy();
    expect(screen.getAllByRole('radio')).toHaveLength(20);
    expect(screen.getByRole('radio', { name: 'Företag 20 AB' })).toBeTruthy();
  });

  it('says how many companies there are when all of them are shown', async () => {
    const items = Array.from({ length: 9 }, (_, i) => company(i + 1));
    const { fetchStub } = stubFetch({
      [`GET ${companiesPath}`]: { status: 200, body: { items, total: 9, page: 1, pageSize: 20, isTotalCapped: false } },
    });
    vi.stubGlobal('fetch', fetchStub);
    renderElement(<RegisterPanel activity={activity} ownCompanyId={null} />);
    expect(await screen.findByText('9 företag')).toBeTruthy();
    expect(screen.getAllByRole('radio')).toHaveLength(9);
  });
});
