import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AxeFinding,
  browserAvailable,
  type Running,
  seriousViolations,
  startBrowserStack,
  stopBrowserStack,
  watchConsole,
} from './browser.ts';

// The demo user's day one: log in, find the parties, create one, find it, export the list — with axe
// on every page visited and no console error (a CSP refusal shows up there).
describe.runIf(browserAvailable)('foundation in a real browser', () => {
  let stack: Running;
  let page: Page;
  let consoleErrors: string[];
  const findings: AxeFinding[] = [];

  beforeAll(async () => {
    stack = await startBrowserStack();
    const context = await stack.browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
    page = await context.newPage();
    consoleErrors = watchConsole(page);
  }, 60_000);
  afterAll(async () => {
    await stopBrowserStack(stack);
  });

  const audit = async (label: string) => {
    findings.push(...(await seriousViolations(page, label)));
  };

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
  });

  it('finds the demo parties, creates a party and finds it in the list', async () => {
    await page.getByRole('link', { name: /Tiers/ }).first().click();
    await page.waitForURL(/\/parties/);
    await page.getByRole('cell', { name: 'Boulangerie Martin' }).waitFor();
    await audit('liste des tiers');

    await page
      .getByRole('link', { name: 'Nouveau tiers' })
      .or(page.getByRole('button', { name: 'Nouveau tiers' }))
      .first()
      .click();
    await page.getByLabel('Nom', { exact: true }).waitFor();
    await audit('formulaire tiers');
    // An empty form is refused with French messages and nothing is created.
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Le nom est obligatoire.').first().waitFor();

    await page.getByLabel('Nom', { exact: true }).fill('Cabinet Lemoine <script>alert(1)</script>');
    await page
      .getByLabel('E-mail', { exact: true })
      .or(page.getByLabel('Adresse e-mail', { exact: true }))
      .first()
      .fill('contact@lemoine.example');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/parties(\/[^/]+)?$/);

    await page.goto(page.url().replace(/\/parties.*$/, '/parties'));
    await page.getByLabel('Rechercher').fill('lemoine');
    const row = page.getByRole('cell', { name: /Cabinet Lemoine/ });
    await row.waitFor();
    expect(await page.getByRole('cell', { name: 'Boulangerie Martin' }).count()).toBe(0);
    // The injected markup is shown as text, never run.
    expect(await row.first().textContent()).toContain('<script>');
  });

  it('exports the list as CSV and XLSX with what the screen shows', async () => {
    await page.getByLabel('Rechercher').fill('');
    await page.getByRole('cell', { name: 'Boulangerie Martin' }).waitFor();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', { name: 'Exporter CSV' })
        .or(page.getByRole('button', { name: 'Exporter CSV' }))
        .first()
        .click(),
    ]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.split('\r\n')[0]).toContain('Nom;Type;Rôles');
    expect(csvText).toContain('Boulangerie Martin');
    expect(csvText).toContain('Cabinet Lemoine');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', { name: 'Exporter Excel' })
        .or(page.getByRole('button', { name: 'Exporter Excel' }))
        .first()
        .click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    const names = workbook.getWorksheet('Tiers')!.getColumn(1).values.filter(Boolean);
    expect(names).toContain('Boulangerie Martin');
    expect(names).toContain('Cabinet Lemoine <script>alert(1)</script>');
  });

  it('shows the organisation settings and the users with their roles', async () => {
    const orgPath = new URL(page.url()).pathname.replace(/\/parties.*$/, '');
    await page.goto(`${stack.baseUrl}${orgPath}/settings`);
    // A string: the test code is typed for Node, the predicate runs in the page.
    await page.waitForFunction(
      `[...document.querySelectorAll('input')].some((i) => i.value === 'Les Ateliers du Val')`,
    );
    await audit('paramètres');
    await page.goto(`${stack.baseUrl}${orgPath}/settings/users`);
    await page.getByText('demo@agora.test').waitFor();
    await audit('utilisateurs');
  });

  it('found no serious or critical accessibility violation and no console error', () => {
    expect(findings).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
