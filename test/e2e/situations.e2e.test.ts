import { beforeAll, describe, expect, it } from 'vitest';
import { organisationInput } from '../../src/kernel/organisations/contract.ts';
import { createOrganisation } from '../../src/kernel/organisations/organisation.ts';
import { partyInput } from '../../src/kernel/parties/contract.ts';
import { createParty } from '../../src/kernel/parties/party.ts';
import { createUser } from '../../src/kernel/users/users.ts';
import { handOutBlankScenario, trainingClass } from '../../src/training/test-helpers.ts';
import { browserAvailable, logIn, type Running, useBrowserSession, watchConsole } from './browser.ts';

// A professional situation end to end: the teacher writes a check in the UI, without code; the student
// checks their sandbox, fails with the reason, does the work, and passes. The class and its hand-out
// are made by the domain functions (the training e2e test covers those screens).

const TEACHER = { email: 'prof.situations@lycee-du-val.test', password: 'Correct-Horse-42' };

describe.runIf(browserAvailable)('professional situations in a real browser', () => {
  const session = useBrowserSession({ page: false });
  const { audit, consoleErrors, expectClean } = session;
  let stack: Running;
  let schoolId = '';
  let classId = '';
  let student = { email: '', password: '', sandboxOrgId: '' };

  beforeAll(async () => {
    stack = session.stack;
    const db = stack.store.db;
    const { owner, teacher } = await db.transaction().execute(async (trx) => ({
      owner: await createUser(trx, {
        email: 'dir@lycee-du-val.test',
        name: 'Direction',
        password: TEACHER.password,
      }),
      teacher: await createUser(trx, { ...TEACHER, name: 'Paul Situations' }),
    }));
    schoolId = (
      await db
        .transaction()
        .execute((trx) =>
          createOrganisation(
            trx,
            organisationInput.parse({ name: 'Lycée du Val', kind: 'public_body', vatRegime: 'not_liable' }),
            owner.id,
          ),
        )
    ).id;
    const made = await trainingClass(db, schoolId, teacher.id, {
      students: 1,
      joined: 1,
      name: '1re AGOrA B',
    });
    classId = made.cls.id;
    await handOutBlankScenario({ db, dialect: 'sqlite' }, made.scope, classId);
    const sandbox = await db
      .selectFrom('training_sandbox')
      .select('sandbox_org_id')
      .where('org_id', '=', schoolId)
      .executeTakeFirstOrThrow();
    student = { ...made.logins[0]!, sandboxOrgId: sandbox.sandbox_org_id };
  }, 60_000);

  it('the teacher builds a check in the UI; the student sees it fail, does the work, and sees it pass', {
    timeout: 120_000,
  }, async () => {
    const teacher = await (await stack.browser.newContext({ locale: 'fr-FR' })).newPage();
    watchConsole(teacher, consoleErrors);
    await logIn(teacher, `${stack.baseUrl}/login`, TEACHER);
    await teacher.goto(`${stack.baseUrl}/orgs/${schoolId}/training/classes/${classId}`);
    await teacher.getByTestId('new-situation-title').fill('Nouveau client');
    await teacher.getByTestId('create-situation').click();
    await teacher.waitForURL(/\/training\/situations\//);
    await teacher.getByRole('heading', { level: 1, name: 'Nouveau client' }).waitFor();

    await teacher
      .getByTestId('situation-statement')
      .fill('# Mission\n\nEnregistrez la **Boulangerie Martin**.');
    await teacher.getByTestId('add-check').click();
    await teacher.getByLabel('Libellé de la vérification 1').fill('La boulangerie est enregistrée');
    await teacher.getByLabel('Objet cherché (vérification 1)').selectOption('party');
    await teacher.getByLabel('Opérateur (vérification 1, condition 1)').selectOption('contains');
    await teacher.getByLabel('Valeur (vérification 1, condition 1)').fill('boulangerie martin');
    await teacher.getByLabel('Statut', { exact: true }).selectOption('published');
    await teacher.getByTestId('save-situation').click();
    await teacher.getByTestId('class-grid').getByText('La boulangerie est enregistrée').waitFor();
    await audit(teacher, 'situation (enseignant)');

    const page = await (await stack.browser.newContext({ locale: 'fr-FR' })).newPage();
    watchConsole(page, consoleErrors);
    await logIn(page, `${stack.baseUrl}/login`, student);
    await page.goto(`${stack.baseUrl}/orgs/${schoolId}/training`);
    await page.getByTestId('my-situations').getByRole('link', { name: 'Nouveau client' }).click();
    await page.getByTestId('statement').getByText('Boulangerie Martin').waitFor();
    await page.getByTestId('check-mine').click();
    await expect
      .poll(() => page.getByTestId('my-result-why').textContent())
      .toMatch(/^Aucun tiers dans le bac à sable \(attendu : nom contient « boulangerie martin »\)/);
    await audit(page, 'situation (élève)');

    // The work, in the student's sandbox (the parties screens are covered by their own tests).
    await stack.store.db
      .transaction()
      .execute((trx) =>
        createParty(
          trx,
          student.sandboxOrgId,
          partyInput.parse({ kind: 'organisation', name: 'Boulangerie Martin', roles: ['customer'] }),
          null,
        ),
      );
    await page.getByTestId('check-mine').click();
    await expect
      .poll(() => page.getByTestId('my-result-why').textContent())
      .toBe('Réussi : 1 tiers conforme (Boulangerie Martin).');

    await teacher.getByTestId('refresh-class').click();
    await teacher.getByTestId('grid-row').getByText('Réussi').waitFor();

    // Reuse: « Dupliquer » opens a draft copy; « Supprimer », once confirmed, deletes it and leaves the original.
    await teacher.getByTestId('duplicate-situation').click();
    await teacher.getByRole('heading', { level: 1, name: 'Nouveau client (copie)' }).waitFor();
    await teacher.getByTestId('delete-situation').click();
    await teacher.getByRole('dialog', { name: 'Supprimer la situation' }).waitFor();
    await audit(teacher, 'suppression d’une situation (confirmation)');
    await teacher.getByTestId('delete-situation-confirm').click();
    await teacher.waitForURL(new RegExp(`/training/classes/${classId}$`));
    const list = teacher.getByTestId('situations-table');
    await list.getByRole('link', { name: 'Nouveau client', exact: true }).waitFor();
    await expect.poll(() => list.getByRole('link', { name: 'Nouveau client (copie)' }).count()).toBe(0);
  });

  it('found no serious accessibility violation and no console error', () => expectClean('404'));
});
