import { z } from 'zod';
import { isCalendarDate } from '../../../kernel/dates/index.ts';
import { text } from '../../../kernel/validation/text.ts';

// The workplace's contracts (2.3.t1): maintenance contracts, subscriptions, software licences, insurance,
// equipment leases. Amounts in cents excluding VAT, per period; VAT rates in basis points (2000 = 20 %).

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const optionalText = (max: number) =>
  text()
    .max(max, `${max} caractères au maximum.`)
    .nullish()
    .transform((v) => (v ? v : null));
const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number(`${what} : nombre entier attendu.`)
    .int(`${what} : nombre entier attendu.`)
    .min(min, `${what} : au moins ${min}.`)
    .max(max, `${what} : au plus ${max}.`);

export const contractKinds = [
  'maintenance',
  'subscription',
  'licence',
  'insurance',
  'lease',
  'other',
] as const;
export type ContractKind = (typeof contractKinds)[number];
export const periodicities = ['monthly', 'quarterly', 'half_yearly', 'yearly', 'one_off'] as const;
export type Periodicity = (typeof periodicities)[number];
export const noticeUnits = ['days', 'months'] as const;
export type NoticeUnit = (typeof noticeUnits)[number];
/** The rates of data/vat.json, in basis points. */
export const VAT_RATES = [0, 210, 550, 1000, 2000] as const;
/** Stored: active or terminated. Computed on a date: the others. */
export const contractStatuses = ['active', 'to_terminate_soon', 'to_renew', 'terminated', 'expired'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export const CONTRACT_KIND_LABELS_FR: Record<ContractKind, string> = {
  maintenance: 'Contrat de maintenance',
  subscription: 'Abonnement',
  licence: 'Licence logicielle',
  insurance: 'Assurance',
  lease: 'Location de matériel',
  other: 'Autre contrat',
};
export const PERIODICITY_LABELS_FR: Record<Periodicity, string> = {
  monthly: 'mensuel',
  quarterly: 'trimestriel',
  half_yearly: 'semestriel',
  yearly: 'annuel',
  one_off: 'paiement unique',
};
export const CONTRACT_STATUS_LABELS_FR: Record<ContractStatus, string> = {
  active: 'En cours',
  to_terminate_soon: 'Préavis proche',
  to_renew: 'À renouveler',
  terminated: 'Résilié',
  expired: 'Échu',
};

export const contractInput = z
  .object({
    providerId: text().min(1, 'Prestataire : champ obligatoire.').max(64, 'Identifiant de tiers invalide.'),
    kind: z.enum(contractKinds, 'Type de contrat inconnu.'),
    object: text().min(1, 'Objet : champ obligatoire.').max(200, '200 caractères au maximum.'),
    reference: optionalText(80),
    startDate: calendarDate('Date de début'),
    durationMonths: wholeNumber('Durée (mois)', 1, 120),
    tacitRenewal: z.boolean('Oui ou non attendu.').default(false),
    /** The length of each renewal; the first term's when absent. */
    renewalMonths: wholeNumber('Durée de reconduction (mois)', 1, 120).nullish(),
    noticeValue: wholeNumber('Préavis', 0, 366).default(0),
    noticeUnit: z.enum(noticeUnits, 'Préavis : en jours ou en mois.').default('months'),
    consumerProtection: z.boolean('Oui ou non attendu.').default(false),
    alertDays: wholeNumber('Alerte (jours)', 0, 365).default(60),
    amount: wholeNumber('Montant HT (centimes)', 0, 100_000_000_000),
    periodicity: z.enum(periodicities, 'Périodicité inconnue.'),
    vatRate: z.literal(
      VAT_RATES,
      'Taux de TVA : 0, 2,1, 5,5, 10 ou 20 % (en points de base : 0, 210, 550, 1000, 2000).',
    ),
    seats: wholeNumber('Nombre de licences ou de postes', 1, 100_000).nullish(),
    covered: optionalText(200),
    notes: optionalText(2000),
  })
  .transform((v) => ({ ...v, renewalMonths: v.renewalMonths ?? null, seats: v.seats ?? null }));
export type ContractInput = z.output<typeof contractInput>;

/**
 * The checks across fields, made by the register once the contract is found (so another organisation's
 * id answers 404 before any of them).
 */
export function contractIssues(v: ContractInput): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (!v.tacitRenewal && v.renewalMonths)
    issues.push({
      field: 'renewalMonths',
      message: 'Une durée de reconduction suppose la reconduction tacite.',
    });
  if (v.seats && v.kind !== 'licence' && v.kind !== 'subscription')
    issues.push({
      field: 'seats',
      message: 'Le nombre de postes ne concerne que les licences et les abonnements.',
    });
  return issues;
}

export const terminationInput = z.object({
  /** The day the registered letter is sent. */
  sentOn: calendarDate('Date d’envoi'),
  reason: text()
    .min(1, 'Motif de la résiliation : champ obligatoire.')
    .max(500, '500 caractères au maximum.'),
  /** L215-1 al. 2: the provider did not send the renewal notice; the contract ends on sentOn. */
  providerDidNotInform: z.boolean('Oui ou non attendu.').default(false),
});
export type TerminationInput = z.output<typeof terminationInput>;

export const contractDto = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  kind: z.enum(contractKinds),
  object: z.string(),
  reference: z.string().nullable(),
  startDate: z.string(),
  durationMonths: z.number(),
  tacitRenewal: z.boolean(),
  renewalMonths: z.number().nullable(),
  noticeValue: z.number(),
  noticeUnit: z.enum(noticeUnits),
  consumerProtection: z.boolean(),
  alertDays: z.number(),
  amount: z.number(),
  periodicity: z.enum(periodicities),
  vatRate: z.number(),
  seats: z.number().nullable(),
  covered: z.string().nullable(),
  notes: z.string().nullable(),
  /** On asOf. */
  status: z.enum(contractStatuses),
  asOf: z.string(),
  /** The period running on asOf (the last one once ended). */
  periodStart: z.string(),
  periodEnd: z.string(),
  /** Last day to terminate the running period (tacit renewal), null otherwise. */
  noticeDeadline: z.string().nullable(),
  /** L215-1: when the provider must inform of the renewal (consumer protection only). */
  providerNoticeFrom: z.string().nullable(),
  providerNoticeTo: z.string().nullable(),
  /** Net and gross cost over a year at the current terms. */
  yearlyNet: z.number(),
  terminationSentOn: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  terminationReason: z.string().nullable(),
  terminationChatel: z.boolean(),
  createdAt: z.string(),
});
export type ContractDto = z.infer<typeof contractDto>;
export const contractList = z.object({ asOf: z.string(), items: z.array(contractDto) });
export type ContractList = z.infer<typeof contractList>;

export const contractListQuery = z.object({
  kind: z.enum(contractKinds, 'Type de contrat inconnu.').optional(),
  status: z.enum(contractStatuses, 'Statut inconnu.').optional(),
  providerId: text().max(64).optional(),
  asOf: calendarDate('Date').optional(),
});
export type ContractListQuery = z.output<typeof contractListQuery>;

export const deadlineKinds = [
  'notice_deadline',
  'renewal',
  'expiry',
  'termination',
  'provider_notice',
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];
export const DEADLINE_LABELS_FR: Record<DeadlineKind, string> = {
  notice_deadline: 'Date limite de résiliation (préavis)',
  renewal: 'Reconduction tacite',
  expiry: 'Fin du contrat',
  termination: 'Fin après résiliation',
  provider_notice: 'Information du prestataire attendue (L215-1)',
};

export const scheduleQuery = z.object({
  asOf: calendarDate('Date').optional(),
  days: z.coerce
    .number('Nombre de jours attendu.')
    .int('Nombre de jours entier attendu.')
    .min(1, 'Au moins 1 jour.')
    .max(731, 'Au plus 731 jours.')
    .default(90),
});
export const deadlineDto = z.object({
  date: z.string(),
  kind: z.enum(deadlineKinds),
  contractId: z.string(),
  contractKind: z.enum(contractKinds),
  object: z.string(),
  reference: z.string().nullable(),
  providerName: z.string(),
  /** Days from asOf. */
  inDays: z.number(),
});
export type DeadlineDto = z.infer<typeof deadlineDto>;
export const scheduleDto = z.object({
  asOf: z.string(),
  to: z.string(),
  items: z.array(deadlineDto),
});
export type ScheduleDto = z.infer<typeof scheduleDto>;

export const costsQuery = z.object({
  year: z.coerce
    .number('Année attendue.')
    .int('Année attendue.')
    .min(2000, 'Année entre 2000 et 2100.')
    .max(2100, 'Année entre 2000 et 2100.')
    .optional(),
});
export const costsDto = z.object({
  year: z.number(),
  rows: z.array(
    z.object({
      kind: z.enum(contractKinds),
      contracts: z.number(),
      net: z.number(),
      vat: z.number(),
      gross: z.number(),
    }),
  ),
  total: z.object({ net: z.number(), vat: z.number(), gross: z.number() }),
});
export type CostsDto = z.infer<typeof costsDto>;
