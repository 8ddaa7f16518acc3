import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The assistant opens the receivables, records a customer's cheque for an invoice, sees the invoice
// « Payée », then takes the cheque to the bank on a deposit slip — with axe on every page visited.

const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

describe.runIf(browserAvailable)('receipts in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let orgPath = '';
  let invoiceNumber = '';

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  const subnav = (name: string) =>
    page.getByRole('navigation', { name: 'Relations' }).getByRole('link', { name, exact: true });

  it('logs in and opens the receivables', { timeout: 60_000 }, async () => {
    orgPath = await login();
    await page.goto(`${stack.baseUrl}${orgPath}/relations/invoices`);
    await subnav('Créances et relances').click();
    await page.getByRole('heading', { level: 1, name: 'Créances clients et relances' }).waitFor();
    await page.getByTestId('receivables-row').first().waitFor();
    expect(await page.getByTestId('activity-badge').first().textContent()).toContain('1.2');
    await audit('créances');
  });

  it('lists the customer credits under the open invoices and reconciles with account 411', {
    timeout: 60_000,
  }, async () => {
    // The demo's overpayment: 80,00 € kept as Garage des Lilas' credit, 50,00 € of it used in July.
    const credit = page.getByTestId('receivables-credit-row').filter({ hasText: 'Garage des Lilas' });
    await credit.waitFor();
    expect(plain(await credit.textContent())).toMatch(/Encaissement RC-\d{4}-\d{4} \(avance \/ trop-perçu\)/);
    expect(plain(await credit.getByRole('cell').last().textContent())).toBe('30,00 €');
    const figure = async (testId: string) =>
      plain(await page.getByTestId(testId).getByRole('cell').textContent());
    const cents = (text: string) => Math.round(Number(text.replace(/[^0-9,-]/g, '').replace(',', '.')) * 100);
    const open = cents(await figure('reconciliation-open'));
    expect(await figure('reconciliation-credits')).toBe('-30,00 €');
    const netText = await figure('reconciliation-net');
    const net = cents(netText);
    expect(net).toBe(open - 3000);
    // The open invoices' total is the aged table's; the net is the ledger's 411, shown beside it.
    expect(
      cents(plain(await page.getByTestId('receivables-table').locator('tfoot th').nth(6).textContent())),
    ).toBe(open);
    expect(
      plain(await page.getByTestId('reconciliation-ledger').getByRole('rowheader').textContent()),
    ).toMatch(/^Solde du compte 411 \(clients\) au \d{2}\/\d{2}\/\d{4}$/);
    expect(cents(await figure('reconciliation-ledger'))).toBe(net);
    const check = page.getByTestId('reconciliation-check');
    expect(await check.getAttribute('data-reconciled')).toBe('true');
    expect(plain(await check.textContent())).toBe(
      'Le net à recevoir est égal au solde du compte 411 en comptabilité.',
    );
    // The same figure in the ledger's own report: the general ledger of 411 closes on it.
    await page.getByRole('link', { name: 'Grand livre du compte 411' }).click();
    const account411 = page.locator('[data-testid="general-ledger-account"][data-account="411"]');
    await account411.waitFor();
    expect(plain(await account411.getByTestId('general-ledger-closing').textContent())).toBe(`${netText} D`);
    await audit('grand livre 411 depuis les créances');
    await page.goto(`${stack.baseUrl}${orgPath}/relations/receivables`);
    await page.getByTestId('receivables-row').first().waitFor();
  });

  it('sends a friendly reminder as a PDF letter and finds it in the history', {
    timeout: 60_000,
  }, async () => {
    // The demo's oldest invoice (Boulangerie Martin, 45 days old, 30 days' terms) is overdue.
    const row = page.getByTestId('receivables-row').filter({ hasText: 'Boulangerie Martin' });
    await row.getByTestId('receivables-remind').click();
    await page.getByTestId('reminder-form').waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByTestId('reminder-level').inputValue()).toBe('1');
    await audit('relance');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('reminder-send').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^relance-.*Boulangerie-Martin\.pdf$/);
    await page.getByTestId('reminder-history-customer').selectOption({ label: 'Boulangerie Martin' });
    const history = page.getByTestId('reminder-row').first();
    await history.waitFor();
    expect(plain(await history.textContent())).toContain('Relance amiable');
    expect(plain(await row.textContent())).toContain('Relance amiable');
    await audit('historique des relances');

    // The customer's record shows its reminders too.
    await subnav('Tiers').click();
    await page
      .getByTestId('party-row')
      .filter({ hasText: 'Boulangerie Martin' })
      .getByRole('link')
      .first()
      .click();
    const onRecord = page.getByTestId('party-reminders').getByTestId('reminder-row').first();
    await onRecord.waitFor();
    expect(plain(await onRecord.textContent())).toContain('Relance amiable');
    await audit('fiche client');
    await page.goto(`${stack.baseUrl}${orgPath}/relations/receivables`);
    await page.getByTestId('receivables-row').first().waitFor();
  });

  it('records a cheque for an invoice and sees it paid', { timeout: 60_000 }, async () => {
    const firstOpen = page.getByTestId('receivables-invoices').getByRole('row').nth(1);
    invoiceNumber = plain(await firstOpen.getByRole('link').first().textContent());
    expect(invoiceNumber).toMatch(/^FA-/);
    await firstOpen
      .getByRole('link', { name: `Enregistrer un règlement de la facture ${invoiceNumber}` })
      .click();
    await page.getByTestId('receipt-form').waitFor();
    // Coming from the invoice: its customer, its remaining amount, allocated to it.
    const share = page.getByTestId(`receipt-share-${invoiceNumber}`);
    await share.waitFor();
    const amount = await page.getByTestId('receipt-amount').inputValue();
    expect(amount).not.toBe('');
    expect(await share.inputValue()).toBe(amount);
    await page.getByTestId('receipt-method').selectOption('cheque');
    await page.getByTestId('receipt-reference').fill('0012345');
    await audit('nouvel encaissement');
    await page.getByTestId('receipt-save').click();
    await page.getByRole('heading', { level: 1, name: `Facture ${invoiceNumber}` }).waitFor();
    const payment = page.getByTestId('invoice-payment');
    await payment.waitFor();
    expect(plain(await payment.getByTestId('invoice-payment-status').textContent())).toBe('Payée');
    await audit('facture payée');

    await page.goto(`${stack.baseUrl}${orgPath}/relations/invoices?status=validated`);
    const row = page.getByTestId('invoice-row').filter({ hasText: invoiceNumber });
    await row.waitFor();
    expect(plain(await row.getByTestId('invoice-payment-status').textContent())).toBe('Payée');
  });

  it('lists the receipt and deposits the cheque on a slip', { timeout: 60_000 }, async () => {
    await subnav('Encaissements').click();
    await page.getByRole('heading', { level: 1, name: 'Encaissements' }).waitFor();
    // The demo's invoice may have had an earlier part payment: ours is the cheque 0012345.
    const receipt = page
      .getByTestId('receipt-row')
      .filter({ hasText: invoiceNumber })
      .filter({ hasText: '0012345' });
    await receipt.waitFor();
    expect(plain(await receipt.textContent())).toContain('Chèque 0012345');
    await audit('encaissements');

    await subnav('Remises de chèques').click();
    await page.getByTestId('deposit-cheque-row').first().waitFor();
    await page.getByTestId('deposit-cheque-row').filter({ hasText: '0012345' }).getByRole('checkbox').check();
    await audit('remise de chèques');
    await page.getByTestId('deposit-create').click();
    await page.getByTestId('deposit-slip-row').first().waitFor();
    expect(plain(await page.getByTestId('deposit-slip-row').first().textContent())).toMatch(/^BR-/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('deposit-slip-row').first().getByRole('button').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^remise-BR-.*\.pdf$/);
    await audit('bordereaux');
  });

  it('keeps part of a payment as customer credit, then uses it on the invoice', {
    timeout: 60_000,
  }, async () => {
    await page.goto(`${stack.baseUrl}${orgPath}/relations/receivables`);
    const open = page
      .getByTestId('receivables-invoices')
      .getByRole('row')
      .filter({ hasText: 'Mairie de Saint-Genis' })
      .first();
    await open.waitFor();
    const number = plain(await open.getByRole('link').first().textContent());
    await open.getByRole('link', { name: `Enregistrer un règlement de la facture ${number}` }).click();
    await page.getByTestId('receipt-form').waitFor();
    const share = page.getByTestId(`receipt-share-${number}`);
    await share.waitFor();
    // 500,00 € received, 400,00 € on the invoice: 100,00 € kept as the town hall's credit.
    await page.getByTestId('receipt-amount').fill('500');
    await share.fill('400');
    await page.getByTestId('receipt-keep-credit').check();
    await page.getByTestId('receipt-save').click();
    await page.getByRole('heading', { level: 1, name: `Facture ${number}` }).waitFor();
    const box = page.getByTestId('customer-credit');
    await box.waitFor();
    expect(plain(await page.getByTestId('customer-credit-available').textContent())).toContain('100,00 €');
    expect(await page.getByTestId('customer-credit-amount').inputValue()).toBe('100,00');
    await audit('crédit client');
    const before = plain(await page.getByTestId('invoice-payment').textContent());
    await page.getByTestId('customer-credit-apply').click();
    await page.getByText(/Crédit client imputé : 100,00[\s\u00a0\u202f]€\./).waitFor();
    // The credit is used up: the box goes, and the invoice shows 100,00 € more settled.
    await box.waitFor({ state: 'detached' });
    await expect
      .poll(async () => plain(await page.getByTestId('invoice-payment').textContent()))
      .not.toBe(before);
  });

  it('found no serious or critical accessibility violation and no console error', () => expectClean());
});
