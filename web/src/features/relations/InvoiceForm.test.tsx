import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CatalogueItemDto } from '../../../../src/relations/catalogue/contract.ts';
import { invoiceTotals } from '../../../../src/relations/invoices/invoice-totals.ts';
import { ApiError } from '../../api/client.ts';
import { createQueryClient } from '../../api/query-client.ts';
import i18n from '../../i18n/index.ts';
import { Providers } from '../../providers.tsx';
import { InvoiceForm } from './InvoiceForm.tsx';
import { formTotals, toDraftBody, toFormValues } from './invoice-form-model.ts';
import type { InvoiceDraftBody } from './relations-api.ts';

beforeAll(async () => {
  await i18n.changeLanguage('fr');
});

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

const item: CatalogueItemDto = {
  id: 'item-1',
  code: 'CONS',
  label: 'Conseil',
  description: null,
  kind: 'service',
  unit: 'HUR',
  unitPrice: '80.0000',
  vatRate: '20.00',
  vatExemptionReason: null,
  revenueAccount: '706',
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

type Send = (body: InvoiceDraftBody) => Promise<unknown>;

function renderForm(
  onValidate = vi.fn<Send>(async () => undefined),
  onSave = vi.fn<Send>(async () => undefined),
) {
  render(
    <Providers queryClient={createQueryClient()}>
      <InvoiceForm
        customers={[{ id: 'cust-1', name: 'Garage Dupont' }]}
        items={[item]}
        onSave={onSave}
        onValidate={onValidate}
      />
    </Providers>,
  );
  return { onValidate, onSave };
}

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function pickCustomer() {
  fireEvent.click(screen.getByLabelText(/^Client/, { selector: 'input' }));
  fireEvent.click(await screen.findByRole('option', { name: 'Garage Dupont' }));
}

async function fillTwoRates() {
  type('Libellé, ligne 1', 'Vidange');
  type('Quantité, ligne 1', '2');
  type('Prix unitaire HT, ligne 1', '100');
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter une ligne' }));
  await screen.findByLabelText('Libellé, ligne 2');
  type('Libellé, ligne 2', 'Livres');
  type('Quantité, ligne 2', '3');
  type('Prix unitaire HT, ligne 2', '10,50');
  type('Remise %, ligne 2', '10');
  type('Taux de TVA, ligne 2', '5,5');
}

describe('invoice totals on screen', () => {
  it('are those of the server’s own function, per VAT rate', () => {
    const values = toFormValues();
    values.lines = [
      { ...values.lines[0]!, quantity: '2', unitPrice: '100', vatRate: '20' },
      { ...values.lines[0]!, quantity: '3', unitPrice: '10,50', discountPercent: '10', vatRate: '5,5' },
    ];
    values.documentDiscountPercent = '5';
    const totals = formTotals(values);
    expect(totals).toEqual(
      invoiceTotals({
        lines: [
          { quantity: 2000, unitPrice: 1_000_000, discount: 0, vatCategory: 'S', vatRate: 2000 },
          { quantity: 3000, unitPrice: 105_000, discount: 1000, vatCategory: 'S', vatRate: 550 },
        ],
        documentDiscount: 500,
      }),
    );
    expect(totals.vatBreakdown.map((b) => [b.rate, b.taxableAmount, b.vatAmount])).toEqual([
      [2000, 19_000, 3_800],
      [550, 2_693, 148],
    ]);
    // French decimals and spaces are read; the body carries them for the server to parse.
    const body = toDraftBody({ ...values, customerId: 'c' });
    expect(body.lines[1]).toMatchObject({
      quantity: '3',
      unitPrice: '10,50',
      discountPercent: '10',
      vatRate: '5,5',
    });
  });

  it('update live as lines are typed, with one row per rate', async () => {
    renderForm();
    await fillTwoRates();
    await waitFor(() => expect(plain(screen.getByTestId('totals-gross').textContent)).toBe('269,91 €'));
    expect(plain(screen.getByTestId('totals-net').textContent)).toBe('228,35 €');
    expect(plain(screen.getByTestId('totals-vat').textContent)).toBe('41,56 €');
    expect(screen.getAllByTestId('totals-vat-row').map((r) => plain(r.textContent))).toEqual([
      'TVA 20 % sur 200,00 €40,00 €',
      'TVA 5,5 % sur 28,35 €1,56 €',
    ]);
    expect(plain(screen.getByTestId('line-net-1').textContent)).toBe('28,35 €');
  });

  it('fills a line from the catalogue', async () => {
    renderForm();
    fireEvent.click(screen.getByLabelText('Article, ligne 1', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'CONS · Conseil' }));
    await waitFor(() =>
      expect((screen.getByLabelText('Libellé, ligne 1') as HTMLInputElement).value).toBe('Conseil'),
    );
    expect((screen.getByLabelText('Prix unitaire HT, ligne 1') as HTMLInputElement).value).toBe('80,00');
    expect(plain(screen.getByTestId('totals-gross').textContent)).toBe('96,00 €');
  });
});

describe('refusals', () => {
  it('asks for a customer before anything is sent', async () => {
    const { onSave } = renderForm();
    await fillTwoRates();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    expect(await screen.findByText('Choisissez le client.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('confirms, then shows the server’s refusal on the customer field and on a line', async () => {
    const siren =
      'Le client « Garage Dupont » est une entreprise établie en France : son numéro SIREN doit figurer sur la facture. Complétez sa fiche.';
    const onValidate = vi.fn(async (_body: InvoiceDraftBody): Promise<unknown> => {
      throw new ApiError({
        type: 'https://agora.example/problems/invalid',
        title: 'Invalid',
        status: 422,
        detail: 'La facture ne peut pas être validée.',
        errors: [
          { field: 'customerId', message: siren },
          { field: 'lines.1.quantity', message: 'La quantité ne peut pas être nulle.' },
          { field: 'organisation', message: 'Le SIREN de votre organisation doit figurer sur ses factures.' },
        ],
      });
    });
    renderForm(onValidate);
    await pickCustomer();
    await fillTwoRates();
    fireEvent.click(screen.getByRole('button', { name: 'Valider la facture' }));
    expect(plain((await screen.findByTestId('invoice-validate-warning')).textContent)).toContain(
      'devient définitive : elle reçoit son numéro',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Valider et numéroter' }));
    await waitFor(() => expect(onValidate).toHaveBeenCalledTimes(1));
    expect(await screen.findByText(siren)).toBeTruthy();
    expect(screen.getByLabelText(/^Client/, { selector: 'input' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Quantité, ligne 2').getAttribute('aria-invalid')).toBe('true');
    const alert = plain(screen.getByRole('alert').textContent);
    expect(alert).toContain('La facture ne peut pas être validée.');
    expect(alert).toContain('Le SIREN de votre organisation');
    expect(onValidate.mock.calls[0]?.[0]).toMatchObject({ customerId: 'cust-1' });
  });
});
