import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The assistant enters a supplier bill of the demo's supplier (two lines, two VAT rates), sees the live
// totals, validates it (ACH number, entry in AC), finds it in the aged payables reconciled with 401, pays it in full and sees it « Payée » — axe on every page.
// By hand: 100,00 € at 20 % → 20,00 €; 50,00 € at 5,5 % → 2,75 €; TTC 172,75 €.

const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

describe.runIf(browserAvailable)('supplier bills in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let orgPath = '';
  let billUrl = '';
  const ref = `PC-${Date.now().toString(36)}`;

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  it('opens Production › Achats from the menu, no longer « À venir »', { timeout: 60_000 }, async () => {
    orgPath = await login();
    expect(await page.getByTestId('nav-production').getByText('À venir').count()).toBe(0);
    await page.getByTestId('nav-production').click();
    await page.getByRole('heading', { level: 1, name: 'Achats — factures fournisseurs' }).waitFor();
    expect(page.url()).toContain(`${orgPath}/production/purchases`);
    await audit('achats');
  });

  it('enters a bill with two lines and sees the live totals', { timeout: 60_000 }, async () => {
    await page.getByTestId('bill-new').click();
    await page.getByRole('heading', { level: 1, name: 'Saisir une facture fournisseur' }).waitFor();
    await page.getByTestId('bill-supplier').selectOption({ label: 'Papeterie Centrale' });
    await page.getByTestId('bill-supplier-ref').fill(ref);
    await page.getByTestId('bill-line-label').nth(0).fill('Marchandises');
    await page.getByTestId('bill-line-amount').nth(0).fill('100,00');
    await page.getByTestId('bill-add-line').click();
    await page.getByTestId('bill-line-label').nth(1).fill('Fournitures de bureau');
    await page.getByTestId('bill-line-account').nth(1).selectOption('6064');
    await page.getByTestId('bill-line-amount').nth(1).fill('50,00');
    await page.getByTestId('bill-line-rate').nth(1).selectOption('550');
    expect(plain(await page.getByTestId('bill-live-total').textContent())).toContain('172,75 €');
    expect(plain(await page.getByTestId('bill-live-totals').textContent())).toContain('2,75 €');
    await audit('saisie facture fournisseur');
    await page.getByTestId('bill-save').click();
    await page.getByTestId('bill-validate').waitFor();
    expect(plain(await page.getByTestId('bill-status').textContent())).toBe('Brouillon');
  });

  it('validates, pays in full and sees « Payée »', { timeout: 60_000 }, async () => {
    await page.getByTestId('bill-validate').click();
    await page.getByRole('heading', { level: 1, name: /Facture fournisseur ACH-\d{4}-\d{4}/ }).waitFor();
    expect(plain(await page.getByTestId('bill-status').textContent())).toBe('À payer');
    expect(plain(await page.getByTestId('bill-total').textContent())).toBe('172,75 €');
    await audit('facture fournisseur validée');
    billUrl = page.url();
    const number = (await page.getByRole('heading', { level: 1 }).textContent())?.match(
      /ACH-\d{4}-\d{4}/,
    )?.[0];

    // Dettes fournisseurs: the bill is open for 172,75 €, and the bills add up to the balance of 401.
    await page.goto(`${stack.baseUrl}${orgPath}/production/purchases`);
    await page.getByTestId('payables-link').click();
    await page.getByRole('heading', { level: 1, name: 'Dettes fournisseurs' }).waitFor();
    const open = page.getByTestId('payables-bills').getByRole('row').filter({ hasText: ref });
    await open.waitFor();
    expect(plain(await open.textContent())).toContain(number!);
    expect(plain(await open.textContent())).toContain('172,75 €');
    expect(await page.getByTestId('payables-row').filter({ hasText: 'Papeterie Centrale' }).count()).toBe(1);
    expect(plain(await page.getByTestId('payables-total-total').textContent())).toMatch(/€$/);
    const check = page.getByTestId('payables-check');
    expect(await check.getAttribute('data-reconciled')).toBe('true');
    expect(plain(await check.textContent())).toContain('correspondent au solde du compte 401');
    // The accountant checks the account itself from here.
    const ledgerLink = page
      .getByTestId('payables-reconciliation')
      .getByRole('link', { name: 'Grand livre du compte 401' });
    expect(await ledgerLink.getAttribute('href')).toMatch(
      /accounting\/reports\/general-ledger\?.*account=(%22)?401\b/,
    );
    await audit('dettes fournisseurs');
    await open.getByRole('link', { name: number! }).click();
    await page.waitForURL(billUrl);
    expect(await page.getByTestId('pay-amount').inputValue()).toBe('172,75');
    await page.getByTestId('pay-method').selectOption('cheque');
    await page.getByTestId('pay-submit').click();
    await page.getByTestId('bill-status').getByText('Payée', { exact: true }).waitFor();
    expect(plain(await page.getByTestId('bill-payments').textContent())).toContain('Chèque');
    expect(await page.getByTestId('bill-cancel').count()).toBe(0);
    await audit('facture fournisseur payée');

    await page.goto(`${stack.baseUrl}${orgPath}/production/purchases?status=paid`);
    const row = page.getByTestId('bill-row').filter({ hasText: ref });
    await row.waitFor();
    expect(plain(await row.textContent())).toContain('Payée');
    expectClean();
  });

  it('cancels the payment entered by mistake: the bill is owed again', { timeout: 60_000 }, async () => {
    await page.goto(billUrl);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('bill-payment-cancel').click();
    await page.getByTestId('bill-status').getByText('À payer', { exact: true }).waitFor();
    expect(plain(await page.getByTestId('bill-payment-cancelled').textContent())).toMatch(
      /^annulé le \d\d\/\d\d\/\d{4}$/,
    );
    expect(await page.getByTestId('pay-amount').inputValue()).toBe('172,75');
    expect(await page.getByTestId('bill-payment-cancel').count()).toBe(0);
    await audit('paiement fournisseur annulé');
    expectClean();
  });
});
