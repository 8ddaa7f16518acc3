import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fecFile } from '../support/fec-file.ts';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// An accountant's first morning in Agora: open Comptabilité, type an entry with the keyboard grid
// (an unbalanced one is refused in French before anything is sent), find it numbered in the entries,
// check the trial balance, download the FEC, import one from other software while a bar shows how far the
// file has been read — with axe on every page visited and no console error.

const LABEL = 'Achat de fournitures de bureau';
const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

describe.runIf(browserAvailable)('accounting in a real browser', () => {
  const session = useBrowserSession({ networkIdle: false });
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let orgPath = '';
  const entryPosts: string[] = [];
  let entryNumber = '';

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/ledger\/entries(\/|$)/.test(new URL(request.url()).pathname))
        entryPosts.push(request.url());
    });
  });

  // Strings: the test code is typed for Node, the expressions run in the page.
  const focusedCell = () =>
    page.evaluate<string | null>("document.activeElement?.getAttribute('aria-label') ?? null");
  const subnav = (name: string) =>
    page.getByRole('navigation', { name: 'Comptabilité' }).getByRole('link', { name, exact: true });

  it('logs in and opens Comptabilité', async () => {
    orgPath = await login();

    await page.getByTestId('nav-accounting').click();
    await page.waitForURL(/\/accounting\/entries/);
    await page.getByRole('heading', { level: 1, name: 'Écritures' }).waitFor();
    await page
      .getByTestId('entry-total')
      .filter({ hasText: /écriture/ })
      .waitFor();
    expect(await page.getByTestId('activity-badge').first().textContent()).toContain('2.2');
    await audit('écritures (vide)');
  });

  it('refuses an unbalanced entry typed with the keyboard, then validates it once balanced', async () => {
    await subnav('Saisir une écriture').click();
    await page.getByTestId('entry-grid').waitFor();
    // The grid opens on the journal; the demo's miscellaneous journal and today are already chosen.
    expect(await page.getByLabel('Journal').inputValue()).toBe('OD');
    await audit('saisie');

    const label = page.getByLabel('Libellé', { exact: true });
    await label.click();
    await page.keyboard.type(LABEL);
    await page.keyboard.press('Enter');
    await page.keyboard.type('F-2026-001');
    await page.keyboard.press('Enter');
    // Line 1: the account by its number, Enter, an empty label takes the entry's, then the debit.
    expect(await focusedCell()).toBe('Compte, ligne 1');
    await page.keyboard.type('606');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('120');
    // A debit typed: Enter goes straight to the next line's account.
    await page.keyboard.press('Enter');
    expect(await focusedCell()).toBe('Compte, ligne 2');
    // Found by its label: "banq" then Enter takes the bank account.
    await page.keyboard.type('banq');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('grid-account-1').inputValue()).toBe('512');
    // The label (empty: the entry's), the debit (empty), then the credit.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await focusedCell()).toBe('Crédit, ligne 2');
    await page.keyboard.type('100,00');
    expect(plain(await page.getByTestId('grid-difference').textContent())).toBe(
      'Écart : 20,00 € (trop au débit)',
    );

    await page.getByRole('button', { name: 'Enregistrer et valider' }).click();
    const alert = page.getByTestId('entry-alert');
    await alert.waitFor();
    expect(plain(await alert.textContent())).toContain(
      'L’écriture n’est pas équilibrée : débit 120,00 €, crédit 100,00 € (écart 20,00 €).',
    );
    expect(entryPosts).toEqual([]);
    await audit('saisie refusée');

    // "=" puts the balancing amount on the line; Ctrl+Enter saves and validates.
    await page.getByTestId('grid-credit-1').click();
    await page.keyboard.press('=');
    expect(await page.getByTestId('grid-credit-1').inputValue()).toBe('120,00');
    expect(await page.getByTestId('grid-difference').textContent()).toBe('Écriture équilibrée');
    await page.keyboard.press('Control+Enter');
    const saved = page.getByTestId('entry-last-saved');
    await saved.waitFor();
    entryNumber = /Écriture n° (\d+) \(OD\)/.exec((await saved.textContent()) ?? '')?.[1] ?? '';
    expect(entryNumber).toMatch(/^\d+$/);
    expect(entryPosts.length).toBe(2); // the draft, then its validation
    // The grid starts again for the next entry, on the same journal and date.
    expect(await page.getByLabel('Libellé', { exact: true }).inputValue()).toBe('');
    await audit('saisie enregistrée');
  });

  it('fits a tablet', async () => {
    await page.setViewportSize({ width: 800, height: 1100 });
    await page.getByTestId('entry-grid').waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await audit('saisie (tablette)');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('lists the entry with its number, and shows it', async () => {
    await subnav('Écritures').click();
    // The demo's year of activity fills more than one page of 50: the pages are named and change the list.
    const firstNumber = await page.getByTestId('entry-number').first().textContent();
    await page
      .getByRole('navigation', { name: 'Pages de la liste' })
      .getByRole('button', { name: 'Page 2' })
      .click();
    await page.waitForURL(/[?&]page=2/);
    await expect.poll(() => page.getByTestId('entry-number').first().textContent()).not.toBe(firstNumber);
    // The demo already has entries (its invoices): the text search finds ours.
    await page.getByLabel('Rechercher').fill('fournitures de bureau');
    const row = page.getByTestId('entry-row').filter({ hasText: LABEL });
    await row.waitFor();
    await page.getByTestId('entry-total').filter({ hasText: '1 écriture' }).waitFor();
    expect(await row.getByTestId('entry-number').textContent()).toBe(entryNumber);
    expect(await row.getByTestId('entry-status').textContent()).toBe('Validée');
    await audit('liste des écritures');
    await row.getByRole('link', { name: LABEL }).click();
    await page.getByRole('heading', { level: 1, name: `Écriture n° ${entryNumber} (OD)` }).waitFor();
    expect(await page.getByTestId('entry-detail-line').count()).toBe(2);
    await page.getByTestId('entry-reverse').waitFor();
    await audit('écriture');
  });

  it('shows a balanced trial balance with the accounts used, and its CSV', async () => {
    await subnav('Balance').click();
    const check = page.getByTestId('trial-balance-check');
    await check.waitFor();
    expect(await check.getAttribute('data-balanced')).toBe('true');
    const accounts = await page
      .getByTestId('trial-balance-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-account')));
    expect(accounts).toEqual(expect.arrayContaining(['512', '606']));
    expect(await page.getByTestId('trial-balance-period-debit').textContent()).toBe(
      await page.getByTestId('trial-balance-period-credit').textContent(),
    );
    await audit('balance');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFCompte;Compte auxiliaire;Intitulé;À-nouveaux débit;À-nouveaux crédit;Mouvements débit;Mouvements crédit;Solde débiteur;Solde créditeur',
    );
    expect(text).toMatch(/\r\n606;;[^;\r\n]+;0,00;0,00;\d+,\d\d;/);
    expect(text).toContain('\r\nTotaux;;;');
    expect(csv.suggestedFilename()).toMatch(/^balance-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);

    // The server's PDF and Excel files, under their French names.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/^balance-generale-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('downloads the FEC of the fiscal year', async () => {
    await subnav('FEC').click();
    await page.getByTestId('fec-year').waitFor();
    await audit('FEC');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('fec-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^812345676FEC\d{8}\.txt$/);
    const fec = new TextDecoder('latin1').decode(readFileSync((await download.path())!));
    const lines = fec.split(/\r?\n/).filter(Boolean);
    expect(lines[0]!.split('\t')[0]).toBe('JournalCode');
    expect(lines[0]!.split('\t')).toHaveLength(18);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.filter((l) => l.includes(LABEL))).toHaveLength(2);
  });

  // The demo has a year of entries (decision 0025): the general ledger alone takes ~13 s to render and audit
  // with axe on a quiet machine (37 s for the whole loop), more on a loaded one.
  it('shows the other screens of the section', { timeout: 120_000 }, async () => {
    const screens: [string, string, string][] = [
      ['Plan comptable', 'Plan comptable', 'plan comptable'],
      ['Journaux', 'Journaux', 'journaux'],
      ['Exercices', 'Exercices', 'exercices'],
      ['Grand livre', 'Grand livre', 'grand livre'],
      ['Édition des journaux', 'Édition des journaux', 'édition des journaux'],
      ['Balance âgée', 'Balance âgée', 'balance âgée'],
      ['Lettrage', 'Lettrage', 'lettrage'],
      ['Compte de résultat', 'Compte de résultat', 'compte de résultat'],
      ['Bilan', 'Bilan simplifié', 'bilan'],
    ];
    for (const [link, heading, label] of screens) {
      await subnav(link).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      await audit(label);
    }
    expect(await page.getByTestId('balance-sheet-check').getAttribute('data-balanced')).toBe('true');
    // The general ledger of the bank account, with its running balance.
    await page.goto(`${stack.baseUrl}${orgPath}/accounting/reports/general-ledger?account=512`);
    const ledger = page.getByTestId('general-ledger-account');
    await ledger.getByTestId('general-ledger-line').filter({ hasText: LABEL }).waitFor();
    expect(await ledger.count()).toBe(1);
    expect(await ledger.getAttribute('data-account')).toBe('512');
    await audit('grand livre 512');
  });

  // Last: the 50 000 imported entries would slow the screens above down.
  it('imports a FEC from other software, showing how far the file has been read, then the report', async () => {
    // 100 000 lines (12 MB): a few seconds of import, several polls of its job; two entries unbalanced.
    const today = new Date().toISOString().slice(0, 10);
    const path = join(mkdtempSync(join(tmpdir(), 'agora-fec-e2e-')), '812345676FEC-autre-logiciel.txt');
    writeFileSync(path, fecFile(50_000, today, [7, 49_000]));
    const requests: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.includes('/ledger/fec/import')) requests.push(`${request.method()} ${pathname}`);
    });
    await subnav('FEC').click();
    await page.getByTestId('fec-file').waitFor();
    // Every state the bar goes through, as a screen reader would read it (name, then value).
    await page.evaluate(`(() => {
      window.fecBar = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="fec-import-progress"] [role="progressbar"]');
        if (!bar) return;
        const state = bar.getAttribute('aria-label') + ' | ' + bar.getAttribute('aria-valuenow');
        if (window.fecBar.at(-1) !== state) window.fecBar.push(state);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    })()`);
    await page.locator('input[type="file"]').setInputFiles(path);
    await page.getByTestId('fec-import').click();
    await page.getByRole('progressbar', { name: /^Lecture du fichier : \d+ %$/ }).waitFor();
    await audit('import FEC en cours');
    const report = page.getByTestId('fec-import-report');
    await report.waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('fec-import-progress').count()).toBe(0);

    const states = await page.evaluate<string[]>('window.fecBar');
    const reading = states
      .map((s) => /^Lecture du fichier : (\d+) % \| (\d+)$/.exec(s))
      .filter((m) => m !== null)
      .map((m) => [Number(m[1]), Number(m[2])]);
    // The label and aria-valuenow agree; the bar only moves forward, and was seen between the ends.
    for (const [label, value] of reading) expect(label).toBe(value);
    const values = reading.map(([v]) => v);
    expect(values).toEqual([...values].sort((a, b) => a! - b!));
    expect(values.some((v) => v! > 0 && v! < 100)).toBe(true);
    expect(requests[0]).toMatch(/^POST \/api\/v1\/orgs\/[^/]+\/ledger\/fec\/imports$/);
    expect(requests.filter((r) => /^GET .*\/fec\/imports\/[^/]+$/.test(r)).length).toBeGreaterThanOrEqual(2);
    expect(requests.some((r) => r.endsWith('/fec/import'))).toBe(false);

    expect(plain(await report.getByRole('status').textContent())).toBe(
      'Import terminé : 49998 écriture(s) importée(s), 4 ligne(s) refusée(s).',
    );
    expect(await page.getByTestId('fec-figure-entries').textContent()).toBe('49998');
    expect(await page.getByTestId('fec-figure-lines').textContent()).toBe('99996');
    const refused = await page
      .getByTestId('fec-rejected')
      .locator('tbody tr td:first-child')
      .allTextContents();
    expect(refused).toEqual(['14', '15', '98000', '98001']);
    await audit('import FEC terminé');
  }, 150_000);

  it('found no serious or critical accessibility violation and no console error', () => expectClean());
});
