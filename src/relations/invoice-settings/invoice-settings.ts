import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { fromScaledInteger } from '../shared/scaled.ts';
import type { InvoiceSettingsDto, InvoiceSettingsInput } from './contract.ts';
import type { RelationsInvoiceSettingsTable } from './tables.ts';

/** What an organisation invoices with until it saves its own settings. */
export const DEFAULT_INVOICE_SETTINGS: InvoiceSettingsDto = {
  paymentTermsDays: 30,
  latePenaltyRate: null,
  earlyPaymentDiscount: null,
  vatOnDebits: false,
  shareCapital: null,
  rcsCity: null,
  iban: null,
  bic: null,
  footer: null,
};

function toDto(row: RelationsInvoiceSettingsTable): InvoiceSettingsDto {
  return {
    paymentTermsDays: Number(row.payment_terms_days),
    latePenaltyRate:
      row.late_penalty_rate === null ? null : fromScaledInteger(Number(row.late_penalty_rate), 2),
    earlyPaymentDiscount: row.early_payment_discount,
    vatOnDebits: Number(row.vat_on_debits) === 1,
    shareCapital: row.share_capital === null ? null : Number(row.share_capital),
    rcsCity: row.rcs_city,
    iban: row.iban,
    bic: row.bic,
    footer: row.footer,
  };
}

export async function getInvoiceSettings(db: Db, orgId: string): Promise<InvoiceSettingsDto> {
  const row = await db
    .selectFrom('relations_invoice_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ? toDto(row) : DEFAULT_INVOICE_SETTINGS;
}

export async function saveInvoiceSettings(
  trx: Db,
  orgId: string,
  input: InvoiceSettingsInput,
  actorId: string | null,
): Promise<InvoiceSettingsDto> {
  const before = await getInvoiceSettings(trx, orgId);
  const values = {
    payment_terms_days: input.paymentTermsDays,
    late_penalty_rate: input.latePenaltyRate,
    early_payment_discount: input.earlyPaymentDiscount,
    vat_on_debits: input.vatOnDebits ? 1 : 0,
    share_capital: input.shareCapital,
    rcs_city: input.rcsCity,
    iban: input.iban,
    bic: input.bic,
    footer: input.footer,
    updated_at: new Date().toISOString(),
  };
  await trx
    .insertInto('relations_invoice_settings')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
  const after = await getInvoiceSettings(trx, orgId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.invoice_settings.saved',
    entity: 'relations_invoice_settings',
    entityId: orgId,
    before,
    after,
  });
  return after;
}
