import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import {
  login,
  resolveSession,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from '../../src/kernel/auth/sessions.ts';
import { formatNumber, takeNextNumber } from '../../src/kernel/numbering/numbering.ts';
import { listUserOrganisations } from '../../src/kernel/organisations/organisation.ts';
import { getParty, setPartyArchived, updateParty } from '../../src/kernel/parties/party.ts';
import { listParties } from '../../src/kernel/parties/party-list.ts';
import { buildOrganisation, buildParty, buildUser, partyData, TEST_PASSWORD } from '../support/factories.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

describe.each(DIALECTS)('kernel on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('creates an organisation with its owner and lists it for that user only', async () => {
    const owner = await buildUser(store.db);
    const other = await buildUser(store.db);
    const org = await buildOrganisation(store.db, owner.id, { name: 'Mairie de Test', kind: 'public_body' });
    expect(await listUserOrganisations(store.db, owner.id)).toEqual([
      {
        id: org.id,
        name: 'Mairie de Test',
        kind: 'public_body',
        role: 'owner',
        simulatedToday: null,
        copy: false,
      },
    ]);
    expect(await listUserOrganisations(store.db, other.id)).toEqual([]);
  });

  it('stores parties with roles, contacts and addresses, and finds them by accent-free search', async () => {
    const org = await buildOrganisation(store.db, null);
    const created = await buildParty(store.db, org.id, {
      name: 'Élise Bâtiment',
      roles: ['supplier', 'customer'],
      siren: '552100554',
      vatNumber: 'FR96552100554',
      contacts: [{ name: 'Jean Dupont', email: 'JEAN@EXAMPLE.FR' }],
      addresses: [{ kind: 'billing', line1: '1 rue Haute', postalCode: '75001', city: 'Paris' }],
    });
    expect(created.roles).toEqual(['customer', 'supplier']);
    expect(created.contacts[0]).toMatchObject({ name: 'Jean Dupont', email: 'jean@example.fr' });
    await buildParty(store.db, org.id, { name: 'Zoé Conseil', roles: ['prospect'], kind: 'organisation' });
    const found = await listParties(store.db, org.id, {
      q: 'elise bat',
      archived: 'exclude',
      sort: 'name',
      limit: 50,
      offset: 0,
    });
    expect(found.items.map((p) => p.name)).toEqual(['Élise Bâtiment']);
    const suppliers = await listParties(store.db, org.id, {
      role: 'supplier',
      archived: 'exclude',
      sort: 'name',
      limit: 50,
      offset: 0,
    });
    expect(suppliers.total).toBe(1);
    const percent = await listParties(store.db, org.id, {
      q: '%',
      archived: 'exclude',
      sort: 'name',
      limit: 50,
      offset: 0,
    });
    expect(percent.total).toBe(0);
  });

  it('sorts and paginates with a stable order, and archives without deleting', async () => {
    const org = await buildOrganisation(store.db, null);
    for (const name of ['Charlie', 'alpha', 'Bravo', 'Écho', 'delta'])
      await buildParty(store.db, org.id, { name });
    const page1 = await listParties(store.db, org.id, {
      archived: 'exclude',
      sort: 'name',
      limit: 2,
      offset: 0,
    });
    const page2 = await listParties(store.db, org.id, {
      archived: 'exclude',
      sort: 'name',
      limit: 2,
      offset: 2,
    });
    const page3 = await listParties(store.db, org.id, {
      archived: 'exclude',
      sort: 'name',
      limit: 2,
      offset: 4,
    });
    expect([...page1.items, ...page2.items, ...page3.items].map((p) => p.name)).toEqual([
      'alpha',
      'Bravo',
      'Charlie',
      'delta',
      'Écho',
    ]);
    expect(page1.total).toBe(5);
    const archived = await store.db
      .transaction()
      .execute((trx) => setPartyArchived(trx, org.id, page1.items[0]!.id, true, null));
    expect(archived.archivedAt).not.toBeNull();
    const after = await listParties(store.db, org.id, {
      archived: 'exclude',
      sort: 'name',
      limit: 50,
      offset: 0,
    });
    expect(after.total).toBe(4);
    const only = await listParties(store.db, org.id, {
      archived: 'only',
      sort: 'name',
      limit: 50,
      offset: 0,
    });
    expect(only.items.map((p) => p.name)).toEqual(['alpha']);
  });

  it('an update that fails leaves the party exactly as it was', async () => {
    const org = await buildOrganisation(store.db, null);
    const party = await buildParty(store.db, org.id, { name: 'Avant', contacts: [{ name: 'Contact A' }] });
    await expect(
      store.db.transaction().execute(async (trx) => {
        await updateParty(trx, org.id, party.id, partyData({ name: 'Après', contacts: [] }), null);
        throw new Error('boom after the write');
      }),
    ).rejects.toThrow('boom');
    const reread = await getParty(store.db, org.id, party.id);
    expect(reread.name).toBe('Avant');
    expect(reread.contacts.map((c) => c.name)).toEqual(['Contact A']);
  });

  it('never shows a party of another organisation', async () => {
    const a = await buildOrganisation(store.db, null);
    const b = await buildOrganisation(store.db, null);
    const secret = await buildParty(store.db, b.id, { name: 'Secret de B' });
    await expect(getParty(store.db, a.id, secret.id)).rejects.toMatchObject({ kind: 'not-found' });
    const listA = await listParties(store.db, a.id, {
      archived: 'include',
      sort: 'name',
      limit: 500,
      offset: 0,
    });
    expect(listA.items.find((p) => p.id === secret.id)).toBeUndefined();
  });

  it('numbers without gaps or duplicates under concurrent transactions, and rolls a number back with its transaction', async () => {
    const org = await buildOrganisation(store.db, null);
    const taken = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.db
          .transaction()
          .execute(async (trx) => {
            const n = await takeNextNumber(trx, org.id, 'invoice:2026');
            if (i % 5 === 4) throw new Error('rollback');
            return n;
          })
          .catch(() => null),
      ),
    );
    const kept = taken.filter((n): n is number => n !== null).sort((x, y) => x - y);
    expect(kept).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(formatNumber('FA', 2026, 7)).toBe('FA-2026-00007');
  });

  it('chains every write in the audit log and detects tampering', async () => {
    const owner = await buildUser(store.db);
    const org = await buildOrganisation(store.db, owner.id);
    const party = await buildParty(store.db, org.id);
    await store.db.transaction().execute((trx) => setPartyArchived(trx, org.id, party.id, true, owner.id));
    const report = await verifyAuditChain(store.db, org.id);
    expect(report).toMatchObject({ ok: true, events: 4 });
    const actions = await store.db
      .selectFrom('audit_event')
      .select('action')
      .where('org_id', '=', org.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'organisation.created',
      'membership.created',
      'party.created',
      'party.archived',
    ]);
    await sql`update audit_event set after_json = ${'{"name":"falsifié"}'} where org_id = ${org.id} and seq = 3`.execute(
      store.db,
    );
    const broken = await verifyAuditChain(store.db, org.id);
    expect(broken.ok).toBe(false);
    expect(broken.problems.join(' ')).toContain('Évènement 3 : contenu modifié');
  });

  it('keeps the audit chain linear when many transactions append at once', async () => {
    const org = await buildOrganisation(store.db, null);
    await Promise.all(Array.from({ length: 25 }, () => buildParty(store.db, org.id)));
    expect(await verifyAuditChain(store.db, org.id)).toMatchObject({ ok: true, events: 26 });
  });

  it('opens sessions that expire when idle, at the absolute limit, and on revocation', async () => {
    const user = await buildUser(store.db);
    await expect(login(store.db, user.email, 'wrong-password')).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
    await expect(login(store.db, 'nobody@agora.test', TEST_PASSWORD)).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
    const t0 = new Date('2026-11-27T08:00:00Z');
    const { token } = await login(store.db, user.email.toUpperCase(), TEST_PASSWORD, t0);
    expect(await resolveSession(store.db, token, new Date(t0.getTime() + 1000))).not.toBeNull();
    expect(await resolveSession(store.db, token, new Date(t0.getTime() + SESSION_IDLE_MS + 1))).toBeNull();
    // Activity slides the expiry, but never past the absolute lifetime.
    let now = t0.getTime();
    while (now < t0.getTime() + SESSION_ABSOLUTE_MS - SESSION_IDLE_MS / 2) {
      now += SESSION_IDLE_MS / 2;
      expect(await resolveSession(store.db, token, new Date(now))).not.toBeNull();
    }
    expect(
      await resolveSession(store.db, token, new Date(t0.getTime() + SESSION_ABSOLUTE_MS + 1)),
    ).toBeNull();
    expect(await resolveSession(store.db, 'forged-token')).toBeNull();
  });

  it('answers a request at once while a long write holds its session; the timestamp follows after', async () => {
    const user = await buildUser(store.db);
    const t0 = new Date();
    const { token } = await login(store.db, user.email, TEST_PASSWORD, t0);
    // Past the once-a-minute write of the sliding expiry.
    const later = new Date(t0.getTime() + 120_000);
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // A long transaction (a FEC import, say) holding the writer (SQLite) or the session row (PostgreSQL).
    const writing = store.db.transaction().execute(async (trx) => {
      await trx.updateTable('session').set({ revoked_at: null }).where('user_id', '=', user.id).execute();
      await Promise.race([released, new Promise((resolve) => setTimeout(resolve, 3000))]);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    expect(await resolveSession(store.db, token, later)).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
    release();
    await writing;
    await expect
      .poll(async () => {
        const row = await store.db
          .selectFrom('session')
          .select('last_seen_at')
          .where('user_id', '=', user.id)
          .executeTakeFirstOrThrow();
        return row.last_seen_at;
      })
      .toBe(later.toISOString());
  });
});
