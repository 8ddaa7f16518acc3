// What a teacher may check in a student's sandbox, as data (issue 5 §5): the product's own entities and
// fields, with French labels, their type and the operators that make sense for it. The check builder of
// the web reads this file; the evaluation engine (evaluate.ts) reads the rows through sandbox-rows.ts,
// keyed by the same entity and field keys. Adding a field: one line here, one key in the row reader.
// No database import here: the web bundles this file.

export type FieldType = 'money' | 'text' | 'date' | 'enum' | 'number';

export type Operator = 'eq' | 'ne' | 'contains' | 'starts' | 'gte' | 'lte' | 'filled' | 'empty';

export const OPERATOR_LABELS: Record<Operator, string> = {
  eq: '=',
  ne: '≠',
  contains: 'contient',
  starts: 'commence par',
  gte: '≥',
  lte: '≤',
  filled: 'renseigné',
  empty: 'non renseigné',
};

/** Operators that take no value. */
export const UNARY_OPERATORS: readonly Operator[] = ['filled', 'empty'];

export const OPERATORS_BY_TYPE: Record<FieldType, readonly Operator[]> = {
  money: ['eq', 'ne', 'gte', 'lte', 'filled', 'empty'],
  number: ['eq', 'ne', 'gte', 'lte', 'filled', 'empty'],
  date: ['eq', 'ne', 'gte', 'lte', 'filled', 'empty'],
  text: ['eq', 'ne', 'contains', 'starts', 'filled', 'empty'],
  enum: ['eq', 'ne'],
};

export type CatalogueField = {
  key: string;
  label: string;
  type: FieldType;
  /** For an enum: value → French label. */
  options?: Record<string, string>;
  /** Several values per row (an invoice's products, a receipt's invoices): true when one of them fits. */
  list?: true;
};

export type CatalogueEntity = {
  key: string;
  /** "facture", "avoir"… */
  label: string;
  plural: string;
  /** "Aucune facture", "Aucun devis". */
  none: string;
  fields: readonly CatalogueField[];
};

const partyField: CatalogueField = { key: 'party', label: 'tiers (nom)', type: 'text' };
const numberField: CatalogueField = { key: 'number', label: 'numéro', type: 'text' };
const productsField: CatalogueField = {
  key: 'products',
  label: 'produit d’une ligne (code ou libellé)',
  type: 'text',
  list: true,
};

const invoiceFields = (status: Record<string, string>): CatalogueField[] => [
  partyField,
  { key: 'status', label: 'statut', type: 'enum', options: status },
  numberField,
  { key: 'totalNet', label: 'total HT', type: 'money' },
  { key: 'totalVat', label: 'TVA', type: 'money' },
  { key: 'total', label: 'total TTC', type: 'money' },
  { key: 'issueDate', label: 'date d’émission', type: 'date' },
  productsField,
];

const INVOICE_STATUS = { draft: 'brouillon', validated: 'validée' };
const salesStatus = (...keys: string[]) => {
  const all: Record<string, string> = {
    draft: 'brouillon',
    sent: 'envoyé',
    accepted: 'accepté',
    refused: 'refusé',
    expired: 'expiré',
    confirmed: 'confirmé',
    validated: 'validé',
  };
  return Object.fromEntries(keys.map((k) => [k, all[k]!]));
};

export const CHECK_CATALOGUE: readonly CatalogueEntity[] = [
  {
    key: 'invoice',
    label: 'facture',
    plural: 'factures',
    none: 'Aucune facture',
    fields: [
      ...invoiceFields(INVOICE_STATUS),
      { key: 'dueDate', label: 'date d’échéance', type: 'date' },
      {
        key: 'settled',
        label: 'réglée (encaissements lettrés)',
        type: 'enum',
        options: { yes: 'oui', no: 'non' },
      },
    ],
  },
  {
    key: 'credit_note',
    label: 'avoir',
    plural: 'avoirs',
    none: 'Aucun avoir',
    fields: [
      ...invoiceFields({ draft: 'brouillon', validated: 'validé' }),
      { key: 'creditedInvoice', label: 'facture d’origine (numéro)', type: 'text' },
    ],
  },
  {
    key: 'quote',
    label: 'devis',
    plural: 'devis',
    none: 'Aucun devis',
    fields: invoiceFields(salesStatus('draft', 'sent', 'accepted', 'refused', 'expired')),
  },
  {
    key: 'order',
    label: 'commande client',
    plural: 'commandes clients',
    none: 'Aucune commande client',
    fields: invoiceFields(salesStatus('draft', 'confirmed')),
  },
  {
    key: 'delivery_note',
    label: 'bon de livraison',
    plural: 'bons de livraison',
    none: 'Aucun bon de livraison',
    fields: invoiceFields(salesStatus('draft', 'validated')).filter((f) => f.type !== 'money'),
  },
  {
    key: 'receipt',
    label: 'encaissement',
    plural: 'encaissements',
    none: 'Aucun encaissement',
    fields: [
      partyField,
      numberField,
      { key: 'date', label: 'date', type: 'date' },
      { key: 'amount', label: 'montant', type: 'money' },
      {
        key: 'method',
        label: 'mode de règlement',
        type: 'enum',
        options: {
          transfer: 'virement',
          cheque: 'chèque',
          card: 'carte',
          cash: 'espèces',
          direct_debit: 'prélèvement',
        },
      },
      { key: 'status', label: 'statut', type: 'enum', options: { validated: 'validé', cancelled: 'annulé' } },
      { key: 'invoices', label: 'lettré avec la facture (numéro)', type: 'text', list: true },
      { key: 'reference', label: 'référence', type: 'text' },
    ],
  },
  {
    key: 'reminder',
    label: 'relance',
    plural: 'relances',
    none: 'Aucune relance',
    fields: [
      partyField,
      { key: 'level', label: 'niveau', type: 'number' },
      { key: 'channel', label: 'canal', type: 'enum', options: { letter: 'courrier', email: 'e-mail' } },
      { key: 'date', label: 'date', type: 'date' },
      {
        key: 'sent',
        label: 'envoyée (e-mail remis à la file d’envoi, ou courrier édité)',
        type: 'enum',
        options: { yes: 'oui', no: 'non' },
      },
      { key: 'sentAt', label: 'date d’envoi par e-mail', type: 'date' },
      { key: 'emailTo', label: 'adresse e-mail du destinataire', type: 'text' },
      { key: 'total', label: 'montant réclamé', type: 'money' },
      { key: 'invoices', label: 'facture relancée (numéro)', type: 'text', list: true },
    ],
  },
  {
    key: 'request',
    label: 'demande',
    plural: 'demandes',
    none: 'Aucune demande',
    fields: [
      partyField,
      {
        key: 'channel',
        label: 'canal',
        type: 'enum',
        options: { phone: 'téléphone', email: 'e-mail', counter: 'accueil', web_form: 'formulaire web' },
      },
      { key: 'subject', label: 'objet', type: 'text' },
      { key: 'category', label: 'catégorie', type: 'text' },
      {
        key: 'status',
        label: 'statut',
        type: 'enum',
        options: { new: 'nouvelle', in_progress: 'en cours', answered: 'répondue', closed: 'close' },
      },
      { key: 'answer', label: 'réponse', type: 'text' },
    ],
  },
  {
    key: 'complaint',
    label: 'réclamation',
    plural: 'réclamations',
    none: 'Aucune réclamation',
    fields: [
      partyField,
      numberField,
      { key: 'subject', label: 'objet', type: 'text' },
      {
        key: 'status',
        label: 'statut',
        type: 'enum',
        options: { open: 'ouverte', in_progress: 'en cours', resolved: 'résolue', closed: 'close' },
      },
      {
        key: 'resolution',
        label: 'solution',
        type: 'enum',
        options: { none: 'aucune', credit_note: 'avoir', replacement: 'remplacement', refusal: 'refus' },
      },
      { key: 'creditNote', label: 'avoir (numéro)', type: 'text' },
    ],
  },
  {
    key: 'party',
    label: 'tiers',
    plural: 'tiers',
    none: 'Aucun tiers',
    fields: [
      { key: 'name', label: 'nom', type: 'text' },
      {
        key: 'kind',
        label: 'nature',
        type: 'enum',
        options: { person: 'personne physique', organisation: 'personne morale' },
      },
      { key: 'siren', label: 'SIREN', type: 'text' },
      { key: 'email', label: 'e-mail', type: 'text' },
      {
        key: 'roles',
        label: 'rôle',
        type: 'enum',
        list: true,
        options: {
          customer: 'client',
          prospect: 'prospect',
          supplier: 'fournisseur',
          member: 'adhérent',
          user: 'usager',
          subcontractor: 'sous-traitant',
          provider: 'prestataire',
        },
      },
    ],
  },
  {
    key: 'supplier_bill',
    label: 'facture fournisseur',
    plural: 'factures fournisseurs',
    none: 'Aucune facture fournisseur',
    fields: [
      { key: 'party', label: 'fournisseur (nom)', type: 'text' },
      {
        key: 'status',
        label: 'statut',
        type: 'enum',
        options: {
          draft: 'brouillon',
          to_pay: 'à payer',
          partially_paid: 'payée en partie',
          paid: 'payée',
          cancelled: 'annulée',
        },
      },
      numberField,
      { key: 'supplierRef', label: 'numéro du fournisseur', type: 'text' },
      { key: 'billDate', label: 'date de la facture', type: 'date' },
      { key: 'dueDate', label: 'date d’échéance', type: 'date' },
      { key: 'totalNet', label: 'total HT', type: 'money' },
      { key: 'totalVat', label: 'TVA', type: 'money' },
      { key: 'total', label: 'total TTC', type: 'money' },
      { key: 'paid', label: 'montant payé', type: 'money' },
      { key: 'accounts', label: 'compte de charge d’une ligne', type: 'text', list: true },
    ],
  },
  {
    key: 'vat_return',
    label: 'déclaration de TVA',
    plural: 'déclarations de TVA',
    none: 'Aucune déclaration de TVA déposée',
    fields: [
      { key: 'period', label: 'période (2026-03 ou 2026-T1)', type: 'text' },
      { key: 'vatDue', label: 'TVA nette due (ligne 28, euros)', type: 'number' },
      { key: 'creditCarried', label: 'crédit à reporter (ligne 27, euros)', type: 'number' },
      { key: 'filedOn', label: 'date de dépôt', type: 'date' },
      { key: 'paidOn', label: 'date de paiement', type: 'date' },
    ],
  },
  {
    key: 'employee',
    label: 'salarié',
    plural: 'salariés',
    none: 'Aucun salarié',
    fields: [
      { key: 'lastName', label: 'nom', type: 'text' },
      { key: 'firstName', label: 'prénom', type: 'text' },
      { key: 'jobTitle', label: 'emploi', type: 'text' },
      {
        key: 'contractType',
        label: 'type de contrat',
        type: 'enum',
        options: { cdi: 'CDI', cdd: 'CDD', apprenticeship: 'apprentissage', internship: 'stage' },
      },
      {
        key: 'category',
        label: 'catégorie',
        type: 'enum',
        options: { employee: 'non-cadre', executive: 'cadre' },
      },
      { key: 'hireDate', label: 'date d’entrée', type: 'date' },
      { key: 'leftOn', label: 'date de sortie', type: 'date' },
      { key: 'weeklyHours', label: 'durée hebdomadaire (heures)', type: 'number' },
      { key: 'monthlyGross', label: 'salaire brut mensuel', type: 'money' },
      { key: 'socialSecurityNumber', label: 'numéro de sécurité sociale', type: 'text' },
    ],
  },
  {
    key: 'stock_movement',
    label: 'mouvement de stock',
    plural: 'mouvements de stock',
    none: 'Aucun mouvement de stock',
    fields: [
      { key: 'item', label: 'article (code ou libellé)', type: 'text' },
      {
        key: 'kind',
        label: 'type de mouvement',
        type: 'enum',
        options: { entry: 'entrée', exit: 'sortie', adjustment: 'ajustement d’inventaire' },
      },
      { key: 'date', label: 'date', type: 'date' },
      { key: 'quantity', label: 'quantité (négative pour une sortie)', type: 'number' },
      { key: 'unitCost', label: 'coût unitaire d’une entrée', type: 'money' },
      { key: 'party', label: 'fournisseur ou client (nom)', type: 'text' },
      { key: 'recipient', label: 'bénéficiaire d’une sortie interne', type: 'text' },
      { key: 'reference', label: 'référence (bon, facture)', type: 'text' },
    ],
  },
  {
    key: 'cash_forecast',
    label: 'prévision de trésorerie',
    plural: 'prévisions de trésorerie',
    none: 'Aucune prévision de trésorerie',
    fields: [
      { key: 'label', label: 'libellé', type: 'text' },
      {
        key: 'direction',
        label: 'sens',
        type: 'enum',
        options: { in: 'encaissement', out: 'décaissement' },
      },
      { key: 'amount', label: 'montant', type: 'money' },
      { key: 'firstMonth', label: 'premier mois (AAAA-MM)', type: 'text' },
      { key: 'occurrences', label: 'nombre de mois', type: 'number' },
    ],
  },
  {
    key: 'ledger_line',
    label: 'ligne d’écriture comptable',
    plural: 'lignes d’écriture comptable',
    none: 'Aucune ligne d’écriture',
    fields: [
      { key: 'journal', label: 'journal (code)', type: 'text' },
      { key: 'account', label: 'compte (numéro, ou compte auxiliaire)', type: 'text', list: true },
      { key: 'date', label: 'date', type: 'date' },
      { key: 'label', label: 'libellé', type: 'text' },
      { key: 'debit', label: 'débit', type: 'money' },
      { key: 'credit', label: 'crédit', type: 'money' },
      { key: 'lettered', label: 'lettrée', type: 'enum', options: { yes: 'oui', no: 'non' } },
      { key: 'letteringCode', label: 'code de lettrage', type: 'text' },
    ],
  },
];

export function catalogueEntity(key: string): CatalogueEntity | undefined {
  return CHECK_CATALOGUE.find((e) => e.key === key);
}

export function catalogueField(entity: CatalogueEntity, key: string): CatalogueField | undefined {
  return entity.fields.find((f) => f.key === key);
}

/** "1 234,56 €" without Intl's narrow spaces, so explanations read (and compare) the same everywhere. */
export function formatEuros(cents: number): string {
  const abs = Math.abs(cents);
  const euros = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${cents < 0 ? '-' : ''}${euros},${String(abs % 100).padStart(2, '0')} €`;
}

/** A stored value as a teacher or student reads it. */
export function formatValue(field: CatalogueField, value: string | number | null): string {
  if (value === null || value === '') return 'non renseigné';
  if (field.type === 'money') return formatEuros(Number(value));
  if (field.type === 'date') {
    const [y, m, d] = String(value).split('-');
    return `${d}/${m}/${y}`;
  }
  if (field.type === 'enum') return field.options?.[String(value)] ?? String(value);
  if (field.type === 'text') return `« ${value} »`;
  return String(value);
}
