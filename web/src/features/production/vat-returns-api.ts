import { queryOptions } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { VatReturnDto, VatReturnListDto } from '../../../../src/production/vat-returns/contract.ts';
import {
  type Frequency,
  periodOf,
  periodRange,
  previousPeriod,
} from '../../../../src/production/vat-returns/period.ts';
import { api, apiDownload } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';

// The VAT return (déclaration de TVA, form CA3) of a month or a quarter (area 2, task 2.2.t3).

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;

export type { VatReturnDto, VatReturnListDto };

export const vatReturnKeys = {
  all: (orgId: string) => ['orgs', orgId, 'vat-returns'] as const,
  list: (orgId: string) => [...vatReturnKeys.all(orgId), 'list'] as const,
  one: (orgId: string, period: string) => [...vatReturnKeys.all(orgId), 'one', period] as const,
};

export function vatReturnListQuery(orgId: string) {
  return queryOptions({
    queryKey: vatReturnKeys.list(orgId),
    queryFn: ({ signal }) => api<VatReturnListDto>(`${org(orgId)}/vat-returns`, { signal }),
  });
}

export function vatReturnQuery(orgId: string, period: string) {
  return queryOptions({
    queryKey: vatReturnKeys.one(orgId, period),
    queryFn: ({ signal }) =>
      api<VatReturnDto>(`${org(orgId)}/vat-returns/${encodeURIComponent(period)}`, { signal }),
  });
}

export const fileVatReturn = (orgId: string, period: string) =>
  api<VatReturnDto>(`${org(orgId)}/vat-returns`, { method: 'POST', body: { period } });

/** The payment of a filed return's VAT due: a bank entry, 44551 lettered. */
export const payVatReturn = (
  orgId: string,
  period: string,
  body: { date: string; reference: string | null },
) =>
  api<VatReturnDto>(`${org(orgId)}/vat-returns/${encodeURIComponent(period)}/payment`, {
    method: 'POST',
    body,
  });

/** The return as the server renders it (PDF, XLSX, CSV), under the French file name it gives. */
export const downloadVatReturn = (orgId: string, period: string, format: 'pdf' | 'xlsx' | 'csv') =>
  apiDownload(`${org(orgId)}/vat-returns/${encodeURIComponent(period)}/export?format=${format}`);

/** A month ('2026-03') or a quarter ('2026-T1'), as the API writes them. */
export const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|T[1-4])$/;

export function parseVatReturnSearch(search: Record<string, unknown>): { period?: string } {
  const period = search.period;
  return typeof period === 'string' && PERIOD.test(period) ? { period } : {};
}

/**
 * The periods the selector offers, newest first: the last `count` periods up to the one containing
 * `today` (12 months or 8 quarters by default), and the `extra` ones (the period to file next, the one in
 * the address) when they fall outside.
 */
export function periodChoices(
  frequency: Frequency,
  today: string,
  extra: readonly (string | null | undefined)[] = [],
  count = frequency === 'monthly' ? 12 : 8,
): string[] {
  const periods = new Set<string>();
  let period = periodOf(today, frequency);
  for (let i = 0; i < count; i++) {
    periods.add(period);
    period = previousPeriod(period);
  }
  for (const p of extra) if (p && PERIOD.test(p)) periods.add(p);
  return [...periods].sort().reverse();
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** « octobre 2026 », « 1er trimestre 2026 » in French; "October 2026", "Q1 2026" in English. */
export function periodLabel(period: string, t: TFunction): string {
  const year = period.slice(0, 4);
  if (period[5] === 'T')
    return t('production.vatReturn.quarter', {
      quarter: t(`production.vatReturn.quarters.${period[6] as '1' | '2' | '3' | '4'}`),
      year,
    });
  const locale = currentLanguage() === 'en' ? 'en-GB' : 'fr-FR';
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(locale, format);
  }
  return format.format(new Date(`${periodRange(period).from}T00:00:00Z`));
}

const euroFormats = new Map<string, Intl.NumberFormat>();

/** A whole-euro amount of the form, grouped as money() groups it: « 1 000 » in French. */
export function wholeEuros(amount: number): string {
  const locale = currentLanguage() === 'en' ? 'en-GB' : 'fr-FR';
  let format = euroFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    euroFormats.set(locale, format);
  }
  return format.format(amount);
}
