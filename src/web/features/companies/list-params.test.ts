import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  defaultListState,
  parseListParams,
  toListParams,
  withFilter,
  withoutRecordFilters,
  withSort,
  type CompanyListState,
} from './list-params';

const orgId = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

describe('company list state in the URL', () => {
  it('reads an empty URL as the default list: sorted by name, first page', () => {
    expect(parseListParams(new URLSearchParams())).toEqual(defaultListState);
  });

  it('reads every filter, the sort and the page from the URL', () => {
    const state = parseListParams(
      new URLSearchParams(
        `q=verkstad&status=active&organisationId=${orgId}&municipalityCode=1480&reportingArea=halland&sizeClass=small&sniDivision=25&sort=updatedAt&order=desc&page=3`,
      ),
    );
    expect(state).toEqual({
      q: 'verkstad',
      status: 'active',
      organisationId: orgId,
      municipalityCode: '1480',
      reportingArea: 'halland',
      sizeClass: 'small',
      sniDivision: '25',
      sort: 'updatedAt',
      order: 'desc',
      page: 3,
    });
  });

  it('drops values the API would refuse instead of sending them', () => {
    const state = parseListParams(
      new URLSearchParams('status=sleeping&organisationId=42&municipalityCode=0180&sniDivision=2&sort=colour&page=-2'),
    );
    expect(state).toEqual(defaultListState);
  });

  it('writes only what differs from the default, so a shared link is short', () => {
    expect(toListParams(defaultListState).toString()).toBe('');
    const state: CompanyListState = { ...defaultListState, q: 'Borås', status: 'prospect', page: 2 };
    expect(toListParams(state).toString()).toBe('q=Bor%C3%A5s&status=prospect&page=2');
  });

  it('round-trips a state through the URL unchanged', () => {
    const state: CompanyListState = {
      ...defaultListState,
      q: '556036-0793',
      sizeClass: 'micro',
      reportingArea: 'fyrbodal',
      sort: 'municipality',
      order: 'desc',
      page: 4,
    };
    expect(parseListParams(toListParams(state))).toEqual(state);
  });

  it('goes back to the first page when a filter changes', () => {
    const state = withFilter({ ...defaultListState, page: 5 }, 'status', 'enrolled');
    expect(state).toMatchObject({ status: 'enrolled', page: 1 });
  });

  it('removes a filter that is cleared', () => {
    const state = withFilter({ ...defaultListState, status: 'enrolled' }, 'status', null);
    expect('status' in state).toBe(false);
    expect(activeFilterCount(state)).toBe(0);
  });

  it('forgets the coach when another organisation is chosen', () => {
    const state = withFilter({ ...defaultListState, coachId: orgId }, 'organisationId', orgId);
    expect(state.coachId).toBeUndefined();
  });

  it('flips the order when the sorted column is clicked again, and sorts a new column ascending', () => {
    expect(withSort(defaultListState, 'name')).toMatchObject({ sort: 'name', order: 'desc' });
    expect(withSort({ ...defaultListState, order: 'desc' }, 'status')).toMatchObject({ sort: 'status', order: 'asc' });
  });

  it('sorts by last change newest first when that column is chosen', () => {
    expect(withSort(defaultListState, 'updatedAt')).toMatchObject({ sort: 'updatedAt', order: 'desc' });
  });

  it("keeps the overview's filters in the URL, and takes a chip's filters away together", () => {
    const params = new URLSearchParams(
      'from=2026-01-01&to=2026-05-31&takenUp=true&maturityArea=energy_transition&maturity=climbed&coaching=coaching&coachingArea=general&page=2',
    );
    const state = parseListParams(params);
    expect(state).toMatchObject({
      from: '2026-01-01',
      to: '2026-05-31',
      takenUp: 'true',
      maturityArea: 'energy_transition',
      maturity: 'climbed',
      coaching: 'coaching',
      coachingArea: 'general',
    });
    expect(activeFilterCount(state)).toBe(7);
    expect(toListParams(state).toString()).toBe(params.toString());
    const without = withoutRecordFilters(state, ['maturity', 'maturityArea']);
    expect(without).not.toHaveProperty('maturity');
    expect(without).not.toHaveProperty('maturityArea');
    expect(without).toMatchObject({ takenUp: 'true', page: 1 });
  });

  it('drops an overview filter the API would refuse', () => {
    expect(parseListParams(new URLSearchParams('maturity=soon&takenUp=yes&from=someday'))).toEqual(defaultListState);
  });
});
