import { type Db, isUniqueViolation } from '../../kernel/db/index.ts';
import { putBytes, readDocument, recordDocument } from '../../kernel/documents/document-store.ts';
import { conflict } from '../../kernel/errors/domain-error.ts';
import { facturXPdf } from './factur-x/factur-x.ts';
import { issuedInvoiceOf, loadInvoice } from './invoice-read.ts';

// The Factur-X PDF of a validated invoice is made once, outside the validating transaction (PDF work is
// too slow to hold SQLite's write lock), stored as a document, and served from there ever after: the file
// a customer downloads later is byte for byte the one issued. Should the process stop between the two,
// the first download makes it (the same bytes: every date in the file is the validation instant).

export function invoiceFileName(number: string, kind: 'invoice' | 'credit_note'): string {
  return `${kind === 'credit_note' ? 'avoir' : 'facture'}-${number}.pdf`;
}

async function linkedDocument(db: Db, orgId: string, invoiceId: string) {
  return db
    .selectFrom('relations_invoice_document')
    .select('document_id')
    .where('org_id', '=', orgId)
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirst();
}

/** Makes and stores the PDF of a validated invoice unless it exists; returns the document id. */
export async function issueInvoiceDocument(
  db: Db,
  documentsDir: string,
  orgId: string,
  invoiceId: string,
  actorId: string | null,
): Promise<string> {
  const existing = await linkedDocument(db, orgId, invoiceId);
  if (existing) return existing.document_id;
  const rows = await loadInvoice(db, orgId, invoiceId);
  if (rows.row.status !== 'validated')
    throw conflict('Le PDF Factur-X n’existe que pour une facture validée : validez d’abord ce brouillon.');
  let credited: { number: string; issueDate: string } | null = null;
  if (rows.row.credited_invoice_id) {
    const original = await loadInvoice(db, orgId, rows.row.credited_invoice_id);
    credited = { number: original.row.number!, issueDate: original.row.issue_date! };
  }
  const { pdf } = await facturXPdf(issuedInvoiceOf(rows, credited));
  const sha256 = await putBytes(documentsDir, pdf);
  try {
    return await db.transaction().execute(async (trx) => {
      const again = await linkedDocument(trx, orgId, invoiceId);
      if (again) return again.document_id;
      const document = await recordDocument(trx, {
        orgId,
        sha256,
        fileName: invoiceFileName(rows.row.number!, rows.row.kind),
        mediaType: 'application/pdf',
        size: pdf.byteLength,
        actorId,
      });
      await trx
        .insertInto('relations_invoice_document')
        .values({ org_id: orgId, invoice_id: invoiceId, document_id: document.id })
        .execute();
      return document.id;
    });
  } catch (error) {
    // Another process issued it at the same moment: theirs is the one.
    if (isUniqueViolation(error)) {
      const winner = await linkedDocument(db, orgId, invoiceId);
      if (winner) return winner.document_id;
    }
    throw error;
  }
}

/** The issued PDF (made now if the process stopped before it could be). */
export async function invoicePdf(
  db: Db,
  documentsDir: string,
  orgId: string,
  invoiceId: string,
  actorId: string | null,
) {
  const documentId = await issueInvoiceDocument(db, documentsDir, orgId, invoiceId, actorId);
  return readDocument(db, documentsDir, orgId, documentId);
}
