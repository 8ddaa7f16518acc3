import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, employeeInput } from '../../src/personnel/index.ts';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The owner asks a week of paid leave for an employee by keyboard and sees 6 jours ouvrables counted live
// (Monday to Friday, the Saturday before work resumes: CIBTP Centre's example), approves it, refuses a
// training day with a reason, then finds the week in January's planning and in the balance — axe on every
// page, no console error. Hired 1 September 2025: 9 × 2,5 = 22,5 → 23 days for the period ended 31 May
// 2026 (L3141-7), June 2026 – January 2027 acquire 8 × 2,5 = 20: 23 + 20 − 6 = 37 days left on 31 January.

const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

describe.runIf(browserAvailable)('leave and absences in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let orgPath = '';
  const lastName = `Lefèvre${Date.now().toString(36).slice(-4)}`;
  const name = `${lastName} Camille`;

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  it('opens Personnel › Congés et absences and asks a week of paid leave, counted live', {
    timeout: 60_000,
  }, async () => {
    orgPath = await login();
    const orgId = orgPath.split('/').pop()!;
    await stack.store.db.transaction().execute((trx) =>
      createEmployee(
        trx,
        orgId,
        employeeInput.parse({
          lastName,
          firstName: 'Camille',
          sex: 'M',
          birthDate: '1995-05-17',
          nationality: 'Française',
          jobTitle: 'Agent administratif',
          category: 'employee',
          contractType: 'cdi',
          weeklyHours: 3500,
          monthlyGross: 200000,
          hireDate: '2025-09-01',
        }),
        null,
      ),
    );
    await page.goto(`${stack.baseUrl}${orgPath}/personnel/leave`);
    await page.getByRole('heading', { level: 1, name: 'Congés et absences' }).waitFor();
    expect(await page.getByTestId('subnav-leave').getAttribute('aria-current')).toBe('page');
    await audit('congés et absences');

    await page.getByTestId('leave-new').click();
    await page.getByRole('heading', { level: 1, name: 'Nouvelle demande de congé ou d’absence' }).waitFor();
    await page.getByLabel('Salarié').selectOption({ label: name });
    await page.getByLabel('Type d’absence').selectOption({ label: 'Congés payés' });
    await page.getByLabel('Premier jour', { exact: true }).fill('2027-01-04');
    await page.getByLabel('Dernier jour', { exact: true }).fill('2027-01-08');
    expect(plain(await page.getByTestId('leave-live-count').textContent())).toBe(
      '6 jour(s) ouvrable(s) décompté(s)',
    );
    await page.getByTestId('leave-live-balance').waitFor();
    expect(plain(await page.getByTestId('leave-live-balance').textContent())).toMatch(
      /^Solde disponible au 04\/01\/2027 : /,
    );
    // Two weeks over New Year's Day 2027 (a Friday): 12 − 1 = 11, the holiday named and not counted.
    await page.getByLabel('Premier jour', { exact: true }).fill('2026-12-28');
    expect(plain(await page.getByTestId('leave-live-count').textContent())).toBe(
      '11 jour(s) ouvrable(s) décompté(s)',
    );
    expect(plain(await page.getByTestId('leave-live').textContent())).toContain('Jour de l’an (01/01/2027)');
    await page.getByLabel('Premier jour', { exact: true }).fill('2027-01-04');
    await audit('nouvelle demande');
    await page.getByLabel('Commentaire').fill('Vacances d’hiver');
    await page.getByLabel('Commentaire').press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Congés et absences' }).waitFor();
    const row = page.getByTestId('leave-row').filter({ hasText: name });
    await row.waitFor();
    expect(plain(await row.getByTestId('leave-status').textContent())).toBe('Demandée');
    expect(plain(await row.textContent())).toContain('6 j. ouvrables');
  });

  it('approves it, and refuses a training day with a reason', { timeout: 60_000 }, async () => {
    const row = page.getByTestId('leave-row').filter({ hasText: name });
    await row.getByTestId('leave-approve').click();
    await row.getByTestId('leave-status').getByText('Acceptée', { exact: true }).waitFor();

    await page.getByTestId('leave-new').click();
    await page.getByLabel('Salarié').selectOption({ label: name });
    await page.getByLabel('Type d’absence').selectOption({ label: 'Formation' });
    await page.getByLabel('Premier jour', { exact: true }).fill('2027-01-13');
    await page.getByLabel('Dernier jour', { exact: true }).fill('2027-01-13');
    expect(plain(await page.getByTestId('leave-live-count').textContent())).toBe(
      '1 jour(s) ouvré(s) d’absence',
    );
    await page.getByTestId('leave-save').click();
    const training = page.getByTestId('leave-row').filter({ hasText: name }).filter({ hasText: 'Formation' });
    await training.waitFor();
    await training.getByTestId('leave-refuse').click();
    await page.getByTestId('leave-refuse-form').waitFor();
    await audit('refus motivé');
    await page.getByTestId('leave-refuse-reason').fill('Clôture des comptes');
    await page.getByTestId('leave-refuse-submit').click();
    await training.getByTestId('leave-status').getByText('Refusée', { exact: true }).waitFor();
    expect(plain(await training.textContent())).toContain('Clôture des comptes');
    await audit('demandes décidées');
  });

  it('shows the week in January’s planning and in the balance', { timeout: 60_000 }, async () => {
    await page.getByTestId('subnav-leave-planning').click();
    await page.getByRole('heading', { level: 1, name: 'Planning des absences' }).waitFor();
    await page.goto(`${stack.baseUrl}${orgPath}/personnel/leave/planning?month=2027-01`);
    const row = page.getByTestId('planning-row').filter({ hasText: name });
    await row.waitFor();
    // 4 to 8 January: five days marked paid leave, approved; the refused training day is not shown.
    const cells = row.getByTestId('planning-cell');
    expect(await cells.count()).toBe(5);
    expect(await row.locator('[data-type="paid_leave"][data-status="approved"]').count()).toBe(5);
    expect(plain(await cells.first().textContent())).toContain('CP');
    // 1 January (holiday), 2 and 3 (weekend) are shaded; 4 is not.
    const days = page.getByTestId('planning-day');
    expect(await days.nth(0).getAttribute('data-off')).toBe('true');
    expect(await days.nth(2).getAttribute('data-off')).toBe('true');
    expect(await days.nth(3).getAttribute('data-off')).toBe('false');
    await audit('planning des absences');

    await page.goto(`${stack.baseUrl}${orgPath}/personnel/leave/balances?asOf=2027-01-31`);
    await page.getByRole('heading', { level: 1, name: 'Soldes de congés payés' }).waitFor();
    const balance = page.getByTestId('balance-row').filter({ hasText: name });
    await balance.waitFor();
    expect(plain(await balance.getByTestId('balance-taken').textContent())).toBe('6');
    expect(plain(await balance.getByTestId('balance-remaining').textContent())).toBe('37');
    await audit('soldes de congés');
    expectClean();
  });
});
