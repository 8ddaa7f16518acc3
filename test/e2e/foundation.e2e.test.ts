import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The demo user's day one: log in, find the parties, create one, find it, export the list — with axe
// on every page visited and no console error (a CSP refusal shows up there).
// Stored XSS attempt: rendered as text, its handler never runs (and the CSP would refuse it anyway).
const XSS_NAME = `Cabinet Lemoine <img src=x onerror="document.title='pwned'">`;

describe.runIf(browserAvailable)('foundation in a real browser', () => {
  const session = useBrowserSession({ networkIdle: false });
  const { audit, expectClean } = session;
  let stack: Running;
  let page: Page;

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  it('logs in as the demo user', async () => {
    await page.goto(stack.baseUrl);
    await page.getByLabel('Adresse e-mail').waitFor();
    await audit('connexion');
    await page.getByLabel('Adresse e-mail').fill('demo@agora.test');
    await page.getByLabel('Mot de passe').fill('mauvais');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    await page.getByLabel('Mot de passe').fill('demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/orgs\/[^/]+/);
    await page.getByText('Les Ateliers du Val').first().waitFor();
    await audit('accueil');
    // Every area is built: the menu says « À venir » of none.
    const soon = {
      'nav-relations': 0,
      'nav-production': 0,
      'nav-personnel': 0,
      'nav-accounting': 0,
      'nav-training': 0,
    };
    for (const [testId, count] of Object.entries(soon))
      expect(await page.getByTestId(testId).getByText('À venir').count(), testId).toBe(count);
  });

  it('finds the demo parties, creates a party and finds it in the list', { timeout: 60_000 }, async () => {
    await page.getByRole('link', { name: /Tiers/ }).first().click();
    await page.waitForURL(/\/parties/);
    await page.getByTestId('party-row').filter({ hasText: 'Boulangerie Martin' }).waitFor();
    await audit('liste des tiers');

    await page.getByRole('button', { name: 'Nouveau tiers' }).click();
    await page.getByLabel('Nom', { exact: true }).waitFor();
    await audit('formulaire tiers');
    // An empty form is refused with French messages and nothing is created.
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Le nom est obligatoire.').first().waitFor();

    await page.getByLabel('Nom', { exact: true }).fill(XSS_NAME);
    await page.getByRole('checkbox', { name: 'Client' }).check();
    await page.getByLabel('E-mail', { exact: true }).fill('contact@lemoine.example');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/new'));

    await page.goto(page.url().replace(/\/parties.*$/, '/parties'));
    await page.getByLabel('Rechercher').fill('lemoine');
    const row = page.getByTestId('party-row').filter({ hasText: 'Cabinet Lemoine' });
    await row.waitFor();
    // The search is debounced: the other parties leave the list once it applies.
    await page
      .getByTestId('party-row')
      .filter({ hasText: 'Boulangerie Martin' })
      .waitFor({ state: 'detached' });
    expect(await page.getByTestId('party-row').count()).toBe(1);
    // The stored markup is shown as text, never run.
    expect(await row.first().textContent()).toContain('<img src=x');
    expect(await page.title()).not.toBe('pwned');
  });

  it('exports the list as CSV and XLSX with what the screen shows', async () => {
    await page.getByLabel('Rechercher').fill('');
    await page.getByTestId('party-row').filter({ hasText: 'Boulangerie Martin' }).waitFor();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporter CSV' }).click(),
    ]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.split('\r\n')[0]).toContain('Nom;Type;Rôles');
    expect(csvText).toContain('Boulangerie Martin');
    expect(csvText).toContain('Cabinet Lemoine');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporter Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    const names = workbook.getWorksheet('Tiers')!.getColumn(1).values.filter(Boolean);
    expect(names).toContain('Boulangerie Martin');
    expect(names).toContain(XSS_NAME);

    // Archived from its row (the button names the party), it leaves the list of active parties.
    const row = page.getByTestId('party-row').filter({ hasText: 'Cabinet Lemoine' });
    await row.getByRole('button', { name: /^Archiver Cabinet Lemoine/ }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('party-row').filter({ hasText: 'Boulangerie Martin' }).waitFor();
  });

  it('shows the organisation settings and the users with their roles', async () => {
    const orgPath = new URL(page.url()).pathname.replace(/\/parties.*$/, '');
    await page.goto(`${stack.baseUrl}${orgPath}/settings`);
    // A string: the test code is typed for Node, the predicate runs in the page.
    const name = page.getByLabel('Nom de l’organisation');
    await name.waitFor();
    expect(await name.inputValue()).toBe('Les Ateliers du Val');
    await audit('paramètres');
    await page.goto(`${stack.baseUrl}${orgPath}/settings/users`);
    await page.getByText('demo@agora.test').waitFor();
    await audit('utilisateurs');
  });

  it('found no serious or critical accessibility violation and no console error', () => {
    // The one expected error: the browser logs the 401 of the deliberately wrong password.
    expectClean('status of 401');
  });
});
