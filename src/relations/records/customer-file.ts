import type { Kysely } from 'kysely';
import type { DB, Db } from '../../kernel/db/index.ts';
import { getParty } from '../../kernel/parties/party.ts';
import type { CustomerFileDto, FileItemDto, FileSectionDto } from './contract.ts';

// The customer file: a party and everything the organisation did with them, as a list of sections. A
// section is a definition — which table, which column names the party, how one row reads — and one reader
// runs them all; receipts, quotes or events add theirs to FILE_SECTIONS without touching the others or the
// screen, which draws any section the same way.

const LIMIT = 200;

type Table = keyof DB;
type Column<T extends Table> = keyof DB[T] & string;

interface SectionDefinition<T extends Table, C extends Column<T>> {
  key: string;
  title: string;
  table: T;
  /** The column naming the party: customer_id on invoices, receipts and reminders, party_id elsewhere. */
  party: Column<T>;
  columns: readonly C[];
  /** Newest first: the item's date, then its creation time for items of the same day. */
  newestFirst: readonly Column<T>[];
  item: (row: Pick<DB[T], C>) => FileItemDto;
}

/** A section definition with its table's types erased, so that sections of different tables share a list. */
export type FileSection = {
  key: string;
  title: string;
  table: Table;
  party: string;
  columns: readonly string[];
  newestFirst: readonly string[];
  item: (row: never) => FileItemDto;
};

/** Checks a definition against its table's columns, then erases the types. */
const section = <T extends Table, C extends Column<T>>(definition: SectionDefinition<T, C>): FileSection =>
  definition;

const INVOICE_STATUS: Record<string, string> = { draft: 'Brouillon', validated: 'Validée' };
const REQUEST_STATUS: Record<string, string> = {
  new: 'Nouvelle',
  in_progress: 'En cours',
  answered: 'Répondue',
  closed: 'Close',
};
const COMPLAINT_STATUS: Record<string, string> = {
  open: 'Ouverte',
  in_progress: 'En cours',
  resolved: 'Résolue',
  closed: 'Close',
};
const SALES_LABEL: Record<string, string> = {
  quote: 'Devis',
  order: 'Commande',
  delivery_note: 'Bon de livraison',
};
const SALES_STATUS: Record<string, string> = {
  draft: 'Brouillon',
  sent: 'Envoyé',
  accepted: 'Accepté',
  refused: 'Refusé',
  expired: 'Expiré',
  confirmed: 'Confirmée',
  validated: 'Validé',
};
const METHOD_LABEL: Record<string, string> = {
  transfer: 'Virement',
  cheque: 'Chèque',
  card: 'Carte',
  cash: 'Espèces',
  direct_debit: 'Prélèvement',
};
const REMINDER_LEVEL: Record<number, string> = {
  1: 'Relance amiable',
  2: 'Relance ferme',
  3: 'Mise en demeure',
};

/** In the order the screen shows them: from the first quote to payment, then the front desk. */
export const FILE_SECTIONS: readonly FileSection[] = [
  section({
    key: 'sales',
    title: 'Devis, commandes et livraisons',
    table: 'relations_sales_document',
    party: 'party_id',
    columns: ['id', 'kind', 'status', 'number', 'issue_date', 'total'],
    newestFirst: ['issue_date', 'created_at'],
    item: (r) => ({
      id: r.id,
      date: r.issue_date,
      reference: r.number,
      label: SALES_LABEL[r.kind] ?? r.kind,
      status: SALES_STATUS[r.status] ?? r.status,
      amount: Number(r.total),
    }),
  }),
  section({
    key: 'invoices',
    title: 'Factures et avoirs',
    table: 'relations_invoice',
    party: 'customer_id',
    columns: ['id', 'kind', 'status', 'number', 'issue_date', 'created_at', 'total'],
    newestFirst: ['issue_date', 'created_at'],
    item: (r) => ({
      id: r.id,
      date: r.issue_date ?? r.created_at.slice(0, 10),
      reference: r.number,
      label: r.kind === 'credit_note' ? 'Avoir' : 'Facture',
      status: INVOICE_STATUS[r.status] ?? r.status,
      // Incl. VAT, what the customer owes or is owed.
      amount: (r.kind === 'credit_note' ? -1 : 1) * Number(r.total),
    }),
  }),
  section({
    key: 'payments',
    title: 'Règlements',
    table: 'relations_receipt',
    party: 'customer_id',
    columns: ['id', 'number', 'receipt_date', 'method', 'amount', 'status', 'reference'],
    newestFirst: ['receipt_date', 'created_at'],
    item: (r) => ({
      id: r.id,
      date: r.receipt_date,
      reference: r.number,
      label: r.reference ? `${METHOD_LABEL[r.method]} ${r.reference}` : (METHOD_LABEL[r.method] ?? r.method),
      status: r.status === 'cancelled' ? 'Annulé' : 'Enregistré',
      amount: Number(r.amount),
    }),
  }),
  section({
    key: 'reminders',
    title: 'Relances',
    table: 'relations_reminder',
    party: 'customer_id',
    columns: ['id', 'level', 'reminder_date', 'channel', 'total'],
    newestFirst: ['reminder_date', 'created_at'],
    item: (r) => ({
      id: r.id,
      date: r.reminder_date,
      reference: null,
      label: REMINDER_LEVEL[r.level] ?? `Niveau ${r.level}`,
      status: r.channel === 'email' ? 'Courriel' : 'Lettre',
      amount: Number(r.total),
    }),
  }),
  section({
    key: 'requests',
    title: 'Demandes',
    table: 'relations_request',
    party: 'party_id',
    columns: ['id', 'subject', 'status', 'received_at'],
    newestFirst: ['received_at'],
    item: (r) => ({
      id: r.id,
      date: r.received_at.slice(0, 10),
      reference: null,
      label: r.subject,
      status: REQUEST_STATUS[r.status] ?? r.status,
      amount: null,
    }),
  }),
  section({
    key: 'complaints',
    title: 'Réclamations',
    table: 'relations_complaint',
    party: 'party_id',
    columns: ['id', 'number', 'subject', 'status', 'received_on'],
    newestFirst: ['received_on'],
    item: (r) => ({
      id: r.id,
      date: r.received_on,
      reference: r.number,
      label: r.subject,
      status: COMPLAINT_STATUS[r.status] ?? r.status,
      amount: null,
    }),
  }),
];

/** The newest LIMIT rows of the section's table naming the party, in this organisation only. */
async function readSection(db: Db, orgId: string, partyId: string, s: FileSection): Promise<FileSectionDto> {
  // The table is data here, so Kysely cannot type the query; section() checked the names against it.
  // biome-ignore lint/suspicious/noExplicitAny: table and columns come from the checked definitions above
  let query = (db as unknown as Kysely<any>)
    .selectFrom(s.table)
    .select(s.columns)
    .where('org_id', '=', orgId)
    .where(s.party, '=', partyId);
  for (const column of s.newestFirst) query = query.orderBy(column, 'desc');
  const rows = await query.limit(LIMIT).execute();
  return { key: s.key, title: s.title, count: rows.length, items: rows.map((row) => s.item(row as never)) };
}

export async function customerFile(db: Db, orgId: string, partyId: string): Promise<CustomerFileDto> {
  const party = await getParty(db, orgId, partyId);
  const sections = await Promise.all(FILE_SECTIONS.map((s) => readSection(db, orgId, partyId, s)));
  return {
    party: {
      id: party.id,
      kind: party.kind,
      name: party.name,
      roles: party.roles,
      email: party.email,
      phone: party.phone,
      siren: party.siren,
      archivedAt: party.archivedAt,
    },
    sections,
  };
}
