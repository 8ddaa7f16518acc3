import { recordAudit } from '../../../kernel/audit/audit.ts';
import { formatDateFr, todayIn } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { conflict, DomainError } from '../../../kernel/errors/domain-error.ts';
import { studentDisplayName } from '../../classes/student-access.ts';
import { findAgreement } from '../access.ts';
import { referentielOfStudent, schoolYearOf, storeAssessment } from '../agreements.ts';
import {
  assessableCompetencies,
  indicatorCode,
  type PublicTutorAssessmentDto,
  type TutorSubmissionInput,
} from '../contract.ts';
import { activitiesOf } from '../reading.ts';
import { hashToken, TOKEN_PATTERN } from './links.ts';

// The tutor's side of the link (decision 0029): no account, no session. The token is the only key; an
// unknown, expired or revoked one (or one whose agreement was cancelled) answers the same 404, so the
// page tells no one whether a link ever existed. What the page shows is kept to what the tutor needs.

export const LINK_UNAVAILABLE =
  'Ce lien d’évaluation n’est pas valide : il a expiré, a été remplacé ou n’existe pas. Demandez un nouveau lien à l’établissement.';

const unavailable = () => new DomainError('not-found', LINK_UNAVAILABLE);

const alreadySent = (assessedOn: string | null) =>
  conflict(
    `Cette évaluation a déjà été envoyée${assessedOn ? ` le ${formatDateFr(assessedOn)}` : ''} : ce lien ne permet plus de la modifier. Pour la corriger, demandez un nouveau lien à l’établissement.`,
  );

/** The live link a token opens, with its agreement, student and school; anything else is the same 404. */
async function openLink(db: Db, token: string, now: Date) {
  if (!TOKEN_PATTERN.test(token)) throw unavailable();
  // A copied organisation (a sandbox, a template) carries the school's rows, hashes included: only the
  // original answers.
  const rows = await db
    .selectFrom('training_pfmp_tutor_link as l')
    .innerJoin('organisation as o', 'o.org_id', 'l.org_id')
    .selectAll('l')
    .select(['o.name as school_name', 'o.time_zone'])
    .where('l.token_hash', '=', hashToken(token))
    .where('o.copied_from', 'is', null)
    .execute();
  const link = rows.length === 1 ? rows[0]! : undefined;
  if (!link || link.revoked_at || link.expires_at <= now.toISOString()) throw unavailable();
  const agreement = await findAgreement(db, link.org_id, link.agreement_id);
  if (agreement.status === 'cancelled') throw unavailable();
  const student = await db
    .selectFrom('training_student')
    .selectAll()
    .where('org_id', '=', link.org_id)
    .where('id', '=', agreement.student_id)
    .executeTakeFirstOrThrow();
  return { link, agreement, student };
}

/** What the tutor's page shows: the placement, the grid to fill, or the thanks once it was sent. */
export async function publicTutorAssessment(
  db: Db,
  token: string,
  now = new Date(),
): Promise<PublicTutorAssessmentDto> {
  const { link, agreement, student } = await openLink(db, token, now);
  const orgId = link.org_id;
  const host = await db
    .selectFrom('training_pfmp_host')
    .select('name')
    .where('org_id', '=', orgId)
    .where('id', '=', agreement.host_id)
    .executeTakeFirstOrThrow();
  const year = await schoolYearOf(db, orgId, agreement.school_year_id);
  const common = {
    schoolName: link.school_name,
    studentName: studentDisplayName(student),
    hostName: host.name,
    schoolYear: year.label,
    expiresAt: link.expires_at,
  };
  if (link.used_at)
    return {
      ...common,
      status: 'submitted',
      periods: [],
      activities: [],
      competencies: [],
      tutor: null,
      submitted: {
        assessedOn: agreement.assessed_on ?? link.used_at.slice(0, 10),
        signerName: link.signer_name ?? '',
      },
    };
  const referentiel = await referentielOfStudent(db, orgId, student);
  const periods = await db
    .selectFrom('training_pfmp_period')
    .select(['starts_on', 'ends_on'])
    .where('org_id', '=', orgId)
    .where('agreement_id', '=', agreement.id)
    .orderBy('starts_on')
    .execute();
  const titles = new Map(
    referentiel.areas.flatMap((a) => a.activities.flatMap((x) => x.tasks.map((t) => [t.code, t.title]))),
  );
  const ticked = await activitiesOf(db, orgId, [agreement.id]);
  const tutor = agreement.tutor_id
    ? await db
        .selectFrom('training_pfmp_tutor')
        .select(['name', 'function'])
        .where('org_id', '=', orgId)
        .where('id', '=', agreement.tutor_id)
        .executeTakeFirst()
    : undefined;
  return {
    ...common,
    status: 'open',
    periods: periods.map((p) => ({ startsOn: p.starts_on, endsOn: p.ends_on })),
    activities: ticked.map((a) => ({ code: a.task_code, title: titles.get(a.task_code) ?? a.task_code })),
    competencies: assessableCompetencies(referentiel.blocks).map(({ block, competency }) => ({
      code: competency.code,
      title: competency.title,
      blockCode: block.code,
      blockTitle: block.title,
      activities: competency.activities,
      indicators: competency.indicators.map((label, i) => ({
        code: indicatorCode(competency.code, i),
        label,
      })),
    })),
    tutor: tutor ? { name: tutor.name, function: tutor.function } : null,
    submitted: null,
  };
}

/**
 * The tutor sends the assessment: stored as the agreement's assessment, origin `tutor`, dated today in
 * the school's time zone, and the link is spent — all in the caller's transaction. A second sending
 * answers 409; bad indicators answer 400 and nothing is written.
 */
export async function submitTutorAssessment(
  trx: Db,
  token: string,
  input: TutorSubmissionInput,
  now = new Date(),
): Promise<{ message: string; assessedOn: string }> {
  const { link, agreement, student } = await openLink(trx, token, now);
  if (link.used_at) throw alreadySent(agreement.assessed_on);
  const assessedOn = todayIn(link.time_zone, now);
  // Spending the link is the guard against two sendings at once: only one update finds it unused.
  const claimed = await trx
    .updateTable('training_pfmp_tutor_link')
    .set({ used_at: now.toISOString(), signer_name: input.tutorName, signer_function: input.tutorFunction })
    .where('org_id', '=', link.org_id)
    .where('id', '=', link.id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw alreadySent(null);
  await storeAssessment(
    trx,
    link.org_id,
    student,
    agreement.id,
    { source: 'tutor', assessedOn, comment: input.comment, items: input.items },
    null,
  );
  await recordAudit(trx, {
    orgId: link.org_id,
    actorId: null,
    action: 'training.pfmp.assessment.submitted-by-tutor',
    entity: 'training_pfmp_agreement',
    entityId: agreement.id,
    after: {
      linkId: link.id,
      tutorName: input.tutorName,
      tutorFunction: input.tutorFunction,
      assessedOn,
      comment: input.comment,
      items: input.items,
    },
  });
  return {
    message: 'Merci : votre évaluation a bien été enregistrée et transmise à l’établissement.',
    assessedOn,
  };
}
