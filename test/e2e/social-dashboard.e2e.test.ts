import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, employeeInput, recordDeparture } from '../../src/personnel/index.ts';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.ts';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The HR officer of a small firm opens Personnel › Tableau de bord social on 30 June 2026. Three
// employees, by hand: Anne (CDI, 35 h, hired 2024), Bruno (CDD 28 h from 1 March to 31 July 2026), Chloé
// (CDI, 35 h, hired 2 January 2026, left 15 May 2026). Headcount 2; FTE (35 + 28) ÷ 35 = 1,8; entries 2
// (Bruno, Chloé), exit 1; month ends Jan 2, Feb 2, Mar 3, Apr 3, May 2, Jun 2 → average 14 ÷ 6;
// turnover (3 ÷ 2) ÷ (14 ÷ 6) = 9 ÷ 14 = 64,3 %; Bruno's CDD ends in 31 days.

const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ').trim();

describe.runIf(browserAvailable)('the social dashboard in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let user: { id: string; email: string };
  let orgId = '';

  beforeAll(async () => {
    stack = session.stack;
    page = session.page;
    const db = stack.store.db;
    user = await buildUser(db, { name: 'Hélène RH' });
    orgId = (await buildOrganisation(db, user.id, { name: 'Imprimerie Vidal' })).id;
    const hire = (over: Record<string, unknown>) =>
      db.transaction().execute((trx) =>
        createEmployee(
          trx,
          orgId,
          employeeInput.parse({
            sex: 'F',
            birthDate: '1988-02-14',
            nationality: 'Française',
            jobTitle: 'Opérateur PAO',
            category: 'employee',
            contractType: 'cdi',
            weeklyHours: 3500,
            monthlyGross: 220000,
            ...over,
          }),
          null,
        ),
      );
    await hire({ lastName: 'Arnaud', firstName: 'Anne', hireDate: '2024-09-02' });
    await hire({
      lastName: 'Bonnet',
      firstName: 'Bruno',
      sex: 'M',
      birthDate: '1999-12-01',
      contractType: 'cdd',
      weeklyHours: 2800,
      hireDate: '2026-03-01',
      contractEnd: '2026-07-31',
    });
    const chloe = await hire({ lastName: 'Colin', firstName: 'Chloé', hireDate: '2026-01-02' });
    await db
      .transaction()
      .execute((trx) =>
        recordDeparture(trx, orgId, chloe.id, { leftOn: '2026-05-15', reason: 'resignation' }, null),
      );
  }, 60_000);

  it('opens Personnel › Tableau de bord social and reads the figures of 30 June', {
    timeout: 60_000,
  }, async () => {
    await login({ email: user.email, password: TEST_PASSWORD });
    await page.getByTestId('nav-personnel').click();
    await page.getByTestId('subnav-social-dashboard').click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord social' }).waitFor();
    await page.getByTestId('social-as-of').fill('2026-06-30');
    await page.getByTestId('social-headcount').getByText('2', { exact: true }).waitFor();
    expect(page.url()).toContain('asOf=2026-06-30');
    expect(plain(await page.getByTestId('social-fte').textContent())).toBe('1,8');
    expect(plain(await page.getByTestId('social-movements').textContent())).toBe('2 / 1');
    expect(plain(await page.getByTestId('social-turnover').textContent())).toBe('64,3 %');
    expect(plain(await page.getByTestId('social-ending-soon').textContent())).toContain('Bruno Bonnet');
    expect(plain(await page.getByTestId('social-ending-soon').textContent())).toContain('dans 31 jours');
    expect(plain(await page.getByTestId('social-by-contract').textContent())).toBe('CDD1CDI1');
    await audit('tableau de bord social');
    expectClean();
  });
});
