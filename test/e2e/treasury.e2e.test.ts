import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { post } from '../../src/ledger/index.ts';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The accountant of the demo (who has last month's statement already) imports the March 2026 statement (test/support/bank, valid camt.053.001.02),
// lets the automatic matching pair the receipt and the supplier transfer with the books, posts the 18,00
// bank fee from its line, and sees the état de rapprochement at 31/03 with no unexplained difference.
// axe on every page, no console error.

const FIXTURE = new URL('../support/bank/releve-2026-03.camt053.xml', import.meta.url).pathname;
const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

describe.runIf(browserAvailable)('bank statements and reconciliation in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let orgPath = '';

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  it('opens Production › Trésorerie and imports the CAMT.053 file', { timeout: 60_000 }, async () => {
    orgPath = await login();
    // The books already have the receipt and the supplier transfer the statement shows.
    const orgId = orgPath.split('/')[2]!;
    await stack.store.db.transaction().execute(async (trx) => {
      const entry = (date: string, label: string, amount: number, account: string) =>
        post(
          trx,
          orgId,
          {
            journal: 'BQ',
            date,
            label,
            voucherRef: null,
            voucherDate: null,
            lines: [
              {
                account: '512',
                partyId: null,
                label,
                debit: Math.max(amount, 0),
                credit: Math.max(-amount, 0),
                dueDate: null,
              },
              {
                account,
                partyId: null,
                label,
                debit: Math.max(-amount, 0),
                credit: Math.max(amount, 0),
                dueDate: null,
              },
            ],
          },
          null,
        );
      await entry('2026-03-02', 'Encaissement Dupont FA-2026-0012', 120000, '758');
      await entry('2026-03-05', 'Virement Grossiste Rhône ACH-2026-0003', -48000, '658');
    });
    await page.goto(`${stack.baseUrl}${orgPath}/production`);
    await page.getByTestId('subnav-treasury').click();
    await page.getByRole('heading', { level: 1, name: 'Trésorerie' }).waitFor();
    // The demo already has last month's statement of the same account (src/demo/treasury.ts).
    await page.getByTestId('bank-statement-row').first().waitFor();
    await audit('trésorerie');

    await page.locator('input[type="file"]').setInputFiles(FIXTURE);
    await page.getByTestId('bank-import-submit').click();
    const report = page.getByTestId('bank-import-report');
    await report.waitFor();
    expect(plain(await report.textContent())).toContain('4 mouvements importés.');
    const row = page
      .getByTestId('bank-statement-row')
      .filter({ hasText: '2026-03-FR7630006000011234567890189' });
    await row.waitFor();
    expect(plain(await row.textContent())).toContain('5 606,60 €');
    expect(plain(await row.textContent())).toContain('Boucle');
    await audit('relevé importé');
  });

  it('matches automatically, then posts the bank fee from its line', { timeout: 60_000 }, async () => {
    await page.getByTestId('treasury-to-reconciliation').click();
    await page.getByRole('heading', { level: 1, name: 'Rapprochement bancaire' }).waitFor();
    await audit('rapprochement avant');
    await page.getByTestId('bank-auto-match').click();
    await page.getByText('2 lignes rapprochées automatiquement.').waitFor();
    for (const text of ['VIR SEPA RECU DUPONT SARL', 'VIR SEPA EMIS GROSSISTE RHONE'])
      await expect
        .poll(() => page.getByTestId('bank-line').filter({ hasText: text }).getAttribute('data-matched'))
        .toBe('true');

    const fee = page.getByTestId('bank-line').filter({ hasText: 'FRAIS TENUE DE COMPTE MARS 2026' });
    await fee.getByTestId('bank-post').click();
    const dialog = page.getByTestId('bank-post-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('bank-post-account').inputValue()).toBe('627');
    await audit('comptabiliser');
    await page.getByTestId('bank-post-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => fee.getAttribute('data-matched')).toBe('true');
    expect(plain(await fee.textContent())).toContain('Comptabilisée');

    // Keyboard: the EDF debit is chosen with Space on its radio; nothing in the books to match it with.
    const edf = page.getByTestId('bank-line').filter({ hasText: 'PRLV SEPA EDF' });
    await edf.getByRole('radio').focus();
    await page.keyboard.press('Space');
    expect(plain(await page.getByTestId('selection-summary').textContent())).toContain('Relevé : -95,40 €');
    expect(await page.getByTestId('bank-match-selected').isDisabled()).toBe(true);
    await audit('rapprochement après');
  });

  it('shows the état de rapprochement at 31/03 with nothing unexplained', { timeout: 60_000 }, async () => {
    await page.goto(`${stack.baseUrl}${orgPath}/production/treasury/report?date=2026-03-31`);
    await page.getByRole('heading', { level: 1, name: 'État de rapprochement' }).waitFor();
    const status = page.getByTestId('reconciliation-unexplained');
    await status.waitFor();
    expect(await status.getAttribute('data-unexplained')).toBe('0');
    expect(plain(await status.textContent())).toContain('aucun écart inexpliqué');
    expect(plain(await page.getByTestId('reconciliation-bank-start').textContent())).toBe('5 606,60 €');
    expect(plain(await page.getByTestId('reconciliation-books').textContent())).toContain('PRLV SEPA EDF');
    const download = page.waitForEvent('download');
    await page.getByTestId('reconciliation-export-pdf').click();
    expect((await download).suggestedFilename()).toBe('etat-de-rapprochement-2026-03-31.pdf');
    await audit('état de rapprochement');
    expectClean();
  });
});
