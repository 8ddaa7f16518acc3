import { formatDateFr, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict } from '../../kernel/errors/domain-error.ts';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { lettersPdf } from '../../relations/index.ts';
import { getApplicantRow } from './applicant.ts';
import { getOpeningRow } from './opening.ts';
import { RETENTION_YEARS } from './retention.ts';

// The letter telling an applicant their application was not kept: courteous, without a reason (none is
// owed), with the information the RGPD asks for (art. 13-14: how long the data are kept, the rights).

export async function refusalLetterPdf(db: Db, orgId: string, applicantId: string) {
  const applicant = await getApplicantRow(db, orgId, applicantId);
  if (applicant.status !== 'refused')
    throw conflict('La lettre de refus se prépare pour une candidature refusée.');
  const opening = await getOpeningRow(db, orgId, applicant.opening_id);
  const organisation = await getOrganisation(db, orgId);
  const sender = [
    organisation.name,
    organisation.addressLine1 ?? '',
    [organisation.postalCode, organisation.city].filter(Boolean).join(' '),
  ].filter(Boolean);
  const name = `${applicant.first_name} ${applicant.last_name}`;
  const day = applicant.refused_on ?? todayIn(organisation.timeZone);
  const body = [
    `Madame, Monsieur,`,
    '',
    `Vous nous avez adressé votre candidature au poste de ${opening.title}, reçue le ${formatDateFr(applicant.cv_received_on)}, et nous vous en remercions.`,
    '',
    'Après examen attentif, nous sommes au regret de vous informer que nous ne pouvons pas y donner une suite favorable.',
    '',
    `Si vous l’acceptez, nous conserverons votre candidature ${RETENTION_YEARS} ans au plus après notre dernier contact, afin de pouvoir vous proposer un autre poste ; vous pouvez à tout moment y accéder, la faire rectifier ou supprimer en nous écrivant.`,
    '',
    'Nous vous souhaitons pleine réussite dans vos recherches et vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.',
    '',
    organisation.name,
  ].join('\n');
  const pdf = await lettersPdf(`Réponse à votre candidature — ${name}`, sender, [
    {
      recipient: [name, applicant.email ?? ''].filter(Boolean),
      dateLine: `${organisation.city ? `${organisation.city}, le` : 'Le'} ${formatDateFr(day)}`,
      subject: `Votre candidature au poste de ${opening.title}`,
      body,
    },
  ]);
  return {
    pdf,
    fileName: `refus-candidature-${applicant.last_name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`,
  };
}
