import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildParty } from '../../../test/support/factories.ts';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { listOutbox } from '../../kernel/mail/index.ts';
import { eventInput, invitationInput } from './contract.ts';
import { addGuests, createEvent, getEvent, setGuestStatus, updateEvent } from './event.ts';
import { attendanceSheetPdf, inviteGuests } from './event-mail.ts';

describe.each(DIALECTS)('events on %s', (dialect) => {
  let store: TestStore;
  let orgId: string;
  let alice: string;
  let bob: string;
  let carla: string;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    orgId = (await buildOrganisation(store.db, null, { name: 'Les Jardins Partagés' })).id;
    alice = (
      await buildParty(store.db, orgId, {
        kind: 'person',
        name: 'Alice Martin',
        roles: ['member'],
        email: 'alice@exemple.fr',
        addresses: [{ kind: 'billing', line1: '3 rue Neuve', postalCode: '69003', city: 'Lyon' }],
      })
    ).id;
    bob = (await buildParty(store.db, orgId, { kind: 'person', name: 'Bob Durand', roles: ['member'] })).id;
    carla = (
      await buildParty(store.db, orgId, {
        name: 'Carla SARL',
        roles: ['prospect'],
        email: 'carla@exemple.fr',
      })
    ).id;
  });
  afterAll(async () => {
    await store?.drop();
  });

  const tx = <T>(work: (trx: typeof store.db) => Promise<T>) => store.db.transaction().execute(work);

  it('keeps an event with its costs in cents, guests, registrations within capacity and attendance', async () => {
    const event = await tx((trx) =>
      createEvent(
        trx,
        orgId,
        eventInput.parse({
          kind: 'general_assembly',
          title: 'Assemblée générale 2026',
          date: '2026-06-13',
          startTime: '14:00',
          endTime: '17:30',
          place: 'Salle des fêtes, Lyon',
          capacity: 2,
          costs: [
            { label: 'Location de salle', amount: 25000 },
            { label: 'Buffet', amount: 18050 },
          ],
        }),
        null,
      ),
    );
    expect(event.totalCost).toBe(43050);
    await tx((trx) => addGuests(trx, orgId, event.id, [alice, bob, carla, alice], null));
    await tx((trx) => setGuestStatus(trx, orgId, event.id, alice, 'registered', null));
    await tx((trx) => setGuestStatus(trx, orgId, event.id, bob, 'registered', null));
    await expect(
      tx((trx) => setGuestStatus(trx, orgId, event.id, carla, 'registered', null)),
    ).rejects.toThrow(/Capacité atteinte/);
    await tx((trx) => setGuestStatus(trx, orgId, event.id, alice, 'attended', null));
    await tx((trx) => setGuestStatus(trx, orgId, event.id, bob, 'absent', null));
    const after = await getEvent(store.db, orgId, event.id);
    expect(after.guests.map((g) => [g.name, g.status])).toEqual([
      ['Alice Martin', 'attended'],
      ['Bob Durand', 'absent'],
      ['Carla SARL', 'invited'],
    ]);
    expect(after.counts).toMatchObject({ attended: 1, absent: 1, invited: 1 });
    await expect(
      tx((trx) =>
        updateEvent(trx, orgId, event.id, eventInput.parse({ ...after, capacity: 1, costs: [] }), null),
      ),
    ).resolves.toMatchObject({ capacity: 1, totalCost: 0 });
    await expect(tx((trx) => addGuests(trx, orgId, event.id, ['inconnu'], null))).rejects.toThrow(
      /introuvable/,
    );

    const text = pdfText((await attendanceSheetPdf(store.db, orgId, event.id)).pdf);
    expect(text).toContain('Feuille d’émargement — Assemblée générale 2026');
    expect(text).toContain('Assemblée générale du 13/06/2026 de 14 h 00 à 17 h 30');
    expect(text).toMatch(/Alice Martin Lyon Présent/);
    expect(text).toMatch(/Bob Durand Absent/);
    expect(text).toContain('Signature');
  });

  it('puts one merged invitation per guest with an address in the outbox, all or nothing', async () => {
    const event = await tx((trx) =>
      createEvent(
        trx,
        orgId,
        eventInput.parse({
          kind: 'open_day',
          title: 'Portes ouvertes',
          date: '2026-09-19',
          startTime: '10:00',
          place: 'Jardin',
        }),
        null,
      ),
    );
    await tx((trx) => addGuests(trx, orgId, event.id, [alice, bob, carla], null));
    const before = (await listOutbox(store.db, orgId, { limit: 50, offset: 0 })).total;
    await expect(
      tx((trx) =>
        inviteGuests(
          trx,
          orgId,
          event.id,
          invitationInput.parse({ subject: 'x', text: 'Bonjour {{prenom}}' }),
          null,
        ),
      ),
    ).rejects.toThrow(/Modèle/);
    const result = await tx((trx) =>
      inviteGuests(
        trx,
        orgId,
        event.id,
        invitationInput.parse({
          subject: 'Invitation : {{evenement}}',
          text: '{{civilite}},\n{{organisation}} vous invite le {{date_evenement}} {{heure}} ({{lieu}}), {{nom}}.',
        }),
        null,
      ),
    );
    expect(result).toEqual({ queued: 2, withoutEmail: ['Bob Durand'] });
    const outbox = await listOutbox(store.db, orgId, { limit: 50, offset: 0 });
    expect(outbox.total).toBe(before + 2);
    const mine = outbox.items.filter((m) => m.source === `relations.event:${event.id}`);
    expect(mine.map((m) => m.to[0]).sort()).toEqual(['alice@exemple.fr', 'carla@exemple.fr']);
    expect(mine[0]!.subject).toBe('Invitation : Portes ouvertes');
    const row = await store.db
      .selectFrom('mail_message')
      .select('text_body')
      .where('org_id', '=', orgId)
      .where('to_addresses', 'like', '%alice%')
      .where('source', '=', `relations.event:${event.id}`)
      .executeTakeFirstOrThrow();
    expect(row.text_body).toBe(
      'Madame, Monsieur,\nLes Jardins Partagés vous invite le 19/09/2026 à 10 h 00 (Jardin), Alice Martin.',
    );
    const guests = (await getEvent(store.db, orgId, event.id)).guests;
    expect(guests.filter((g) => g.invitedAt).map((g) => g.name)).toEqual(['Alice Martin', 'Carla SARL']);
  });
});
