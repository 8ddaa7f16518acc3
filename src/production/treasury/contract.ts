import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';

// The treasury API: bank statements imported from CAMT.053 / OFX files, their reconciliation with the
// books' bank account (512), and the état de rapprochement. Amounts are signed integer cents, positive for
// money coming in, on both sides (a ledger line's debit − credit).

const id = text().max(64);
const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};

export const importQuery = z.object({
  fileName: text().max(200, '200 caractères au maximum.').optional(),
  /**
   * For a file of an account the organisation has not used yet while it already has one: the general
   * account (5121, 5122…) of the books to reconcile it with. The first account is reconciled with 512.
   */
  ledgerAccount: z
    .string()
    .trim()
    .regex(/^512\d*$/, 'Le compte de banque des livres commence par 512 (512, 5121, 5122…).')
    .optional(),
});
export type ImportQuery = z.output<typeof importQuery>;

export const bankAccountDto = z.object({
  id: z.string(),
  account: z.string(),
  iban: z.string().nullable(),
  label: z.string(),
  ledgerAccount: z.string(),
});
export type BankAccountDto = z.infer<typeof bankAccountDto>;

export const statementSummary = z.object({
  id: z.string(),
  bankAccountId: z.string(),
  account: z.string(),
  format: z.enum(['camt053', 'ofx']),
  reference: z.string(),
  fileName: z.string().nullable(),
  fromDate: z.string().nullable(),
  toDate: z.string(),
  openingBalance: z.number().int(),
  openingDerived: z.boolean(),
  closingBalance: z.number().int(),
  /** opening + Σ lines − closing as the file has it; non-zero is the warning « le relevé ne boucle pas ». */
  balanceGap: z.number().int(),
  lineCount: z.number().int(),
  duplicateCount: z.number().int(),
  notBookedCount: z.number().int(),
  matchedCount: z.number().int(),
  importedAt: z.string(),
});
export type StatementSummary = z.infer<typeof statementSummary>;

export const bankLineDto = z.object({
  id: z.string(),
  statementId: z.string(),
  bookingDate: z.string(),
  valueDate: z.string().nullable(),
  amount: z.number().int(),
  label: z.string(),
  bankRef: z.string().nullable(),
  endToEndRef: z.string().nullable(),
  counterparty: z.string().nullable(),
  counterpartyIban: z.string().nullable(),
  transactionCode: z.string().nullable(),
  reversal: z.boolean(),
  /** The ledger lines it is matched with (none while unmatched). */
  matches: z.array(z.object({ ledgerLineId: z.string(), kind: z.enum(['auto', 'manual', 'posted']) })),
  /** What « Comptabiliser » proposes for it: counter-account and VAT rate (hundredths of a percent). */
  suggestion: z.object({ account: z.string(), vatRate: z.number().int() }),
});
export type BankLineDto = z.infer<typeof bankLineDto>;

export const statementDto = statementSummary.extend({ lines: z.array(bankLineDto) });
export type StatementDto = z.infer<typeof statementDto>;

export const statementList = z.object({
  accounts: z.array(bankAccountDto),
  statements: z.array(statementSummary),
});
export type StatementList = z.infer<typeof statementList>;

export const duplicateDto = z.object({
  bookingDate: z.string(),
  amount: z.number().int(),
  label: z.string(),
});

export const importReport = z.object({
  account: bankAccountDto,
  /** The account was recorded by this import (first file of this IBAN / account number). */
  newAccount: z.boolean(),
  statements: z.array(
    z.object({
      id: z.string().nullable(),
      reference: z.string(),
      /** The same statement (account and reference) was imported before: nothing new was written. */
      alreadyImported: z.boolean(),
      imported: z.number().int(),
      duplicates: z.array(duplicateDto),
      notBooked: z.number().int(),
      balanceGap: z.number().int(),
      warnings: z.array(z.string()),
    }),
  ),
});
export type ImportReport = z.infer<typeof importReport>;

export const ledgerSideLine = z.object({
  id: z.string(),
  entryId: z.string(),
  entryNumber: z.number().int().nullable(),
  journal: z.string(),
  date: z.string(),
  label: z.string(),
  voucherRef: z.string().nullable(),
  amount: z.number().int(),
  bankLineId: z.string().nullable(),
});
export type LedgerSideLine = z.infer<typeof ledgerSideLine>;

export const workspaceQuery = z.object({ accountId: id.optional() });
export const workspaceDto = z.object({
  account: bankAccountDto.nullable(),
  bankLines: z.array(bankLineDto),
  ledgerLines: z.array(ledgerSideLine),
});
export type WorkspaceDto = z.infer<typeof workspaceDto>;

export const autoMatchInput = z.object({
  accountId: id.optional(),
  /** Days either side of the bank's booking date within which an entry may match. */
  windowDays: z.number().int().min(0).max(31).default(5),
});
export const autoMatchResult = z.object({
  matched: z.number().int(),
  pairs: z.array(z.object({ bankLineId: z.string(), ledgerLineId: z.string() })),
});
export type AutoMatchResult = z.infer<typeof autoMatchResult>;

export const manualMatchInput = z.object({
  bankLineId: id,
  ledgerLineIds: z.array(id).min(1, 'Choisissez au moins une ligne comptable.').max(100),
});
export type ManualMatchInput = z.output<typeof manualMatchInput>;

export const postLineInput = z.object({
  /** The counter-account: 627 bank fees, 768 / 661 interest, 401 / 411 with a party, … */
  account: text().min(3, 'Le compte de contrepartie est obligatoire.').max(40),
  partyId: id.nullish().transform((v) => v ?? null),
  /** VAT included in the amount, hundredths of a percent (2000 = 20 %); 0 when none. */
  vatRate: z.number().int().min(0).max(10000).default(0),
  label: text()
    .max(200, '200 caractères au maximum.')
    .nullish()
    .transform((v) => v || null),
});
export type PostLineInput = z.output<typeof postLineInput>;

export const reconciliationQuery = z.object({
  accountId: id.optional(),
  date: calendarDate('Date du rapprochement').optional(),
});

const item = z.object({
  date: z.string(),
  label: z.string(),
  amount: z.number().int(),
  ref: z.string().nullable(),
});
export const reconciliationDto = z.object({
  account: bankAccountDto.nullable(),
  date: z.string(),
  /** The last statement taken, ending on or before the date (null: no statement yet). */
  statement: z.object({ id: z.string(), reference: z.string(), toDate: z.string() }).nullable(),
  bookBalance: z.number().int(),
  bankBalance: z.number().int(),
  /** Movements on the statements not yet in the books (bank fees, direct debits…). */
  bankOnly: z.array(item),
  /** Entries in the books not yet on a statement (cheques not cashed, transfers on their way…). */
  bookOnly: z.array(item),
  /** Book balance before the first statement − that statement's opening balance (0 when they agree). */
  openingGap: z.number().int(),
  /** bank + Σ bookOnly = books + Σ bankOnly − openingGap, both sides of the état. */
  adjustedBank: z.number().int(),
  adjustedBook: z.number().int(),
  /** adjustedBank − adjustedBook: 0 when the unmatched items explain the whole difference. */
  unexplained: z.number().int(),
});
export type ReconciliationDto = z.infer<typeof reconciliationDto>;
