import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';
import { entryPage } from '../entries/contract.ts';
import { fiscalYearDto } from '../fiscal-years/contract.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { agedBalance } from './aged-balance.ts';
import {
  agedBalanceDto,
  agedBalanceQuery,
  generalLedgerDto,
  generalLedgerQuery,
  journalListingQuery,
  trialBalanceDto,
  trialBalanceQuery,
} from './contract.ts';
import { generalLedger } from './general-ledger.ts';
import { journalListing } from './journal-listing.ts';
import { trialBalance } from './trial-balance.ts';

const params = z.object({ orgId: text().max(64) });
const tags = ['comptabilité'];

const journalListingDto = entryPage.extend({
  fiscalYear: fiscalYearDto,
  from: z.string(),
  to: z.string(),
  journals: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      entries: z.number().int(),
      totalDebit: z.number().int(),
      totalCredit: z.number().int(),
    }),
  ),
});

export function reportRoutes(app: App, { store }: Deps) {
  // Stable route (ARCHITECTURE.md §4): outside tools rely on it.
  app.get(
    '/api/v1/orgs/:orgId/ledger/trial-balance',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Balance générale : à-nouveaux, mouvements de la période, soldes (montants en centimes)',
        params,
        querystring: trialBalanceQuery,
        response: { 200: trialBalanceDto },
      },
    },
    async (request) => trialBalance(store.db, scopeOf(request).orgId, request.query),
  );

  app.get(
    '/api/v1/orgs/:orgId/ledger/general-ledger',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Grand livre d’un compte ou de tous',
        params,
        querystring: generalLedgerQuery,
        response: { 200: generalLedgerDto },
      },
    },
    async (request) => generalLedger(store.db, scopeOf(request).orgId, request.query),
  );

  app.get(
    '/api/v1/orgs/:orgId/ledger/journal-listing',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Journaux : totaux par journal et écritures de la période',
        params,
        querystring: journalListingQuery,
        response: { 200: journalListingDto },
      },
    },
    async (request) => journalListing(store.db, scopeOf(request).orgId, request.query),
  );

  app.get(
    '/api/v1/orgs/:orgId/ledger/aged-balance',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Balance âgée des créances clients ou des dettes fournisseurs',
        params,
        querystring: agedBalanceQuery,
        response: { 200: agedBalanceDto },
      },
    },
    async (request) => agedBalance(store.db, scopeOf(request).orgId, request.query),
  );
}
