import type { Db } from '../kernel/db/index.ts';
import { seedChartOfAccounts } from './accounts/account.ts';
import { openFiscalYear } from './fiscal-years/fiscal-year.ts';
import { seedJournals } from './journals/journal.ts';

/**
 * Makes an organisation ready for accounting, in the caller's transaction: the reference chart of
 * accounts, the journals VE AC BQ CA OD PA AN, and a first fiscal year (the one containing today) when it
 * has none. Idempotent: call it whenever an organisation is created, or before its first posting.
 * (The kernel cannot call it itself: it must not import the ledger.)
 */
export async function ensureLedger(trx: Db, orgId: string, actorId: string | null = null) {
  const accounts = await seedChartOfAccounts(trx, orgId, actorId);
  const journals = await seedJournals(trx, orgId, actorId);
  const hasYear = await trx
    .selectFrom('ledger_fiscal_year')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  const fiscalYear = hasYear ? null : await openFiscalYear(trx, orgId, {}, actorId);
  return { accounts, journals, fiscalYearId: fiscalYear?.id ?? null };
}
