import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The assistant creates a supplies item (toner), receives 10 cartridges at 60,00 € then 5 at 65,00 €, gives
// 12 to the accounts department and reads the stock card at the CUMP after each entry:
// (600,00 + 325,00) / 15 = 61,666… → 61,67 €; 12 × 61,67 = 740,04 €; 3 left worth 925,00 − 740,04 = 184,96 €.
// The reorder point, lowered to 4 on the item's page, still has the item (3 left) stand out in the stock status. Axe on every page.

const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ').trim();

describe.runIf(browserAvailable)('stock in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let orgPath = '';
  const code = `TONER-${Date.now().toString(36).slice(-5).toUpperCase()}`;

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  it('creates a supplies item from Production › Stocks', { timeout: 60_000 }, async () => {
    orgPath = await login();
    await page.goto(`${stack.baseUrl}${orgPath}/production/stock`);
    await page.getByRole('heading', { level: 1, name: 'Stocks et fournitures' }).waitFor();
    expect(await page.getByTestId('subnav-stock').getAttribute('aria-current')).toBe('page');
    await audit('état des stocks');

    await page.getByTestId('stock-new').click();
    await page.getByRole('heading', { level: 1, name: 'Nouvel article en stock' }).waitFor();
    await page.getByLabel('Catégorie').selectOption({ label: 'Fourniture' });
    await page.getByLabel('Référence').fill(code);
    await page.getByLabel('Désignation').fill('Toner laser noir');
    await page.getByLabel('Unité').fill('cartouche');
    await page.getByLabel('Seuil de réapprovisionnement').fill('5');
    await page.getByLabel('Quantité à commander').fill('10');
    await audit('nouvel article');
    await page.getByTestId('stock-item-save').click();
    await page
      .getByRole('heading', { level: 1, name: `Fiche de stock — ${code} Toner laser noir` })
      .waitFor();
    await page.getByTestId('stock-card-empty').waitFor();
  });

  it('receives goods twice, issues some, and shows the stock card at the CUMP', {
    timeout: 60_000,
  }, async () => {
    const receive = async (date: string, quantity: string, cost: string, rows: number) => {
      await page.getByTestId('stock-movement-kind').selectOption({ label: 'Entrée (réception)' });
      await page.getByTestId('stock-movement-date').fill(date);
      await page.getByTestId('stock-movement-quantity').fill(quantity);
      await page.getByLabel('Coût unitaire HT (€)').fill(cost);
      await page.getByTestId('stock-movement-save').click();
      await expect.poll(() => page.getByTestId('stock-card-row').count()).toBe(rows);
    };
    await receive('2026-02-02', '10', '60,00', 1);
    await receive('2026-02-10', '5', '65', 2);
    await page.getByTestId('stock-movement-kind').selectOption({ label: 'Sortie' });
    await page.getByTestId('stock-movement-date').fill('2026-02-12');
    await page.getByTestId('stock-movement-quantity').fill('12');
    await page.getByLabel('Destinataire').fill('Service comptabilité');
    await page.getByLabel('Référence de la demande').fill('Demande 7');
    await page.getByTestId('stock-movement-save').click();
    await expect.poll(() => page.getByTestId('stock-card-row').count()).toBe(3);

    const rows = page.getByTestId('stock-card-row');
    const cells = async (i: number) => [
      plain(await rows.nth(i).getByTestId('stock-card-quantity').textContent()),
      plain(await rows.nth(i).getByTestId('stock-card-cump').textContent()),
      plain(await rows.nth(i).getByTestId('stock-card-value').textContent()),
    ];
    expect(await cells(0)).toEqual(['10', '60,00 €', '600,00 €']);
    expect(await cells(1)).toEqual(['15', '61,67 €', '925,00 €']);
    expect(await cells(2)).toEqual(['3', '61,67 €', '184,96 €']);
    expect(plain(await rows.nth(2).textContent())).toContain('Sortie — Service comptabilité — Demande 7');
    expect(plain(await page.getByTestId('stock-item-value').textContent())).toContain('184,96 €');

    // More than the 3 left: refused in French, nothing recorded.
    await page.getByTestId('stock-movement-quantity').fill('4');
    await page.getByLabel('Destinataire').fill('Accueil');
    await page.getByTestId('stock-movement-save').click();
    await page.getByTestId('stock-movement-error').waitFor();
    expect(plain(await page.getByTestId('stock-movement-error').textContent())).toContain(
      'Stock insuffisant pour « Toner laser noir » : 3 cartouche en stock, sortie de 4 cartouche refusée.',
    );
    expect(await rows.count()).toBe(3);
    await audit('fiche de stock');

    // The reorder point changes on the item's page; its movements stay as they are.
    await page.getByTestId('stock-item-edit').click();
    await page.getByTestId('stock-item-reorder-point').fill('4');
    await page.getByTestId('stock-item-location').fill('Armoire du secrétariat');
    await page.getByTestId('stock-item-save').click();
    await page.getByTestId('stock-item-form').waitFor({ state: 'detached' });
    expect(plain(await page.getByTestId('stock-item-summary').textContent())).toContain(
      'Seuil de réapprovisionnement : 4',
    );
    expect(await rows.count()).toBe(3);
  });

  it('highlights the item in the stock status and proposes to reorder it', { timeout: 60_000 }, async () => {
    await page.getByTestId('subnav-stock').click();
    await page.getByRole('heading', { level: 1, name: 'Stocks et fournitures' }).waitFor();
    const row = page.getByTestId('stock-row').filter({ hasText: code });
    await row.waitFor();
    expect(await row.getAttribute('data-to-reorder')).toBe('true');
    expect(plain(await row.textContent())).toContain('À réapprovisionner');
    const proposal = page.getByTestId('stock-reorder-row').filter({ hasText: code });
    expect(plain(await proposal.textContent())).toContain('10 cartouche');
    await audit('état des stocks avec alerte');
    // The one console error is the refused exit's 422, asked on purpose.
    expectClean('422');
  });
});
