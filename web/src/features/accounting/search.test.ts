import { describe, expect, it } from 'vitest';
import { parseAccountSearch } from './AccountsPage.tsx';
import { parseEntrySearch } from './entry-search.ts';
import { parseLetteringSearch } from './LetteringPage.tsx';
import { parseReportSearch } from './reports/report-search.ts';

// The router hands search values already JSON-parsed: `account=512` arrives as the number 512.
describe('accounting URL state', () => {
  it('keeps account numbers that the router read as numbers', () => {
    expect(
      parseReportSearch({ account: 512, journal: 'VE', from: '2026-01-01', to: 'demain' }),
    ).toMatchObject({
      account: '512',
      journal: 'VE',
      from: '2026-01-01',
      to: undefined,
    });
    expect(parseLetteringSearch({ account: 411, auxiliary: 'CMARTIN', state: 'all' })).toEqual({
      account: '411',
      auxiliary: 'CMARTIN',
      state: 'all',
    });
    expect(parseEntrySearch({ q: 12, journal: 'od', status: 'validated', page: '2' })).toEqual({
      q: '12',
      journal: 'OD',
      status: 'validated',
      from: undefined,
      to: undefined,
      page: 2,
    });
    expect(parseAccountSearch({ q: 411, class: '4', view: 'auxiliary' })).toEqual({
      q: '411',
      class: 4,
      view: 'auxiliary',
    });
  });

  it('drops what is not a value of the screens', () => {
    expect(parseReportSearch({ account: '4x', kind: 'everything', detail: 'yes', page: -3 })).toMatchObject({
      account: undefined,
      kind: undefined,
      detail: undefined,
      page: undefined,
    });
    expect(parseEntrySearch({ status: 'deleted', journal: 'O D' })).toMatchObject({
      status: undefined,
      journal: undefined,
    });
  });
});
