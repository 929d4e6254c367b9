import { describe, expect, it } from 'vitest';
import {
  defaultActivityListState,
  parseActivityListParams,
  toActivityListParams,
  toActivityListQuery,
} from './list-params';

describe('activity list params', () => {
  it('round-trips a filtered state through the URL, leaving defaults out', () => {
    const state = {
      ...defaultActivityListState,
      when: 'past' as const,
      type: 'workshop' as const,
      from: '2026-01-01',
      page: 2,
    };
    const params = toActivityListParams(state);
    expect(params.toString()).toBe('when=past&type=workshop&from=2026-01-01&page=2');
    expect(parseActivityListParams(params)).toEqual(state);
  });

  it('ignores unknown types, areas, bad dates and bad pages', () => {
    const parsed = parseActivityListParams(new URLSearchParams('type=party&area=moon&from=1.1.2026&page=-3'));
    expect(parsed).toEqual(defaultActivityListState);
  });

  it('sends only the filters that are set', () => {
    expect(toActivityListQuery({ ...defaultActivityListState, q: '  energi ' }, 25)).toEqual({
      when: 'upcoming',
      page: 1,
      pageSize: 25,
      q: 'energi',
    });
  });
});
