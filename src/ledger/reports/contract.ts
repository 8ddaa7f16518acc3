import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';
import { calendarDate } from '../contract-fields.ts';
import { entryPage } from '../entries/contract.ts';
import { fiscalYearDto } from '../fiscal-years/contract.ts';

const date = calendarDate;

/** A period inside one fiscal year; by default the current fiscal year. */
export const periodQuery = z.object({
  from: date('Date de début').optional(),
  to: date('Date de fin').optional(),
});
export type PeriodQuery = z.output<typeof periodQuery>;

export const trialBalanceQuery = periodQuery.extend({
  /** Detail the collective accounts (411, 401…) by auxiliary account: the customer and supplier ledgers. */
  auxiliary: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type TrialBalanceQuery = z.output<typeof trialBalanceQuery>;

const amounts = {
  openingDebit: z.number().int(),
  openingCredit: z.number().int(),
  periodDebit: z.number().int(),
  periodCredit: z.number().int(),
  closingDebit: z.number().int(),
  closingCredit: z.number().int(),
};

export const trialBalanceRow = z.object({
  account: z.string(),
  label: z.string(),
  class: z.number().int(),
  auxiliary: z.string().nullable(),
  auxiliaryLabel: z.string().nullable(),
  ...amounts,
});
export type TrialBalanceRow = z.infer<typeof trialBalanceRow>;

export const trialBalanceDto = z.object({
  fiscalYear: fiscalYearDto,
  from: z.string(),
  to: z.string(),
  rows: z.array(trialBalanceRow),
  totals: z.object(amounts),
});
export type TrialBalanceDto = z.infer<typeof trialBalanceDto>;

export const generalLedgerQuery = periodQuery.extend({
  account: text().max(40).optional(),
  auxiliary: text().max(40).optional(),
});
export type GeneralLedgerQuery = z.output<typeof generalLedgerQuery>;

export const generalLedgerLine = z.object({
  entryId: z.string(),
  number: z.number().int(),
  journal: z.string(),
  date: z.string(),
  voucherRef: z.string().nullable(),
  auxiliary: z.string().nullable(),
  label: z.string(),
  debit: z.number().int(),
  credit: z.number().int(),
  /** Running balance, debit positive. */
  balance: z.number().int(),
  dueDate: z.string().nullable(),
  lettering: z.string().nullable(),
});

export const generalLedgerAccount = z.object({
  account: z.string(),
  label: z.string(),
  auxiliary: z.string().nullable(),
  auxiliaryLabel: z.string().nullable(),
  /** Opening balance (AN and anything before `from`), debit positive. */
  opening: z.number().int(),
  lines: z.array(generalLedgerLine),
  totalDebit: z.number().int(),
  totalCredit: z.number().int(),
  closing: z.number().int(),
});
export type GeneralLedgerAccount = z.infer<typeof generalLedgerAccount>;

export const generalLedgerDto = z.object({
  fiscalYear: fiscalYearDto,
  from: z.string(),
  to: z.string(),
  accounts: z.array(generalLedgerAccount),
});
export type GeneralLedgerDto = z.infer<typeof generalLedgerDto>;

export const journalListingQuery = periodQuery.extend({
  journal: text().toUpperCase().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type JournalListingQuery = z.output<typeof journalListingQuery>;

export const agedBalanceQuery = z.object({
  kind: z.enum(['receivables', 'payables'], 'Type inconnu : receivables ou payables.').default('receivables'),
  asOf: date('Date d’arrêté').optional(),
});
export type AgedBalanceQuery = z.output<typeof agedBalanceQuery>;

const buckets = {
  notDue: z.number().int(),
  days1to30: z.number().int(),
  days31to60: z.number().int(),
  days61to90: z.number().int(),
  over90: z.number().int(),
  total: z.number().int(),
};

export const agedBalanceDto = z.object({
  kind: z.enum(['receivables', 'payables']),
  asOf: z.string(),
  rows: z.array(
    z.object({
      account: z.string(),
      auxiliary: z.string(),
      label: z.string(),
      partyId: z.string().nullable(),
      ...buckets,
    }),
  ),
  totals: z.object(buckets),
});
export type AgedBalanceDto = z.infer<typeof agedBalanceDto>;

export const journalListingDto = entryPage.extend({
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
export type JournalListingDto = z.infer<typeof journalListingDto>;

/** One side of a statement in the PCG presentation (see pcg-statements.ts), amounts in cents. */
export const statementDto = z.object({
  sections: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      lines: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          amount: z.number().int(),
          accounts: z.array(z.string()),
        }),
      ),
      total: z.number().int(),
    }),
  ),
  total: z.number().int(),
});
export type StatementDto = z.infer<typeof statementDto>;

export const incomeStatementDto = z.object({
  fiscalYear: fiscalYearDto,
  from: z.string(),
  to: z.string(),
  expenses: statementDto,
  income: statementDto,
  operatingResult: z.number().int(),
  financialResult: z.number().int(),
  exceptionalResult: z.number().int(),
  /** Produits − charges: a profit when positive. */
  result: z.number().int(),
});
export type IncomeStatementDto = z.infer<typeof incomeStatementDto>;

export const balanceSheetQuery = z.object({
  /** The closing date; by default the end of the current fiscal year (or of the year of `at`). */
  at: date('Date d’arrêté').optional(),
});
export type BalanceSheetQuery = z.output<typeof balanceSheetQuery>;

export const balanceSheetDto = z.object({
  fiscalYear: fiscalYearDto,
  at: z.string(),
  assets: statementDto,
  liabilities: statementDto,
  /** The result of classes 6 and 7 not yet closed into 12x, included in the equity. */
  periodResult: z.number().int(),
});
export type BalanceSheetDto = z.infer<typeof balanceSheetDto>;

export const exportFormats = ['pdf', 'xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const exportFormat = z.object({
  format: z.enum(exportFormats, 'Format inconnu : pdf, xlsx ou csv.').default('pdf'),
});
