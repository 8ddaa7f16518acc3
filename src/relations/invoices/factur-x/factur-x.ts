import { invoiceToCii } from './cii.ts';
import type { IssuedInvoice } from './model.ts';
import { makeFacturX } from './pdf-a3.ts';
import { renderInvoice } from './render.ts';

/** The Factur-X file of an issued invoice: the drawn PDF/A-3 with its CII XML inside. */
export async function facturXPdf(invoice: IssuedInvoice): Promise<{ pdf: Uint8Array; xml: string }> {
  const xml = invoiceToCii(invoice);
  const doc = await renderInvoice(invoice);
  const kind = invoice.kind === 'credit_note' ? 'Avoir' : 'Facture';
  const pdf = await makeFacturX(doc, xml, {
    title: `${kind} ${invoice.number}`,
    author: invoice.issued.seller.name,
    subject: `${kind} ${invoice.number} – ${invoice.issued.customer.name}`,
    date: invoice.validatedAt,
    documentType: 'INVOICE',
    conformanceLevel: 'EN 16931',
  });
  return { pdf, xml };
}
