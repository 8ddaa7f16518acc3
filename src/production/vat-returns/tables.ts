export type ProductionVatReturnTable = {
  org_id: string;
  id: string;
  /** '2026-03' (a month) or '2026-T1' (a quarter). */
  period: string;
  period_start: string;
  period_end: string;
  /** JSON of the CA3 lines as filed (VatReturnLine[]), euros. */
  lines: string;
  /** JSON of the exact amounts in cents the lines were rounded from (VatReturnCents). */
  cents: string;
  /** Line 28, euros. */
  vat_due: number;
  /** Line 27, euros: carried to line 22 of the next return. */
  credit_carried: number;
  ledger_entry_id: string | null;
  filed_at: string;
  filed_by: string | null;
  paid_on: string | null;
  payment_entry_id: string | null;
};
