import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { salesCustomer, salesOrganisation } from '../../src/relations/test-helpers.ts';
import { buildOrganisation, buildParty, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { type Client, loginAs } from '../support/http.ts';
import { pdfText } from '../support/pdf-text.ts';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The accountant of a company under the monthly normal regime opens the VAT return (CA3) of October 2026,
// reads it as the form's frame, files it and follows the link to its settlement entry — axe on every page.
// Set up through the API: a goods invoice of 1 000,00 € HT at 20 % (VAT 200,00 €, due on issue) and a
// supplier bill of 300,00 € HT at 20 % (VAT 60,00 € on 44566), both dated 15 October 2026.
// By hand: line 08 base 1 000, VAT 200; line 20: 60; line 28 (TVA nette due): 200 − 60 = 140.

const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ').trim();
const PERIOD = '2026-10';

describe.runIf(browserAvailable)('the VAT return (CA3) in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let user: { id: string; email: string };
  let orgId = '';
  let owner: Client;

  beforeAll(async () => {
    stack = session.stack;
    page = session.page;
    const db = stack.store.db;
    user = await buildUser(db, { name: 'Camille Comptable' });
    // Monthly normal regime; the fiscal year 2026 open, so the settlement entry can be posted.
    orgId = (await salesOrganisation(db, { name: 'Menuiserie Laval', vatRegime: 'normal_monthly' }, user.id))
      .id;
    const customerId = (await salesCustomer(db, orgId, { name: 'Boulangerie Dumas' })).id;
    const supplierId = (await buildParty(db, orgId, { name: 'Scierie du Jura', roles: ['supplier'] })).id;
    owner = await loginAs(stack.app, user.email, TEST_PASSWORD);
    const base = `/api/v1/orgs/${orgId}`;

    const invoice = await owner.request('POST', `${base}/invoices`, {
      customerId,
      issueDate: '2026-10-15',
      lines: [{ label: 'Établi en chêne', kind: 'goods', quantity: '1', unitPrice: '1000', vatRate: '20' }],
    });
    expect(invoice.status).toBe(201);
    const issued = await owner.request('POST', `${base}/invoices/${invoice.body.id}/validate`);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ totalNet: 100000, totalVat: 20000 });

    const bill = await owner.request('POST', `${base}/supplier-bills`, {
      supplierId,
      supplierRef: 'SJ-2026-118',
      billDate: '2026-10-15',
      dueDate: '2026-11-14',
      lines: [{ label: 'Planches de chêne', netAmount: 30000, vatRate: 2000 }],
    });
    expect(bill.status).toBe(201);
    const validated = await owner.request('POST', `${base}/supplier-bills/${bill.body.id}/validate`);
    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({ totalVat: 6000 });
  }, 60_000);

  it('opens Production › Déclaration de TVA from the area’s navigation', { timeout: 60_000 }, async () => {
    await login({ email: user.email, password: TEST_PASSWORD });
    await page.getByTestId('nav-production').click();
    await page.getByRole('heading', { level: 1, name: 'Achats — factures fournisseurs' }).waitFor();
    // The area's own navigation: Achats current, then the VAT return.
    expect(await page.getByTestId('subnav-purchases').getAttribute('aria-current')).toBe('page');
    await page.getByTestId('subnav-vat-returns').click();
    await page.getByRole('heading', { level: 1, name: 'Déclaration de TVA (CA3)' }).waitFor();
    expect(await page.getByTestId('subnav-vat-returns').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('subnav-purchases').getAttribute('aria-current')).toBeNull();
    expect(page.url()).toContain(`/orgs/${orgId}/production/vat-returns`);
    // The period selector offers months (monthly regime), the one to file next chosen.
    const select = page.getByTestId('vat-period');
    expect(await select.inputValue()).toMatch(/^\d{4}-\d{2}$/);
    await page.getByTestId('vat-return').waitFor();
    expect(plain(await page.getByTestId('vat-filed').textContent())).toContain('Aucune déclaration déposée.');
    await audit('déclaration de TVA (période à déposer)');
  });

  it('shows October 2026 as the form’s frame: 08, 20 and 28 by hand', { timeout: 60_000 }, async () => {
    await page.goto(`${stack.baseUrl}/orgs/${orgId}/production/vat-returns?period=${PERIOD}`);
    await page.getByRole('heading', { level: 2, name: 'CA3 — octobre 2026' }).waitFor();
    expect(await page.getByTestId('vat-period').inputValue()).toBe(PERIOD);
    expect(plain(await page.getByTestId('vat-return-status').textContent())).toBe('Calculée maintenant');
    for (const section of ['Opérations réalisées', 'TVA brute', 'TVA déductible', 'Résultat'])
      await page.getByRole('heading', { level: 3, name: section }).waitFor();

    const line = (code: string) => page.getByTestId(`vat-line-${code}`);
    const base = async (code: string) => plain(await line(code).getByTestId('vat-line-base').textContent());
    const amount = async (code: string) =>
      plain(await line(code).getByTestId('vat-line-amount').textContent());
    expect(await base('08')).toBe('1 000');
    expect(await amount('08')).toBe('200');
    expect(await amount('A1')).toBe('1 000');
    expect(await amount('16')).toBe('200');
    expect(await base('20')).toBe('');
    expect(await amount('20')).toBe('60');
    expect(await amount('23')).toBe('60');
    expect(await amount('28')).toBe('140');
    expect(await amount('27')).toBe('0');
    expect(await line('28').getAttribute('data-highlight')).toBe('true');
    expect(await line('27').getAttribute('data-highlight')).toBeNull();
    expect(plain(await page.getByTestId('vat-return-result').textContent())).toBe('TVA nette due : 140 €');
    expect(await page.getByTestId('vat-not-fileable').count()).toBe(0);
    expect(await page.getByTestId('vat-credit-notes').count()).toBe(0);
    await audit('déclaration de TVA octobre 2026');
  });

  it('files it after confirming, then links to its settlement entry', { timeout: 60_000 }, async () => {
    await page.getByTestId('vat-file').click();
    const dialog = page.getByRole('dialog', { name: 'Déposer la déclaration — octobre 2026' });
    await dialog.waitFor();
    expect(plain(await dialog.textContent())).toContain('TVA nette due : 140 €.');
    await audit('confirmation du dépôt');
    await dialog.getByTestId('vat-file-confirm').click();

    await page
      .getByTestId('vat-return-status')
      .getByText(/^Déposée le \d{2}\/\d{2}\/\d{4}$/)
      .waitFor();
    expect(await page.getByTestId('vat-file').count()).toBe(0);
    // Filed: the badge says so, no « not fileable » notice repeats it.
    expect(await page.getByTestId('vat-not-fileable').count()).toBe(0);
    const entryLink = page.getByTestId('vat-return-entry-link');
    const entryText = plain(await entryLink.textContent());
    expect(entryText).toMatch(/^Écriture de liquidation n° \d+ \(journal OD\)$/);
    expect(await entryLink.getAttribute('href')).toMatch(
      new RegExp(`/orgs/${orgId}/accounting/entries/[^/]+$`),
    );
    // The figures are kept as filed.
    expect(plain(await page.getByTestId('vat-line-28').getByTestId('vat-line-amount').textContent())).toBe(
      '140',
    );
    // The filed returns list it, and the selector marks it.
    const row = page.getByTestId('vat-filed-row').filter({ hasText: 'octobre 2026' });
    await row.waitFor();
    expect(plain(await row.textContent())).toContain('140');
    expect(
      await page.getByTestId('vat-period').locator('option', { hasText: 'octobre 2026 — déposée' }).count(),
    ).toBe(1);
    await audit('déclaration de TVA déposée');

    // Through the API too: filed, with its entry; a second filing is refused.
    const filed = await owner.request('GET', `/api/v1/orgs/${orgId}/vat-returns/${PERIOD}`);
    expect(filed.body).toMatchObject({ status: 'filed', vatDue: 140, creditCarried: 0 });
    expect(entryText).toContain(`n° ${filed.body.entry.number} `);
    const again = await owner.request('POST', `/api/v1/orgs/${orgId}/vat-returns`, { period: PERIOD });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/octobre 2026 est déjà déposée\.$/);

    // The filed return as a PDF made by the server, read back: line 28 in euros.
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('vat-export-pdf').click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('declaration-tva-2026-10.pdf');
    expect(pdfText(readFileSync((await pdf.path())!)).replace(/\s+/g, ' ')).toMatch(
      /28 TVA nette due 140,00/,
    );

    // The VAT due paid to the Treasury: a bank entry, shown with its number.
    await page.getByTestId('vat-payment-date').fill('2026-11-19');
    await page.getByTestId('vat-payment-submit').click();
    await page.getByTestId('vat-payment').waitFor();
    expect(plain(await page.getByTestId('vat-payment').textContent())).toMatch(
      /^TVA payée le 19\/11\/2026 : écriture n° \d+ \(journal BQ\)$/,
    );
    expect(await page.getByTestId('vat-payment-submit').count()).toBe(0);
    await audit('TVA payée');

    await entryLink.click();
    await page
      .getByRole('heading', { level: 1, name: new RegExp(`^Écriture n° ${filed.body.entry.number}`) })
      .waitFor();
    await audit('écriture de liquidation de la TVA');
  });

  it('tells an organisation outside the normal regime that it files no CA3', {
    timeout: 60_000,
  }, async () => {
    const exempt = await buildOrganisation(stack.store.db, user.id, {
      name: 'Association des Amis du Val',
      vatRegime: 'not_liable',
    });
    await page.goto(`${stack.baseUrl}/orgs/${exempt.id}/production/vat-returns`);
    await page.getByRole('heading', { level: 1, name: 'Déclaration de TVA (CA3)' }).waitFor();
    const message = page.getByTestId('vat-no-ca3');
    await message.waitFor();
    expect(plain(await message.textContent())).toContain('ne dépose pas de déclaration CA3');
    expect(await page.getByTestId('vat-period').count()).toBe(0);
    await audit('déclaration de TVA — régime sans CA3');
    expectClean();
  });
});
