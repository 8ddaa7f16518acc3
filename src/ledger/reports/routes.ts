import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { agedBalance } from './aged-balance.ts';
import {
  agedBalanceDto,
  agedBalanceQuery,
  balanceSheetDto,
  balanceSheetQuery,
  generalLedgerDto,
  generalLedgerQuery,
  incomeStatementDto,
  journalListingDto,
  journalListingQuery,
  periodQuery,
  trialBalanceDto,
  trialBalanceQuery,
} from './contract.ts';
import { generalLedger } from './general-ledger.ts';
import { journalListing } from './journal-listing.ts';
import { balanceSheet, incomeStatement } from './statements.ts';
import { trialBalance } from './trial-balance.ts';

const params = z.object({ orgId: text().max(64) });
const tags = ['comptabilité'];

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

  app.get(
    '/api/v1/orgs/:orgId/ledger/income-statement',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Compte de résultat (modèle abrégé du PCG) d’une période (montants en centimes)',
        params,
        querystring: periodQuery,
        response: { 200: incomeStatementDto },
      },
    },
    async (request) => incomeStatement(store.db, scopeOf(request).orgId, request.query),
  );

  app.get(
    '/api/v1/orgs/:orgId/ledger/balance-sheet',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary:
          'Bilan simplifié (modèle abrégé du PCG) à une date, résultat de l’exercice en capitaux propres',
        params,
        querystring: balanceSheetQuery,
        response: { 200: balanceSheetDto },
      },
    },
    async (request) => balanceSheet(store.db, scopeOf(request).orgId, request.query),
  );
}
