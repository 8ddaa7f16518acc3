import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newEmployee } from '../../src/personnel/expenses/test-helpers.ts';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The demo's owner sends an employee on a trip with a 100,00 € advance, then enters the expense report at
// the keyboard — a 420 km trip with a 5 CV car and a 30,00 € lunch — sees the allowance computed live,
// validates it, reimburses it and downloads its PDF; axe on every page, no console error.
// By hand: 420 × 0,636 = 267,12 € (barème kilométrique, first band, first trip of the year with this
// car); total 297,12 €; 297,12 − 100,00 = 197,12 € paid to the employee.

const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

describe.runIf(browserAvailable)('staff travel and expense reports in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let orgPath = '';

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  it('approves a travel order and pays its advance from Personnel › Déplacements', {
    timeout: 60_000,
  }, async () => {
    orgPath = await login();
    await newEmployee(stack.store.db, orgPath.split('/')[2]!, { lastName: 'Navarro', firstName: 'Inès' });
    await page.goto(`${stack.baseUrl}${orgPath}/personnel`);
    await page.getByTestId('subnav-travel').click();
    await page.getByRole('heading', { level: 1, name: 'Déplacements' }).waitFor();
    await page.getByTestId('order-employee').selectOption({ label: 'Navarro Inès' });
    await page.getByTestId('order-purpose').fill('Installation chez un client');
    await page.getByTestId('order-destination').fill('Lyon');
    await page.getByTestId('order-power').fill('5');
    await page.getByTestId('order-estimated').fill('400,00');
    await page.getByTestId('order-advance').fill('100,00');
    await page.getByTestId('order-save').click();
    const row = page.getByTestId('order-row').filter({ hasText: 'Navarro' });
    await row.getByTestId('order-approve').click();
    await row.getByTestId('order-status').getByText('Approuvé', { exact: true }).waitFor();
    await row.getByTestId('order-pay-advance').click();
    await row.getByText(/versée le/).waitFor();
    expect(plain(await row.textContent())).toMatch(/OM-\d{4}-0001/);
    await audit('ordres de mission');
  });

  it('enters a report with a mileage line at the keyboard and sees the allowance live', {
    timeout: 60_000,
  }, async () => {
    await page.getByTestId('subnav-expenses').click();
    await page.getByRole('heading', { level: 1, name: 'Notes de frais' }).waitFor();
    await audit('notes de frais');
    await page.getByTestId('expense-new').click();
    await page.getByRole('heading', { level: 1, name: 'Nouvelle note de frais' }).waitFor();
    await page.getByTestId('expense-employee').selectOption({ label: 'Navarro Inès' });
    await page.getByTestId('expense-order').selectOption({ index: 1 });
    expect(plain(await page.getByTestId('expense-order').textContent())).toMatch(/OM-\d{4}-0001 – Lyon/);
    await page.getByTestId('expense-title').fill('Mission Lyon');
    // The first line is a mileage line: typed field after field with the keyboard; the horsepower comes
    // from the travel order's car.
    await page.getByTestId('line-from').focus();
    await page.keyboard.type('Grenoble');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lyon');
    await page.keyboard.press('Tab');
    await page.keyboard.type('420');
    // The travel order's car (5 CV) filled the horsepower.
    expect(await page.getByTestId('line-power').inputValue()).toBe('5');
    await page
      .getByTestId('line-live')
      .first()
      .getByText(/267,12/)
      .waitFor();
    expect(plain(await page.getByTestId('line-live').first().textContent())).toContain('d × 0,636');
    await page.getByTestId('expense-add-line').click();
    await page.getByTestId('line-label').fill('Déjeuner');
    await page.getByTestId('line-amount').fill('30,00');
    await page.getByTestId('line-vat').fill('2,73');
    expect(plain(await page.getByTestId('expense-live-total').textContent())).toContain('297,12 €');
    expect(plain(await page.getByTestId('line-live').nth(1).textContent())).toContain('21,40 €');
    await audit('saisie note de frais');
    await page.getByTestId('expense-save').click();
    await page.getByTestId('expense-validate').waitFor();
    expect(plain(await page.getByTestId('expense-status').textContent())).toBe('Brouillon');
    // A draft is corrected: its lines come back into the form as typed.
    await page.getByTestId('expense-edit').click();
    await page.getByRole('heading', { level: 1, name: 'Modifier la note de frais (brouillon)' }).waitFor();
    expect(await page.getByTestId('line-km').inputValue()).toBe('420');
    expect(await page.getByTestId('line-amount').inputValue()).toBe('30,00');
    await page.getByTestId('expense-title').fill('Mission Lyon, client Bernard');
    await audit('modification note de frais');
    await page.getByTestId('expense-save').click();
    await page.getByTestId('expense-summary').getByText('Mission Lyon, client Bernard').waitFor();
    expect(plain(await page.getByTestId('expense-total').textContent())).toBe('297,12 €');
  });

  it('validates, reimburses less the advance and downloads the PDF', { timeout: 60_000 }, async () => {
    await page.getByTestId('expense-validate').click();
    await page.getByRole('heading', { level: 1, name: /Note de frais NDF-\d{4}-\d{4}/ }).waitFor();
    expect(plain(await page.getByTestId('expense-status').textContent())).toBe('À rembourser');
    expect(plain(await page.getByTestId('expense-total').textContent())).toBe('297,12 €');
    expect(plain(await page.getByTestId('expense-due').textContent())).toContain('197,12 €');
    expect(plain(await page.getByTestId('expense-lines').textContent())).toContain('cumul annuel 0 → 420 km');
    await audit('note de frais validée');
    const download = page.waitForEvent('download');
    await page.getByTestId('expense-pdf').click();
    expect((await download).suggestedFilename()).toMatch(/^note-de-frais-NDF-\d{4}-\d{4}\.pdf$/);
    await page.getByTestId('reimburse-submit').click();
    await page.getByTestId('expense-status').getByText('Remboursée', { exact: true }).waitFor();
    expect(await page.getByTestId('expense-cancel').count()).toBe(0);
    await audit('note de frais remboursée');
    await page.getByTestId('subnav-expenses').click();
    const row = page.getByTestId('expense-row').filter({ hasText: 'Mission Lyon' });
    await row.waitFor();
    expect(plain(await row.textContent())).toContain('Remboursée');
    expectClean();
  });
});
