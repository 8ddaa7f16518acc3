/**
 * What counts as evidence (issue 5 §7): the audit actions a student's work in a sandbox leaves, each with
 * the French label the portfolio prints and the référentiel codes it shows — an activity ('1.2') or a task
 * ('1.2.t3'), as in coverage/declarations.ts. Competencies follow from the référentiel (a competency is
 * shown where one of its activities is). Actions not listed here (settings, deletions, automatic ledger
 * postings that follow a validation) are not evidence. Adding a line is all a new kind of work needs.
 */
export type EvidenceAction = { label: string; codes: readonly string[] };

const SALES = ['1.2.t1'];
const INVOICING = ['1.2.t2'];
const RECEIPTS = ['1.2.t3'];

export const EVIDENCE_ACTIONS: Readonly<Record<string, EvidenceAction>> = {
  // Relations with customers (pôle 1)
  'request.created': { label: 'Demande enregistrée', codes: ['1.1.t1', '1.1.t2'] },
  'request.answered': { label: 'Réponse à une demande', codes: ['1.1.t2'] },
  'relations.event.created': { label: 'Évènement préparé', codes: ['1.1.t3'] },
  'relations.event.invited': { label: 'Invitations envoyées', codes: ['1.1.t3'] },
  'relations.campaign.created': { label: 'Campagne de prospection préparée', codes: ['1.1.t4'] },
  'relations.campaign.mailing': { label: 'Publipostage de prospection', codes: ['1.1.t4'] },
  'relations.campaign.action_recorded': { label: 'Action de prospection suivie', codes: ['1.1.t4'] },
  'relations.campaign.converted': { label: 'Prospect devenu client', codes: ['1.1.t4', '1.3.t1'] },
  'relations.quote.drafted': { label: 'Devis préparé', codes: SALES },
  'relations.quote.sent': { label: 'Devis envoyé', codes: SALES },
  'relations.quote.accepted': { label: 'Devis accepté', codes: SALES },
  'relations.order.drafted': { label: 'Commande saisie', codes: SALES },
  'relations.order.confirmed': { label: 'Commande confirmée', codes: SALES },
  'relations.contract.created': { label: 'Contrat établi', codes: SALES },
  'relations.delivery_note.drafted': { label: 'Bon de livraison préparé', codes: ['1.2.t2'] },
  'relations.delivery_note.validated': { label: 'Livraison validée', codes: ['1.2.t2'] },
  'relations.invoice.drafted': { label: 'Facture préparée', codes: INVOICING },
  'relations.invoice.validated': { label: 'Facture émise', codes: INVOICING },
  'relations.credit_note.drafted': { label: 'Avoir préparé', codes: INVOICING },
  'relations.credit_note.validated': { label: 'Avoir émis', codes: ['1.2.t2', '1.2.t4'] },
  'relations.contract.invoices_generated': { label: 'Facturation périodique', codes: INVOICING },
  'relations.receipt.recorded': { label: 'Encaissement enregistré', codes: RECEIPTS },
  'relations.receipt.cancelled': { label: 'Encaissement annulé (impayé)', codes: RECEIPTS },
  'relations.deposit_slip.created': { label: 'Remise de chèques', codes: RECEIPTS },
  'relations.reminder.created': { label: 'Relance préparée', codes: RECEIPTS },
  'relations.reminder.queued': { label: 'Relance envoyée', codes: RECEIPTS },
  'complaint.created': { label: 'Réclamation enregistrée', codes: ['1.2.t4'] },
  'complaint.step-added': { label: 'Réclamation suivie', codes: ['1.2.t4'] },
  'complaint.resolved': { label: 'Réclamation résolue', codes: ['1.2.t4'] },
  'party.created': { label: 'Fiche tiers créée', codes: ['1.3.t1'] },
  'party.updated': { label: 'Fiche tiers mise à jour', codes: ['1.3.t1'] },
  'publication.created': { label: 'Publication rédigée', codes: ['1.3.t3', '1.3.t4'] },
  'publication.updated': { label: 'Publication mise à jour', codes: ['1.3.t3', '1.3.t4'] },
  // Accounting work done by hand (pôle 2, financial follow-up)
  'ledger.entry.validated': { label: 'Écriture comptable validée', codes: ['2.2'] },
  'ledger.lettering.created': { label: 'Lettrage', codes: ['1.2.t3', '2.2.t2'] },
};

/** Where a document lives in the sandbox (web path after /orgs/<sandbox>/), and how to name it. */
export type EvidenceTarget = {
  table: string;
  kind: string;
  /** Column read to name the document (its number, title…), or null. */
  labelColumn: string | null;
  path: (id: string) => string | null;
};

export const EVIDENCE_TARGETS: Readonly<Record<string, EvidenceTarget>> = {
  relations_invoice: {
    table: 'relations_invoice',
    kind: 'Facture',
    labelColumn: 'number',
    path: (id) => `relations/invoices/${id}`,
  },
  relations_sales_document: {
    table: 'relations_sales_document',
    kind: 'Document commercial',
    labelColumn: 'number',
    path: () => null,
  },
  relations_receipt: {
    table: 'relations_receipt',
    kind: 'Encaissement',
    labelColumn: 'number',
    path: () => 'relations/receipts',
  },
  relations_deposit_slip: {
    table: 'relations_deposit_slip',
    kind: 'Bordereau de remise',
    labelColumn: 'number',
    path: () => 'relations/deposit-slips',
  },
  relations_reminder: {
    table: 'relations_reminder',
    kind: 'Relance',
    labelColumn: 'level',
    path: () => 'relations/receivables',
  },
  relations_event: {
    table: 'relations_event',
    kind: 'Évènement',
    labelColumn: 'title',
    path: (id) => `relations/events/${id}`,
  },
  relations_campaign: {
    table: 'relations_campaign',
    kind: 'Campagne',
    labelColumn: 'name',
    path: (id) => `relations/campaigns/${id}`,
  },
  relations_request: {
    table: 'relations_request',
    kind: 'Demande',
    labelColumn: 'subject',
    path: (id) => `relations/requests/${id}`,
  },
  relations_complaint: {
    table: 'relations_complaint',
    kind: 'Réclamation',
    labelColumn: 'number',
    path: (id) => `relations/complaints/${id}`,
  },
  relations_contract: {
    table: 'relations_contract',
    kind: 'Contrat',
    labelColumn: 'label',
    path: (id) => `relations/contracts/${id}`,
  },
  relations_publication: {
    table: 'relations_publication',
    kind: 'Publication',
    labelColumn: 'title',
    path: () => 'relations/publications',
  },
  party: { table: 'party', kind: 'Tiers', labelColumn: 'name', path: (id) => `parties/${id}` },
  ledger_entry: {
    table: 'ledger_entry',
    kind: 'Écriture',
    labelColumn: 'label',
    path: (id) => `accounting/entries/${id}`,
  },
};

/** Sales documents name their kind and screen by their own `kind` column. */
export const SALES_KINDS: Readonly<Record<string, { kind: string; path: string }>> = {
  quote: { kind: 'Devis', path: 'relations/quotes' },
  order: { kind: 'Commande', path: 'relations/orders' },
  delivery_note: { kind: 'Bon de livraison', path: 'relations/delivery-notes' },
};
