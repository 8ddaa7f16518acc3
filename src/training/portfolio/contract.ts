import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';
import { evidenceItemDto } from '../evidence/contract.ts';

// Shared by the server (validation, OpenAPI) and the web (forms).

export const portfolioEntryKinds = ['pfmp', 'reflection', 'other'] as const;

export const portfolioEntryInput = z.object({
  kind: z.enum(portfolioEntryKinds, 'Type inconnu (travail en PFMP, réflexion ou autre).'),
  title: text().min(1, 'Le titre est obligatoire.').max(120, '120 caractères au maximum.'),
  body: text().max(5000, '5 000 caractères au maximum.').default(''),
  date: z.iso
    .date({ error: 'Date au format AAAA-MM-JJ attendue.', abort: true })
    .refine(isCalendarDate, 'Date au format AAAA-MM-JJ attendue.')
    .refine((d) => d >= '2000-01-01' && d <= '2099-12-31', 'Date entre 2000 et 2099.'),
  competencies: z
    .array(z.string().max(40), 'Liste de compétences attendue.')
    .max(40, '40 compétences au maximum.')
    .default([]),
});
export type PortfolioEntryInput = z.output<typeof portfolioEntryInput>;

export const portfolioEntryDto = z.object({
  id: z.string(),
  kind: z.enum(portfolioEntryKinds),
  title: z.string(),
  body: z.string(),
  date: z.string(),
  competencies: z.array(z.string()),
  updatedAt: z.string(),
});
export type PortfolioEntryDto = z.infer<typeof portfolioEntryDto>;

export const portfolioDto = z.object({
  student: z.object({ id: z.string(), name: z.string(), className: z.string() }),
  referentielId: z.string(),
  evidence: z.array(evidenceItemDto),
  entries: z.array(portfolioEntryDto),
  /** For each competency shown at least once: how many evidence items and entries show it. */
  competencies: z.array(
    z.object({ code: z.string(), title: z.string(), evidence: z.number(), entries: z.number() }),
  ),
});
export type PortfolioDto = z.infer<typeof portfolioDto>;
