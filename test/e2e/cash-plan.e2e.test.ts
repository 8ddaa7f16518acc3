import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The demo's assistant opens Production › Trésorerie › Plan de trésorerie (the demo has its rent, loan and
// grant forecasts), reads the cash at the end of the first month, adds the purchase of a van big enough to empty the bank (the plan drops by exactly its
// amount and names the month short of cash), prints the plan, then removes the forecast and finds the
// first figure again. axe on the page, no console error.

const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ').trim();
/** « -1 234,56 € » → cents. */
const cents = (text: string) => {
  const match = /(-?)([\d ]+),(\d{2})/.exec(plain(text).replace('−', '-'));
  if (!match) throw new Error(`pas un montant : ${text}`);
  return (match[1] ? -1 : 1) * (Number(match[2]!.replaceAll(' ', '')) * 100 + Number(match[3]));
};

describe.runIf(browserAvailable)('cash plan in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  it('shows the plan, adds and removes a forecast, exports the PDF', { timeout: 90_000 }, async () => {
    const orgPath = await login();
    await page.goto(`${stack.baseUrl}${orgPath}/production/treasury`);
    await page.getByTestId('treasury-to-cash-plan').click();
    await page.getByRole('heading', { level: 1, name: 'Plan de trésorerie' }).waitFor();
    await page.getByTestId('cash-plan-table').waitFor();
    expect(plain(await page.getByTestId('cash-plan-opening').textContent())).toMatch(
      /^Trésorerie au \d{2}\/\d{2}\/\d{4} : /,
    );
    await audit('plan de trésorerie');
    const endOfFirstMonth = async () =>
      cents((await page.getByTestId('cash-plan-end-0').textContent()) ?? '');
    const before = await endOfFirstMonth();

    await page.getByTestId('cash-forecast-label').fill('Achat d’un utilitaire');
    await page.getByTestId('cash-forecast-amount').fill('1 000 000,00');
    await page.getByTestId('cash-forecast-submit').click();
    await page.getByTestId('cash-plan-shortfall').waitFor();
    await expect.poll(endOfFirstMonth).toBe(before - 100_000_000);
    expect(plain(await page.getByTestId('cash-forecast-list').textContent())).toContain(
      'Achat d’un utilitaire',
    );

    const download = page.waitForEvent('download');
    await page.getByTestId('cash-plan-export-pdf').click();
    expect((await download).suggestedFilename()).toMatch(/^plan-de-tresorerie-\d{4}-\d{2}-\d{2}\.pdf$/);

    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .getByTestId('cash-forecast-list')
      .getByRole('row')
      .filter({ hasText: 'Achat d’un utilitaire' })
      .getByRole('button', { name: 'Supprimer' })
      .click();
    await expect.poll(endOfFirstMonth).toBe(before);
    await page.getByTestId('cash-plan-shortfall').waitFor({ state: 'detached' });
    expectClean();
  });
});
