import type { Db } from '../../../kernel/db/index.ts';
import { noticeInput, postingInput } from '../notices/contract.ts';
import { acknowledgeNotice, createNotice, publishNotice } from '../notices/notice.ts';
import { recordPosting } from '../notices/staff-postings.ts';
import { attendanceInput, meetingInput, minutesInput } from './contract.ts';
import { conveneMeeting } from './convocation.ts';
import { createMeeting } from './meeting.ts';
import { recordAttendance, recordMinutes } from './meeting-session.ts';

/** A meeting planned, convened, held with its minutes and an action; a published notice read by one
 * employee; one staff posting — so every workplace table has a row (test/support/populate.ts). */
export async function populateMeetingsAndNotices(
  db: Db,
  orgId: string,
  documentsDir: string,
  employeeId: string,
  date = '2026-03-10',
): Promise<void> {
  const meeting = await db.transaction().execute((trx) =>
    createMeeting(
      trx,
      orgId,
      meetingInput.parse({
        title: 'Réunion de service mensuelle',
        kind: 'service_meeting',
        date,
        startTime: '09:00',
        endTime: '10:00',
        mode: 'in_person',
        room: 'Salle de réunion',
        organiser: 'La direction',
        participants: [
          { employeeId },
          { name: 'Invité extérieur', email: 'invite@exemple.fr', voting: false },
        ],
        agenda: [{ title: 'Planning du mois', presenter: 'La direction', durationMinutes: 30 }],
      }),
      null,
    ),
  );
  await conveneMeeting(db, documentsDir, orgId, meeting.id, false, null);
  await db.transaction().execute(async (trx) => {
    await recordAttendance(
      trx,
      orgId,
      meeting.id,
      attendanceInput.parse({
        entries: meeting.participants.map((p) => ({ participantId: p.id, attendance: 'present' })),
      }),
      null,
    );
    await recordMinutes(
      trx,
      orgId,
      meeting.id,
      minutesInput.parse({
        summary: 'Réunion tenue.',
        decisions: [{ agendaItemId: meeting.agenda[0]!.id, decision: 'Planning validé.' }],
        actions: [{ description: 'Diffuser le planning', owner: 'La direction', dueDate: date }],
      }),
      null,
    );
  });
  await db.transaction().execute(async (trx) => {
    const notice = await createNotice(
      trx,
      orgId,
      noticeInput.parse({
        title: 'Horaires d’ouverture',
        category: 'organisation',
        audience: 'staff',
        author: 'La direction',
        body: 'Les horaires changent.',
        publishOn: date,
      }),
      null,
    );
    await publishNotice(trx, orgId, notice.id, null);
    await acknowledgeNotice(trx, orgId, notice.id, employeeId, null);
    await recordPosting(trx, orgId, 'working_hours', postingInput.parse({ postedOn: date }), null);
  });
}
