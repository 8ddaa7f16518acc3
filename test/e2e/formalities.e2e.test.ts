import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, formatDateFr, todayIn } from '../../src/kernel/dates/index.ts';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The assistant registers the quarterly insurance certificate due in three days, sees it « à faire bientôt »,
// marks it done with the insurer's reference, sees the next due date three months later, and finds it in the
// calendar of the formalities — axe on every page, no console error.

const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

describe.runIf(browserAvailable)('the formalities in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  const tag = Date.now().toString(36).slice(-4);
  const title = `Attestation d’assurance ${tag}`;
  const today = todayIn();
  const due = addDays(today, 3);

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  it('adds a formality, completes it and sees the next due date', { timeout: 60_000 }, async () => {
    const orgPath = await login();
    await page.goto(`${stack.baseUrl}${orgPath}/production/formalities`);
    await page.getByRole('heading', { level: 1, name: 'Formalités administratives' }).waitFor();
    expect(await page.getByTestId('subnav-formalities').getAttribute('aria-current')).toBe('page');
    await page.getByTestId('formality-new').click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle formalité' });
    await dialog.getByLabel('Intitulé').fill(title);
    await dialog.getByLabel('Partenaire').fill('MAIF');
    await dialog.getByLabel('Catégorie').selectOption({ label: 'Assurance' });
    await dialog.getByLabel('Périodicité').selectOption({ label: 'Trimestrielle' });
    await dialog.getByLabel('Échéance').fill(due);
    await dialog.getByLabel('Responsable').fill('La trésorière');
    await audit('nouvelle formalité');
    await page.getByTestId('formality-save').click();
    const row = page.getByTestId('formality-row').filter({ hasText: title });
    await row.waitFor();
    expect(plain(await row.getByTestId('formality-due').textContent())).toBe(formatDateFr(due));
    expect(plain(await row.textContent())).toContain('À faire bientôt');
    await audit('registre des formalités');

    await row.getByTestId('formality-complete').click();
    await page.getByTestId('formality-complete-form').waitFor();
    await page.getByLabel('Référence (n° de dépôt, accusé de réception)').fill(`AR-${tag}`);
    await audit('échéance accomplie');
    await page.getByTestId('formality-complete-submit').click();
    const next = formatDateFr(addMonths(due, 3));
    await row.getByTestId('formality-due').getByText(next).waitFor();
    expect(plain(await row.textContent())).toContain('À venir');

    await page.getByRole('link', { name: 'Calendrier des formalités' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendrier des formalités' }).waitFor();
    await page.getByLabel('Période').selectOption({ label: '180 prochains jours' });
    const entry = page.getByTestId('formality-calendar-row').filter({ hasText: title });
    await entry.waitFor();
    expect(plain(await entry.textContent())).toContain(next);
    await audit('calendrier des formalités');
    expectClean();
  });
});
