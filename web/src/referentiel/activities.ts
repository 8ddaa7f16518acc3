import type { ParseKeys } from 'i18next';

/**
 * The activities of the Bac pro AGOrA référentiel (arrêté du 18 février 2020) that the screens name in
 * their badges and that the "À venir" pages announce. Titles live in the i18n files, source:
 * ../shared/referentiel/agora.json.
 */
export type ActivityCode = '1.1' | '1.2' | '1.3' | '2.1' | '2.2' | '2.3' | '3.1' | '3.2' | '3.3';

export type Activity = { code: ActivityCode; title: ParseKeys; tasks: readonly ParseKeys[] };

export const ACTIVITIES: Record<ActivityCode, Activity> = {
  '1.1': {
    code: '1.1',
    title: 'referentiel.a1_1.title',
    tasks: ['referentiel.a1_1.t1', 'referentiel.a1_1.t2', 'referentiel.a1_1.t3', 'referentiel.a1_1.t4'],
  },
  '1.2': {
    code: '1.2',
    title: 'referentiel.a1_2.title',
    tasks: ['referentiel.a1_2.t1', 'referentiel.a1_2.t2', 'referentiel.a1_2.t3', 'referentiel.a1_2.t4'],
  },
  '1.3': {
    code: '1.3',
    title: 'referentiel.a1_3.title',
    tasks: ['referentiel.a1_3.t1', 'referentiel.a1_3.t2', 'referentiel.a1_3.t3', 'referentiel.a1_3.t4'],
  },
  '2.1': {
    code: '2.1',
    title: 'referentiel.a2_1.title',
    tasks: ['referentiel.a2_1.t1', 'referentiel.a2_1.t2', 'referentiel.a2_1.t3', 'referentiel.a2_1.t4'],
  },
  '2.2': {
    code: '2.2',
    title: 'referentiel.a2_2.title',
    tasks: ['referentiel.a2_2.t1', 'referentiel.a2_2.t2', 'referentiel.a2_2.t3'],
  },
  '2.3': {
    code: '2.3',
    title: 'referentiel.a2_3.title',
    tasks: [
      'referentiel.a2_3.t1',
      'referentiel.a2_3.t2',
      'referentiel.a2_3.t3',
      'referentiel.a2_3.t4',
      'referentiel.a2_3.t5',
    ],
  },
  '3.1': {
    code: '3.1',
    title: 'referentiel.a3_1.title',
    tasks: ['referentiel.a3_1.t1', 'referentiel.a3_1.t2', 'referentiel.a3_1.t3'],
  },
  '3.2': {
    code: '3.2',
    title: 'referentiel.a3_2.title',
    tasks: ['referentiel.a3_2.t1', 'referentiel.a3_2.t2', 'referentiel.a3_2.t3'],
  },
  '3.3': {
    code: '3.3',
    title: 'referentiel.a3_3.title',
    tasks: ['referentiel.a3_3.t1', 'referentiel.a3_3.t2', 'referentiel.a3_3.t3'],
  },
};

/** A badge: the activity code and the short name of what the screen serves in it. */
export type ServedActivity = { code: ActivityCode; label: ParseKeys };

export const PARTIES_SERVE: readonly ServedActivity[] = [
  { code: '1.3', label: 'badges.updateRecords' },
  { code: '2.1', label: 'badges.supplierFiles' },
];

/** Every screen of the ledger: the financial follow-up of the activity (cash, VAT, financial balance). */
export const ACCOUNTING_SERVE: readonly ServedActivity[] = [
  { code: '2.2', label: 'badges.financialFollowUp' },
];

/** Supplier bills and their payments: supplier files and disbursements (area 2). */
export const PURCHASES_SERVE: readonly ServedActivity[] = [
  { code: '2.1', label: 'badges.supplierFiles' },
  { code: '2.2', label: 'badges.financialFollowUp' },
];

/** Staff travel: travel orders and expense reports, task 3.2.t2. */
export const TRAVEL_SERVE: readonly ServedActivity[] = [{ code: '3.2', label: 'badges.staffTravel' }];

/** The VAT return (CA3): task 2.2.t3, the preparation of the VAT return. */
export const VAT_RETURN_SERVE: readonly ServedActivity[] = [{ code: '2.2', label: 'badges.vatReturn' }];

/** Leave and absences, balances and planning: working time, task 3.2.t1. */
export const LEAVE_SERVE: readonly ServedActivity[] = [{ code: '3.2', label: 'badges.workingTime' }];
/** Payroll: payslips, their entry and the payment of net salaries — task 3.2.t3. */
export const PAYROLL_SERVE: readonly ServedActivity[] = [{ code: '3.2', label: 'badges.payroll' }];

/** Lettering and the aged balance also serve the follow-up of customers' payments. */
export const RECEIVABLES_SERVE: readonly ServedActivity[] = [
  { code: '1.2', label: 'badges.receipts' },
  { code: '2.2', label: 'badges.financialFollowUp' },
];

/** Receipts, cheque deposit slips, aged receivables and reminders: the follow-up of receipts. */
export const RECEIPTS_SERVE: readonly ServedActivity[] = [{ code: '1.2', label: 'badges.receipts' }];

/** The invoicing screens (catalogue, invoices, their settings): quotes, orders… and invoicing. */
export const INVOICING_SERVE: readonly ServedActivity[] = [{ code: '1.2', label: 'badges.salesInvoicing' }];

/** Events (salons, open days, general assemblies): task 1.1.3. */
export const EVENTS_SERVE: readonly ServedActivity[] = [{ code: '1.1', label: 'badges.events' }];

/** Prospecting campaigns: task 1.1.4. */
export const PROSPECTING_SERVE: readonly ServedActivity[] = [{ code: '1.1', label: 'badges.prospecting' }];

/** The SMTP settings and the outbox carry the invitations and mail merges of activity 1.1. */
export const MAIL_SERVE: readonly ServedActivity[] = [{ code: '1.1', label: 'badges.mail' }];

/** The personnel file and the registre unique du personnel: recruitment and departures (3.1.t1), files (3.1.t2). */
export const EMPLOYEES_SERVE: readonly ServedActivity[] = [{ code: '3.1', label: 'badges.personnelFiles' }];
/** Recruitment, onboarding and departure checklists: task 3.1.t1. */
export const RECRUITMENT_SERVE: readonly ServedActivity[] = [{ code: '3.1', label: 'badges.recruitment' }];
/** Professional training of the staff and the entretiens professionnels: task 3.1.t3. */
export const STAFF_TRAINING_SERVE: readonly ServedActivity[] = [
  { code: '3.1', label: 'badges.staffTraining' },
];

/** Requests and the public contact form: reception and handling of requests. */
export const RECEPTION_SERVE: readonly ServedActivity[] = [{ code: '1.1', label: 'badges.reception' }];

/** Complaints and disputes. */
export const COMPLAINTS_SERVE: readonly ServedActivity[] = [{ code: '1.2', label: 'badges.complaints' }];

/** The customer file, the anomaly report and the GDPR actions: updating the records. */
export const RECORDS_SERVE: readonly ServedActivity[] = [{ code: '1.3', label: 'badges.customerRecords' }];

/** The social dashboard (activity 3.3, task 3.3.t3). */
export const SOCIAL_DASHBOARD_SERVE: readonly ServedActivity[] = [
  { code: '3.3', label: 'badges.socialDashboards' },
];

export const SALES_DASHBOARD_SERVE: readonly ServedActivity[] = [
  { code: '1.3', label: 'badges.salesDashboards' },
];

export const PUBLICATIONS_SERVE: readonly ServedActivity[] = [{ code: '1.3', label: 'badges.publications' }];

/** Bank statements, their reconciliation with the books and the état de rapprochement (2.2.t2). */
export const TREASURY_SERVE: readonly ServedActivity[] = [{ code: '2.2', label: 'badges.treasury' }];

/** Stock and supplies: items, stock cards at the CUMP, counts, reorder proposal (2.1.t1, 2.3.t2). */
export const STOCK_SERVE: readonly ServedActivity[] = [
  { code: '2.1', label: 'badges.stock' },
  { code: '2.3', label: 'badges.supplies' },
];

/** Meetings in person or remote (2.3.t4). */
export const MEETINGS_SERVE: readonly ServedActivity[] = [{ code: '2.3', label: 'badges.meetings' }];

/** Internal notices and postings (2.3.t5), social information to the staff (3.3.t1). */
export const NOTICES_SERVE: readonly ServedActivity[] = [
  { code: '2.3', label: 'badges.internalInformation' },
  { code: '3.3', label: 'badges.staffInformation' },
];

/** The contracts register, its échéancier and costs: maintenance contracts, subscriptions, licences (2.3.t1). */
export const WORKPLACE_CONTRACTS_SERVE: readonly ServedActivity[] = [
  { code: '2.3', label: 'badges.workplaceContracts' },
];

/** Shared resources, their loans and bookings (2.3.t3). */
export const SHARED_RESOURCES_SERVE: readonly ServedActivity[] = [
  { code: '2.3', label: 'badges.sharedResources' },
];

/** The formalities with the partners (URSSAF, SIE, greffe…) and their calendar (2.1.t3). */
export const FORMALITIES_SERVE: readonly ServedActivity[] = [{ code: '2.1', label: 'badges.formalities' }];
