import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccountDto } from '../../../../src/ledger/accounts/contract.ts';
import type { JournalDto } from '../../../../src/ledger/journals/contract.ts';
import { ApiError } from '../../api/client.ts';
import { createQueryClient } from '../../api/query-client.ts';
import i18n from '../../i18n/index.ts';
import { Providers } from '../../providers.tsx';
import { EntryGrid } from './EntryGrid.tsx';
import { gridValuesOf } from './entry-grid-model.ts';

beforeAll(async () => {
  await i18n.changeLanguage('fr');
});

const general = (number: string, label: string): AccountDto => ({
  id: `id-${number}`,
  number,
  label,
  class: Number(number[0]),
  kind: 'general',
  collectiveNumber: null,
  partyId: null,
  postable: number.length >= 3,
});
const ACCOUNTS = [
  general('411', 'Clients'),
  general('512', 'Banques'),
  general('606', 'Achats non stockés'),
  general('706', 'Prestations de services'),
];
const JOURNALS: JournalDto[] = [
  { id: 'j1', code: 'OD', label: 'Opérations diverses', kind: 'general' },
  { id: 'j2', code: 'BQ', label: 'Banque', kind: 'bank' },
];

function renderGrid(onSubmit = vi.fn(async () => undefined)) {
  render(
    <Providers queryClient={createQueryClient()}>
      <EntryGrid
        journals={JOURNALS}
        accounts={ACCOUNTS}
        initial={gridValuesOf(null, { journal: 'OD', date: '2026-03-15' })}
        onSubmit={onSubmit}
      />
    </Providers>,
  );
  return onSubmit;
}

const cell = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.change(cell(name), { target: { value } });
const key = (name: string, k: string) =>
  fireEvent.keyDown(cell(name), { key: k, code: k === '=' ? 'Equal' : k });
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

describe('EntryGrid', () => {
  it('refuses an unbalanced entry in French and sends nothing', async () => {
    const onSubmit = renderGrid();
    type('Libellé', 'Achat de fournitures');
    type('Compte, ligne 1', '606');
    type('Débit, ligne 1', '100');
    type('Compte, ligne 2', '512');
    type('Crédit, ligne 2', '90,00');
    expect(plain(screen.getByTestId('grid-difference').textContent)).toBe('Écart : 10,00 € (trop au débit)');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer et valider' }));
    const alert = await screen.findByRole('alert');
    expect(plain(alert.textContent)).toContain(
      'L’écriture n’est pas équilibrée : débit 100,00 €, crédit 90,00 € (écart 10,00 €).',
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('adds a line as soon as the last one is started, and keeps the totals', () => {
    renderGrid();
    expect(screen.getAllByTestId('entry-line')).toHaveLength(1);
    type('Compte, ligne 1', '411');
    expect(screen.getAllByTestId('entry-line')).toHaveLength(2);
    type('Débit, ligne 1', '1 234,56');
    expect(plain(screen.getByTestId('grid-total-debit').textContent)).toBe('1 234,56 €');
    expect(plain(screen.getByTestId('grid-total-credit').textContent)).toBe('0,00 €');
  });

  it('moves on with Enter and fills the balancing amount with "="', async () => {
    const onSubmit = renderGrid();
    type('Libellé', 'Prestation');
    key('Libellé', 'Enter');
    expect(document.activeElement).toBe(cell('N° de pièce'));
    key('N° de pièce', 'Enter');
    expect(document.activeElement).toBe(cell('Compte, ligne 1'));
    type('Compte, ligne 1', '411');
    type('Débit, ligne 1', '1200');
    // A debit typed: Enter skips the credit and goes to the next line.
    key('Débit, ligne 1', 'Enter');
    expect(cell('Débit, ligne 1').value).toBe('1 200,00');
    await waitFor(() => expect(document.activeElement).toBe(cell('Compte, ligne 2')));
    type('Compte, ligne 2', '706');
    key('Crédit, ligne 2', '=');
    expect(cell('Crédit, ligne 2').value).toBe('1 200,00');
    expect(screen.getByTestId('grid-difference').textContent).toBe('Écriture équilibrée');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer et valider' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        journal: 'OD',
        label: 'Prestation',
        lines: [
          expect.objectContaining({ account: '411', debit: 120000, credit: 0 }),
          expect.objectContaining({ account: '706', debit: 0, credit: 120000 }),
        ],
      }),
      'validate',
    );
  });

  it('shows the server’s refusal, with field errors on the lines', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError({
        type: 'https://agora.dev/problems/rule-broken',
        title: 'Règle de gestion non respectée',
        status: 422,
        detail: 'Aucun exercice ne contient la date du 2026-03-15 : ouvrez d’abord l’exercice.',
        errors: [{ field: 'lines.1.account', message: 'Compte 706 fermé.' }],
      });
    });
    renderGrid(onSubmit);
    type('Libellé', 'Prestation');
    type('Compte, ligne 1', '512');
    type('Débit, ligne 1', '50');
    type('Compte, ligne 2', '706');
    type('Crédit, ligne 2', '50');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer en brouillon' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Aucun exercice ne contient la date du 2026-03-15');
    const second = screen.getAllByTestId('entry-line')[1]!;
    expect(within(second).getByText('Compte 706 fermé.')).toBeTruthy();
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ label: 'Prestation' }), 'draft');
  });
});
