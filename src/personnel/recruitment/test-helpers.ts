import type { Db } from '../../kernel/db/index.ts';
import { employeeInput } from '../employees/contract.ts';
import { saveTemplate } from '../onboarding/checklist.ts';
import { templateInput } from '../onboarding/contract.ts';
import { actionInput, reviewInput } from '../professional-training/contract.ts';
import { recordReview } from '../professional-training/reviews.ts';
import { createAction, enrolEmployee } from '../professional-training/staff-training.ts';
import { addApplicant, addInterview, hireApplicant } from './applicant.ts';
import { applicantInput, interviewInput, openingInput } from './contract.ts';
import { createOpening, publishOpening } from './opening.ts';

/**
 * Fills every table of recruitment, checklists and staff training (populate.ts, the copy and isolation
 * tests): an opening published, two applicants — one interviewed and hired (employee, onboarding list),
 * the other refused by the hiring — a template of its own, a training action with the new employee
 * enrolled, an entretien professionnel.
 */
export async function populateCareers(db: Db, orgId: string) {
  return db.transaction().execute(async (trx) => {
    await saveTemplate(
      trx,
      orgId,
      templateInput.parse({
        kind: 'onboarding',
        items: [{ label: 'DPAE', offsetMonths: 0, offsetDays: -1, legalRef: 'L1221-10' }],
      }),
      null,
    );
    const opening = await createOpening(
      trx,
      orgId,
      openingInput.parse({
        title: 'Assistant de gestion H/F',
        contractType: 'cdi',
        weeklyHours: 3500,
        description: 'Accueil, devis et factures, suivi des dossiers du personnel.',
        channels: ['france_travail'],
      }),
      null,
    );
    await publishOpening(trx, orgId, opening.id, null);
    const hired = await addApplicant(
      trx,
      orgId,
      opening.id,
      applicantInput.parse({ lastName: 'Petit', firstName: 'Hugo', cvReceivedOn: '2026-02-02' }),
      null,
    );
    await addApplicant(
      trx,
      orgId,
      opening.id,
      applicantInput.parse({ lastName: 'Garnier', firstName: 'Lucie', cvReceivedOn: '2026-02-03' }),
      null,
    );
    await addInterview(
      trx,
      orgId,
      hired.id,
      interviewInput.parse({ heldOn: '2026-02-10', interviewers: 'La directrice' }),
      null,
    );
    const { employee } = await hireApplicant(
      trx,
      orgId,
      hired.id,
      employeeInput.parse({
        lastName: 'Petit',
        firstName: 'Hugo',
        sex: 'M',
        birthDate: '1998-07-14',
        nationality: 'Française',
        jobTitle: 'Assistant de gestion',
        category: 'employee',
        contractType: 'cdi',
        weeklyHours: 3500,
        monthlyGross: 200000,
        hireDate: '2026-03-02',
      }),
      null,
    );
    const action = await createAction(
      trx,
      orgId,
      actionInput.parse({
        title: 'Sauveteur secouriste du travail',
        provider: 'Organisme SST',
        startsOn: '2026-04-13',
        endsOn: '2026-04-14',
        hours: 1400,
        cost: 45000,
        funding: 'opco',
      }),
      null,
    );
    await enrolEmployee(trx, orgId, action.id, employee.id, null);
    await recordReview(
      trx,
      orgId,
      reviewInput.parse({ employeeId: employee.id, kind: 'review', heldOn: '2026-04-20' }),
      null,
    );
    return { employee, openingId: opening.id, actionId: action.id };
  });
}
