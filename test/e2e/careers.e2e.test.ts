import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The assistant publishes a job offer, records an application, hires the applicant through the employee
// form prefilled from the application — the new employee is in the personnel list and has an onboarding
// checklist — then records a training action and enrols the new employee. Axe on every page.

const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

describe.runIf(browserAvailable)('recruitment and staff training in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let orgPath = '';
  const lastName = `Perrin${Date.now().toString(36).slice(-4)}`;

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  it('publishes an opening and records an application', { timeout: 60_000 }, async () => {
    orgPath = await login();
    await page.goto(`${stack.baseUrl}${orgPath}/personnel/recruitment`);
    await page.getByRole('heading', { level: 1, name: 'Recrutement' }).waitFor();
    expect(await page.getByTestId('subnav-recruitment').getAttribute('aria-current')).toBe('page');
    await audit('recrutement');
    await page.getByTestId('opening-new').click();
    await page.getByTestId('opening-title').fill('Agent d’accueil H/F');
    await page
      .getByTestId('opening-description')
      .fill('Accueil du public et du téléphone, courrier, agenda.');
    await audit('nouvelle offre');
    await page.getByTestId('opening-submit').click();
    await page.getByRole('heading', { level: 1, name: 'Agent d’accueil H/F' }).waitFor();
    expect(plain(await page.getByTestId('opening-status').textContent())).toBe('Brouillon');
    await page.getByTestId('opening-publish').click();
    await page.getByTestId('opening-status').getByText('Publiée').waitFor();
    await page.getByTestId('applicant-new').click();
    await page.getByTestId('applicant-last-name').fill(lastName);
    await page.getByTestId('applicant-first-name').fill('Léna');
    await page.getByTestId('applicant-submit').click();
    await page.getByTestId('applicant-row').filter({ hasText: lastName }).waitFor();
    await audit('offre et candidatures');
  });

  it('hires the applicant: the employee file is prefilled and the employee is in the list', {
    timeout: 60_000,
  }, async () => {
    await page.getByTestId('applicant-hire').click();
    await page.getByRole('heading', { level: 1, name: `Embaucher Léna ${lastName}` }).waitFor();
    expect(await page.getByTestId('employee-lastName').inputValue()).toBe(lastName);
    expect(await page.getByTestId('employee-jobTitle').inputValue()).toBe('Agent d’accueil');
    await page.getByTestId('employee-sex').selectOption('F');
    await page.getByTestId('employee-birthDate').fill('12/04/1995');
    await page.getByTestId('employee-hireDate').fill('02/11/2026');
    await page.getByTestId('employee-monthlyGross').fill('1 900,00');
    await audit('embauche');
    await page.getByTestId('employee-save').click();
    await page.getByRole('heading', { level: 1, name: `${lastName.toUpperCase()} Léna` }).waitFor();
    await page.getByTestId('subnav-employees').click();
    await page.getByTestId('employee-row').filter({ hasText: lastName.toUpperCase() }).waitFor();
    await page.getByTestId('subnav-checklists').click();
    await page.getByRole('heading', { level: 1, name: 'Intégration et départs' }).waitFor();
    const dpae = page.getByTestId('checklist-row').filter({ hasText: lastName }).filter({ hasText: 'DPAE' });
    await dpae.waitFor();
    expect(plain(await dpae.textContent())).toContain('01/11/2026');
    await audit('intégration et départs');
  });

  it('records a training action and enrols the new employee', { timeout: 60_000 }, async () => {
    await page.getByTestId('subnav-staff-training').click();
    await page.getByRole('heading', { level: 1, name: 'Formation professionnelle' }).waitFor();
    await page.getByTestId('action-new').click();
    await page.getByTestId('action-title').fill('Accueil des publics difficiles');
    await page.getByTestId('action-provider').fill('CNFPT');
    const year = new Date().getFullYear();
    await page.getByTestId('action-starts').fill(`${year}-03-09`);
    await page.getByTestId('action-ends').fill(`${year}-03-10`);
    await page.getByTestId('action-hours').fill('14');
    await page.getByTestId('action-cost').fill('600');
    await page.getByTestId('action-submit').click();
    const row = page.getByTestId('action-row').filter({ hasText: 'Accueil des publics difficiles' });
    await row.waitFor();
    await row.getByTestId('action-enrol').selectOption({ label: `${lastName} Léna` });
    await row.getByText(`${lastName} Léna`).waitFor();
    await page.getByTestId('summary-table').getByText(`${lastName} Léna`).waitFor();
    expect(plain(await page.getByTestId('summary-total').textContent())).toContain('14 h prévues');
    await audit('formation professionnelle');
    expectClean();
  });
});
