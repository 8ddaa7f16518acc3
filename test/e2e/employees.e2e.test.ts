import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/kernel/dates/index.ts';
import { pdfText } from '../support/pdf-text.ts';
import { browserAvailable, useBrowserSession } from './browser.ts';

// The demo's HR work: from the menu to the employees (the demo has four), a hiring typed with the
// keyboard only (a wrong NIR key refused in French first), the new line in the register and its PDF, then
// a departure confirmed in its dialog — axe on every page, no console error.

/** The test id of the element that has the focus. */
const focusedIn = (page: Page) =>
  page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null");
const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ').trim();

describe.runIf(browserAvailable)('employees and the personnel register in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let page: Page;
  let orgPath = '';

  beforeAll(() => {
    page = session.page;
  });

  it('opens Personnel › Salariés from the menu, no longer « À venir »', { timeout: 60_000 }, async () => {
    orgPath = await login();
    const nav = page.getByTestId('nav-personnel');
    expect(await nav.getByText('À venir').count()).toBe(0);
    await nav.click();
    await page.getByRole('heading', { level: 1, name: 'Salariés' }).waitFor();
    expect(page.url()).toContain(`${orgPath}/personnel/employees`);
    expect(await page.getByTestId('subnav-employees').getAttribute('aria-current')).toBe('page');
    await page.getByTestId('employee-row').nth(3).waitFor();
    expect(await page.getByTestId('employee-row').count()).toBe(4);
    await audit('salariés');

    // The list is reloaded for each filter: wait for the rows of the answer, not for the old ones to go.
    const rows = () => page.getByTestId('employee-row').allTextContents();
    await page.getByTestId('employee-filter').selectOption('left');
    await expect.poll(rows).toEqual([expect.stringContaining('AMRANI Youssef')]);
    await page.getByTestId('employee-filter').selectOption('');
    await page.getByTestId('employee-search').fill('haddad');
    await expect.poll(rows).toEqual([expect.stringContaining('HADDAD Nadia')]);
    await page.getByTestId('employee-search').fill('');
    await page.getByTestId('employee-row').nth(3).waitFor();
  });

  it('hires an employee with the keyboard, the NIR key checked in French', { timeout: 90_000 }, async () => {
    await page.getByTestId('employee-new').click();
    await page.getByRole('heading', { level: 1, name: 'Enregistrer l’entrée d’un salarié' }).waitFor();
    // The first field has the focus: everything below is typed, Tab from field to field.
    expect(await focusedIn(page)).toBe('employee-lastName');
    const k = page.keyboard;
    const next = async (text?: string) => {
      await k.press('Tab');
      if (text !== undefined) await k.type(text);
    };
    await k.type('Santoni');
    await next('Marc');
    await next('H'); // the sex list: « Homme »
    await next('03/05/1987'); // date of birth, day first
    await next(); // nationality, « Française » already
    await next('1 87 05 2A 004 112 65'); // a wrong key
    await next('Menuisier');
    await next('Ouvrier qualifié');
    await next(); // category: non-cadre
    await next(); // contract: CDI
    await next('02/02/2026'); // date of entry
    await next(); // planned end: none for a CDI
    await next(); // 35 h
    await next('2 300,00');
    await k.press('Enter');
    const nirError = page.getByText(
      'Numéro de sécurité sociale invalide : 15 caractères dont la clé (ex. 2 84 05 75 123 456 72).',
    );
    await nirError.waitFor();
    expect(await focusedIn(page)).toBe('employee-socialSecurityNumber');
    expect(await page.getByTestId('employee-socialSecurityNumber').getAttribute('aria-invalid')).toBe('true');
    await audit('entrée d’un salarié, erreurs');
    await k.press('Backspace');
    await k.type('6');
    await k.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'SANTONI Marc' }).waitFor();
    expect(plain(await page.getByTestId('employee-register-number').textContent())).toBe('5');
    expect(plain(await page.getByTestId('employee-job').textContent())).toBe('Menuisier');
    await audit('dossier du salarié');
  });

  it('finds the new line in the register and its PDF', { timeout: 60_000 }, async () => {
    await page.getByTestId('subnav-register').click();
    await page.getByRole('heading', { level: 1, name: 'Registre unique du personnel' }).waitFor();
    const row = page.getByTestId('register-row').filter({ hasText: 'SANTONI Marc' });
    await row.waitFor();
    expect(plain(await row.textContent())).toMatch(
      /^5SANTONI MarcM03\/05\/1987FrançaiseMenuisierOuvrier qualifiéCDI02\/02\/2026/,
    );
    expect(await page.getByTestId('register-row').count()).toBe(5);
    await audit('registre du personnel');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('register-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toBe('registre-du-personnel.pdf');
    const text = pdfText(readFileSync((await download.path())!)).replace(/\s+/g, ' ');
    expect(text).toContain('Les Ateliers du Val');
    expect(text).toContain('5 SANTONI Marc M 03/05/1987 Française Menuisier CDI 02/02/2026');
    // Present today: the CDD that ended is not.
    await page.getByTestId('register-present-on').fill(todayIn('Europe/Paris'));
    await expect
      .poll(() => page.getByTestId('register-row').allTextContents())
      .toEqual([
        expect.stringContaining('MARCHAND'),
        expect.stringContaining('HADDAD'),
        expect.stringContaining('GIRARD'),
        expect.stringContaining('SANTONI'),
      ]);
  });

  it('corrects the file, records a departure confirmed in its dialog, then takes it back', {
    timeout: 60_000,
  }, async () => {
    await page.getByRole('link', { name: 'SANTONI Marc' }).click();
    await page.getByRole('heading', { level: 1, name: 'SANTONI Marc' }).waitFor();
    // A correction of the file: the entry date cannot be changed, the job can.
    await page.getByTestId('employee-edit').click();
    expect(await page.getByTestId('employee-hireDate').getAttribute('readonly')).not.toBeNull();
    await page.getByTestId('employee-jobTitle').fill('Chef d’équipe');
    await page.getByTestId('employee-save').click();
    await page.getByTestId('employee-job').getByText('Chef d’équipe').waitFor();
    await page.getByTestId('departure-open').click();
    await page.getByTestId('departure-form').waitFor();
    await page.getByTestId('departure-reason').selectOption('trial_period');
    await audit('sortie : confirmation');
    await page.getByTestId('departure-submit').click();
    await page.getByTestId('departure-form').waitFor({ state: 'detached' });
    const today = todayIn('Europe/Paris');
    const fr = `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`;
    expect(plain(await page.getByTestId('employee-status').textContent())).toBe(`Sorti le ${fr}`);
    expect(plain(await page.getByTestId('employee-left-on').textContent())).toBe(fr);
    expect(await page.getByTestId('departure-open').count()).toBe(0);
    await audit('salarié sorti');
    await page.goto(`${session.stack.baseUrl}${orgPath}/personnel/register`);
    const row = page.getByTestId('register-row').filter({ hasText: 'SANTONI Marc' });
    await row.waitFor();
    expect(plain(await row.textContent())).toContain(`02/02/2026${fr}`);

    // Entered by mistake: taken back after the browser's confirmation, the line present again.
    await row.getByRole('link', { name: 'SANTONI Marc' }).click();
    await page.getByRole('button', { name: 'Annuler la sortie' }).waitFor();
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('Annuler la sortie enregistrée de Marc Santoni');
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Annuler la sortie' }).click();
    await page.getByTestId('departure-open').waitFor();
    expect(plain(await page.getByTestId('employee-status').textContent())).toBe('Présent');
    expectClean();
  });
});
