// @vitest-environment jsdom
import '../../../test-setup';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderElement, stubFetch } from '../../../components/test-render';
import { defaultListState, type CompanyListState } from '../list-params';
import { CompanyFilters } from './company-filters';

// Issue 16: Kungsbacka belongs to two reporting areas (docs/glossary.md), so a list filtered by
// Halland or Göteborgsregionen says its companies are in both, by design; another area says nothing.

const overlap = /Kungsbacka hör till både Halland och Göteborgsregionen: dess företag finns med i båda\./;

function renderFilters(state: CompanyListState) {
  vi.stubGlobal('fetch', stubFetch({}).fetchStub);
  renderElement(
    <CompanyFilters
      state={state}
      search=""
      onSearchChange={() => {}}
      onFilterChange={() => {}}
      onClear={() => {}}
      ownOrganisationId={null}
    />,
  );
}

describe('the company list filtered by reporting area', () => {
  it.each(['halland', 'goteborgsregionen'] as const)('says by %s that Kungsbacka’s companies are in both', (area) => {
    renderFilters({ ...defaultListState, reportingArea: area });
    expect(screen.getByText(overlap)).toBeTruthy();
  });

  it('says nothing of it by another area', () => {
    renderFilters({ ...defaultListState, reportingArea: 'skaraborg' });
    expect(screen.queryByText(overlap)).toBeNull();
  });
});
