import { describe, expect, it } from 'vitest';
import {
  parseComplaintSearch,
  parseDashboardSearch,
  parsePublicationSearch,
  parseRequestSearch,
} from './records-search.ts';

describe('records search params', () => {
  it('keeps known values and drops the rest', () => {
    expect(parseRequestSearch({ status: 'new', channel: 'web_form', page: '3' })).toEqual({
      status: 'new',
      channel: 'web_form',
      page: 3,
    });
    expect(parseRequestSearch({ status: 'lost', channel: 'fax', page: '-1' })).toEqual({
      status: undefined,
      channel: undefined,
      page: undefined,
    });
    expect(parseComplaintSearch({ status: 'resolved' })).toEqual({ status: 'resolved' });
    expect(parseDashboardSearch({ from: '2026-02-30', to: '2026-03-31' })).toEqual({
      from: undefined,
      to: '2026-03-31',
    });
    expect(parsePublicationSearch({ month: '2026-13' })).toEqual({});
    expect(parsePublicationSearch({ month: '2026-12' })).toEqual({ month: '2026-12' });
  });
});
