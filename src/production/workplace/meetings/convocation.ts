import { recordAudit } from '../../../kernel/audit/audit.ts';
import { formatDateFr, nowInstant } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { putBytes, recordDocument } from '../../../kernel/documents/document-store.ts';
import { invalid } from '../../../kernel/errors/domain-error.ts';
import { enqueueEmail } from '../../../kernel/mail/index.ts';
import { getMailSettingsRow } from '../../../kernel/mail/settings.ts';
import { getOrganisation } from '../../../kernel/organisations/organisation.ts';
import { renderReport } from '../../../ledger/index.ts';
import { MEETING_KIND_LABELS_FR, type MeetingDto } from './contract.ts';
import { meetingIcs } from './ics.ts';
import { MEETING, requireMeetingStatus } from './meeting.ts';
import { convocationTable, longDateFr } from './meeting-documents.ts';
import { getMeeting } from './meeting-read.ts';

// Convening a meeting: the convocation (PDF, with the agenda) and its invitation (.ics) are made once,
// outside the transaction, stored as documents, and — when asked — e-mailed to every participant with an
// address through the organisation's outbox (src/kernel/mail), in the transaction that marks it convened.

export async function convocationPdf(db: Db, orgId: string, id: string) {
  const [meeting, org] = await Promise.all([getMeeting(db, orgId, id), getOrganisation(db, orgId)]);
  return renderReport(convocationTable(meeting, org.name), 'pdf', org.name);
}

export function invitationIcs(meeting: MeetingDto, stamp = nowInstant()): string {
  const agenda = meeting.agenda.map((a) => `${a.position}. ${a.title}`).join('\n');
  return meetingIcs({
    uid: `${meeting.id}@agora`,
    stamp,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    summary: meeting.title,
    description: `${MEETING_KIND_LABELS_FR[meeting.kind]} organisée par ${meeting.organiser}.${agenda ? `\nOrdre du jour :\n${agenda}` : ''}${meeting.link ? `\nConnexion : ${meeting.link}` : ''}`,
    location: meeting.room ?? meeting.link,
    url: meeting.link,
    cancelled: meeting.status === 'cancelled',
    sequence: meeting.status === 'cancelled' ? 1 : 0,
  });
}

function emailText(m: MeetingDto, organisation: string): string {
  return [
    'Madame, Monsieur,',
    '',
    `Vous êtes convoqué(e) à la réunion « ${m.title} » (${MEETING_KIND_LABELS_FR[m.kind].toLowerCase()}) le ${longDateFr(m.date)}, de ${m.startTime} à ${m.endTime}.`,
    ...(m.room ? [`Lieu : ${m.room}`] : []),
    ...(m.link ? [`Connexion : ${m.link}`] : []),
    '',
    'Ordre du jour :',
    ...m.agenda.map((a) => `${a.position}. ${a.title}`),
    '',
    'La convocation (PDF) et l’invitation à ajouter à votre agenda (.ics) sont jointes.',
    '',
    `${m.organiser}, pour ${organisation}`,
  ].join('\n');
}

export async function conveneMeeting(
  db: Db,
  documentsDir: string,
  orgId: string,
  id: string,
  sendEmails: boolean,
  actorId: string | null,
): Promise<MeetingDto & { queued: number }> {
  await requireMeetingStatus(db, orgId, id, ['planned', 'convened'], 'de convoquer');
  const meeting = await getMeeting(db, orgId, id);
  const recipients = meeting.participants.filter((p) => p.email);
  if (sendEmails) {
    if (!(await getMailSettingsRow(db, orgId)))
      throw invalid(
        'Aucun serveur d’envoi n’est configuré pour l’organisation (Paramètres › Messagerie) : téléchargez la convocation ou configurez l’envoi.',
        [{ field: 'sendEmails', message: 'Courriel non configuré.' }],
      );
    if (recipients.length === 0)
      throw invalid('Aucun participant n’a d’adresse électronique : la convocation ne peut être envoyée.', [
        { field: 'sendEmails', message: 'Aucune adresse.' },
      ]);
  }
  const org = await getOrganisation(db, orgId);
  const pdf = await renderReport(convocationTable(meeting, org.name), 'pdf', org.name);
  const pdfBytes = new Uint8Array(pdf.body as Buffer);
  const ics = new TextEncoder().encode(invitationIcs(meeting));
  const [pdfSha, icsSha] = await Promise.all([putBytes(documentsDir, pdfBytes), putBytes(documentsDir, ics)]);
  let queued = 0;
  await db.transaction().execute(async (trx) => {
    await requireMeetingStatus(trx, orgId, id, ['planned', 'convened'], 'de convoquer');
    const pdfDoc = await recordDocument(trx, {
      orgId,
      sha256: pdfSha,
      fileName: pdf.fileName,
      mediaType: 'application/pdf',
      size: pdfBytes.byteLength,
      actorId,
    });
    const icsDoc = await recordDocument(trx, {
      orgId,
      sha256: icsSha,
      fileName: 'invitation.ics',
      mediaType: 'text/calendar',
      size: ics.byteLength,
      actorId,
    });
    if (sendEmails)
      for (const p of recipients) {
        await enqueueEmail(
          trx,
          orgId,
          {
            to: [p.email!],
            subject: `Convocation – ${meeting.title} – ${formatDateFr(meeting.date)}`,
            text: emailText(meeting, org.name),
            source: `production.meeting:${id}`,
            attachments: [{ documentId: pdfDoc.id }, { documentId: icsDoc.id }],
          },
          actorId,
        );
        queued++;
      }
    await trx
      .updateTable('production_meeting')
      .set({
        status: 'convened',
        convened_at: nowInstant(),
        convocation_document_id: pdfDoc.id,
        updated_at: nowInstant(),
      })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      orgId,
      actorId,
      action: 'production.meeting.convened',
      entity: MEETING,
      entityId: id,
      after: { document: pdfDoc.id, emails: queued },
    });
  });
  return { ...(await getMeeting(db, orgId, id)), queued };
}
