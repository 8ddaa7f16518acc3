import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDateFr, todayIn } from '../../src/kernel/dates/index.ts';
import { createEmployee, employeeInput } from '../../src/personnel/index.ts';
import { buildParty } from '../support/factories.ts';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The assistant registers a maintenance contract with tacit renewal and a 1-month notice, finds its notice
// deadline in the échéancier; then adds the archive room's key, lends it to an employee, sees it out in
// the catalogue and the registre des prêts, and records its return — axe on every page, no console error.

const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

describe.runIf(browserAvailable)('the workplace in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let orgPath = '';
  const tag = Date.now().toString(36).slice(-4);
  const provider = `Copieurs Alpins ${tag}`;
  const lastName = `Perrin${tag}`;
  const keyName = `Clé du local archives ${tag}`;
  const today = todayIn();
  // Started 11 months ago for 12 months: the term ends in a month, so the 1-month notice falls within 30 days.
  const start = addDays(today, -330);

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  it('registers a contract and finds its notice deadline in the échéancier', {
    timeout: 60_000,
  }, async () => {
    orgPath = await login();
    const orgId = orgPath.split('/').pop()!;
    await buildParty(stack.store.db, orgId, { name: provider, roles: ['provider'] });
    await stack.store.db.transaction().execute((trx) =>
      createEmployee(
        trx,
        orgId,
        employeeInput.parse({
          lastName,
          firstName: 'Luc',
          sex: 'M',
          birthDate: '1990-01-15',
          nationality: 'Française',
          jobTitle: 'Agent d’accueil',
          category: 'employee',
          contractType: 'cdi',
          weeklyHours: 3500,
          monthlyGross: 190000,
          hireDate: '2024-01-08',
        }),
        null,
      ),
    );
    await page.goto(`${stack.baseUrl}${orgPath}/production/workplace/contracts`);
    await page
      .getByRole('heading', { level: 1, name: 'Contrats de maintenance, abonnements et licences' })
      .waitFor();
    expect(await page.getByTestId('subnav-contracts').getAttribute('aria-current')).toBe('page');
    await page.getByTestId('contract-new').click();
    await page.getByTestId('contract-form').waitFor();
    await page.getByLabel('Prestataire').selectOption({ label: provider });
    await page.getByLabel('Objet').fill('Maintenance du copieur');
    await page.getByLabel('Référence du contrat').fill(`MC-${tag}`);
    await page.getByLabel('Date de début').fill(start);
    await page.getByLabel('Préavis', { exact: true }).fill('1');
    await page.getByLabel('Montant HT').fill('45,00');
    await audit('nouveau contrat');
    await page.getByTestId('contract-save').click();
    const row = page.getByTestId('contract-row').filter({ hasText: provider });
    await row.waitFor();
    expect(plain(await row.textContent())).toContain('45,00 € HT par mois');
    // Corrected: the price went up.
    await row.getByTestId('contract-edit').click();
    const edit = page.getByRole('dialog', { name: 'Modifier « Maintenance du copieur »' });
    await edit.getByLabel('Montant HT').fill('49,90');
    await edit.getByTestId('contract-save').click();
    await row.getByText('49,90 € HT par mois').waitFor();
    expect(plain(await row.getByTestId('contract-status').textContent())).toBe('Préavis proche');
    const deadline = plain(await row.getByTestId('contract-deadline').textContent());
    await audit('registre des contrats');

    await page.getByTestId('subnav-deadlines').click();
    await page.getByRole('heading', { level: 1, name: 'Échéancier des contrats' }).waitFor();
    const event = page
      .getByTestId('deadline-row')
      .filter({ hasText: `MC-${tag}` })
      .filter({ hasText: 'Date limite de résiliation' });
    await event.waitFor();
    expect(plain(await event.textContent())).toContain(deadline.slice(0, 10));
    expect(deadline).toMatch(/^\d{2}\/\d{2}\/\d{4}/);
    await page.getByTestId('cost-row').filter({ hasText: 'Contrat de maintenance' }).waitFor();
    await audit('échéancier');
  });

  it('lends a key to an employee and records its return', { timeout: 60_000 }, async () => {
    await page.getByTestId('subnav-resources').click();
    await page.getByRole('heading', { level: 1, name: 'Ressources partagées' }).waitFor();
    await page.getByTestId('resource-new').click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle ressource' });
    await dialog.getByRole('textbox', { name: 'Ressource' }).fill(keyName);
    await dialog.getByLabel('Catégorie').selectOption({ label: 'Clé' });
    await dialog.getByLabel('Identifiant ou n° de série').fill('K-7');
    await page.getByTestId('resource-save').click();
    const row = page.getByTestId('resource-row').filter({ hasText: keyName });
    await row.waitFor();
    expect(plain(await row.getByTestId('resource-situation').textContent())).toBe('Disponible');

    await row.getByTestId('resource-lend').click();
    await page.getByTestId('loan-form').waitFor();
    await page.getByTestId('loan-employee').selectOption({ label: `${lastName} Luc` });
    await page.getByTestId('loan-due').fill(addDays(today, 2));
    await audit('prêt');
    await page.getByTestId('loan-save').click();
    await row.getByTestId('resource-situation').getByText('Prêtée', { exact: true }).waitFor();
    expect(plain(await row.textContent())).toContain(
      `à ${lastName} Luc, retour prévu le ${formatDateFr(addDays(today, 2))}`,
    );
    await audit('ressource prêtée');

    await row.getByTestId('resource-return').click();
    await page.getByTestId('return-form').waitFor();
    await page.getByTestId('return-remarks').fill('Rendue à l’accueil');
    await page.getByTestId('return-save').click();
    await row.getByTestId('resource-situation').getByText('Disponible', { exact: true }).waitFor();

    await page.goto(`${stack.baseUrl}${orgPath}/production/workplace/loans`);
    await page.getByRole('heading', { level: 1, name: 'Registre des prêts' }).waitFor();
    const loan = page.getByTestId('loan-row').filter({ hasText: keyName });
    await loan.waitFor();
    expect(plain(await loan.getByTestId('loan-returned').textContent())).toBe(formatDateFr(today));
    expect(plain(await loan.textContent())).toContain('Rendue à l’accueil');
    await audit('registre des prêts');
    expectClean();
  });
});
