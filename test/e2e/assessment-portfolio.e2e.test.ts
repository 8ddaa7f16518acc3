import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { organisationInput } from '../../src/kernel/organisations/contract.ts';
import { createOrganisation } from '../../src/kernel/organisations/organisation.ts';
import { partyInput } from '../../src/kernel/parties/contract.ts';
import { createParty } from '../../src/kernel/parties/party.ts';
import { createUser, setMembership } from '../../src/kernel/users/users.ts';
import { listClassSandboxes } from '../../src/training/sandboxes/sandbox.ts';
import { handOutBlankScenario, trainingClass } from '../../src/training/test-helpers.ts';
import { pdfText } from '../support/pdf-text.ts';
import { browserAvailable, logIn, type Running, useBrowserSession, watchConsole } from './browser.ts';

// A teacher confirms a proposed level on a student's grid and looks at the class's heat map; the student
// adds an entry to their portfolio and downloads it as a PDF — with axe on every page visited.

const TEACHER = { email: 'prof.durand@lycee-du-val.test', password: 'Correct-Horse-42' };

describe.runIf(browserAvailable)('assessment and portfolio in a real browser', () => {
  const session = useBrowserSession({ page: false });
  const { audit, consoleErrors, expectClean } = session;
  let stack: Running;
  let schoolId = '';
  let classId = '';
  let student = { studentId: '', userId: '', email: '', password: '' };

  beforeAll(async () => {
    stack = session.stack;
    const db = stack.store.db;
    const teacherId = await db.transaction().execute(async (trx) => {
      const owner = await createUser(trx, {
        email: 'direction@lycee-du-val.test',
        name: 'Direction',
        password: TEACHER.password,
      });
      const school = await createOrganisation(
        trx,
        organisationInput.parse({ name: 'Lycée du Val', kind: 'public_body', vatRegime: 'not_liable' }),
        owner.id,
      );
      const user = await createUser(trx, { ...TEACHER, name: 'Paul Durand' });
      await setMembership(trx, { orgId: school.id, userId: user.id, role: 'teacher', actorId: owner.id });
      schoolId = school.id;
      return user.id;
    });
    const { scope, cls, logins } = await trainingClass(db, schoolId, teacherId, {
      students: 2,
      joined: 1,
      name: '1re AGOrA B',
    });
    classId = cls.id;
    student = logins[0]!;
    await handOutBlankScenario(stack.store, scope, cls.id);
    // The student has worked in their sandbox: a customer file, made with their own login.
    const sandbox = (await listClassSandboxes(db, scope, cls.id)).find(
      (s) => s.studentId === student.studentId,
    )!;
    await db
      .transaction()
      .execute((trx) =>
        createParty(
          trx,
          sandbox.sandboxOrgId,
          partyInput.parse({ kind: 'organisation', name: 'Boulangerie Morel', roles: ['customer'] }),
          student.userId,
        ),
      );
  }, 60_000);

  const signIn = async (email: string, password: string) => {
    const page = await (await stack.browser.newContext({ locale: 'fr-FR', acceptDownloads: true })).newPage();
    watchConsole(page, consoleErrors);
    await logIn(page, `${stack.baseUrl}/login`, { email, password });
    return page;
  };

  it('the teacher confirms a proposed level and sees it in the class heat map', {
    timeout: 90_000,
  }, async () => {
    const teacher = await signIn(TEACHER.email, TEACHER.password);
    await teacher.goto(`${stack.baseUrl}/orgs/${schoolId}/training/classes/${classId}`);
    await teacher.getByTestId('student-link').first().waitFor();
    await teacher.getByRole('link', { name: 'Élève1 D.' }).click();
    await teacher.getByRole('heading', { level: 1, name: 'Évaluation de Élève1 D.' }).waitFor();
    await teacher.getByTestId('evidence-row').getByText('Fiche tiers créée').waitFor();
    await teacher.getByTestId('competency-1.3.1').click();
    const row = teacher.getByTestId('indicator-1.3.1.i1');
    await row.getByText('Proposé : 2 — En cours d’acquisition').waitFor();
    await audit(teacher, 'évaluation d’un élève');
    await row.getByLabel('Niveau').selectOption('3');
    await row.getByLabel('Commentaire').fill('Fiche client complète.');
    await row.getByRole('button', { name: 'Confirmer' }).click();
    await row.getByText('Retenu : 3 — Acquis').waitFor();
    await row.getByText(/par Paul Durand le/).waitFor();
    const stored = await stack.store.db
      .selectFrom('training_assessment')
      .select(['indicator_code', 'level', 'proposed_level', 'comment'])
      .where('student_id', '=', student.studentId)
      .executeTakeFirstOrThrow();
    expect({ ...stored, level: Number(stored.level), proposed_level: Number(stored.proposed_level) }).toEqual(
      {
        indicator_code: '1.3.1.i1',
        level: 3,
        proposed_level: 2,
        comment: 'Fiche client complète.',
      },
    );

    await teacher.goto(`${stack.baseUrl}/orgs/${schoolId}/training/assessment/${classId}`);
    await teacher.getByTestId('heatmap').waitFor();
    const heatRow = teacher.getByTestId('heatmap').getByRole('row', { name: /^1\.3\.1 / });
    // Élève1 (worked: one indicator confirmed at 3, the others only practised → rated on the confirmed
    // one: 3); Élève2 (idle: not assessed).
    expect(await heatRow.getByTestId('heatmap-cell').allTextContents()).toEqual(['3', '—']);
    await audit(teacher, 'synthèse de classe');
  });

  it('the student adds a portfolio entry and downloads the PDF', { timeout: 90_000 }, async () => {
    const page = await signIn(student.email, student.password);
    await page.goto(`${stack.baseUrl}/orgs/${schoolId}/training`);
    await page.getByTestId('subnav-portfolio').click();
    await page.getByRole('heading', { level: 1, name: 'Mon portfolio' }).waitFor();
    await page.getByTestId('evidence-row').getByText('Boulangerie Morel').waitFor();
    await page.getByLabel('Type').selectOption('pfmp');
    await page.getByTestId('entry-title').fill('Stage à la mairie');
    await page.getByTestId('entry-body').fill('J’ai classé les dossiers des associations.');
    await page.getByTestId('entry-save').click();
    await page.getByTestId('portfolio-entry').getByText('Stage à la mairie').waitFor();
    await audit(page, 'mon portfolio');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('portfolio-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^portfolio-.*\.pdf$/);
    const text = pdfText(readFileSync((await download.path())!));
    expect(text).toContain('Portfolio de compétences — Élève1 D.');
    expect(text).toContain('Stage à la mairie');
    expect(text).toContain('Fiche tiers créée : Tiers Boulangerie Morel');

    // Their own grid, read-only: the teacher's level and comment, no button to change them.
    await page.getByTestId('my-assessment').click();
    await page.getByRole('heading', { level: 1, name: 'Évaluation de Élève1 D.' }).waitFor();
    await page.getByTestId('competency-1.3.1').click();
    await page.getByTestId('indicator-1.3.1.i1').getByText('Retenu : 3 — Acquis').waitFor();
    expect(await page.getByRole('button', { name: 'Confirmer' }).count()).toBe(0);
    await audit(page, 'mon évaluation');
  });

  it('found no serious accessibility violation and no console error', () => expectClean('404'));
});
