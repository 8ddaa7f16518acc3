import type { Db } from '../../kernel/db/index.ts';
import { getParty } from '../../kernel/parties/party.ts';
import type { CustomerFileDto, FileSectionDto } from './contract.ts';

// The customer file: a party and everything the organisation did with them, as a list of sections. A
// section is one small reader; receipts, quotes or events add theirs to FILE_SECTIONS without touching the
// others or the screen, which draws any section the same way.

export type FileSection = (db: Db, orgId: string, partyId: string) => Promise<FileSectionDto>;

const LIMIT = 200;

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

export const invoicesSection: FileSection = async (db, orgId, partyId) => {
  const rows = await db
    .selectFrom('relations_invoice')
    .select(['id', 'kind', 'status', 'number', 'issue_date', 'created_at', 'total'])
    .where('org_id', '=', orgId)
    .where('customer_id', '=', partyId)
    .orderBy('issue_date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(LIMIT)
    .execute();
  return {
    key: 'invoices',
    title: 'Factures et avoirs',
    count: rows.length,
    items: rows.map((r) => ({
      id: r.id,
      date: r.issue_date ?? r.created_at.slice(0, 10),
      reference: r.number,
      label: r.kind === 'credit_note' ? 'Avoir' : 'Facture',
      status: INVOICE_STATUS[r.status] ?? r.status,
      // Incl. VAT, what the customer owes or is owed.
      amount: (r.kind === 'credit_note' ? -1 : 1) * Number(r.total),
    })),
  };
};

export const requestsSection: FileSection = async (db, orgId, partyId) => {
  const rows = await db
    .selectFrom('relations_request')
    .select(['id', 'subject', 'status', 'channel', 'received_at'])
    .where('org_id', '=', orgId)
    .where('party_id', '=', partyId)
    .orderBy('received_at', 'desc')
    .limit(LIMIT)
    .execute();
  return {
    key: 'requests',
    title: 'Demandes',
    count: rows.length,
    items: rows.map((r) => ({
      id: r.id,
      date: r.received_at.slice(0, 10),
      reference: null,
      label: r.subject,
      status: REQUEST_STATUS[r.status] ?? r.status,
      amount: null,
    })),
  };
};

export const complaintsSection: FileSection = async (db, orgId, partyId) => {
  const rows = await db
    .selectFrom('relations_complaint')
    .select(['id', 'number', 'subject', 'status', 'received_on'])
    .where('org_id', '=', orgId)
    .where('party_id', '=', partyId)
    .orderBy('received_on', 'desc')
    .limit(LIMIT)
    .execute();
  return {
    key: 'complaints',
    title: 'Réclamations',
    count: rows.length,
    items: rows.map((r) => ({
      id: r.id,
      date: r.received_on,
      reference: r.number,
      label: r.subject,
      status: COMPLAINT_STATUS[r.status] ?? r.status,
      amount: null,
    })),
  };
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

export const salesSection: FileSection = async (db, orgId, partyId) => {
  const rows = await db
    .selectFrom('relations_sales_document')
    .select(['id', 'kind', 'status', 'number', 'issue_date', 'total'])
    .where('org_id', '=', orgId)
    .where('party_id', '=', partyId)
    .orderBy('issue_date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(LIMIT)
    .execute();
  return {
    key: 'sales',
    title: 'Devis, commandes et livraisons',
    count: rows.length,
    items: rows.map((r) => ({
      id: r.id,
      date: r.issue_date,
      reference: r.number,
      label: SALES_LABEL[r.kind] ?? r.kind,
      status: SALES_STATUS[r.status] ?? r.status,
      amount: Number(r.total),
    })),
  };
};

const METHOD_LABEL: Record<string, string> = {
  transfer: 'Virement',
  cheque: 'Chèque',
  card: 'Carte',
  cash: 'Espèces',
  direct_debit: 'Prélèvement',
};

export const paymentsSection: FileSection = async (db, orgId, partyId) => {
  const rows = await db
    .selectFrom('relations_receipt')
    .select(['id', 'number', 'receipt_date', 'method', 'amount', 'status', 'reference'])
    .where('org_id', '=', orgId)
    .where('customer_id', '=', partyId)
    .orderBy('receipt_date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(LIMIT)
    .execute();
  return {
    key: 'payments',
    title: 'Règlements',
    count: rows.length,
    items: rows.map((r) => ({
      id: r.id,
      date: r.receipt_date,
      reference: r.number,
      label: r.reference ? `${METHOD_LABEL[r.method]} ${r.reference}` : (METHOD_LABEL[r.method] ?? r.method),
      status: r.status === 'cancelled' ? 'Annulé' : 'Enregistré',
      amount: Number(r.amount),
    })),
  };
};

const REMINDER_LEVEL: Record<number, string> = {
  1: 'Relance amiable',
  2: 'Relance ferme',
  3: 'Mise en demeure',
};

export const remindersSection: FileSection = async (db, orgId, partyId) => {
  const rows = await db
    .selectFrom('relations_reminder')
    .select(['id', 'level', 'reminder_date', 'channel', 'total'])
    .where('org_id', '=', orgId)
    .where('customer_id', '=', partyId)
    .orderBy('reminder_date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(LIMIT)
    .execute();
  return {
    key: 'reminders',
    title: 'Relances',
    count: rows.length,
    items: rows.map((r) => ({
      id: r.id,
      date: r.reminder_date,
      reference: null,
      label: REMINDER_LEVEL[r.level] ?? `Niveau ${r.level}`,
      status: r.channel === 'email' ? 'Courriel' : 'Lettre',
      amount: Number(r.total),
    })),
  };
};

/** In the order the screen shows them: from the first quote to payment, then the front desk. */
export const FILE_SECTIONS: FileSection[] = [
  salesSection,
  invoicesSection,
  paymentsSection,
  remindersSection,
  requestsSection,
  complaintsSection,
];

export async function customerFile(db: Db, orgId: string, partyId: string): Promise<CustomerFileDto> {
  const party = await getParty(db, orgId, partyId);
  const sections = await Promise.all(FILE_SECTIONS.map((section) => section(db, orgId, partyId)));
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
