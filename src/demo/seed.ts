import type { Store } from '../kernel/db/index.ts';
import { organisationInput } from '../kernel/organisations/contract.ts';
import { createOrganisation } from '../kernel/organisations/organisation.ts';
import { partyInput } from '../kernel/parties/contract.ts';
import { createParty } from '../kernel/parties/party.ts';
import { createUser, findUserByEmail } from '../kernel/users/users.ts';
import { ensureLedger } from '../ledger/index.ts';
import { seedDemoCashForecasts } from './cash-plan.ts';
import { seedDemoPersonnel } from './personnel.ts';
import { seedDemoRecords } from './records.ts';
import { seedDemoSales } from './sales.ts';
import { seedDemoStock } from './stock.ts';
import { seedDemoTreasury } from './treasury.ts';

export const DEMO_EMAIL = 'demo@agora.test';
export const DEMO_PASSWORD = 'demo';

// Fictitious identifiers with valid check digits (SIREN Luhn key, VAT key): they belong to nobody.
export const DEMO_PARTIES = [
  {
    kind: 'organisation',
    name: 'Boulangerie Martin',
    roles: ['customer'],
    legalForm: 'SARL',
    siren: '901456780',
    siret: '90145678000013',
    vatNumber: 'FR70901456780',
    email: 'contact@boulangerie-martin.example',
    phone: '04 78 12 34 56',
    addresses: [
      { kind: 'billing', line1: '12 rue de la République', postalCode: '69002', city: 'Lyon', country: 'FR' },
    ],
    contacts: [{ name: 'Claire Martin', jobTitle: 'Gérante', email: 'claire@boulangerie-martin.example' }],
  },
  {
    kind: 'organisation',
    name: 'Mairie de Saint-Genis',
    roles: ['customer', 'user'],
    legalForm: 'Commune',
    siren: '423456789',
    siret: '42345678900019',
    email: 'accueil@saint-genis.example',
    addresses: [
      {
        kind: 'billing',
        line1: 'Place de la Mairie',
        postalCode: '69230',
        city: 'Saint-Genis-Laval',
        country: 'FR',
      },
    ],
  },
  {
    kind: 'organisation',
    name: 'Papeterie Centrale',
    roles: ['supplier'],
    legalForm: 'SAS',
    siren: '501234561',
    siret: '50123456100014',
    vatNumber: 'FR92501234561',
    email: 'commandes@papeterie-centrale.example',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP',
    addresses: [
      {
        kind: 'head_office',
        line1: '3 avenue Jean Jaurès',
        postalCode: '69007',
        city: 'Lyon',
        country: 'FR',
      },
    ],
  },
  {
    kind: 'organisation',
    name: 'Informatique Services Rhône',
    roles: ['provider', 'subcontractor'],
    legalForm: 'SARL',
    siren: '387654320',
    siret: '38765432000010',
    vatNumber: 'FR96387654320',
    email: 'support@isr.example',
    addresses: [
      { kind: 'head_office', line1: '8 quai Perrache', postalCode: '69002', city: 'Lyon', country: 'FR' },
    ],
  },
  {
    kind: 'person',
    name: 'Élodie Durand',
    roles: ['member'],
    email: 'elodie.durand@example.org',
    phone: '06 12 34 56 78',
  },
  { kind: 'person', name: 'Karim Benali', roles: ['prospect'], email: 'karim.benali@example.org' },
] as const;

/**
 * Makes sure the demo login and its organisation exist (first `npm start`), through the domain
 * functions so the demo data obeys the same rules and leaves the same audit trail as real work.
 */
export async function ensureDemo(store: Store): Promise<{ email: string; password: string; orgId: string }> {
  const existing = await findUserByEmail(store.db, DEMO_EMAIL);
  if (existing) {
    const membership = await store.db
      .selectFrom('membership')
      .select('org_id')
      .where('user_id', '=', existing.id)
      .orderBy('created_at')
      .executeTakeFirst();
    if (membership) {
      // Idempotent: gives a demo made before the ledger existed its chart, journals and fiscal year.
      await store.db.transaction().execute((trx) => ensureLedger(trx, membership.org_id, existing.id));
      await seedDemoSales(store, membership.org_id, existing.id);
      await seedDemoRecords(store, membership.org_id, existing.id);
      await seedDemoTreasury(store, membership.org_id, existing.id);
      await seedDemoCashForecasts(store, membership.org_id, existing.id);
      await seedDemoPersonnel(store, membership.org_id, existing.id);
      await seedDemoStock(store, membership.org_id, existing.id);
      return { email: DEMO_EMAIL, password: DEMO_PASSWORD, orgId: membership.org_id };
    }
  }
  const { orgId, userId } = await store.db.transaction().execute(async (trx) => {
    const user =
      existing ??
      (await createUser(
        trx,
        { email: DEMO_EMAIL, name: 'Camille Demo', password: DEMO_PASSWORD },
        { skipPolicy: true },
      ));
    const org = await createOrganisation(
      trx,
      organisationInput.parse({
        name: 'Les Ateliers du Val',
        legalForm: 'SARL',
        kind: 'company',
        siren: '812345676',
        siret: '81234567600017',
        vatNumber: 'FR19812345676',
        addressLine1: '25 rue des Artisans',
        postalCode: '69100',
        city: 'Villeurbanne',
        email: 'contact@ateliers-du-val.example',
        phone: '04 72 00 00 00',
        vatRegime: 'normal_monthly',
        fiscalYearStart: '01-01',
      }),
      user.id,
    );
    for (const party of DEMO_PARTIES) await createParty(trx, org.id, partyInput.parse(party), user.id);
    await ensureLedger(trx, org.id, user.id);
    return { orgId: org.id, userId: user.id };
  });
  await seedDemoSales(store, orgId, userId);
  await seedDemoRecords(store, orgId, userId);
  await seedDemoTreasury(store, orgId, userId);
  await seedDemoCashForecasts(store, orgId, userId);
  await seedDemoPersonnel(store, orgId, userId);
  await seedDemoStock(store, orgId, userId);
  return { email: DEMO_EMAIL, password: DEMO_PASSWORD, orgId };
}
