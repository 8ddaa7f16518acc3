import { formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { conflict } from '../../kernel/errors/domain-error.ts';
import { getOrganisation } from '../../kernel/organisations/organisation.ts';
import { getParty } from '../../kernel/parties/party.ts';
import { getInvoiceSettings } from '../invoice-settings/invoice-settings.ts';
import { buildIssuedInvoice } from '../invoices/factur-x/issued-invoice.ts';
import { renderInvoice } from '../invoices/factur-x/render.ts';
import { lineForTotals } from '../invoices/invoice-read.ts';
import { customerOf, sellerOf } from '../invoices/issued.ts';
import { KIND_NAMES, loadSalesDocument } from './document-read.ts';
import type { SalesDocumentKind } from './tables.ts';

// The PDF of a numbered quote, order or delivery note, drawn with the invoice layout (same blocks, same
// totals). Not a Factur-X file (only invoices are) and not stored: it is drawn on request from the
// document, which no longer changes, and from the current identities of the organisation and the party.

const TOTAL_LABELS: Record<SalesDocumentKind, string> = {
  quote: 'Montant TTC du devis',
  order: 'Montant TTC de la commande',
  delivery_note: 'Montant TTC livré',
};

export async function salesDocumentPdf(
  db: Db,
  orgId: string,
  id: string,
  kind: SalesDocumentKind,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { row, lines } = await loadSalesDocument(db, orgId, id, kind);
  if (!row.number)
    throw conflict(
      'Un brouillon n’a pas encore de PDF : envoyez ou confirmez-le d’abord (il reçoit son numéro).',
    );
  const [org, party, settings] = await Promise.all([
    getOrganisation(db, orgId),
    getParty(db, orgId, row.party_id),
    getInvoiceSettings(db, orgId),
  ]);
  const notes = [
    row.validity_date ? `Devis valable jusqu’au ${formatDateFr(row.validity_date)}.` : null,
    kind === 'quote' ? 'Bon pour accord (date et signature du client) :' : null,
    row.notes,
  ]
    .filter(Boolean)
    .join(' ');
  const document = buildIssuedInvoice({
    kind: 'invoice',
    number: row.number,
    issueDate: row.issue_date,
    deliveryDate: kind === 'delivery_note' ? row.issue_date : null,
    dueDate: null,
    paymentTerms: null,
    customerOrderRef: row.customer_ref,
    deliveryAddress: null,
    notes: notes || null,
    documentDiscount: Number(row.document_discount),
    credited: null,
    documentTitle: KIND_NAMES[kind],
    totalLabel: TOTAL_LABELS[kind],
    issued: { seller: sellerOf(org), customer: customerOf(party), settings },
    validatedAt: row.validated_at ?? row.created_at,
    lines: lines.map((l) => lineForTotals(l as unknown as Parameters<typeof lineForTotals>[0])),
  });
  const pdf = await renderInvoice(document);
  const bytes = await pdf.save();
  const prefix = { quote: 'devis', order: 'commande', delivery_note: 'bon-de-livraison' }[kind];
  return { bytes, fileName: `${prefix}-${row.number}.pdf` };
}
