import { describe, expect, it } from 'vitest';
import { exportHref } from './party-api.ts';
import { parsePartySearch, partyFilters } from './party-search.ts';

describe('party list search', () => {
  it('keeps known values and drops the rest', () => {
    expect(
      parsePartySearch({
        q: ' Martin ',
        role: 'supplier',
        kind: 'alien',
        archived: 'only',
        sort: '-name',
        page: '3',
      }),
    ).toEqual({ q: ' Martin ', role: 'supplier', kind: undefined, archived: 'only', sort: '-name', page: 3 });
    expect(parsePartySearch({ q: '   ', page: '1', sort: 'drop table' })).toEqual({
      q: undefined,
      role: undefined,
      kind: undefined,
      archived: undefined,
      sort: undefined,
      page: undefined,
    });
  });

  it('gives the export link the same filters as the list, without paging', () => {
    const search = { q: 'Lyon', role: 'customer' as const, page: 2 };
    expect(partyFilters(search)).toEqual({
      q: 'Lyon',
      role: 'customer',
      kind: undefined,
      archived: 'exclude',
      sort: 'name',
    });
    expect(exportHref('org-1', search, 'xlsx')).toBe(
      '/api/v1/orgs/org-1/parties/export?format=xlsx&q=Lyon&role=customer&archived=exclude&sort=name',
    );
  });
});
