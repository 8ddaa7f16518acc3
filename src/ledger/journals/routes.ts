import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { journalDto, journalInput, journalList } from './contract.ts';
import { createJournal, listJournals } from './journal.ts';

const params = z.object({ orgId: text().max(64) });
const tags = ['comptabilité'];

export function journalRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/ledger/journals',
    {
      ...orgRoute(store, 'ledger.read'),
      schema: { tags, summary: 'Journaux', params, response: { 200: journalList } },
    },
    async (request) => ({ items: await listJournals(store.db, scopeOf(request).orgId) }),
  );

  app.post(
    '/api/v1/orgs/:orgId/ledger/journals',
    {
      ...orgRoute(store, 'ledger.close'),
      schema: {
        tags,
        summary: 'Créer un journal',
        params,
        body: journalInput,
        response: { 201: journalDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const journal = await store.db
        .transaction()
        .execute((trx) => createJournal(trx, scope.orgId, request.body, scope.userId));
      return reply.code(201).send(journal);
    },
  );
}
