import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTERNAL_CHECKS, extractFacturXml, validateCii } from '../support/validators.ts';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// A sales assistant's morning in Agora: a new business customer, an invoice at two VAT rates typed with
// the keyboard, validated and numbered, its Factur-X PDF downloaded and checked by the official
// validators, and the sale found in the trial balance — with axe on every page visited.

const CUSTOMER = 'Menuiserie Carrel SARL';
const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');
/** "1 234,56 €" → 123456 (cents); an empty cell is 0. */
const cents = (text: string | null) => {
  const cleaned = plain(text).replace(/[^\d,-]/g, '');
  return cleaned ? Math.round(Number(cleaned.replace(',', '.')) * 100) : 0;
};

type Movements = { customerDebit: number; revenueCredit: number; vatCredit: number };

describe.runIf(browserAvailable)('invoicing in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let orgPath = '';
  let invoiceNumber = '';
  let before: Movements;

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  const subnav = (name: string) =>
    page.getByRole('navigation', { name: 'Relations' }).getByRole('link', { name, exact: true });

  /** Period credits of the revenue (70x) and output VAT (44571) accounts in the trial balance. */
  const trialBalance = async (): Promise<Movements> => {
    await page.goto(`${stack.baseUrl}${orgPath}/accounting/reports/trial-balance`);
    await page.getByTestId('trial-balance-check').waitFor();
    // A string: the test code is typed for Node, the expression runs in the page.
    const rows = await page.evaluate<{ account: string; cells: string[] }[]>(
      `Array.from(document.querySelectorAll('[data-testid="trial-balance-row"]'), (tr) => ({
        account: tr.getAttribute('data-account') ?? '',
        cells: Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? ''),
      }))`,
    );
    const sum = (match: (account: string) => boolean, column: number) =>
      rows.filter((r) => match(r.account)).reduce((total, r) => total + cents(r.cells[column] ?? ''), 0);
    // Columns: account, label, opening debit and credit, period debit (4) and credit (5), closing.
    const credit = (match: (account: string) => boolean) => sum(match, 5);
    return {
      customerDebit: sum((a) => a.startsWith('411'), 4),
      revenueCredit: credit((a) => /^70[0-8]/.test(a)),
      vatCredit: credit((a) => a.startsWith('44571')),
    };
  };

  it('logs in, notes the trial balance and opens Relations', { timeout: 60_000 }, async () => {
    orgPath = await login();
    before = await trialBalance();

    await page.getByTestId('nav-relations').click();
    await page.waitForURL(/\/relations\/invoices/);
    await page.getByRole('heading', { level: 1, name: 'Factures' }).waitFor();
    await page.getByTestId('invoice-row').first().waitFor();
    expect(await page.getByTestId('activity-badge').first().textContent()).toContain('1.2');
    await audit('factures');

    await subnav('Catalogue').click();
    await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
    await page.getByTestId('catalogue-row').first().waitFor();
    await audit('catalogue');
    await page.getByTestId('catalogue-row').first().getByRole('link').click();
    await page.getByTestId('catalogue-form').waitFor();
    await audit('article');

    await subnav('Paramètres de facturation').click();
    await page.getByTestId('invoice-settings-form').waitFor();
    await audit('paramètres de facturation');
  });

  it('creates a business customer with its SIREN and billing address', { timeout: 60_000 }, async () => {
    await subnav('Tiers').click();
    await page.waitForURL(/\/parties/);
    await page.getByRole('button', { name: 'Nouveau tiers' }).click();
    await page.getByLabel('Nom', { exact: true }).waitFor();
    await page.getByRole('radio', { name: 'Organisation' }).check();
    await page.getByLabel('Nom', { exact: true }).fill(CUSTOMER);
    await page.getByRole('checkbox', { name: 'Client' }).check();
    await page.getByLabel(/^SIREN/).fill('732829320');
    await page.getByRole('button', { name: 'Ajouter une adresse' }).click();
    const address = page.getByRole('group', { name: 'Adresse 1' });
    await address.getByLabel('Type d’adresse').selectOption('billing');
    await address
      .getByLabel(/^Adresse/)
      .first()
      .fill('12 rue des Artisans');
    await address.getByLabel(/^Code postal/).fill('69007');
    await address.getByLabel(/^Ville/).fill('Lyon');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/new'));
    await page.getByTestId('party-row').first().waitFor();
  });

  it('types an invoice at two VAT rates with the keyboard and sees its totals', {
    timeout: 60_000,
  }, async () => {
    await page.goto(`${stack.baseUrl}${orgPath}/relations/invoices`);
    await page.getByTestId('invoice-new').click();
    await page.getByTestId('invoice-form').waitFor();
    await page.getByTestId('invoice-customer').fill('Carrel');
    await page.getByRole('option', { name: CUSTOMER }).click();

    // Line 1, a free line: label, Enter, quantity, Enter, price, Enter, discount, Enter, rate, Enter.
    await page.getByTestId('line-label-0').click();
    await page.keyboard.type('Pose de placards');
    await page.keyboard.press('Enter');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.keyboard.type('150');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // The rate's Enter opened line 2.
    await page.getByTestId('line-label-1').waitFor();
    await page.getByTestId('line-label-1').click();
    await page.keyboard.type('Guide d’entretien');
    await page.keyboard.press('Enter');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await page.keyboard.type('40');
    await page.getByTestId('line-vat-rate-1').selectOption('5,5');

    expect(plain(await page.getByTestId('totals-net').textContent())).toBe('340,00 €');
    expect(plain(await page.getByTestId('totals-vat').textContent())).toBe('62,20 €');
    expect(plain(await page.getByTestId('totals-gross').textContent())).toBe('402,20 €');
    expect(await page.getByTestId('totals-vat-row').count()).toBe(2);
    await audit('nouvelle facture');

    await page.setViewportSize({ width: 800, height: 1100 });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await audit('nouvelle facture (tablette)');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('validates it after a confirmation, and shows it numbered with its legal mentions', {
    timeout: 60_000,
  }, async () => {
    await page.getByTestId('invoice-validate').click();
    const warning = page.getByTestId('invoice-validate-warning');
    await warning.waitFor();
    expect(plain(await warning.textContent())).toContain('devient définitive');
    // Once the modal's opening transition is over.
    await page.waitForTimeout(500);
    await audit('confirmation');
    await page.getByTestId('invoice-validate-confirm').click();
    const heading = page.getByRole('heading', { level: 1, name: /^Facture FA-/ });
    await heading.waitFor({ timeout: 30_000 });
    invoiceNumber = ((await heading.textContent()) ?? '').replace(/^Facture /, '');
    expect(invoiceNumber).toMatch(/^FA-/);
    expect(await page.getByTestId('invoice-legal-mentions').getByRole('listitem').count()).toBeGreaterThan(0);
    expect(plain(await page.getByTestId('totals-gross').textContent())).toBe('402,20 €');
    await audit('facture validée');
  });

  it('downloads its Factur-X PDF, whose XML passes the EN 16931 validators', {
    timeout: 240_000,
  }, async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('invoice-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = new Uint8Array(readFileSync((await download.path())!));
    expect(new TextDecoder('latin1').decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const xml = await extractFacturXml(pdf);
    expect(xml).toContain(invoiceNumber);
    if (!EXTERNAL_CHECKS) return; // No Java here, and not in CI (validators.ts fails the run there).
    const result = await validateCii(xml);
    expect(result.ok, result.output).toBe(true);
  });

  it('finds the sale in the trial balance: 411 debited, revenue and VAT credited', {
    timeout: 60_000,
  }, async () => {
    const after = await trialBalance();
    expect(after.revenueCredit - before.revenueCredit).toBe(34_000);
    expect(after.vatCredit - before.vatCredit).toBe(6_220);
    expect(after.customerDebit - before.customerDebit).toBe(40_220);
    await audit('balance');
  });

  it('drafts a credit note from the validated invoice', { timeout: 60_000 }, async () => {
    await page.goto(`${stack.baseUrl}${orgPath}/relations/invoices?status=validated`);
    await page.getByTestId('invoice-row').filter({ hasText: invoiceNumber }).getByRole('link').click();
    await page.getByTestId('invoice-credit-note').click();
    await page.getByRole('heading', { level: 1, name: 'Brouillon d’avoir' }).waitFor();
    expect(plain(await page.getByTestId('credit-note-of').textContent())).toContain(invoiceNumber);
    // The heading shows before the draft's lines are loaded into the form: wait for them.
    await expect.poll(() => page.getByTestId('invoice-line').count(), { timeout: 10_000 }).toBe(2);
    await audit('brouillon d’avoir');
  });

  it('found no serious or critical accessibility violation and no console error', () => expectClean());
});
