import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { organisationInput } from '../../src/kernel/organisations/contract.ts';
import { createOrganisation } from '../../src/kernel/organisations/organisation.ts';
import { createUser, setMembership } from '../../src/kernel/users/users.ts';
import { parseCsv } from '../../src/training/classes/csv.ts';
import { trainingClass } from '../../src/training/test-helpers.ts';
import { pdfText } from '../support/pdf-text.ts';
import { pfmpClass } from '../support/pfmp-class.ts';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// A teacher follows a student's work placement: records the host and its tutor, the agreement with one
// period, the attendance; the weeks counter and the warnings follow; the attestation downloads — with axe
// on every page visited.

const TEACHER = { email: 'prof.pfmp@lycee-du-val.test', password: 'Correct-Horse-42' };

describe.runIf(browserAvailable)('PFMP in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login, expectClean } = session;
  let stack: Running;
  let page: Page;
  let schoolId = '';
  let teacherId = '';

  beforeAll(async () => {
    stack = session.stack;
    page = session.page;
    teacherId = await stack.store.db.transaction().execute(async (trx) => {
      const owner = await createUser(trx, {
        email: 'direction.pfmp@lycee-du-val.test',
        name: 'Direction',
        password: TEACHER.password,
      });
      const school = await createOrganisation(
        trx,
        organisationInput.parse({ name: 'Lycée du Val', kind: 'public_body', vatRegime: 'not_liable' }),
        owner.id,
      );
      const user = await createUser(trx, { ...TEACHER, name: 'Paul Le Goff' });
      await setMembership(trx, { orgId: school.id, userId: user.id, role: 'teacher', actorId: owner.id });
      schoolId = school.id;
      return user.id;
    });
    await trainingClass(stack.store.db, schoolId, teacherId, { students: 1, name: '1re AGOrA B' });
  }, 60_000);

  // A success notice sits over the forms' buttons for a few seconds: close it, as a person would.
  const closeNotices = async () => {
    for (const close of await page.locator('.mantine-Notification-root button').all())
      await close.click().catch(() => {});
  };

  it('records a host, an agreement with a period and the attendance; the counter and warnings follow', {
    timeout: 120_000,
  }, async () => {
    await login(TEACHER, '/login');
    await page.goto(`${stack.baseUrl}/orgs/${schoolId}/training`);
    await page.getByTestId('subnav-pfmp').click();
    await page.getByRole('heading', { level: 1, name: 'PFMP' }).waitFor();
    await audit('PFMP (enseignant)');

    await page.getByLabel('Nom de l’organisation').fill('Cabinet Le Bihan');
    await page.getByLabel('Secteur d’activité').fill('Expertise comptable');
    await page.getByLabel('Adresse', { exact: true }).fill('5 place Glenmor, 29000 Quimper');
    await page.getByTestId('create-host').click();
    await page.getByTestId('pfmp-hosts').getByText('Cabinet Le Bihan').waitFor();
    await closeNotices();
    await page.getByLabel('Nom du tuteur').fill('Yann Le Bihan');
    await page.getByLabel('Fonction').fill('Expert-comptable');
    await page.getByTestId('create-tutor').click();
    await page.getByTestId('pfmp-hosts').getByText('Yann Le Bihan (Expert-comptable)').waitFor();

    await page.getByTestId('pfmp-students').getByRole('link', { name: 'Élève1 D.' }).click();
    await page.getByRole('heading', { level: 1, name: 'PFMP de Élève1 D.' }).waitFor();
    await expect.poll(() => page.getByTestId('weeks-planned').textContent()).toBe('0 / 20 semaines exigées');
    await page.getByLabel('Début de la période').first().fill('2026-11-02');
    await page.getByLabel('Fin de la période').first().fill('2026-11-13');
    await page.getByLabel('Activités prévues').fill('Accueil, devis, factures.');
    await page.getByTestId('create-agreement').click();
    await page.getByTestId('agreement').waitFor();
    await closeNotices();
    await expect.poll(() => page.getByTestId('weeks-planned').textContent()).toBe('2 / 20 semaines exigées');
    const warnings = page.getByTestId('pfmp-warnings');
    await expect
      .poll(() => warnings.textContent())
      .toContain('Présence non saisie pour 10 jour(s) passé(s).');
    expect(await warnings.textContent()).toContain('a commencé sans convention signée avant son début');
    await audit('PFMP d’un élève');

    // Signed before the start: that warning goes.
    await page.getByLabel('Statut de la convention').selectOption('signed');
    await page.getByLabel('Signée le').fill('2026-10-20');
    await page.getByTestId('save-status').click();
    await expect.poll(() => page.getByTestId('agreement-status').textContent()).toBe('Signée');
    await closeNotices();
    await expect.poll(() => warnings.textContent()).not.toContain('sans convention signée');

    // Attendance: one unjustified absence, the rest present.
    await page.getByText('Présence jour par jour').click();
    await page.getByLabel('Présence du 04/11/2026').selectOption('absent_unjustified');
    await page.getByTestId('all-present').click();
    await expect.poll(() => page.getByTestId('weeks-done').textContent()).toBe('1,8 semaine(s) (9 jours)');
    await closeNotices();
    await expect.poll(() => warnings.textContent()).not.toContain('Présence non saisie');
    expect(await warnings.textContent()).toContain(
      '2 semaine(s) prévue(s) sur les trois ans : 20 sont exigées',
    );
    // 9 days × 15 € in première.
    expect(await page.getByTestId('allowance-total').textContent()).toMatch(/^135,00\s€$/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-attestation').click(),
    ]);
    expect(download.suggestedFilename()).toBe('attestation-pfmp-Élève1-D-.pdf');
    const text = pdfText(readFileSync((await download.path())!));
    expect(text).toContain('Cabinet Le Bihan');
    expect(text).toContain('Du 02/11/2026 au 13/11/2026 : 9 jours effectués sur 10 jours prévus');
    expect(text).toContain('Durée effectuée : 1,8 semaine (9 jours de présence).');
  });

  it('shows a class’s PFMP at a glance: each student’s figures, the « à traiter » filter, the CSV', {
    timeout: 120_000,
  }, async () => {
    // Five students, each in one situation (test/support/pfmp-class.ts), every period over.
    const { cls } = await pfmpClass(stack.store.db, schoolId, teacherId, { name: '1re AGOrA C' });
    await page.goto(`${stack.baseUrl}/orgs/${schoolId}/training/classes/${cls.id}`);
    await page.getByTestId('class-pfmp').click();
    await page.getByRole('heading', { level: 1, name: 'PFMP de la classe 1re AGOrA C' }).waitFor();
    expect(await page.getByTestId('total-students').textContent()).toBe('5');
    expect(await page.getByTestId('total-issues').textContent()).toBe('4');
    expect(await page.getByTestId('total-average').textContent()).toBe('13,7');
    const rows = page.getByTestId('overview-row');
    await expect.poll(() => rows.count()).toBe(5);
    const third = rows.filter({ hasText: 'Élève3 D.' });
    expect(await third.getByTestId('row-weeks').textContent()).toBe('13,4 / 14');
    expect(await third.getByTestId('row-attendance').textContent()).toBe('3 jours non saisis');
    expect(await third.getByTestId('row-allowance').textContent()).toMatch(/^555,00\s€$/);
    expect(await third.getByTestId('row-issues').textContent()).toBe('Présence non saisie');
    const second = rows.filter({ hasText: 'Élève2 D.' });
    expect(await second.getByTestId('row-weeks').textContent()).toBe('13 / 14au rythme actuel : 13');
    expect(await second.getByTestId('row-issues').textContent()).toBe('Semaines insuffisantes');
    const fourth = rows.filter({ hasText: 'Élève4 D.' });
    expect(await fourth.getByTestId('row-agreement').textContent()).toBe('1 période sans convention signée');
    expect(await rows.filter({ hasText: 'Élève1 D.' }).getByTestId('row-issues').textContent()).toBe('Rien');
    await audit('PFMP de la classe');

    await page.getByRole('switch', { name: 'Seulement les élèves à traiter' }).check();
    await expect.poll(() => rows.count()).toBe(4);
    expect(await page.getByTestId('overview-table').textContent()).not.toContain('Élève1 D.');
    expect(page.url()).toContain('filter=issues');
    await audit('PFMP de la classe, à traiter');

    // The CSV holds the rows shown, with the same figures.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('overview-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^pfmp-1re-AGOrA-C-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...lines] = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(header![0]).toBe('Élève');
    expect(lines.map((cells) => cells[0])).toEqual(['Élève2 D.', 'Élève3 D.', 'Élève4 D.', 'Élève5 D.']);
    expect(lines[1]!.slice(0, 3)).toEqual(['Élève3 D.', '13,4', '14,0']);

    // Each row opens the student's PFMP page.
    await rows.filter({ hasText: 'Élève4 D.' }).getByRole('link', { name: 'Élève4 D.' }).click();
    await page.getByRole('heading', { level: 1, name: 'PFMP de Élève4 D.' }).waitFor();
    await page.goBack();
    await expect.poll(() => rows.count()).toBe(4);

    // The PFMP home links each class name to its overview.
    await page.getByTestId('subnav-pfmp').click();
    await page.getByTestId('pfmp-students').getByRole('link', { name: '1re AGOrA C' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'PFMP de la classe 1re AGOrA C' }).waitFor();
    await expect.poll(() => rows.count()).toBe(5);
  });

  it('found no serious or critical accessibility violation and no console error', () => expectClean());
});
