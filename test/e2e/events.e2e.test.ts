import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// Activity 1.1 in a real browser: an open day is created, two parties of the demo are invited, the
// invitation is put in the outbox, attendance is marked and the attendance sheet downloaded; then a
// prospecting campaign gets its targets and a call; the SMTP settings and the outbox are audited too.

describe.runIf(browserAvailable)('events and prospecting in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let orgPath = '';

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  const subnav = (name: string) =>
    page.getByRole('navigation', { name: 'Relations' }).getByRole('link', { name, exact: true });
  const pickGuest = async (name: string) => {
    await page.getByTestId('guest-picker').click();
    await page.getByTestId('guest-picker').fill(name);
    await page.getByRole('option', { name }).click();
  };

  it('creates an event, invites two parties and marks their attendance', { timeout: 90_000 }, async () => {
    orgPath = await login();

    await page.getByTestId('nav-relations').click();
    await subnav('Événements').click();
    await page.getByRole('heading', { level: 1, name: 'Événements' }).waitFor();
    expect(await page.getByTestId('activity-badge').first().textContent()).toContain('1.1');
    await audit('événements');

    await page.getByTestId('event-new').click();
    await page.getByTestId('event-form').waitFor();
    await page.getByTestId('event-kind').selectOption('open_day');
    await page.getByTestId('event-title').fill('Portes ouvertes de printemps');
    await page.getByTestId('event-date').fill('2026-04-18');
    await page.getByTestId('event-start').fill('10:00');
    await page.getByTestId('event-end').fill('17:00');
    await page.getByTestId('event-place').fill('Atelier, 25 rue des Artisans');
    await page.getByRole('button', { name: 'Ajouter un coût' }).click();
    await page.getByLabel('Libellé').fill('Café et viennoiseries');
    await page.getByLabel('Montant (€)').fill('85,50');
    await expect.poll(() => page.getByTestId('event-total-cost').textContent()).toMatch(/85,50/);
    await audit('nouvel événement');
    await page.getByTestId('event-save').click();
    await page.waitForURL(/\/relations\/events\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Portes ouvertes de printemps' }).waitFor();

    await pickGuest('Boulangerie Martin');
    await pickGuest('Élodie Durand');
    await page.keyboard.press('Escape');
    await page.getByTestId('guest-add').click();
    await expect.poll(() => page.getByTestId('guest-row').count()).toBe(2);
    await audit('événement et invités');

    await page.getByTestId('event-invite').click();
    await page.getByTestId('invite-subject').waitFor();
    await audit('invitation');
    await page.getByTestId('invite-send').click();
    await page.getByText('2 invitations mises dans la boîte d’envoi.').waitFor();

    await page.getByLabel('Statut — Boulangerie Martin').selectOption('attended');
    await page.getByText('Statut de Boulangerie Martin : Présent.').waitFor();
    await page.getByLabel('Statut — Élodie Durand').selectOption('absent');
    await page.getByText('Statut de Élodie Durand : Absent.').waitFor();
    await page.reload();
    await page.getByTestId('guest-row').first().waitFor();
    expect(await page.getByLabel('Statut — Boulangerie Martin').inputValue()).toBe('attended');
    expect(await page.getByLabel('Statut — Élodie Durand').inputValue()).toBe('absent');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('event-sheet').click(),
    ]);
    const text = pdfText(readFileSync((await download.path())!));
    expect(text).toContain('Feuille d’émargement — Portes ouvertes de printemps');
    expect(text).toMatch(/Boulangerie Martin .*Présent/);
    expect(text).toMatch(/Élodie Durand .*Absent/);
  });

  it('shows both invitations waiting in the outbox', { timeout: 60_000 }, async () => {
    await page.goto(`${stack.baseUrl}${orgPath}/settings/outbox`);
    await page.getByRole('heading', { level: 1, name: 'Boîte d’envoi' }).waitFor();
    await expect.poll(() => page.getByTestId('outbox-row').count()).toBe(2);
    expect(await page.getByTestId('outbox-table').textContent()).toContain(
      'Invitation : Portes ouvertes de printemps',
    );
    await audit('boîte d’envoi');
    await page.goto(`${stack.baseUrl}${orgPath}/settings/mail`);
    await page.getByTestId('mail-settings-form').waitFor();
    await audit('messagerie');
  });

  it('builds a prospecting campaign and notes a call', { timeout: 60_000 }, async () => {
    await page.goto(`${stack.baseUrl}${orgPath}/relations/campaigns`);
    await page.getByRole('heading', { level: 1, name: 'Prospection' }).waitFor();
    await page.getByTestId('campaign-name').fill('Nouveaux adhérents');
    await page.getByTestId('campaign-new').click();
    await page.waitForURL(/\/relations\/campaigns\/[0-9a-f-]{36}$/);
    await page.getByTestId('target-role').selectOption('prospect');
    await page.getByTestId('target-add').click();
    await expect.poll(() => page.getByTestId('target-row').count()).toBe(1);
    await page.getByTestId('target-action').click();
    await page.getByTestId('action-outcome').selectOption('quote_requested');
    await audit('action de prospection');
    await page.getByTestId('action-save').click();
    await expect.poll(() => page.getByTestId('target-outcome').first().textContent()).toBe('Devis demandé');
    await audit('campagne');

    // « Établir un devis »: the quote form opens for the prospect; once saved, the campaign links it.
    const campaignUrl = page.url();
    await page.getByTestId('target-quote').first().click();
    await page.getByTestId('quote-from-campaign').waitFor();
    await page.getByTestId('invoice-form').waitFor();
    await expect.poll(() => page.getByTestId('invoice-customer').inputValue()).toBe('Karim Benali');
    await page.getByTestId('line-item-0').fill('RAMETTE');
    await page.getByRole('option', { name: /^RAMETTE/ }).click();
    await page.getByTestId('line-quantity-0').fill('10');
    await audit('devis depuis la campagne');
    await page.getByTestId('invoice-save').click();
    await page.getByRole('heading', { level: 1, name: 'Brouillon de devis' }).waitFor({ timeout: 30_000 });
    await page.goto(campaignUrl);
    const link = page.getByTestId('target-quote-link').first();
    await link.waitFor();
    expect(await link.textContent()).toBe('Brouillon de devis');
    expect(await page.getByTestId('campaign-quoted').textContent()).toBe('Devis établis : 1');
    // The target has its quote: no second one from here.
    expect(await page.getByTestId('target-quote').count()).toBe(0);
    await audit('campagne avec devis');
    expectClean();
  });
});
