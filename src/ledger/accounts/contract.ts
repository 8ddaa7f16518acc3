import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';

// Shared by the server (validation, OpenAPI) and the web (forms): French messages.

export const accountKinds = ['general', 'auxiliary'] as const;

export const accountInput = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[1-9][0-9]{2,19}$/, 'Numéro de compte : 3 à 20 chiffres, le premier étant la classe (1 à 9).'),
  label: text().min(1, 'Le libellé est obligatoire.').max(200, '200 caractères au maximum.'),
});
export type AccountInput = z.output<typeof accountInput>;

export const accountLabelInput = accountInput.pick({ label: true });

export const auxiliaryAccountInput = z.object({
  collectiveNumber: z
    .string()
    .trim()
    .regex(/^4[0-9]{2,19}$/, 'Compte collectif de tiers attendu (classe 4, par exemple 411 ou 401).'),
  partyId: text().min(1, 'Le tiers est obligatoire.').max(64),
});
export type AuxiliaryAccountInput = z.output<typeof auxiliaryAccountInput>;

export const accountListQuery = z.object({
  kind: z.enum(accountKinds, 'Type de compte inconnu : general ou auxiliary.').optional(),
  q: text().max(100).optional(),
  partyId: text().max(64).optional(),
});
export type AccountListQuery = z.output<typeof accountListQuery>;

export const accountDto = z.object({
  id: z.string(),
  number: z.string(),
  label: z.string(),
  class: z.number().int(),
  kind: z.enum(accountKinds),
  /** For an auxiliary account: the number of its collective account (411, 401…). */
  collectiveNumber: z.string().nullable(),
  partyId: z.string().nullable(),
  /** False for the chart's two-digit headings, which take no entry. */
  postable: z.boolean(),
});
export type AccountDto = z.infer<typeof accountDto>;

export const accountList = z.object({ items: z.array(accountDto) });
