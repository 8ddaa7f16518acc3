// The party list answered as JSON text built by the database (party-list-json.ts) must be, parsed, exactly
// the page listParties builds and the contract describes — for every filter, order and page, with the
// awkward values (quotes, backslashes, control characters, emoji, nulls, archived, several contacts and
// addresses in position order, roles in their fixed order, none at all).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildParty, buildUser } from '../../../test/support/factories.ts';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { type PartyListQuery, partyListQuery, partyPage } from './contract.ts';
import { setPartyArchived } from './party.ts';
import { listParties } from './party-list.ts';
import { listPartiesJson } from './party-list-json.ts';

describe.each(DIALECTS)('party list as JSON text on %s', (dialect) => {
  let store: TestStore;
  let orgId: string;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    const user = await buildUser(store.db);
    orgId = (await buildOrganisation(store.db, user.id)).id;
    await buildParty(store.db, orgId, {
      name: 'Élise "la" \\ Tab\tQuote\' 🚀',
      kind: 'person',
      roles: ['provider', 'customer', 'supplier'],
      email: 'elise@example.fr',
      notes: 'Ligne 1\nLigne 2 \u0001',
      contacts: [
        { name: 'Zoé', jobTitle: 'Gérante', email: 'zoe@example.fr', phone: '06 00 00 00 00' },
        { name: 'Adam' },
      ],
      addresses: [
        { kind: 'delivery', line1: '2 rue B', postalCode: '75002', city: 'Paris' },
        {
          kind: 'billing',
          line1: '1 rue A',
          line2: 'Bât. C',
          postalCode: '69001',
          city: 'Lyon',
          country: 'FR',
        },
      ],
    });
    for (let i = 0; i < 12; i++)
      await buildParty(store.db, orgId, {
        name: `Tiers ${i}`,
        roles: i % 3 === 0 ? ['prospect'] : ['customer', 'member'],
        siret: i % 2 ? '81234567600017' : undefined,
      });
    const archived = await buildParty(store.db, orgId, { name: 'Ancien client' });
    await store.db.transaction().execute((trx) => setPartyArchived(trx, orgId, archived.id, true, null));
  });
  afterAll(async () => {
    await store?.drop();
  });

  const queries: Record<string, unknown>[] = [
    {},
    { sort: '-name' },
    { sort: 'createdAt', limit: 5, offset: 3 },
    { sort: '-createdAt', archived: 'include' },
    { archived: 'only' },
    { q: 'élise' },
    { role: 'prospect' },
    { kind: 'person' },
    { offset: 500 },
  ];
  it.each(queries)('answers %o as listParties does', async (raw) => {
    const query: PartyListQuery = partyListQuery.parse(raw);
    const text = await listPartiesJson(store, orgId, query);
    const expected = await listParties(store.db, orgId, query);
    expect(JSON.parse(text)).toEqual(expected);
    expect(partyPage.parse(JSON.parse(text))).toEqual(expected);
  });
});
