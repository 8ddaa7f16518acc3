import { z } from 'zod';
import { partyKinds, partyRoles } from '../../kernel/parties/contract.ts';
import { text } from '../../kernel/validation/text.ts';
import { calendarDateField } from '../events/contract.ts';
import { salesDocumentStatuses } from '../sales/contract.ts';
import { optionalText } from '../shared/fields.ts';

export const campaignStatuses = ['active', 'closed'] as const;
export const actionKinds = ['call', 'mail', 'visit', 'email'] as const;
export const prospectOutcomes = ['interested', 'not_interested', 'call_back', 'quote_requested'] as const;
const id = z.string().min(1).max(64);

export const campaignInput = z.object({
  name: text().min(1, 'Le nom de la campagne est obligatoire.').max(200, '200 caractères au maximum.'),
  description: optionalText(5000),
  status: z.enum(campaignStatuses, 'Statut inconnu.').default('active'),
  letterSubject: optionalText(300),
  letterText: optionalText(20_000),
});
export type CampaignInput = z.output<typeof campaignInput>;

/** Parties to add as targets: every criterion given must hold (roles: any of them); none = every party. */
export const targetFilterInput = z.object({
  roles: z.array(z.enum(partyRoles, 'Rôle inconnu.')).max(7).default([]),
  kind: z.enum(partyKinds, 'Type inconnu.').optional(),
  city: text().max(100, '100 caractères au maximum.').optional(),
  postalCodePrefix: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{1,10}$/, 'Début de code postal attendu (ex. 69 ou 690).')
    .optional(),
  q: text().max(200, '200 caractères au maximum.').optional(),
  partyIds: z.array(id).max(500).optional(),
});
export type TargetFilter = z.output<typeof targetFilterInput>;

export const actionInput = z.object({
  kind: z.enum(actionKinds, 'Action inconnue : appel, courrier, visite ou e-mail.'),
  date: calendarDateField,
  outcome: z
    .enum(prospectOutcomes, 'Résultat inconnu.')
    .nullish()
    .transform((v) => v ?? null),
  notes: optionalText(5000),
});
export type ActionInput = z.output<typeof actionInput>;

export const mailingInput = z.object({
  /** Join each target's letter as a PDF. */
  attachLetter: z.boolean().default(false),
  partyIds: z.array(id).max(500).optional(),
});
export type MailingInput = z.output<typeof mailingInput>;
export const mailingResult = z.object({ queued: z.number().int(), withoutEmail: z.array(z.string()) });

export const actionDto = z.object({
  id: z.string(),
  kind: z.enum(actionKinds),
  date: z.string(),
  outcome: z.enum(prospectOutcomes).nullable(),
  notes: z.string().nullable(),
});
export type ActionDto = z.infer<typeof actionDto>;

export const targetDto = z.object({
  partyId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  roles: z.array(z.enum(partyRoles)),
  outcome: z.enum(prospectOutcomes).nullable(),
  convertedAt: z.string().nullable(),
  /** The quote drafted from the campaign for this target (« Établir un devis »). */
  quote: z
    .object({
      id: z.string(),
      number: z.string().nullable(),
      status: z.enum(salesDocumentStatuses),
      quotedAt: z.string(),
    })
    .nullable(),
  actions: z.array(actionDto),
});
export type TargetDto = z.infer<typeof targetDto>;

export const campaignSummaryDto = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(campaignStatuses),
  letterSubject: z.string().nullable(),
  letterText: z.string().nullable(),
  targetCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CampaignSummaryDto = z.infer<typeof campaignSummaryDto>;

export const campaignDto = campaignSummaryDto.extend({
  targets: z.array(targetDto),
  outcomes: z.record(z.enum([...prospectOutcomes, 'none']), z.number().int()),
  converted: z.number().int(),
  /** Targets for whom a quote was drafted from the campaign. */
  quoted: z.number().int(),
});
export type CampaignDto = z.infer<typeof campaignDto>;

export const campaignPage = z.object({ items: z.array(campaignSummaryDto), total: z.number().int() });
export const targetsAdded = z.object({ added: z.number().int(), campaign: campaignDto });
