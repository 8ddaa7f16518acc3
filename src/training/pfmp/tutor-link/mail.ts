import { formatDateFr, todayIn } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { enqueueEmail } from '../../../kernel/mail/index.ts';
import { getMailSettingsRow } from '../../../kernel/mail/settings.ts';
import type { TrainingScope } from '../../classes/access.ts';
import { studentDisplayName } from '../../classes/student-access.ts';
import type { TrainingPfmpAgreementTable } from '../../tables.ts';
import { audit } from '../access.ts';
import type { CreatedTutorLinkDto } from '../contract.ts';

// Sending the tutor's link by e-mail (decision 0031): through the organisation's outbox, in the
// transaction that creates the link — the message exists if and only if the link does. The token is in
// the queued message's text (the outbox keeps bodies as they are, to send them) and nowhere else.

export const NOT_CONFIGURED =
  'Le lien a été créé mais pas envoyé : aucun serveur d’envoi n’est configuré pour l’organisation (Paramètres › Messagerie). Copiez l’adresse ci-dessous et transmettez-la au tuteur.';

/** The message the tutor receives: the school, the student (first name and initial), the host, the expiry. */
export function tutorLinkMessage(fields: {
  schoolName: string;
  studentName: string;
  hostName: string;
  tutorName: string | null;
  expiresOn: string;
  url: string;
}) {
  const { schoolName, studentName, hostName, tutorName, expiresOn, url } = fields;
  return {
    subject: `Évaluation du stage de ${studentName} — ${schoolName}`,
    text: [
      `Bonjour${tutorName ? ` ${tutorName}` : ''},`,
      '',
      `${schoolName} vous remercie d’accueillir ${studentName} en période de formation en milieu professionnel (PFMP) chez ${hostName}.`,
      '',
      'Vous pouvez saisir votre évaluation du stage en ligne, sans compte ni mot de passe, par ce lien personnel :',
      url,
      '',
      `Ce lien est valable jusqu’au ${formatDateFr(expiresOn)} et ne sert qu’une fois. Ne le transférez pas : toute personne qui le détient peut saisir l’évaluation.`,
      '',
      'Cordialement,',
      schoolName,
      '',
    ].join('\n'),
  };
}

/**
 * Queues the link's e-mail in the caller's transaction and audits the sending (the address, never the
 * token). With no SMTP server set up, nothing is queued and the answer says so: the link stays, shown.
 */
export async function emailTutorLink(
  trx: Db,
  scope: TrainingScope,
  input: {
    agreement: TrainingPfmpAgreementTable;
    linkId: string;
    expiresAt: string;
    to: string;
    url: string;
  },
): Promise<NonNullable<CreatedTutorLinkDto['email']>> {
  const { agreement, linkId, to } = input;
  if (!(await getMailSettingsRow(trx, scope.orgId)))
    return { to, status: 'not-configured', message: NOT_CONFIGURED };
  const school = await trx
    .selectFrom('organisation')
    .select(['name', 'time_zone'])
    .where('org_id', '=', scope.orgId)
    .executeTakeFirstOrThrow();
  const student = await trx
    .selectFrom('training_student')
    .select(['first_name', 'last_initial'])
    .where('org_id', '=', scope.orgId)
    .where('id', '=', agreement.student_id)
    .executeTakeFirstOrThrow();
  const host = await trx
    .selectFrom('training_pfmp_host')
    .select('name')
    .where('org_id', '=', scope.orgId)
    .where('id', '=', agreement.host_id)
    .executeTakeFirstOrThrow();
  const tutor = agreement.tutor_id
    ? await trx
        .selectFrom('training_pfmp_tutor')
        .select('name')
        .where('org_id', '=', scope.orgId)
        .where('id', '=', agreement.tutor_id)
        .executeTakeFirst()
    : undefined;
  const message = tutorLinkMessage({
    schoolName: school.name,
    studentName: studentDisplayName(student),
    hostName: host.name,
    tutorName: tutor?.name ?? null,
    expiresOn: todayIn(school.time_zone ?? 'Europe/Paris', new Date(input.expiresAt)),
    url: input.url,
  });
  const queued = await enqueueEmail(
    trx,
    scope.orgId,
    { to: [to], ...message, source: `training.pfmp.tutor-link:${linkId}` },
    scope.userId,
  );
  await audit(trx, scope, 'tutor-link.emailed', 'training_pfmp_tutor_link', linkId, {
    agreementId: agreement.id,
    to,
    outboxMessage: queued.id,
  });
  return {
    to,
    status: 'queued',
    message: `Le lien a été mis dans la boîte d’envoi pour ${to} (Paramètres › Messagerie).`,
  };
}
