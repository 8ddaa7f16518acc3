import type { Db } from '../../src/kernel/db/index.ts';
import { organisationInput } from '../../src/kernel/organisations/contract.ts';
import { createOrganisation } from '../../src/kernel/organisations/organisation.ts';
import { type PartyInput, partyInput } from '../../src/kernel/parties/contract.ts';
import { createParty } from '../../src/kernel/parties/party.ts';
import { createUser } from '../../src/kernel/users/users.ts';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = 'Correct-Horse-42';

export async function buildUser(db: Db, overrides: { email?: string; name?: string } = {}) {
  return createUser(db, {
    email: overrides.email ?? `user-${unique()}@agora.test`,
    name: overrides.name ?? 'Utilisateur Test',
    password: TEST_PASSWORD,
  });
}

export async function buildOrganisation(
  db: Db,
  ownerId: string | null,
  overrides: Record<string, unknown> = {},
) {
  return db.transaction().execute((trx) =>
    createOrganisation(
      trx,
      organisationInput.parse({
        name: `Organisation ${unique()}`,
        kind: 'association',
        vatRegime: 'not_liable',
        ...overrides,
      }),
      ownerId,
    ),
  );
}

export function partyData(overrides: Partial<Record<keyof PartyInput, unknown>> = {}): PartyInput {
  return partyInput.parse({
    kind: 'organisation',
    name: `Tiers ${unique()}`,
    roles: ['customer'],
    ...overrides,
  });
}

export async function buildParty(
  db: Db,
  orgId: string,
  overrides: Partial<Record<keyof PartyInput, unknown>> = {},
) {
  return db.transaction().execute((trx) => createParty(trx, orgId, partyData(overrides), null));
}
