import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';

/** Where a scenario's simulated organisation comes from: an empty one, or a copy of a shipped demo. */
export const scenarioSources = ['blank', 'trading', 'association'] as const;
export type ScenarioSource = (typeof scenarioSources)[number];

const simulatedDate = z.iso
  .date({ error: 'Date simulée au format AAAA-MM-JJ attendue.', abort: true })
  .refine(isCalendarDate, 'Date simulée au format AAAA-MM-JJ attendue.')
  .refine((d) => d >= '2000-01-01' && d <= '2099-12-31', 'Date simulée entre 2000 et 2099.');

export const scenarioInput = z.object({
  title: text().min(1, 'Le titre est obligatoire.').max(120, '120 caractères au maximum.'),
  description: text().max(2000, '2 000 caractères au maximum.').default(''),
  source: z.enum(scenarioSources, 'Origine inconnue : blank, trading ou association.'),
  /** The scenario's "today"; by default 1 December of the current year (demos hold January–November). */
  simulatedStart: simulatedDate.nullish().transform((v) => v ?? null),
  /** For a blank scenario: the kind of organisation to simulate. */
  organisationKind: z.enum(['company', 'association'], 'Type d’organisation inconnu.').default('company'),
});
export type ScenarioInput = z.output<typeof scenarioInput>;

export const scenarioDto = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  source: z.string(),
  simulatedStart: z.string(),
  templateOrgId: z.string(),
  createdAt: z.string(),
});
export type ScenarioDto = z.infer<typeof scenarioDto>;

export const handoutInput = z.object({ scenarioId: z.string().min(1).max(64) });

export const handoutDto = z.object({
  id: z.string(),
  classId: z.string(),
  scenarioId: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  total: z.number(),
  done: z.number(),
  error: z.string().nullable(),
});
export type HandoutDto = z.infer<typeof handoutDto>;

export const sandboxDto = z.object({
  id: z.string(),
  handoutId: z.string(),
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  /** The sandbox is an organisation: the student works in it at /orgs/<sandboxOrgId>. */
  sandboxOrgId: z.string(),
  status: z.enum(['pending', 'ready']),
  simulatedToday: z.string().nullable(),
  resetCount: z.number(),
});
export type SandboxDto = z.infer<typeof sandboxDto>;

export const sandboxDateInput = z.object({ simulatedToday: simulatedDate });

export const myTrainingDto = z.object({
  classes: z.array(z.object({ id: z.string(), name: z.string(), schoolYear: z.string() })),
  sandboxes: z.array(sandboxDto),
});
export type MyTrainingDto = z.infer<typeof myTrainingDto>;
