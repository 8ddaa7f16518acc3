import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDateFr, todayIn } from '../../src/kernel/dates/index.ts';
import { organisationInput } from '../../src/kernel/organisations/contract.ts';
import { createOrganisation } from '../../src/kernel/organisations/organisation.ts';
import { createUser, setMembership } from '../../src/kernel/users/users.ts';
import { placement, trainingClass } from '../../src/training/test-helpers.ts';
import { browserAvailable, type Running, useBrowserSession } from './browser.ts';

// The PFMP tutor enters the assessment without an account: the teacher makes a link for the agreement and
// copies it; the tutor opens it in a browser with no session, fills two indicators, signs and sends; the
// page then only thanks, and the teacher sees the assessment as entered by the tutor — axe on each page.

const TEACHER = { email: 'prof.tuteur@lycee-kerichen.test', password: 'Correct-Horse-42' };

describe.runIf(browserAvailable)('PFMP tutor link in a real browser', () => {
  const session = useBrowserSession();
  const { audit, login } = session;
  let stack: Running;
  let page: Page;
  let schoolId = '';
  let studentId = '';
  let tutorUrl = '';

  beforeAll(async () => {
    stack = session.stack;
    page = session.page;
    const teacherId = await stack.store.db.transaction().execute(async (trx) => {
      const owner = await createUser(trx, {
        email: 'direction.tuteur@lycee-kerichen.test',
        name: 'Direction',
        password: TEACHER.password,
      });
      const school = await createOrganisation(
        trx,
        organisationInput.parse({ name: 'Lycée Kerichen', kind: 'public_body', vatRegime: 'not_liable' }),
        owner.id,
      );
      const user = await createUser(trx, { ...TEACHER, name: 'Anne Le Floch' });
      await setMembership(trx, { orgId: school.id, userId: user.id, role: 'teacher', actorId: owner.id });
      schoolId = school.id;
      return user.id;
    });
    const { scope, students } = await trainingClass(stack.store.db, schoolId, teacherId, {
      students: 1,
      name: '1re AGOrA T',
    });
    studentId = students[0]!.id;
    // A signed agreement with tutor Claire Martin, tasks 1.1.t1 and 1.2.t2 ticked, a paper assessment.
    await placement(stack.store.db, scope, studentId, 'Cabinet Martin');
  }, 60_000);

  const studentPage = () => `${stack.baseUrl}/orgs/${schoolId}/training/pfmp/students/${studentId}`;

  it('lets the teacher create the link, shown once', { timeout: 60_000 }, async () => {
    await login(TEACHER, '/login');
    await page.goto(studentPage());
    await page.getByRole('heading', { level: 1, name: 'PFMP de Élève1 D.' }).waitFor();
    const status = page.getByTestId('tutor-link-status');
    await expect.poll(() => status.textContent()).toContain('Aucun lien pour l’instant');
    await expect
      .poll(() => page.getByTestId('assessment-origin').textContent())
      .toBe('Saisie le 16/10/2026 d’après la fiche papier du tuteur.');
    // Decision 0031: e-mail it too. The tutor's record has no address here; a bad one keeps the button off.
    await page.getByLabel('Envoyer le lien par e-mail au tuteur').check();
    const sendTo = page.getByLabel('Adresse e-mail du tuteur');
    await sendTo.fill('claire@');
    expect(await page.getByTestId('create-tutor-link').isDisabled()).toBe(true);
    await sendTo.fill('claire.martin@cabinet-martin.test');
    await page.getByTestId('create-tutor-link').click();
    const address = page.getByLabel('Adresse du lien');
    await address.waitFor();
    tutorUrl = await address.inputValue();
    // This school has no SMTP server: the link is made and shown, and the page says it was not sent.
    expect(await page.getByTestId('tutor-link-email').textContent()).toMatch(
      /^Le lien a été créé mais pas envoyé : aucun serveur d’envoi/,
    );
    expect(tutorUrl).toMatch(new RegExp(`^${stack.baseUrl}/tuteur/[A-Za-z0-9_-]{43}$`));
    await expect.poll(() => status.textContent()).toMatch(/^Lien actif jusqu’au \d\d\/\d\d\/\d{4}\.$/);
    await audit('PFMP d’un élève, lien du tuteur créé');
    // Shown once: after a reload, the state remains but not the address.
    await page.reload();
    await expect.poll(() => status.textContent()).toContain('Lien actif jusqu’au');
    expect(await page.getByLabel('Adresse du lien').count()).toBe(0);
  });

  it('lets the tutor, with no session, fill two indicators and send once', { timeout: 60_000 }, async () => {
    const tutor = await session.newPage();
    expect(await tutor.context().cookies()).toEqual([]);
    await tutor.goto(tutorUrl);
    await tutor
      .getByRole('heading', {
        level: 1,
        name: 'Évaluation de la période de formation en milieu professionnel',
      })
      .waitFor();
    await tutor.getByText('Élève : Élève1 D.').waitFor();
    expect(await tutor.getByText('Organisation d’accueil : Cabinet Martin').count()).toBe(1);
    expect(await tutor.getByText('Du 05/10/2026 au 16/10/2026').count()).toBe(1);
    expect(await tutor.getByTestId('tutor-activities').textContent()).toContain(
      '1.2.t2 — Traitement de la livraison et de la facturation',
    );
    // Nothing more about the student than the first name and initial.
    expect(await tutor.locator('main').textContent()).not.toContain('3 rue du Port');
    await audit(tutor, 'Page du tuteur');

    // The grid opens on the competency of an activity the student did.
    expect(await tutor.getByLabel('Compétence').inputValue()).toBe('1.1.1');
    await tutor.getByLabel(/^1\.1\.1\.i2 /).selectOption('4');
    await tutor.getByLabel('Commentaire (1.1.1.i2)').fill('Accueil très soigné.');
    await tutor.getByLabel('Compétence').selectOption('1.2.1');
    await tutor.getByLabel(/^1\.2\.1\.i1 /).selectOption('2');
    await expect
      .poll(() => tutor.getByTestId('tutor-assessed-count').textContent())
      .toBe('2 indicateurs évalués');
    await tutor.getByLabel('Appréciation générale du tuteur').fill('Élève motivée, à encourager.');
    expect(await tutor.getByLabel('Votre nom').inputValue()).toBe('Claire Martin');
    await tutor.getByLabel('Votre fonction').fill('Responsable administrative');

    // Without the certification: refused in French, nothing sent.
    await tutor.getByTestId('tutor-send').click();
    await expect
      .poll(() => tutor.getByText('Cochez la case pour certifier cette évaluation.').count())
      .toBeGreaterThan(0);
    await audit(tutor, 'Page du tuteur, erreur');
    await tutor.getByLabel(/^Je certifie avoir suivi l’élève/).check();
    await tutor.getByTestId('tutor-send').click();
    const thanks = tutor.getByTestId('tutor-thanks');
    await thanks.waitFor();
    const today = formatDateFr(todayIn('Europe/Paris'));
    expect(await thanks.textContent()).toContain(`Votre évaluation a bien été enregistrée le ${today}`);

    // On reload, the page only thanks: no grid, no button.
    await tutor.reload();
    await tutor.getByTestId('tutor-thanks').waitFor();
    expect(await tutor.getByTestId('tutor-send').count()).toBe(0);
    await audit(tutor, 'Page du tuteur, remerciements');

    // A link that does not work: a French message, whatever the reason.
    await tutor.goto(`${stack.baseUrl}/tuteur/${'x'.repeat(43)}`);
    await tutor.getByTestId('tutor-unavailable').waitFor();
    expect(await tutor.getByTestId('tutor-unavailable').textContent()).toContain(
      'Ce lien d’évaluation n’est pas valide',
    );
    await audit(tutor, 'Page du tuteur, lien non valide');
    await tutor.context().close();
  });

  it('shows the teacher the assessment as entered by the tutor', { timeout: 60_000 }, async () => {
    await page.goto(studentPage());
    const today = formatDateFr(todayIn('Europe/Paris'));
    await expect
      .poll(() => page.getByTestId('assessment-origin').textContent())
      .toBe(`Saisie par le tuteur le ${today}, par son lien d’évaluation.`);
    await expect
      .poll(() => page.getByTestId('tutor-link-status').textContent())
      .toMatch(/^Lien utilisé le .* par Claire Martin \(Responsable administrative\)\.$/);
    await page.getByText('Évaluation du tuteur (2 indicateurs)').click();
    await page.getByLabel('Compétence').selectOption('1.1.1');
    expect(await page.getByLabel(/^1\.1\.1\.i2 /).inputValue()).toBe('4');
    expect(await page.getByLabel('Commentaire (1.1.1.i2)').inputValue()).toBe('Accueil très soigné.');
    await audit('PFMP d’un élève, évaluation du tuteur');
  });

  it('found no serious or critical accessibility violation and no console error', () => {
    expect(session.findings).toEqual([]);
    // The refused sending (400) and the unknown link (404) are answers the pages show, not faults.
    expect(session.consoleErrors.filter((e) => !/status of 40[04]/.test(e))).toEqual([]);
  });
});
