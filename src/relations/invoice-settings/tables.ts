export type RelationsInvoiceSettingsTable = {
  org_id: string;
  payment_terms_days: number;
  late_penalty_rate: number | null;
  early_payment_discount: string | null;
  vat_on_debits: number;
  share_capital: number | null;
  rcs_city: string | null;
  iban: string | null;
  bic: string | null;
  footer: string | null;
  updated_at: string;
};
