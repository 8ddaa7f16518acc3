import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The sales pipeline in a real browser: a quote typed and sent, accepted into an order, half the goods
// delivered, the delivered goods and the services invoiced, the invoice validated — axe on every screen.

const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ').trim();

describe.runIf(browserAvailable)('sales pipeline in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let orgPath = '';

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  const subnav = (name: string) =>
    page.getByRole('navigation', { name: 'Relations' }).getByRole('link', { name, exact: true });

  it('logs in and opens the quotes', { timeout: 60_000 }, async () => {
    orgPath = await login();
    await page.goto(`${stack.baseUrl}${orgPath}/relations/invoices`);
    await subnav('Devis').click();
    await page.getByRole('heading', { level: 1, name: 'Devis' }).waitFor();
    await page.getByTestId('sales-total').waitFor();
    expect(await page.getByTestId('activity-badge').first().textContent()).toContain('1.2');
    await audit('devis');
  });

  it('types a quote (goods from the catalogue, a service) and sends it', { timeout: 60_000 }, async () => {
    await page.getByTestId('sales-new').click();
    await page.getByTestId('invoice-form').waitFor();
    await page.getByTestId('invoice-customer').fill('Boulangerie');
    await page.getByRole('option', { name: 'Boulangerie Martin' }).click();
    await page.getByTestId('line-item-0').fill('RAMETTE');
    await page.getByRole('option', { name: /^RAMETTE/ }).click();
    await page.getByTestId('line-quantity-0').fill('10');
    await page.getByTestId('invoice-add-line').click();
    await page.getByTestId('line-label-1').fill('Installation');
    await page.getByTestId('line-quantity-1').fill('2');
    await page.getByTestId('line-unit-price-1').fill('45');
    // 10 × 5,20 + 2 × 45 = 142,00 € excl. VAT, all at 20 %.
    expect(plain(await page.getByTestId('totals-net').textContent())).toBe('142,00 €');
    await audit('nouveau devis');
    await page.getByTestId('invoice-validate').click();
    await page.getByTestId('invoice-validate-warning').waitFor();
    await page.waitForTimeout(500);
    await page.getByTestId('invoice-validate-confirm').click();
    await page.getByRole('heading', { level: 1, name: /^Devis DE-/ }).waitFor({ timeout: 30_000 });
    expect(plain(await page.getByTestId('sales-status').textContent())).toBe('Envoyé');
    await audit('devis envoyé');
  });

  it('accepts it: the order keeps its lines', { timeout: 60_000 }, async () => {
    await page.getByTestId('quote-accept').click();
    await page.getByRole('heading', { level: 1, name: /^Commande BC-/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('sales-line').count()).toBe(2);
    expect(plain(await page.getByTestId('sales-source').textContent())).toMatch(/Issue du devis DE-/);
    await audit('commande');
  });

  it('delivers part of the goods, then invoices what was delivered and the service', {
    timeout: 90_000,
  }, async () => {
    await page.getByTestId('deliver-quantity').fill('4');
    await page.getByTestId('order-deliver').click();
    await page.getByRole('heading', { level: 1, name: /^Bon de livraison BL-/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('sales-line').count()).toBe(1);
    await audit('bon de livraison');
    await page.getByTestId('sales-source').getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Commande BC-/ }).waitFor();
    await page.getByTestId('order-deliver').waitFor();
    expect(plain(await page.getByTestId('line-delivered').first().textContent())).toBe('4');
    expect(await page.getByTestId('deliver-quantity').inputValue()).toBe('6');

    await page.getByTestId('order-invoice').click();
    await page.getByRole('heading', { level: 1, name: 'Brouillon de facture' }).waitFor({ timeout: 30_000 });
    // The heading shows before the draft's lines are loaded into the form: wait for them.
    await expect.poll(() => page.getByTestId('invoice-line').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('line-quantity-0').inputValue()).toBe('4');
    // 4 × 5,20 + 2 × 45 = 110,80 € excl. VAT.
    expect(plain(await page.getByTestId('totals-net').textContent())).toBe('110,80 €');
    await audit('facture depuis la commande');
    await page.getByTestId('invoice-validate').click();
    await page.getByTestId('invoice-validate-warning').waitFor();
    await page.waitForTimeout(500);
    await page.getByTestId('invoice-validate-confirm').click();
    await page.getByRole('heading', { level: 1, name: /^Facture FA-/ }).waitFor({ timeout: 30_000 });
  });

  it('shows delivery notes and contracts', { timeout: 60_000 }, async () => {
    await subnav('Livraisons').click();
    await page.getByTestId('sales-row').first().waitFor();
    await audit('bons de livraison');
    await subnav('Contrats').click();
    await page.getByRole('heading', { level: 1, name: 'Contrats et conventions' }).waitFor();
    await page.getByTestId('contract-table').waitFor();
    await audit('contrats');
    await page.getByTestId('contract-new').click();
    await page.getByTestId('contract-form').waitFor();
    await audit('nouveau contrat');
  });

  it('found no serious or critical accessibility violation and no console error', () => expectClean());
});
