import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import { createEmployee, employeeInput } from '../../src/personnel/index.ts';
import {
  acknowledgeNotice,
  approveMinutes,
  attendanceInput,
  cancelMeeting,
  conveneMeeting,
  createMeeting,
  createNotice,
  getMeeting,
  getNotice,
  listMeetingActions,
  listNotices,
  meetingInput,
  minutesInput,
  noticeInput,
  postingChecklist,
  postingInput,
  publishNotice,
  recordAttendance,
  recordMinutes,
  recordPosting,
  setActionDone,
  updateMeeting,
} from '../../src/production/index.ts';
import { buildOrganisation, buildParty } from '../support/factories.ts';
import { countRows } from '../support/schema.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

// Decision 0044 on both databases: meetings (room double-booking, convocation, attendance and proxies,
// quorum, minutes, actions) and notices (gap-free NS numbers, read acknowledgements), staff postings.

const meeting = (overrides: Record<string, unknown> = {}) =>
  meetingInput.parse({
    title: 'Conseil municipal du 3 décembre',
    kind: 'municipal_council',
    date: '2026-12-03',
    startTime: '18:30',
    endTime: '20:30',
    mode: 'in_person',
    room: 'Salle du Conseil',
    organiser: 'Le maire',
    participants: [],
    agenda: [
      { title: 'Budget primitif 2027', presenter: 'L’adjoint aux finances', durationMinutes: 45 },
      { title: 'Questions diverses' },
    ],
    ...overrides,
  });
const notice = (overrides: Record<string, unknown> = {}) =>
  noticeInput.parse({
    title: 'Fermeture de fin d’année',
    category: 'organisation',
    audience: 'staff',
    author: 'La directrice',
    body: 'Les bureaux seront fermés du 24 au 31 décembre.\n\nMerci de votre compréhension.',
    publishOn: '2026-11-20',
    ...overrides,
  });

describe.each(DIALECTS)('meetings and notices on %s', (dialect) => {
  let store: TestStore;
  let documentsDir: string;
  let orgId: string;
  let otherOrg: string;
  const employees: string[] = [];
  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);
  beforeAll(async () => {
    store = await createTestStore(dialect);
    documentsDir = await mkdtemp(join(tmpdir(), 'agora-meetings-'));
    orgId = (await buildOrganisation(store.db, null, { name: 'Mairie de Saint-Julien' })).id;
    otherOrg = (await buildOrganisation(store.db, null, { name: 'Autre' })).id;
    for (const [lastName, firstName, workplace] of [
      ['Durand', 'Léa', 'Accueil'],
      ['Petit', 'Marc', 'Services techniques'],
      ['Roux', 'Inès', 'Accueil'],
    ] as const) {
      const e = await tx((trx) =>
        createEmployee(
          trx,
          orgId,
          employeeInput.parse({
            lastName,
            firstName,
            sex: 'F',
            birthDate: '1990-01-01',
            nationality: 'Française',
            jobTitle: 'Agent',
            category: 'employee',
            contractType: 'cdi',
            weeklyHours: 3500,
            monthlyGross: 200000,
            hireDate: '2025-01-06',
            email: `${lastName.toLowerCase()}@mairie.example`,
            workplace,
          }),
          null,
        ),
      );
      employees.push(e.id);
    }
  });
  afterAll(async () => {
    await store?.drop();
    await rm(documentsDir, { recursive: true, force: true });
  });

  it('refuses a second meeting in the same room at an overlapping time, in French; other rooms and times pass', async () => {
    const first = await tx((trx) => createMeeting(trx, orgId, meeting(), null));
    expect(first).toMatchObject({ status: 'planned', room: 'Salle du Conseil' });
    const before = await countRows(store.db, 'production_meeting', orgId);
    await expect(
      tx((trx) =>
        createMeeting(
          trx,
          orgId,
          meeting({ title: 'Commission', room: ' salle du  conseil ', startTime: '20:00', endTime: '21:00' }),
          null,
        ),
      ),
    ).rejects.toThrow(/La salle « Salle du Conseil » est déjà réservée le 03\/12\/2026 de 18:30 à 20:30/);
    expect(await countRows(store.db, 'production_meeting', orgId)).toBe(before);
    // Back to back is not an overlap; another room, remote, or another organisation neither.
    await tx((trx) =>
      createMeeting(trx, orgId, meeting({ title: 'Après', startTime: '20:30', endTime: '21:00' }), null),
    );
    await tx((trx) =>
      createMeeting(trx, orgId, meeting({ title: 'Ailleurs', room: 'Salle des mariages' }), null),
    );
    await tx((trx) =>
      createMeeting(
        trx,
        orgId,
        meeting({ title: 'Visio', mode: 'remote', room: null, link: 'https://visio.example/x' }),
        null,
      ),
    );
    await tx((trx) => createMeeting(trx, otherOrg, meeting(), null));
    // A cancelled meeting frees its room; moving onto a booked slot is refused too.
    const moved = await tx((trx) =>
      createMeeting(trx, orgId, meeting({ title: 'Déplacée', date: '2026-12-04' }), null),
    );
    await expect(
      tx((trx) => updateMeeting(trx, orgId, moved.id, meeting({ title: 'Déplacée' }), null)),
    ).rejects.toThrow(/déjà réservée/);
    await tx((trx) => cancelMeeting(trx, orgId, first.id, 'Reportée', null));
    await tx((trx) => updateMeeting(trx, orgId, moved.id, meeting({ title: 'Déplacée' }), null));
    await expect(getMeeting(store.db, otherOrg, moved.id)).rejects.toThrow(/Réunion introuvable/);
  });

  it('convenes, records attendance with proxies, computes the quorum, writes and approves the minutes', async () => {
    const party = await buildParty(store.db, orgId, {
      name: 'Cabinet Conseil',
      email: 'contact@cabinet.example',
    });
    const m = await tx((trx) =>
      createMeeting(
        trx,
        orgId,
        meeting({
          date: '2026-12-10',
          participants: [
            { employeeId: employees[0] },
            { employeeId: employees[1] },
            { employeeId: employees[2] },
            { partyId: party.id },
            { name: 'Paul Girard', email: 'paul@example.fr', voting: false },
          ],
        }),
        null,
      ),
    );
    expect(m.participants.map((p) => [p.name, p.email, p.voting])).toEqual([
      ['Léa Durand', 'durand@mairie.example', true],
      ['Marc Petit', 'petit@mairie.example', true],
      ['Inès Roux', 'roux@mairie.example', true],
      ['Cabinet Conseil', 'contact@cabinet.example', true],
      ['Paul Girard', 'paul@example.fr', false],
    ]);
    expect(m.quorum).toMatchObject({
      members: 4,
      required: 3,
      rule: 'more_than',
      countsProxies: false,
      met: false,
    });
    await expect(
      tx((trx) =>
        recordAttendance(
          trx,
          orgId,
          m.id,
          attendanceInput.parse({
            entries: [{ participantId: m.participants[0]!.id, attendance: 'present' }],
          }),
          null,
        ),
      ),
    ).rejects.toThrow(/Impossible de saisir les présences d’une réunion au statut « planifiée »/);
    const convened = await conveneMeeting(store.db, documentsDir, orgId, m.id, false, null);
    expect(convened).toMatchObject({ status: 'convened', queued: 0 });
    expect(convened.convenedAt).not.toBeNull();
    const [a, b, c, d, e] = m.participants.map((p) => p.id);
    // A proxy must be held by someone present.
    await expect(
      tx((trx) =>
        recordAttendance(
          trx,
          orgId,
          m.id,
          attendanceInput.parse({
            entries: [
              { participantId: c, attendance: 'represented', proxyHolderId: d },
              { participantId: d, attendance: 'absent' },
            ],
          }),
          null,
        ),
      ),
    ).rejects.toThrow(/Cabinet Conseil doit être présent\(e\) pour détenir le pouvoir de Inès Roux/);
    const held = await tx((trx) =>
      recordAttendance(
        trx,
        orgId,
        m.id,
        attendanceInput.parse({
          entries: [
            { participantId: a, attendance: 'present' },
            { participantId: b, attendance: 'present' },
            { participantId: c, attendance: 'represented', proxyHolderId: a },
            { participantId: d, attendance: 'excused' },
            { participantId: e, attendance: 'present' },
          ],
        }),
        null,
      ),
    );
    expect(held.status).toBe('held');
    // Conseil municipal: 2 present of 4 members, a proxy does not count, more than half needed → not met.
    expect(held.quorum).toMatchObject({ members: 4, counted: 2, required: 3, met: false });
    const minutes = await tx((trx) =>
      recordMinutes(
        trx,
        orgId,
        m.id,
        minutesInput.parse({
          summary: 'Séance ouverte à 18 h 35.',
          decisions: [{ agendaItemId: held.agenda[0]!.id, decision: 'Budget adopté à l’unanimité.' }],
          actions: [
            {
              description: 'Transmettre le budget à la préfecture',
              owner: 'Secrétaire de mairie',
              dueDate: '2026-12-15',
              agendaItemId: held.agenda[0]!.id,
            },
            { description: 'Publier le compte rendu', owner: 'Secrétaire de mairie', dueDate: '2026-11-01' },
          ],
        }),
        null,
      ),
    );
    expect(minutes.agenda[0]!.decision).toBe('Budget adopté à l’unanimité.');
    expect(minutes.actions).toHaveLength(2);
    const approved = await tx((trx) => approveMinutes(trx, orgId, m.id, null));
    expect(approved.status).toBe('minutes_approved');
    await expect(tx((trx) => recordMinutes(trx, orgId, m.id, minutesInput.parse({}), null))).rejects.toThrow(
      /compte rendu approuvé/,
    );
    const open = await listMeetingActions(store.db, orgId, true, '2026-11-28');
    expect(open.items.map((x) => [x.description, x.overdue])).toEqual([
      ['Publier le compte rendu', true],
      ['Transmettre le budget à la préfecture', false],
    ]);
    const done = await tx((trx) => setActionDone(trx, orgId, open.items[0]!.id, true, null, '2026-11-28'));
    expect(done).toMatchObject({ doneOn: '2026-11-28', overdue: false });
    expect((await listMeetingActions(store.db, orgId, true)).items).toHaveLength(1);
    await expect(tx((trx) => setActionDone(trx, otherOrg, open.items[1]!.id, true, null))).rejects.toThrow(
      /Action introuvable/,
    );
    expect(await verifyAuditChain(store.db, orgId)).toMatchObject({ ok: true });
  });

  it('numbers notices at publication, gap-free per year, and tracks who has read them', async () => {
    const first = await tx((trx) => createNotice(trx, orgId, notice(), null));
    const second = await tx((trx) =>
      createNotice(
        trx,
        orgId,
        notice({ title: 'Consignes incendie', category: 'safety', audience: 'service', service: 'Accueil' }),
        null,
      ),
    );
    expect(first.number).toBeNull();
    // A publication rolled back gives its number back.
    await expect(
      tx(async (trx) => {
        await publishNotice(trx, orgId, first.id, null);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const published2 = await tx((trx) => publishNotice(trx, orgId, second.id, null));
    const published1 = await tx((trx) => publishNotice(trx, orgId, first.id, null));
    expect([published2.number, published1.number]).toEqual(['NS-2026-001', 'NS-2026-002']);
    const nextYear = await tx(async (trx) =>
      publishNotice(
        trx,
        orgId,
        (await createNotice(trx, orgId, notice({ publishOn: '2027-01-04' }), null)).id,
        null,
      ),
    );
    expect(nextYear.number).toBe('NS-2027-001');
    await expect(tx((trx) => publishNotice(trx, orgId, first.id, null))).rejects.toThrow(
      /NS-2026-002 est déjà publiée/,
    );
    // The service notice addresses the two employees of the reception desk.
    expect(published2.unread.map((u) => u.name)).toEqual(['Léa Durand', 'Inès Roux']);
    await expect(tx((trx) => acknowledgeNotice(trx, orgId, second.id, employees[1]!, null))).rejects.toThrow(
      /Marc Petit n’est pas destinataire de cette note/,
    );
    const read = await tx((trx) => acknowledgeNotice(trx, orgId, second.id, employees[0]!, null));
    const again = await tx((trx) => acknowledgeNotice(trx, orgId, second.id, employees[0]!, null));
    expect(again.readers).toEqual(read.readers);
    expect(read.readers.map((r) => r.name)).toEqual(['Léa Durand']);
    expect(read.unread.map((u) => u.name)).toEqual(['Inès Roux']);
    const current = await listNotices(store.db, orgId, { currentOn: '2026-11-28' });
    expect(current.items.map((n) => n.number).sort()).toEqual(['NS-2026-001', 'NS-2026-002']);
    expect(current.items.find((n) => n.id === second.id)!.readCount).toBe(1);
    await expect(getNotice(store.db, otherOrg, first.id)).rejects.toThrow(/Note introuvable/);
  });

  it('under concurrency: one booking of a room wins, published notices get distinct consecutive numbers', async () => {
    const tries = await Promise.allSettled(
      [0, 1, 2, 3].map((i) =>
        tx((trx) =>
          createMeeting(
            trx,
            orgId,
            meeting({ title: `Course ${i}`, date: '2027-02-01', room: 'Salle de la course' }),
            null,
          ),
        ),
      ),
    );
    expect(tries.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of tries.filter((x) => x.status === 'rejected'))
      expect(String((r as PromiseRejectedResult).reason)).toMatch(/déjà réservée/);
    const drafts = await Promise.all(
      [0, 1, 2, 3, 4].map(() =>
        tx((trx) => createNotice(trx, orgId, notice({ publishOn: '2028-03-01' }), null)),
      ),
    );
    const published = await Promise.all(
      drafts.map((d) => tx((trx) => publishNotice(trx, orgId, d.id, null))),
    );
    expect(published.map((n) => n.number).sort()).toEqual([
      'NS-2028-001',
      'NS-2028-002',
      'NS-2028-003',
      'NS-2028-004',
      'NS-2028-005',
    ]);
  });

  it('shows which mandatory postings are posted, missing or out of date', async () => {
    await tx((trx) =>
      recordPosting(
        trx,
        orgId,
        'labour_inspection',
        postingInput.parse({ postedOn: '2026-10-01', location: 'Hall' }),
        null,
      ),
    );
    await tx((trx) =>
      recordPosting(trx, orgId, 'working_hours', postingInput.parse({ postedOn: '2025-09-01' }), null),
    );
    const list = await postingChecklist(store.db, orgId, '2026-11-28');
    const state = (code: string) => list.items.find((i) => i.code === code)!.state;
    expect(list.headcount).toBe(3);
    expect(state('labour_inspection')).toBe('posted');
    expect(state('working_hours')).toBe('outdated');
    expect(state('equal_pay')).toBe('missing');
    expect(state('internal_rules')).toBe('not_required');
    expect(list.outdated).toBe(1);
    expect(list.missing).toBe(list.items.length - 3);
    await tx((trx) =>
      recordPosting(trx, orgId, 'working_hours', postingInput.parse({ postedOn: '2026-11-02' }), null),
    );
    expect((await postingChecklist(store.db, orgId, '2026-11-28')).outdated).toBe(0);
    await expect(
      tx((trx) => recordPosting(trx, orgId, 'nope', postingInput.parse({ postedOn: '2026-11-02' }), null)),
    ).rejects.toThrow(/Affichage obligatoire introuvable/);
  });
});
