import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, employeeInput } from '../../src/personnel/index.ts';
import { pdfText } from '../support/pdf-text.ts';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The owner prepares the March 2026 pay of a full-time employee at the SMIC (company of fewer than 11, AT/MP
// 0,70 %), enters 4 overtime hours at 25 %, validates (payslip BP-2026-0003 after the demo's two employees, entry in PA), downloads the
// payslip PDF and pays the net salaries — axe on every state, no console error.
// By hand: SMIC 1 823,03 € → net 1 443,09 €, employer cost 1 854,14 € (payslip-calc.test.ts); 4 h at
// 1 823,03 ÷ 151,67 × 1,25 = 60,1005 → 60,10 € → gross 1 883,13 €.

const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

describe.runIf(browserAvailable)('payroll in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  it('prepares March from Personnel › Paie and sees the SMIC payslip figures', {
    timeout: 60_000,
  }, async () => {
    const orgPath = await login();
    const orgId = orgPath.split('/')[2]!;
    await stack.store.db.transaction().execute((trx) =>
      createEmployee(
        trx,
        orgId,
        employeeInput.parse({
          lastName: 'Lefèvre',
          firstName: 'Inès',
          sex: 'F',
          birthDate: '1998-06-21',
          nationality: 'Française',
          jobTitle: 'Agente d’accueil',
          category: 'employee',
          contractType: 'cdi',
          weeklyHours: 3500,
          monthlyGross: 182303,
          hireDate: '2026-02-02',
        }),
        null,
      ),
    );
    await page.getByTestId('nav-personnel').click();
    await page.getByTestId('subnav-payroll').click();
    await page.getByRole('heading', { level: 1, name: 'Paie' }).waitFor();
    await page.getByTestId('payroll-month').selectOption('2026-03');
    await page.getByTestId('payroll-create').waitFor();
    await page.getByTestId('payroll-at-mp').fill('0,70');
    await audit('paie à préparer');
    await page.getByTestId('payroll-create-submit').click();
    const row = page.getByTestId('payroll-slip').filter({ hasText: 'LEFÈVRE Inès' });
    await row.waitFor();
    expect(plain(await row.getByTestId('payroll-slip-gross').textContent())).toBe('1 823,03 €');
    expect(plain(await row.getByTestId('payroll-slip-net').textContent())).toBe('1 443,09 €');
    expect(plain(await row.getByTestId('payroll-slip-cost').textContent())).toBe('1 854,14 €');
    expect(plain(await page.getByTestId('payroll-status').textContent())).toBe('En préparation');
    await row.getByTestId('payroll-slip-detail').click();
    expect(plain(await page.getByTestId('payroll-lines').textContent())).toContain(
      'Sécurité sociale plafonnée',
    );
    await audit('paie en préparation');
  });

  it('enters overtime, validates with confirmation, downloads the payslip and pays', {
    timeout: 60_000,
  }, async () => {
    const row = page.getByTestId('payroll-slip').filter({ hasText: 'LEFÈVRE Inès' });
    await row.getByTestId('payroll-slip-items').click();
    await page.getByTestId('payroll-item-overtime25Hours').fill('4');
    await audit('éléments variables');
    await page.getByTestId('payroll-items-save').click();
    await row.getByTestId('payroll-slip-gross').getByText('1 883,13 €').waitFor();
    expect(plain(await page.getByTestId('payroll-pay-summary').textContent())).toContain(
      'heures supplémentaires 60,10 €',
    );
    // The overtime reduction of employee contributions: 60,10 × 11,31 % = 6,80 €.
    expect(plain(await page.getByTestId('payroll-lines').textContent())).toContain('11,31 %-6,80 €');

    await page.getByTestId('payroll-validate').click();
    await page.getByTestId('payroll-validate-dialog').waitFor();
    await audit('confirmation de validation');
    await page.getByTestId('payroll-validate-confirm').click();
    await page.getByTestId('payroll-status').getByText('Validée, à payer').waitFor();
    // The demo's two employees present in March 2026 (register numbers 1 and 2, src/demo/personnel.ts)
    // take BP-2026-0001 and 0002: Inès, entered after them, has the third payslip.
    expect(plain(await row.textContent())).toContain('BP-2026-0003');
    expect(await page.getByTestId('payroll-entry-link').count()).toBe(1);

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      row.getByTestId('payroll-slip-pdf').click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('bulletin-2026-03-lefevre-BP-2026-0003.pdf');
    const text = pdfText(readFileSync((await pdf.path())!)).replace(/\s+/g, ' ');
    expect(text).toContain('Bulletin de paie – mars 2026');
    expect(text).toContain('LEFÈVRE Inès');
    expect(text).toMatch(/Heures supplémentaires majorées à 25 % 4,00 h 60,10/);
    expect(text).toMatch(/SALAIRE BRUT 1 883,13/);
    expect(text).toContain('NET PAYÉ');

    expect(await page.getByTestId('payroll-payment-date').inputValue()).toBe('2026-03-31');
    await audit('paie validée');
    await page.getByTestId('payroll-pay').click();
    await page.getByTestId('payroll-status').getByText('Payée le 31/03/2026').waitFor();
    expect(await page.getByTestId('payroll-pay').count()).toBe(0);
    expect(plain(await page.getByTestId('payroll-runs').textContent())).toContain('mars 2026');
    await audit('paie payée');
    // April starts from March's headcount band and rates.
    await page.getByTestId('payroll-month').selectOption('2026-04');
    await page.getByTestId('payroll-create-previous').getByText('mars 2026', { exact: false }).waitFor();
    expect(await page.getByTestId('payroll-at-mp').inputValue()).toBe('0,70');
    expectClean();
  });
});
