import { type Kysely, sql } from 'kysely';

// The invoice list's order (drafts first, then the most recent: invoice-read.ts) as an index, so a page
// is read in index order instead of sorting every invoice of the organisation on each request. The
// expression must stay word for word the one of listInvoices for SQLite to match it.
// biome-ignore lint/suspicious/noExplicitAny: frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index relations_invoice_order_idx on relations_invoice
    (org_id, (case when status = 'draft' then 0 else 1 end), issue_date desc, number desc, id desc)`.execute(
    db,
  );
}
