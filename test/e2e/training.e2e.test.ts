import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { organisationInput } from '../../src/kernel/organisations/contract.ts';
import { createOrganisation } from '../../src/kernel/organisations/organisation.ts';
import { createUser, setMembership } from '../../src/kernel/users/users.ts';
import { browserAvailable, logIn, type Running, useBrowserSession, watchConsole } from './browser.ts';

// A teacher's first week with Agora: a class, its list imported from a CSV file, a scenario copied from
// the shipped trading demo and handed to the class; then a student joins with their code and finds only
// their own sandbox — with axe on every page visited.

const TEACHER = { email: 'prof.martin@lycee-du-val.test', password: 'Correct-Horse-42' };
const CSV = 'Prénom;Nom;E-mail\nLéa;Dupont;lea.d@eleves.test\nHugo;Martin;hugo.m@eleves.test\n';

describe.runIf(browserAvailable)('training mode in a real browser', () => {
  const session = useBrowserSession({ page: false });
  const { audit, consoleErrors, expectClean } = session;
  let stack: Running;
  let teacher: Page;
  let schoolId = '';
  let codes: Record<string, string> = {};

  beforeAll(async () => {
    stack = session.stack;
    // The school and its teacher exist (the school's administrator made them in the settings).
    await stack.store.db.transaction().execute(async (trx) => {
      const owner = await createUser(trx, {
        email: 'direction@lycee-du-val.test',
        name: 'Direction',
        password: 'Correct-Horse-42',
      });
      const school = await createOrganisation(
        trx,
        organisationInput.parse({ name: 'Lycée du Val', kind: 'public_body', vatRegime: 'not_liable' }),
        owner.id,
      );
      const user = await createUser(trx, { ...TEACHER, name: 'Claire Martin' });
      await setMembership(trx, { orgId: school.id, userId: user.id, role: 'teacher', actorId: owner.id });
      schoolId = school.id;
    });
    teacher = await (await stack.browser.newContext({ locale: 'fr-FR' })).newPage();
    watchConsole(teacher, consoleErrors);
  }, 60_000);

  it('the teacher creates a class and a scenario, imports two students by CSV and hands the scenario out', {
    timeout: 120_000,
  }, async () => {
    await logIn(teacher, `${stack.baseUrl}/login`, TEACHER);
    await teacher.goto(`${stack.baseUrl}/orgs/${schoolId}/training`);
    await teacher.getByRole('heading', { level: 1, name: 'Formation' }).waitFor();
    await audit(teacher, 'formation (enseignant)');

    await teacher.getByLabel('Classe', { exact: true }).fill('1re AGOrA A');
    await teacher.getByTestId('create-class').click();
    await teacher.getByTestId('classes-table').getByRole('link', { name: '1re AGOrA A' }).waitFor();

    await teacher.getByLabel('Titre', { exact: true }).fill('Négoce — décembre');
    await teacher.getByLabel('Point de départ').selectOption('trading');
    await teacher.getByTestId('create-scenario').click();
    await teacher.getByTestId('scenarios-table').getByText('Négoce — décembre').waitFor({ timeout: 60_000 });

    await teacher.getByTestId('classes-table').getByRole('link', { name: '1re AGOrA A' }).click();
    await teacher.getByRole('heading', { level: 1, name: /1re AGOrA A/ }).waitFor();
    await teacher.getByTestId('csv-input').fill(CSV);
    await teacher.getByTestId('import-students').click();
    await expect.poll(() => teacher.getByTestId('student-row').count()).toBe(2);
    codes = Object.fromEntries(
      await Promise.all(
        (await teacher.getByTestId('student-row').all()).map(async (row) => [
          (await row.locator('td').first().textContent()) ?? '',
          (await row.getByTestId('invitation-code').textContent()) ?? '',
        ]),
      ),
    );
    expect(Object.keys(codes).sort()).toEqual(['Hugo M.', 'Léa D.']);

    await teacher.getByTestId('hand-out').click();
    await expect
      .poll(() => teacher.getByTestId('handout-status').textContent(), { timeout: 60_000 })
      .toContain('2 bac(s) à sable sur 2 prêts');
    await expect.poll(() => teacher.getByTestId('sandbox-row').count()).toBe(2);
    await audit(teacher, 'classe');

    await teacher.getByTestId('subnav-referentiel').click();
    await teacher.getByTestId('referentiel-areas').waitFor();
    await teacher.getByRole('button', { name: /Pôle 1/ }).click();
    await teacher.getByText('Traitement de la livraison et de la facturation').waitFor();
    await audit(teacher, 'référentiel');

    await teacher.getByTestId('subnav-coverage').click();
    await teacher.getByTestId('coverage-tasks-table').waitFor();
    expect(await teacher.getByTestId('coverage-summary').textContent()).toMatch(/tâches sur 33/);
    await audit(teacher, 'couverture');
  });

  it('a student joins with their code and sees only their own sandbox', { timeout: 60_000 }, async () => {
    const student = await (await stack.browser.newContext({ locale: 'fr-FR' })).newPage();
    watchConsole(student, consoleErrors);
    await student.goto(`${stack.baseUrl}/join?code=${codes['Léa D.']}`);
    await student.getByRole('heading', { level: 1, name: 'Rejoindre ma classe' }).waitFor();
    await audit(student, 'rejoindre');
    await student.getByLabel('Adresse e-mail').fill('lea.d@eleves.test');
    await student.getByLabel(/^Mot de passe/).fill('Bonjour-Agora-2026');
    await student.getByRole('button', { name: 'Rejoindre' }).click();
    await student.waitForURL(/\/training$/);
    await student.getByTestId('my-class').getByText('1re AGOrA A (2026-2027)').waitFor();
    await expect.poll(() => student.getByTestId('sandbox-row').count()).toBe(1);
    await audit(student, 'formation (élève)');
    // In the school she reads training only: the menu offers nothing else, and the school's home opens
    // the training pages, not the contacts (403 for her).
    expect(await student.getByTestId('nav-training').count()).toBe(1);
    expect(await student.getByTestId('nav-relations').count()).toBe(0);
    expect(await student.getByTestId('nav-accounting').count()).toBe(0);
    await student.goto(`${stack.baseUrl}/orgs/${schoolId}`);
    await student.waitForURL(new RegExp(`/orgs/${schoolId}/training$`));
    await student.getByTestId('my-class').waitFor();

    const sandboxes = await stack.store.db
      .selectFrom('training_sandbox as sb')
      .innerJoin('training_student as st', (j) =>
        j.onRef('st.org_id', '=', 'sb.org_id').onRef('st.id', '=', 'sb.student_id'),
      )
      .select(['st.first_name', 'sb.sandbox_org_id'])
      .execute();
    const mine = sandboxes.find((s) => s.first_name === 'Léa')!.sandbox_org_id;
    const theirs = sandboxes.find((s) => s.first_name === 'Hugo')!.sandbox_org_id;
    await student.getByTestId('sandbox-link').click();
    await student.waitForURL(new RegExp(`/orgs/${mine}`));
    // In her sandbox she works with every area.
    await student.getByTestId('nav-relations').waitFor();
    expect(await student.getByTestId('nav-accounting').count()).toBe(1);
    // Hugo's sandbox does not exist as far as Léa can tell.
    const answer = await student.request.get(`${stack.baseUrl}/api/v1/orgs/${theirs}`);
    expect(answer.status()).toBe(404);
    // Nor does the class list with her classmates' data.
    const classId = (await stack.store.db.selectFrom('training_class').select('id').executeTakeFirstOrThrow())
      .id;
    const list = await student.request.get(
      `${stack.baseUrl}/api/v1/orgs/${schoolId}/training/classes/${classId}/students`,
    );
    expect([403, 404]).toContain(list.status());
  });

  it('found no serious accessibility violation and no console error', () => expectClean('404'));
});
