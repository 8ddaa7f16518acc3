import { recordAudit } from '../../kernel/audit/audit.ts';
import { addDays, compareDates, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { DomainError, type FieldIssue, isDomainError, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { formatNumber, takeNextNumber } from '../../kernel/numbering/numbering.ts';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { getParty } from '../../kernel/parties/party.ts';
import { listFiscalYears, post } from '../../ledger/index.ts';
import { getInvoiceSettings } from '../invoice-settings/invoice-settings.ts';
import type { InvoiceDto } from './contract.ts';
import type { IssuedInvoice } from './factur-x/model.ts';
import { CREDIT_NOTE_TERMS, claimDraft, isDownPaymentAccount } from './invoice.ts';
import { invoicePosting } from './invoice-posting.ts';
import { getInvoice, type InvoiceRows, issuedInvoiceOf, loadInvoice } from './invoice-read.ts';
import { customerOf, type Issued, needsSiren, sellerOf } from './issued.ts';
import type { RelationsInvoiceTable } from './tables.ts';

// Validation turns a draft into an issued invoice, in the caller's transaction: checks, number from the
// gap-free counter, frozen identities and totals, the sales entry in the ledger, one audit event. Any
// refusal rolls everything back, the number included. The PDF is made afterwards, outside the
// transaction (invoice-document.ts).

function refused(message: string, issues: FieldIssue[] = []): DomainError {
  return new DomainError('rule-broken', message, issues, 'invoice-refused');
}

/** The checks that need no database: the rules of French invoicing and of EN 16931 on the draft. */
export function validationProblems(rows: InvoiceRows, issued: Issued): FieldIssue[] {
  const { row, lines } = rows;
  const { seller, customer } = issued;
  const issues: FieldIssue[] = [];
  if (lines.length === 0) issues.push({ field: 'lines', message: 'Une facture compte au moins une ligne.' });
  lines.forEach((l, i) => {
    // A down payment deducted from the final invoice is a negative line on 4191 (see docs/decisions/0012).
    const deduction = Number(l.quantity) < 0 && isDownPaymentAccount(l.revenue_account);
    if (row.kind === 'invoice' && Number(l.quantity) <= 0 && !deduction)
      issues.push({
        field: `lines.${i}.quantity`,
        message: 'La quantité doit être positive : pour annuler ou rembourser, établissez un avoir.',
      });
    if (row.kind === 'credit_note' && Number(l.quantity) === 0)
      issues.push({ field: `lines.${i}.quantity`, message: 'La quantité ne peut pas être nulle.' });
    const taxable = seller.vatRegime !== 'franchise' && seller.vatRegime !== 'not_liable';
    if (taxable && Number(l.vat_rate) === 0 && !l.vat_exemption_reason)
      issues.push({
        field: `lines.${i}.vatExemptionReason`,
        message:
          'Une ligne sans TVA doit citer le motif d’exonération (ex. « Exonération de TVA, article 261 du CGI »).',
      });
  });
  if (needsSiren(customer) && !customer.siren)
    issues.push({
      field: 'customerId',
      message: `Le client « ${customer.name} » est une entreprise établie en France : son numéro SIREN doit figurer sur la facture. Complétez sa fiche.`,
    });
  if (!customer.address)
    issues.push({
      field: 'customerId',
      message: `L’adresse du client « ${customer.name} » manque : complétez sa fiche.`,
    });
  if (!seller.address)
    issues.push({
      field: 'organisation',
      message: 'L’adresse de votre organisation manque : complétez-la dans les paramètres de l’organisation.',
    });
  if (!seller.siren && !seller.vatNumber)
    issues.push({
      field: 'organisation',
      message: 'Le SIREN de votre organisation doit figurer sur ses factures : complétez les paramètres.',
    });
  if (seller.vatRegime !== 'franchise' && seller.vatRegime !== 'not_liable' && !seller.vatNumber)
    issues.push({
      field: 'organisation',
      message:
        'Votre numéro de TVA intracommunautaire doit figurer sur les factures soumises à la TVA : complétez les paramètres de l’organisation.',
    });
  if (row.due_date && row.issue_date && compareDates(row.due_date, row.issue_date) < 0)
    issues.push({ field: 'dueDate', message: 'L’échéance ne peut pas précéder la date de la facture.' });
  return issues;
}

/** Invoices are numbered per fiscal year, named by the year it ends in (as the FEC names it). */
async function seriesOf(trx: Db, orgId: string, kind: RelationsInvoiceTable['kind'], issueDate: string) {
  const year = (await listFiscalYears(trx, orgId)).find(
    (y) => compareDates(y.start_date, issueDate) <= 0 && compareDates(issueDate, y.end_date) <= 0,
  );
  if (!year)
    throw ruleBroken(
      `Aucun exercice comptable ne contient le ${issueDate} : ouvrez l’exercice avant de facturer.`,
      'no-fiscal-year',
    );
  if (year.status !== 'open')
    throw ruleBroken(
      `L’exercice contenant le ${issueDate} est clôturé : on ne peut plus y facturer.`,
      'fiscal-year-closed',
    );
  return { prefix: kind === 'credit_note' ? 'AV' : 'FA', label: year.end_date.slice(0, 4) };
}

/** Numbers follow dates (CGI ann. II art. 242 nonies A): no invoice dated before the last one issued. */
async function checkChronology(trx: Db, orgId: string, seriesStart: string, issueDate: string) {
  const last = await trx
    .selectFrom('relations_invoice')
    .select((eb) => eb.fn.max('issue_date').as('last'))
    .where('org_id', '=', orgId)
    .where('status', '=', 'validated')
    .where('number', 'like', `${seriesStart}%`)
    .executeTakeFirst();
  if (last?.last && compareDates(String(last.last), issueDate) > 0)
    throw refused(
      `La facture ne peut pas être datée du ${issueDate} : une facture de la même série est déjà datée du ${last.last} (numérotation chronologique).`,
      [{ field: 'issueDate', message: 'Date antérieure à la dernière facture validée.' }],
    );
}

/** A credit note never credits more than what is left of its invoice after the earlier credit notes. */
async function checkCreditable(trx: Db, orgId: string, row: RelationsInvoiceTable, issued: IssuedInvoice) {
  if (issued.totals.grandTotal <= 0)
    throw refused('Le montant d’un avoir doit être positif.', [
      { field: 'lines', message: 'Avoir nul ou négatif.' },
    ]);
  const invoice = await trx
    .selectFrom('relations_invoice')
    .select(['total', 'status', 'number'])
    .where('org_id', '=', orgId)
    .where('id', '=', row.credited_invoice_id!)
    .executeTakeFirstOrThrow();
  const credited = await trx
    .selectFrom('relations_invoice')
    .select((eb) =>
      eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('total'), eb.lit(0)), 'bigint').as('sum'),
    )
    .where('org_id', '=', orgId)
    .where('credited_invoice_id', '=', row.credited_invoice_id!)
    .where('status', '=', 'validated')
    .executeTakeFirstOrThrow();
  const left = Number(invoice.total) - Number(credited.sum);
  if (issued.totals.grandTotal > left)
    throw refused(
      `Cet avoir (${issued.totals.grandTotal / 100} €) dépasse ce qui reste à créditer sur la facture ${invoice.number} (${left / 100} €).`,
    );
}

export async function validateInvoice(
  trx: Db,
  orgId: string,
  invoiceId: string,
  actorId: string | null,
): Promise<InvoiceDto> {
  await claimDraft(trx, orgId, invoiceId);
  const rows = await loadInvoice(trx, orgId, invoiceId);
  const { row } = rows;
  const [org, party, settings] = await Promise.all([
    getOrganisation(trx, orgId),
    getParty(trx, orgId, row.customer_id),
    getInvoiceSettings(trx, orgId),
  ]);
  const issued: Issued = { seller: sellerOf(org), customer: customerOf(party), settings };
  const problems = validationProblems(rows, issued);
  if (problems.length > 0) throw refused(problems[0]!.message, problems);

  const issueDate = row.issue_date ?? todayIn(org.timeZone);
  const dueDate =
    row.kind === 'invoice' ? (row.due_date ?? addDays(issueDate, settings.paymentTermsDays)) : null;
  if (dueDate && compareDates(dueDate, issueDate) < 0)
    throw refused('L’échéance ne peut pas précéder la date de la facture.', [
      { field: 'dueDate', message: 'Échéance antérieure.' },
    ]);
  const paymentTerms =
    row.payment_terms ??
    (row.kind === 'credit_note'
      ? CREDIT_NOTE_TERMS
      : settings.paymentTermsDays === 0
        ? 'Paiement à réception de la facture.'
        : `Paiement à ${settings.paymentTermsDays} jours date de facture.`);

  const { prefix, label } = await seriesOf(trx, orgId, row.kind, issueDate);
  const series = `${prefix}-${label}-`;
  const number = formatNumber(
    prefix,
    label,
    await takeNextNumber(trx, orgId, `relations.invoice:${prefix}-${label}`),
  );
  await checkChronology(trx, orgId, series, issueDate);

  const validatedAt = new Date().toISOString();
  const frozen: InvoiceRows = {
    row: {
      ...row,
      number,
      issue_date: issueDate,
      due_date: dueDate,
      payment_terms: paymentTerms,
      issued: JSON.stringify(issued),
      status: 'validated',
      validated_at: validatedAt,
    },
    lines: rows.lines,
  };
  let credited: { number: string; issueDate: string } | null = null;
  if (row.credited_invoice_id) {
    const original = await loadInvoice(trx, orgId, row.credited_invoice_id);
    credited = { number: original.row.number!, issueDate: original.row.issue_date! };
  }
  let invoice: IssuedInvoice;
  try {
    invoice = issuedInvoiceOf(frozen, credited);
  } catch (error) {
    if (error instanceof RangeError)
      throw refused('Les montants de la facture dépassent les limites représentables.');
    throw error;
  }
  if (row.kind === 'credit_note') await checkCreditable(trx, orgId, row, invoice);

  const posting = invoicePosting(invoice, {
    invoiceId,
    customerId: row.customer_id,
    revenueAccounts: rows.lines.map((l) => l.revenue_account),
  });
  let entryId: string | null = null;
  if (posting) {
    try {
      entryId = (await post(trx, orgId, posting, actorId)).id;
    } catch (error) {
      // The ledger speaks of its entry lines; say which part of the invoice is at fault.
      if (isDomainError(error) && error.kind !== 'rule-broken')
        throw refused(
          `Écriture comptable refusée : ${error.issues[0]?.message ?? error.message}`,
          error.issues,
        );
      throw error;
    }
  }

  await trx
    .updateTable('relations_invoice')
    .set({
      status: 'validated',
      number,
      issue_date: issueDate,
      due_date: dueDate,
      payment_terms: paymentTerms,
      issued: JSON.stringify(issued),
      total_net: invoice.totals.taxBasisTotal,
      total_vat: invoice.totals.vatTotal,
      total: invoice.totals.grandTotal,
      ledger_entry_id: entryId,
      validated_at: validatedAt,
      validated_by: actorId,
      updated_at: validatedAt,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', invoiceId)
    .where('status', '=', 'draft')
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: row.kind === 'credit_note' ? 'relations.credit_note.validated' : 'relations.invoice.validated',
    entity: 'relations_invoice',
    entityId: invoiceId,
    after: {
      number,
      issueDate,
      dueDate,
      customerId: row.customer_id,
      totalNet: invoice.totals.taxBasisTotal,
      totalVat: invoice.totals.vatTotal,
      total: invoice.totals.grandTotal,
      ledgerEntryId: entryId,
    },
  });
  return getInvoice(trx, orgId, invoiceId);
}
