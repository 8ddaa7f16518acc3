import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { text } from '../../kernel/validation/text.ts';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { agedBalance } from './aged-balance.ts';
import {
  agedBalanceQuery,
  balanceSheetQuery,
  type ExportFormat,
  exportFormat,
  generalLedgerQuery,
  journalListingQuery,
  periodQuery,
  trialBalanceQuery,
} from './contract.ts';
import { generalLedger } from './general-ledger.ts';
import { journalListing } from './journal-listing.ts';
import { renderReport } from './render.ts';
import type { ReportTable } from './report-table.ts';
import {
  agedBalanceTable,
  balanceSheetTable,
  generalLedgerTable,
  incomeStatementTable,
  journalListingTable,
  trialBalanceTable,
} from './report-tables.ts';
import { balanceSheet, incomeStatement } from './statements.ts';
import { trialBalance } from './trial-balance.ts';

// Every report has a sibling route `…/<report>/export?format=pdf|xlsx|csv` taking the same filters
// (ADR 0008): the JSON route keeps a single response schema, and one helper renders any report.
const params = z.object({ orgId: text().max(64) });
const tags = ['comptabilité'];

async function send(reply: FastifyReply, table: ReportTable, format: ExportFormat, organisation: string) {
  const file = await renderReport(table, format, organisation);
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);
}

/** The journal listing in full: the JSON route pages its entries, an export wants them all. */
async function wholeJournalListing(
  db: Deps['store']['db'],
  orgId: string,
  query: z.output<typeof journalListingQuery>,
) {
  const first = await journalListing(db, orgId, { ...query, limit: 500, offset: 0 });
  const items = [...first.items];
  while (items.length < first.total) {
    const next = await journalListing(db, orgId, { ...query, limit: 500, offset: items.length });
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return { ...first, items };
}

export function reportExportRoutes(app: App, { store }: Deps) {
  const route = <Q extends z.ZodObject>(
    path: string,
    summary: string,
    query: Q,
    build: (orgId: string, query: z.output<Q>) => Promise<ReportTable>,
  ) =>
    app.get(
      `/api/v1/orgs/:orgId/ledger/${path}/export`,
      {
        ...orgRoute(store, 'ledger.read'),
        schema: {
          tags,
          summary: `${summary} : export PDF, XLSX ou CSV`,
          params,
          querystring: query.extend(exportFormat.shape),
        },
      },
      async (request, reply) => {
        const { orgId } = scopeOf(request);
        const { format, ...filters } = request.query as z.output<Q> & { format: ExportFormat };
        const [table, organisation] = await Promise.all([
          build(orgId, filters as z.output<Q>),
          getOrganisation(store.db, orgId),
        ]);
        return send(reply, table, format, organisation.name);
      },
    );

  route('trial-balance', 'Balance générale', trialBalanceQuery, async (orgId, q) =>
    trialBalanceTable(await trialBalance(store.db, orgId, q)),
  );
  route('general-ledger', 'Grand livre', generalLedgerQuery, async (orgId, q) =>
    generalLedgerTable(await generalLedger(store.db, orgId, q)),
  );
  route(
    'journal-listing',
    'Journaux',
    journalListingQuery.omit({ limit: true, offset: true }),
    async (orgId, q) =>
      journalListingTable(await wholeJournalListing(store.db, orgId, { ...q, limit: 500, offset: 0 })),
  );
  route('aged-balance', 'Balance âgée', agedBalanceQuery, async (orgId, q) =>
    agedBalanceTable(await agedBalance(store.db, orgId, q)),
  );
  route('income-statement', 'Compte de résultat', periodQuery, async (orgId, q) =>
    incomeStatementTable(await incomeStatement(store.db, orgId, q)),
  );
  route('balance-sheet', 'Bilan simplifié', balanceSheetQuery, async (orgId, q) =>
    balanceSheetTable(await balanceSheet(store.db, orgId, q)),
  );
}
