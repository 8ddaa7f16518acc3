import { z } from 'zod';
import { notFound } from '../../kernel/errors/domain-error.ts';
import { text } from '../../kernel/validation/text.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import {
  createAccount,
  ensureAuxiliaryAccount,
  findGeneralAccount,
  getAccount,
  listAccounts,
  renameAccount,
} from './account.ts';
import {
  accountDto,
  accountInput,
  accountLabelInput,
  accountList,
  accountListQuery,
  auxiliaryAccountInput,
} from './contract.ts';

const params = z.object({ orgId: text().max(64) });
const accountParams = params.extend({ accountId: text().max(64) });
const tags = ['comptabilité'];

export function accountRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/ledger/accounts',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: {
        tags,
        summary: 'Plan comptable (comptes généraux et auxiliaires)',
        params,
        querystring: accountListQuery,
        response: { 200: accountList },
      },
    },
    async (request) => ({ items: await listAccounts(store.db, scopeOf(request).orgId, request.query) }),
  );

  app.post(
    '/api/v1/orgs/:orgId/ledger/accounts',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary: 'Créer un sous-compte du plan',
        params,
        body: accountInput,
        response: { 201: accountDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const account = await store.db
        .transaction()
        .execute((trx) => createAccount(trx, scope.orgId, request.body, scope.userId));
      return reply.code(201).send(account);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/ledger/accounts/auxiliary',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary: 'Compte auxiliaire d’un tiers sous un compte collectif (créé s’il manque)',
        params,
        body: auxiliaryAccountInput,
        response: { 201: accountDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const account = await store.db.transaction().execute(async (trx) => {
        const collective = await findGeneralAccount(trx, scope.orgId, request.body.collectiveNumber);
        if (!collective) throw notFound(`Compte ${request.body.collectiveNumber}`);
        const row = await ensureAuxiliaryAccount(
          trx,
          scope.orgId,
          collective,
          request.body.partyId,
          scope.userId,
        );
        return getAccount(trx, scope.orgId, row.id);
      });
      return reply.code(201).send(account);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/ledger/accounts/:accountId',
    {
      ...orgRoute(store, 'ledger.write'),
      schema: {
        tags,
        summary: 'Renommer un compte',
        params: accountParams,
        body: accountLabelInput,
        response: { 200: accountDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) =>
          renameAccount(trx, scope.orgId, request.params.accountId, request.body.label, scope.userId),
        );
    },
  );
}
