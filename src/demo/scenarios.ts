import { type OrganisationInput, organisationInput } from '../kernel/organisations/contract.ts';
import { buildAssociation } from './scenario-association.ts';
import type { DbHandle } from './scenario-helpers.ts';
import { buildTrading } from './scenario-trading.ts';

/**
 * The shipped training scenarios (issue 5 §4): a small trading company and a sports association, each
 * with a year of consistent work — invoices, purchases, receipts — made through the domain functions, so
 * numbers, ledger entries and the audit trail are those real work would leave (trading's purchases are
 * supplier bills of area 2; bank fees, the grant and the association's costs are keyed into the ledger:
 * decision 0028). Deterministic: the same
 * data on every machine, for a given year. Data runs from January to November; the scenario's "today" is
 * 1 December, so students carry on the year.
 */
export type DemoScenarioKind = 'trading' | 'association';

export type DemoScenario = {
  title: string;
  description: string;
  organisation: OrganisationInput;
  build: (store: DbHandle, orgId: string, userId: string | null, year: number) => Promise<void>;
};

export function demoSimulatedStart(year: number): string {
  return `${year}-12-01`;
}

export const DEMO_SCENARIOS: Record<DemoScenarioKind, DemoScenario> = {
  trading: {
    title: 'Les Ateliers du Val — négoce de fournitures',
    description:
      'Petite entreprise de négoce de fournitures de bureau : clients, fournisseurs, catalogue, une année de factures, d’achats et de règlements.',
    organisation: organisationInput.parse({
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
      vatRegime: 'normal_monthly',
    }),
    build: buildTrading,
  },
  association: {
    title: 'Association Sportive du Val — club omnisports',
    description:
      'Association loi 1901 : quarante adhérents, cotisations et licences sans TVA, subvention de la ville, location du gymnase, une année d’écritures.',
    organisation: organisationInput.parse({
      name: 'Association Sportive du Val',
      legalForm: 'Association loi 1901',
      kind: 'association',
      // Fictitious, with valid check digits (an association that invoices has a SIREN).
      siren: '784512345',
      siret: '78451234500017',
      addressLine1: '2 allée des Sports',
      postalCode: '69100',
      city: 'Villeurbanne',
      email: 'contact@as-du-val.example',
      vatRegime: 'not_liable',
    }),
    build: buildAssociation,
  },
};
