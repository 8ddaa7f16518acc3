import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { StatementDto } from '../../../../../src/ledger/reports/contract.ts';
import { createQueryClient } from '../../../api/query-client.ts';
import i18n from '../../../i18n/index.ts';
import { Providers } from '../../../providers.tsx';
import { ReportActions } from './ReportFrame.tsx';
import { StatementTable } from './StatementTable.tsx';

const downloadReport = vi.hoisted(() => vi.fn());
vi.mock('../ledger-api.ts', async (original) => ({
  ...(await original<typeof import('../ledger-api.ts')>()),
  downloadReport,
}));

beforeAll(async () => {
  await i18n.changeLanguage('fr');
});

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

// The liabilities of the worked example of src/ledger/reports/pcg-statements.test.ts.
const LIABILITIES: StatementDto = {
  sections: [
    {
      key: 'equity',
      label: 'Capitaux propres',
      lines: [
        { key: 'capital', label: 'Capital', amount: 500000, accounts: ['101'] },
        { key: 'result', label: 'Résultat de l’exercice', amount: 300000, accounts: [] },
      ],
      total: 800000,
    },
    {
      key: 'debts',
      label: 'Dettes',
      lines: [
        { key: 'suppliers', label: 'Fournisseurs et comptes rattachés', amount: 480000, accounts: ['401'] },
        { key: 'otherDebts', label: 'Autres dettes', amount: 200000, accounts: ['44571'] },
        { key: 'deferredIncome', label: 'Produits constatés d’avance', amount: 0, accounts: [] },
      ],
      total: 680000,
    },
  ],
  total: 1480000,
};

describe('StatementTable', () => {
  it('shows every line of the model, the section totals and the side total', () => {
    render(
      <Providers queryClient={createQueryClient()}>
        <StatementTable statement={LIABILITIES} caption="Passif" totalLabel="Total du passif" testId="bs" />
      </Providers>,
    );
    expect(screen.getAllByTestId('statement-line')).toHaveLength(5);
    const result = screen.getAllByTestId('statement-line').find((r) => r.dataset.line === 'result')!;
    expect(plain(within(result).getAllByRole('cell')[1]!.textContent)).toBe('3 000,00 €');
    // An empty line stays in the model but shows no amount.
    const empty = screen.getAllByTestId('statement-line').find((r) => r.dataset.line === 'deferredIncome')!;
    expect(within(empty).getAllByRole('cell')[1]!.textContent).toBe('');
    expect(screen.getByRole('rowheader', { name: 'Total — Capitaux propres' })).toBeTruthy();
    expect(plain(screen.getByTestId('bs-total').textContent)).toBe('14 800,00 €');
  });
});

describe('ReportActions', () => {
  it('downloads the server’s PDF and Excel with the screen’s filters, and says when it fails', async () => {
    const onCsv = vi.fn();
    downloadReport.mockResolvedValueOnce({ blob: new Blob(['%PDF-']), fileName: 'bilan-2026-12-31.pdf' });
    downloadReport.mockRejectedValueOnce(new Error('réseau'));
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    // jsdom cannot follow the download link; the click is what the browser needs.
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const request = { report: 'balance-sheet' as const, query: { at: '2026-12-31' } };
    render(
      <Providers queryClient={createQueryClient()}>
        <ReportActions orgId="o1" onCsv={onCsv} exportRequest={request} />
      </Providers>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger PDF' }));
    await waitFor(() => expect(downloadReport).toHaveBeenCalledWith('o1', request, 'pdf'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(screen.queryByTestId('report-export-error')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger Excel' }));
    await waitFor(() => expect(downloadReport).toHaveBeenCalledWith('o1', request, 'xlsx'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Le fichier n’a pas pu être préparé. Réessayez.',
    );
    fireEvent.click(screen.getByTestId('report-csv'));
    expect(onCsv).toHaveBeenCalled();
    click.mockRestore();
  });
});
