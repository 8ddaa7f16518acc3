import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n/index.ts';
import { parseVatReturnSearch, periodChoices, periodLabel, wholeEuros } from './vat-returns-api.ts';

const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ');

describe('VAT return periods', () => {
  afterAll(async () => {
    await i18n.changeLanguage('fr');
  });

  it('offers the last 12 months or 8 quarters up to today, newest first, with the extra periods', () => {
    const months = periodChoices('monthly', '2026-11-27');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-11');
    expect(months.at(-1)).toBe('2025-12');
    expect(periodChoices('monthly', '2026-11-27', ['2024-03', null, '2026-10'])).toEqual([
      ...months.slice(0, 12),
      '2024-03',
    ]);
    expect(periodChoices('quarterly', '2026-02-10')).toEqual([
      '2026-T1',
      '2025-T4',
      '2025-T3',
      '2025-T2',
      '2025-T1',
      '2024-T4',
      '2024-T3',
      '2024-T2',
    ]);
  });

  it('reads the period from the address, or nothing', () => {
    expect(parseVatReturnSearch({ period: '2026-10' })).toEqual({ period: '2026-10' });
    expect(parseVatReturnSearch({ period: '2026-T4' })).toEqual({ period: '2026-T4' });
    expect(parseVatReturnSearch({ period: '2026-13' })).toEqual({});
    expect(parseVatReturnSearch({ period: 202610 })).toEqual({});
  });

  it('names periods and whole euros in the interface’s language', async () => {
    await i18n.changeLanguage('fr');
    expect(periodLabel('2026-10', i18n.t)).toBe('octobre 2026');
    expect(periodLabel('2026-T1', i18n.t)).toBe('1er trimestre 2026');
    expect(periodLabel('2026-T3', i18n.t)).toBe('3e trimestre 2026');
    expect(plain(wholeEuros(1000))).toBe('1 000');
    await i18n.changeLanguage('en');
    expect(periodLabel('2026-10', i18n.t)).toBe('October 2026');
    expect(periodLabel('2026-T1', i18n.t)).toBe('Q1 2026');
    expect(wholeEuros(1000)).toBe('1,000');
  });
});
