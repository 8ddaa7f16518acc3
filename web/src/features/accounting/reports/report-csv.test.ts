import { beforeAll, describe, expect, it } from 'vitest';
import type { TrialBalanceDto } from '../../../../../src/ledger/reports/contract.ts';
import i18n from '../../../i18n/index.ts';
import { toCsv } from '../csv.ts';
import { trialBalanceCsv } from './report-csv.ts';
import { unbalancedPairs } from './TrialBalancePage.tsx';

beforeAll(async () => {
  await i18n.changeLanguage('fr');
});

const year = {
  id: 'fy',
  name: '2026',
  start: '2026-01-01',
  end: '2026-12-31',
  status: 'open' as const,
  closedAt: null,
};
const zero = { openingDebit: 0, openingCredit: 0 };

const report: TrialBalanceDto = {
  fiscalYear: year,
  from: '2026-01-01',
  to: '2026-12-31',
  rows: [
    {
      account: '411',
      label: 'Clients',
      class: 4,
      auxiliary: 'CMARTIN',
      auxiliaryLabel: 'Boulangerie; Martin',
      ...zero,
      periodDebit: 144000,
      periodCredit: 0,
      closingDebit: 144000,
      closingCredit: 0,
    },
    {
      account: '706',
      label: 'Prestations',
      class: 7,
      auxiliary: null,
      auxiliaryLabel: null,
      ...zero,
      periodDebit: 0,
      periodCredit: 144000,
      closingDebit: 0,
      closingCredit: 144000,
    },
  ],
  totals: { ...zero, periodDebit: 144000, periodCredit: 144000, closingDebit: 144000, closingCredit: 144000 },
};

describe('report CSV', () => {
  it('writes the trial balance as French spreadsheets open it', () => {
    const csv = trialBalanceCsv(report, i18n.t);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Compte;Compte auxiliaire;Intitulé;À-nouveaux débit;À-nouveaux crédit;Mouvements débit;Mouvements crédit;Solde débiteur;Solde créditeur',
    );
    expect(lines[1]).toBe('411;CMARTIN;"Boulangerie; Martin";0,00;0,00;1440,00;0,00;1440,00;0,00');
    expect(lines[3]).toBe('Totaux;;;0,00;0,00;1440,00;1440,00;1440,00;1440,00');
    expect(lines.at(-1)).toBe('');
  });

  it('keeps a text from running as a formula, but not an amount', () => {
    expect(toCsv(['a', 'b'], [['=SUM(A1)', { cents: -1250 }]])).toBe("\uFEFFa;b\r\n'=SUM(A1);-12,50\r\n");
  });

  it('tells which columns of a trial balance do not balance', () => {
    expect(unbalancedPairs(report.totals)).toEqual([]);
    expect(unbalancedPairs({ ...report.totals, openingDebit: 1 })).toEqual(['opening']);
  });
});
