import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';

// Shared by the server (validation, OpenAPI) and the web (forms).

/** The référentiel's "formatif-4-niveaux" scale (labels as in data/referentiels/agora.json). */
export const LEVEL_LABELS = {
  1: 'Non acquis',
  2: 'En cours d’acquisition',
  3: 'Acquis',
  4: 'Maîtrisé',
} as const;

const level = z.number().int().min(1).max(4);

export const confirmLevelInput = z.object({
  level: z
    .number('Niveau attendu : 1, 2, 3 ou 4.')
    .int('Niveau attendu : 1, 2, 3 ou 4.')
    .min(1, 'Niveau attendu : 1, 2, 3 ou 4.')
    .max(4, 'Niveau attendu : 1, 2, 3 ou 4.'),
  comment: text()
    .max(500, '500 caractères au maximum.')
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type ConfirmLevelInput = z.output<typeof confirmLevelInput>;

export const proposalBasisDto = z.object({
  passed: z.number(),
  failed: z.number(),
  situations: z.number(),
  evidence: z.number(),
});

export const indicatorAssessmentDto = z.object({
  code: z.string(),
  title: z.string(),
  proposed: level.nullable(),
  basis: proposalBasisDto,
  /** Confirmed or changed by a teacher; null while only proposed. */
  confirmed: level.nullable(),
  comment: z.string().nullable(),
  assessedBy: z.string().nullable(),
  assessedAt: z.string().nullable(),
});
export type IndicatorAssessmentDto = z.infer<typeof indicatorAssessmentDto>;

export const competencyAssessmentDto = z.object({
  code: z.string(),
  title: z.string(),
  /** Rounded mean of the indicators' levels (confirmed, else proposed). */
  level: level.nullable(),
  indicators: z.array(indicatorAssessmentDto),
});

export const blockGridDto = z.object({
  code: z.string(),
  title: z.string(),
  level: level.nullable(),
  competencies: z.array(competencyAssessmentDto),
});

export const examUnitGridDto = z.object({
  code: z.string(),
  title: z.string(),
  block: z.string(),
  level: level.nullable(),
  competencies: z.array(z.object({ code: z.string(), title: z.string(), level: level.nullable() })),
});

export const studentAssessmentDto = z.object({
  student: z.object({ id: z.string(), name: z.string(), classId: z.string() }),
  referentielId: z.string(),
  blocks: z.array(blockGridDto),
  examUnits: z.array(examUnitGridDto),
});
export type StudentAssessmentDto = z.infer<typeof studentAssessmentDto>;

export const classSynthesisDto = z.object({
  classId: z.string(),
  referentielId: z.string(),
  students: z.array(z.object({ id: z.string(), name: z.string() })),
  /** One row per competency, one cell per student (same order as `students`). */
  rows: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      block: z.string(),
      levels: z.array(level.nullable()),
    }),
  ),
});
export type ClassSynthesisDto = z.infer<typeof classSynthesisDto>;
