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

/** In the order the screen shows them. Payments (receipts) go after invoices when they exist. */
export const FILE_SECTIONS: FileSection[] = [invoicesSection, requestsSection, complaintsSection];

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
