import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, employeeInput } from '../../src/personnel/index.ts';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// Decision 0044 in a real browser: the assistant plans a team meeting with its agenda, convenes it (the
// convocation PDF downloads), records who came, writes and approves the minutes; then writes a note de
// service, publishes it (it gets its NS number) and records that the employee has read it. axe on every
// page, no console error.

const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

describe.runIf(browserAvailable)('meetings and notices in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let orgPath = '';
  const lastName = `Morel${Date.now().toString(36).slice(-4)}`;

  beforeAll(() => {
    stack = session.stack;
    page = session.page;
  });

  it('plans a meeting with its agenda and convenes it', { timeout: 90_000 }, async () => {
    orgPath = await login();
    const orgId = orgPath.split('/').pop()!;
    await stack.store.db.transaction().execute((trx) =>
      createEmployee(
        trx,
        orgId,
        employeeInput.parse({
          lastName,
          firstName: 'Hugo',
          sex: 'M',
          birthDate: '1991-02-11',
          nationality: 'Française',
          jobTitle: 'Technicien',
          category: 'employee',
          contractType: 'cdi',
          weeklyHours: 3500,
          monthlyGross: 210000,
          hireDate: '2024-03-04',
        }),
        null,
      ),
    );
    await page.goto(`${stack.baseUrl}${orgPath}/production/purchases`);
    await page.getByTestId('subnav-meetings').click();
    await page.getByRole('heading', { level: 1, name: 'Réunions' }).waitFor();
    await audit('réunions');
    await page.getByTestId('meeting-new').click();
    await page.getByRole('heading', { level: 1, name: 'Planifier une réunion' }).waitFor();
    await page.getByTestId('meeting-title').fill('Réunion de service de décembre');
    await page.getByTestId('meeting-kind').selectOption({ label: 'Réunion de service' });
    await page.getByTestId('meeting-date').fill('2026-12-15');
    await page.getByTestId('meeting-start').fill('09:30');
    await page.getByTestId('meeting-end').fill('11:00');
    await page.getByTestId('meeting-room').fill(`Salle ${lastName}`);
    await page.getByTestId('meeting-organiser').fill('La directrice');
    await page.getByTestId('meeting-employee').selectOption({ label: `${lastName} Hugo` });
    await page.getByTestId('meeting-add-employee').click();
    await page.getByTestId('meeting-guest-name').fill('Nadia Expert');
    await page.getByTestId('meeting-guest-email').fill('nadia@expert.example');
    await page.getByTestId('meeting-add-guest').click();
    await page.getByTestId('agenda-title').first().fill('Bilan de l’année');
    await page.getByTestId('agenda-presenter').first().fill('La directrice');
    await page.getByTestId('agenda-duration').first().fill('30');
    await page.getByTestId('agenda-add').click();
    await page.getByTestId('agenda-title').nth(1).fill('Congés de fin d’année');
    await audit('nouvelle réunion');
    await page.getByTestId('meeting-save').click();
    await page.getByRole('heading', { level: 1, name: 'Réunion de service de décembre' }).waitFor();
    expect(plain(await page.getByTestId('meeting-status').textContent())).toBe('Planifiée');
    expect(plain(await page.getByTestId('meeting-agenda').textContent())).toContain(
      'Bilan de l’année (La directrice, 30 min)',
    );
    await page.getByTestId('meeting-edit').click();
    await page.getByTestId('meeting-end').fill('11:30');
    await page.getByTestId('meeting-save').click();
    await page.getByText('Réunion modifiée.').waitFor();
    await page.getByText('15/12/2026, 09:30–11:30').waitFor();
    await page.getByTestId('meeting-convene').click();
    await page.getByTestId('meeting-status').getByText('Convoquée', { exact: true }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('meeting-convocation-pdf').click();
    expect((await download).suggestedFilename()).toBe(
      'convocation-2026-12-15-reunion-de-service-de-decembre.pdf',
    );
    await audit('réunion convoquée');
  });

  it('records attendance, writes and approves the minutes', { timeout: 90_000 }, async () => {
    const rows = page.getByTestId('attendance-row');
    await rows.first().waitFor();
    await rows
      .filter({ hasText: `Hugo ${lastName}` })
      .getByTestId('attendance-select')
      .selectOption({ label: 'Présent(e)' });
    await rows
      .filter({ hasText: 'Nadia Expert' })
      .getByTestId('attendance-select')
      .selectOption({ label: 'Excusé(e)' });
    await page.getByTestId('attendance-save').click();
    await page.getByTestId('meeting-status').getByText('Tenue', { exact: true }).waitFor();
    await page.getByTestId('minutes-decision').first().fill('Bilan présenté et validé.');
    await page.getByTestId('action-add').click();
    await page.getByTestId('action-description').fill('Envoyer le planning des congés');
    await page.getByTestId('action-owner').fill(`Hugo ${lastName}`);
    await page.getByTestId('action-due').fill('2026-12-18');
    await audit('compte rendu');
    await page.getByTestId('minutes-save').click();
    await page.getByText('Compte rendu enregistré.').waitFor();
    await page.getByTestId('minutes-approve').click();
    await page.getByTestId('meeting-status').getByText('Compte rendu approuvé', { exact: true }).waitFor();
    expect(plain(await page.getByTestId('minutes-view').textContent())).toContain(
      '1. Bilan de l’année — Bilan présenté et validé.',
    );
    await page.getByTestId('subnav-meetings').click();
    await page.getByRole('heading', { level: 1, name: 'Réunions' }).waitFor();
    await page.getByTestId('meeting-actions-link').click();
    await page.getByRole('heading', { level: 1, name: 'Actions à suivre' }).waitFor();
    await page.getByTestId('action-row').filter({ hasText: 'Envoyer le planning des congés' }).waitFor();
    await audit('actions à suivre');
  });

  it('publishes a note de service and records who read it', { timeout: 90_000 }, async () => {
    await page.getByTestId('subnav-notices').click();
    await page.getByRole('heading', { level: 1, name: 'Notes de service et notes internes' }).waitFor();
    await page.getByTestId('notice-new').click();
    await page.getByTestId('notice-title').fill('Fermeture entre Noël et le jour de l’an');
    await page.getByTestId('notice-category').selectOption({ label: 'Information sociale' });
    await page.getByTestId('notice-author').fill('La directrice');
    await page
      .getByTestId('notice-body')
      .fill('Les bureaux seront fermés du 24 au 31 décembre.\n\nLes congés correspondants sont offerts.');
    await audit('nouvelle note');
    await page.getByTestId('notice-save').click();
    await page.getByTestId('notice-publish').click();
    await page.getByRole('heading', { level: 1, name: /^NS-\d{4}-\d{3} — Fermeture/ }).waitFor();
    const unread = page.getByTestId('notice-unread').filter({ hasText: `Hugo ${lastName}` });
    await unread.getByTestId('notice-mark-read').click();
    await page
      .getByTestId('notice-reader')
      .filter({ hasText: `Hugo ${lastName}` })
      .waitFor();
    await audit('note publiée');
    await page.goto(`${stack.baseUrl}${orgPath}/production/workplace/notices/postings`);
    await page.getByTestId('postings-table').waitFor();
    expect(
      plain(await page.getByTestId('posting-labour_inspection').getByTestId('posting-state').textContent()),
    ).toBe('Manquant');
    await audit('affichages obligatoires');
    expectClean();
  });
});
