import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { organisationInput } from '../../src/kernel/organisations/contract.ts';
import { createOrganisation } from '../../src/kernel/organisations/organisation.ts';
import { createUser, setMembership } from '../../src/kernel/users/users.ts';
import { pdfText } from '../support/pdf-text.ts';
import { browserAvailable, logIn, type Running, useBrowserSession, watchConsole } from './browser.ts';

// Issue 5's "done when", all in the browser: a teacher creates a class, a blank scenario whose customer
// they add in the template, hands it out, and writes a professional situation with a check built in the
// check builder; two students carry it out in their sandboxes — Léa invoices the right quantity, Hugo the
// wrong one — and the checks, the proposed levels and the portfolios differ accordingly. Axe on every
// page visited, no console error.

const TEACHER = { email: 'prof.mission@lycee-du-val.test', password: 'Correct-Horse-42' };
const CSV = 'Prénom;Nom;E-mail\nLéa;Dupont;lea.d@eleves.test\nHugo;Martin;hugo.m@eleves.test\n';
const CUSTOMER = 'Menuiserie Carrel SARL';
const SITUATION = 'Facturer la menuiserie Carrel';
const CHECK = 'La facture de la menuiserie est émise au bon montant';
// Competency 1.2.2 "Produire les documents…", indicator 3 "Fiabilité et conformité des documents produits
// à partir d'un PGI".
const INDICATOR = '1.2.2.i3';
const plain = (text: string | null) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

describe.runIf(browserAvailable)('a professional situation played by a class, in a real browser', () => {
  const session = useBrowserSession({ page: false });
  const { consoleErrors, expectClean } = session;
  let stack: Running;
  let schoolId = '';
  let teacher: Page;
  let situationPath = '';
  let codes: Record<string, string> = {};
  const invoices: Record<string, string> = {};

  beforeAll(async () => {
    stack = session.stack;
    // The school and its teacher exist (the school's administrator made them in the settings).
    await stack.store.db.transaction().execute(async (trx) => {
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
      const user = await createUser(trx, { ...TEACHER, name: 'Claire Mission' });
      await setMembership(trx, { orgId: school.id, userId: user.id, role: 'teacher', actorId: owner.id });
      schoolId = school.id;
    });
    teacher = await newPage();
  }, 60_000);

  async function newPage() {
    const page = await (await stack.browser.newContext({ locale: 'fr-FR', acceptDownloads: true })).newPage();
    watchConsole(page, consoleErrors);
    return page;
  }
  const audited = new Set<string>();
  /** Axe on a page, once per kind of page. */
  const audit = async (page: Page, label: string) => {
    if (audited.has(label)) return;
    audited.add(label);
    await session.audit(page, label);
  };
  /** Picks one option of a searchable Mantine MultiSelect by typing its start. */
  const pick = async (page: Page, label: string, typed: string, option: RegExp) => {
    await page.getByRole('combobox', { name: label, exact: true }).fill(typed);
    await page.getByRole('option', { name: option }).click();
    await page.keyboard.press('Escape');
  };

  it('the teacher creates a class, a scenario with its customer, hands it out and publishes a situation', {
    timeout: 90_000,
  }, async () => {
    await logIn(teacher, `${stack.baseUrl}/login`, TEACHER);
    await teacher.goto(`${stack.baseUrl}/orgs/${schoolId}/training`);
    await teacher.getByRole('heading', { level: 1, name: 'Formation' }).waitFor();

    await teacher.getByLabel('Classe', { exact: true }).fill('1re AGOrA C');
    await teacher.getByTestId('create-class').click();
    await teacher.getByTestId('classes-table').getByRole('link', { name: '1re AGOrA C' }).waitFor();
    // A blank company: fast to make and to copy; its one customer is added in the template below.
    await teacher.getByLabel('Titre', { exact: true }).fill('Mission Carrel');
    await teacher.getByLabel('Point de départ').selectOption('blank');
    await teacher.getByTestId('create-scenario').click();
    const scenarioRow = teacher.getByTestId('scenarios-table').getByRole('row', { name: /Mission Carrel/ });
    await scenarioRow.waitFor();

    // The teacher owns the template: the customer the statement names is made in the ordinary screen.
    await scenarioRow.getByRole('link').click();
    await teacher.waitForURL((url) => !url.pathname.includes('/training'));
    const templatePath = new URL(teacher.url()).pathname.replace(/^(\/orgs\/[^/]+).*$/, '$1');
    await teacher.goto(`${stack.baseUrl}${templatePath}/parties`);
    await teacher.getByRole('button', { name: 'Nouveau tiers' }).click();
    await teacher.getByLabel('Nom', { exact: true }).waitFor();
    await teacher.getByRole('radio', { name: 'Organisation' }).check();
    await teacher.getByLabel('Nom', { exact: true }).fill(CUSTOMER);
    await teacher.getByRole('checkbox', { name: 'Client' }).check();
    await teacher.getByLabel(/^SIREN/).fill('732829320');
    await teacher.getByRole('button', { name: 'Ajouter une adresse' }).click();
    const address = teacher.getByRole('group', { name: 'Adresse 1' });
    await address.getByLabel('Type d’adresse').selectOption('billing');
    await address
      .getByLabel(/^Adresse/)
      .first()
      .fill('12 rue des Artisans');
    await address.getByLabel(/^Code postal/).fill('69007');
    await address.getByLabel(/^Ville/).fill('Lyon');
    await teacher.getByRole('button', { name: 'Enregistrer' }).click();
    await teacher.waitForURL((url) => !url.pathname.endsWith('/new'));
    await teacher.getByTestId('party-row').filter({ hasText: CUSTOMER }).waitFor();

    await teacher.goto(`${stack.baseUrl}/orgs/${schoolId}/training`);
    await teacher.getByTestId('classes-table').getByRole('link', { name: '1re AGOrA C' }).click();
    await teacher.getByRole('heading', { level: 1, name: /1re AGOrA C/ }).waitFor();
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
      .poll(() => teacher.getByTestId('handout-status').textContent(), { timeout: 30_000 })
      .toContain('2 bac(s) à sable sur 2 prêts');

    // The situation, written in the UI: statement, target competency and indicator, one check.
    await teacher.getByTestId('new-situation-title').fill(SITUATION);
    await teacher.getByTestId('create-situation').click();
    await teacher.waitForURL(/\/training\/situations\//);
    situationPath = new URL(teacher.url()).pathname;
    await teacher.getByRole('heading', { level: 1, name: SITUATION }).waitFor();
    await teacher
      .getByTestId('situation-statement')
      .fill(
        `# Commande reçue\n\nLa **${CUSTOMER}** commande 2 journées de conseil à 150 € HT (TVA 20 %).\n\n` +
          '- Établissez la facture ;\n- validez-la.',
      );
    await pick(teacher, 'Compétences visées', '1.2.2', /^1\.2\.2 — /);
    await pick(teacher, 'Indicateurs d’évaluation', INDICATOR, /^1\.2\.2\.i3 — /);
    await teacher.getByTestId('add-check').click();
    await teacher.getByLabel('Libellé de la vérification 1').fill(CHECK);
    await teacher.getByLabel('Objet cherché (vérification 1)').selectOption('invoice');
    await teacher.getByLabel('Opérateur (vérification 1, condition 1)').selectOption('contains');
    await teacher.getByLabel('Valeur (vérification 1, condition 1)').fill('carrel');
    await teacher.getByTestId('add-condition').click();
    await teacher.getByLabel('Champ (vérification 1, condition 2)').selectOption('status');
    await teacher.getByLabel('Valeur (vérification 1, condition 2)').selectOption('validated');
    await teacher.getByTestId('add-condition').click();
    await teacher.getByLabel('Champ (vérification 1, condition 3)').selectOption('total');
    await teacher.getByLabel('Opérateur (vérification 1, condition 3)').selectOption('eq');
    await teacher.getByLabel('Valeur (vérification 1, condition 3)').fill('360,00');
    await pick(teacher, 'Indicateurs que la vérification 1 atteste', INDICATOR, /^1\.2\.2\.i3 — /);
    await teacher.getByLabel('Statut', { exact: true }).selectOption('published');
    await teacher.getByTestId('save-situation').click();
    await teacher.getByTestId('class-grid').getByText(CHECK).waitFor();
    await audit(teacher, 'situation (enseignant)');

    const stored = await stack.store.db
      .selectFrom('training_situation_check')
      .select(['entity', 'conditions', 'indicators'])
      .executeTakeFirstOrThrow();
    expect(stored.entity).toBe('invoice');
    expect(JSON.parse(stored.indicators)).toEqual([INDICATOR]);
    expect(JSON.parse(stored.conditions)).toEqual([
      { field: 'party', operator: 'contains', value: 'carrel' },
      { field: 'status', operator: 'eq', value: 'validated' },
      { field: 'total', operator: 'eq', value: 36_000 },
    ]);
  });

  /** A student joins with their code, invoices `quantity` days in their sandbox, and checks the situation. */
  async function carryOut(name: 'Léa D.' | 'Hugo M.', email: string, quantity: string) {
    const page = await newPage();
    await page.goto(`${stack.baseUrl}/join?code=${codes[name]}`);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel(/^Mot de passe/).fill('Bonjour-Agora-2026');
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.waitForURL(/\/training$/);
    await page.getByTestId('my-situations').getByRole('link', { name: SITUATION }).click();
    await page.getByTestId('statement').getByText(CUSTOMER).waitFor();
    await audit(page, 'situation (élève)');

    await page.getByTestId('open-sandbox').click();
    await page.waitForURL((url) => !url.pathname.includes('/training'));
    await page.getByTestId('nav-relations').click();
    await page.waitForURL(/\/relations\/invoices/);
    await page.getByTestId('invoice-new').click();
    await page.getByTestId('invoice-form').waitFor();
    await page.getByTestId('invoice-customer').fill('Carrel');
    await page.getByRole('option', { name: CUSTOMER }).click();
    await page.getByTestId('line-label-0').fill('Journée de conseil');
    await page.getByTestId('line-quantity-0').fill(quantity);
    await page.getByTestId('line-unit-price-0').fill('150');
    await page.getByTestId('line-vat-rate-0').selectOption('20');
    const gross = quantity === '2' ? '360,00 €' : '540,00 €';
    await expect.poll(async () => plain(await page.getByTestId('totals-gross').textContent())).toBe(gross);
    await audit(page, 'nouvelle facture (élève)');
    await page.getByTestId('invoice-validate').click();
    await page.getByTestId('invoice-validate-warning').waitFor();
    await page.getByTestId('invoice-validate-confirm').click();
    const heading = page.getByRole('heading', { level: 1, name: /^Facture FA-/ });
    await heading.waitFor({ timeout: 30_000 });
    invoices[name] = ((await heading.textContent()) ?? '').replace(/^Facture /, '');

    await page.goto(`${stack.baseUrl}${situationPath}`);
    await page.getByRole('heading', { level: 1, name: SITUATION }).waitFor();
    await page.getByTestId('check-mine').click();
    return page;
  }

  it('Léa invoices the right quantity in her sandbox: her check passes', { timeout: 90_000 }, async () => {
    const page = await carryOut('Léa D.', 'lea.d@eleves.test', '2');
    await expect
      .poll(async () => plain(await page.getByTestId('my-result-why').textContent()))
      .toBe(`Réussi : 1 facture conforme (${invoices['Léa D.']}).`);
    await page.getByTestId('my-result').getByText('Réussi', { exact: true }).waitFor();
  });

  it('Hugo invoices the wrong quantity: his check fails and says the total is wrong', {
    timeout: 90_000,
  }, async () => {
    const page = await carryOut('Hugo M.', 'hugo.m@eleves.test', '3');
    await expect
      .poll(async () => plain(await page.getByTestId('my-result-why').textContent()))
      .toMatch(/^Aucune facture ne remplit toutes les conditions \(/);
    // The nearest invoice is named, with what is wrong in it.
    expect(plain(await page.getByTestId('my-result-why').textContent())).toContain(
      `la plus proche : ${invoices['Hugo M.']}, total TTC 540,00 € au lieu de 360,00 €.`,
    );
    await page.getByTestId('my-result').getByText('Pas encore', { exact: true }).waitFor();
  });

  it('the teacher sees Léa passed and Hugo not, proposed levels 3 and 1, confirms Léa’s, and two portfolios', {
    timeout: 90_000,
  }, async () => {
    await teacher.goto(`${stack.baseUrl}${situationPath}`);
    await teacher.getByTestId('refresh-class').click();
    const row = (name: string) => teacher.getByTestId('grid-row').filter({ hasText: name });
    await row('Léa D.').getByText('Réussi', { exact: true }).waitFor();
    await row('Hugo M.').getByText('Pas encore', { exact: true }).waitFor();
    expect(plain(await row('Léa D.').locator('td').last().textContent())).toBe('1 / 1');
    expect(plain(await row('Hugo M.').locator('td').last().textContent())).toBe('0 / 1');

    const grid = async (name: string) => {
      await teacher.goto(`${stack.baseUrl}/orgs/${schoolId}/training`);
      await teacher.getByTestId('classes-table').getByRole('link', { name: '1re AGOrA C' }).click();
      await teacher.getByRole('link', { name }).click();
      await teacher.getByRole('heading', { level: 1, name: `Évaluation de ${name}` }).waitFor();
      await teacher.getByTestId(`competency-1.2.2`).click();
      return teacher.getByTestId(`indicator-${INDICATOR}`);
    };

    const hugo = await grid('Hugo M.');
    await hugo.getByText('Proposé : 1 — Non acquis').waitFor();
    expect(await hugo.textContent()).toContain(
      'Vérifications : 0 réussie(s), 1 échouée(s) sur 1 situation(s)',
    );
    await teacher.getByTestId('evidence-row').first().waitFor();
    const hugoEvidence = (await teacher.getByTestId('evidence-row').allTextContents()).map(plain);
    await audit(teacher, 'évaluation d’un élève');

    const lea = await grid('Léa D.');
    await lea.getByText('Proposé : 3 — Acquis').waitFor();
    expect(await lea.textContent()).toContain(
      'Vérifications : 1 réussie(s), 0 échouée(s) sur 1 situation(s)',
    );
    await lea.getByLabel('Niveau').selectOption('3');
    await lea.getByLabel('Commentaire').fill('Facture juste et validée.');
    await lea.getByRole('button', { name: 'Confirmer' }).click();
    await lea.getByText('Retenu : 3 — Acquis').waitFor();
    await teacher.getByTestId('evidence-row').first().waitFor();
    const leaEvidence = (await teacher.getByTestId('evidence-row').allTextContents()).map(plain);

    // Each portfolio lists its own invoice, with its own number and amount — and not the other's.
    const issued = (evidence: string[]) => evidence.filter((e) => e.includes('Facture émise'));
    expect(issued(leaEvidence)).toHaveLength(1);
    expect(issued(hugoEvidence)).toHaveLength(1);
    expect(issued(leaEvidence)[0]).toContain(`Facture ${invoices['Léa D.']} — 360,00 € TTC`);
    expect(issued(hugoEvidence)[0]).toContain(`Facture ${invoices['Hugo M.']} — 540,00 € TTC`);
    expect(leaEvidence.join('\n')).not.toContain('540,00 €');
    expect(hugoEvidence.join('\n')).not.toContain('360,00 €');

    const [download] = await Promise.all([
      teacher.waitForEvent('download'),
      teacher.getByTestId('portfolio-pdf').click(),
    ]);
    const text = plain(pdfText(readFileSync((await download.path())!)));
    expect(text).toContain('Portfolio de compétences — Léa D.');
    expect(text).toContain(`Facture émise : Facture ${invoices['Léa D.']} — 360,00 € TTC`);
    expect(text).not.toContain('540,00');

    const stored = await stack.store.db
      .selectFrom('training_assessment')
      .select(['indicator_code', 'level', 'proposed_level'])
      .execute();
    expect(
      stored.map((s) => ({ ...s, level: Number(s.level), proposed_level: Number(s.proposed_level) })),
    ).toEqual([{ indicator_code: INDICATOR, level: 3, proposed_level: 3 }]);

    await teacher.goto(`${stack.baseUrl}/orgs/${schoolId}/training`);
    await teacher.getByTestId('classes-table').getByRole('link', { name: '1re AGOrA C' }).click();
    await teacher.getByTestId('class-synthesis').click();
    await teacher.getByTestId('heatmap').waitFor();
    await audit(teacher, 'synthèse de classe');
    // The heat map rates the target competency on its checked indicator: Hugo 1, Léa 3 (confirmed).
    const heatmap = teacher.getByTestId('heatmap');
    const columns = (await heatmap.locator('thead th').allTextContents()).map((c) => c.trim());
    const competencyRow = heatmap.locator('tbody tr').filter({ hasText: /^1\.2\.2 / });
    const cells = (await competencyRow.getByTestId('heatmap-cell').allTextContents()).map((c) => c.trim());
    const levelOf = (name: string) => cells[columns.indexOf(name) - 1];
    expect([levelOf('Léa D.'), levelOf('Hugo M.')]).toEqual(['3', '1']);
  });

  it('found no serious accessibility violation and no console error', () => expectClean('404'));
});
