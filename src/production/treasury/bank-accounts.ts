import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import { formatIban, isIban } from '../../kernel/identifiers/index.ts';
import type { BankAccountDto } from './contract.ts';
import type { ProductionBankAccountTable } from './tables.ts';

// The organisation's bank accounts, as statements made them known (decision 0040): the first file
// records its account, reconciled with 512; a file of another account asks which 512x account of the
// books it goes with.

export const DEFAULT_BANK_LEDGER_ACCOUNT = '512';

export function bankAccountDto(row: ProductionBankAccountTable): BankAccountDto {
  return {
    id: row.id,
    account: row.account,
    iban: row.iban,
    label: row.label,
    ledgerAccount: row.ledger_account,
  };
}

export function accountLabel(account: string): string {
  return isIban(account) ? formatIban(account) : account;
}

export async function listBankAccounts(db: Db, orgId: string): Promise<ProductionBankAccountTable[]> {
  return db
    .selectFrom('production_bank_account')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The account asked for, or the first one; null when no statement was ever imported. */
export async function resolveBankAccount(
  db: Db,
  orgId: string,
  accountId: string | undefined,
): Promise<ProductionBankAccountTable | null> {
  const accounts = await listBankAccounts(db, orgId);
  if (accountId === undefined) return accounts[0] ?? null;
  const found = accounts.find((a) => a.id === accountId);
  if (!found) throw notFound('Compte bancaire');
  return found;
}
