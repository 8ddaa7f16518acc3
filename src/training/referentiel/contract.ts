import { z } from 'zod';

// The référentiel as the API and the web see it, whatever the file's own field names (French, nested).
// Names follow the glossary: pôle = area, bloc = competency block, épreuve = exam unit.

export const taskDto = z.object({ code: z.string(), title: z.string() });
export const activityDto = z.object({ code: z.string(), title: z.string(), tasks: z.array(taskDto) });
export const areaDto = z.object({ code: z.string(), title: z.string(), activities: z.array(activityDto) });
export const competencyDto = z.object({
  code: z.string(),
  title: z.string(),
  activities: z.array(z.string()),
  indicators: z.array(z.string()),
});
export const competencyBlockDto = z.object({
  code: z.string(),
  title: z.string(),
  kind: z.string(),
  area: z.string().nullable(),
  unit: z.string().nullable(),
  competencies: z.array(competencyDto),
});
export const examUnitDto = z.object({
  code: z.string(),
  title: z.string(),
  coefficient: z.number().nullable(),
  unit: z.string().nullable(),
  block: z.string().nullable(),
  parts: z.array(z.string()),
});

export const referentielDto = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  level: z.string().nullable(),
  sources: z.array(z.string()),
  /** Weeks of PFMP the référentiel plans over the cycle (null when the file does not say). */
  pfmpWeeks: z.number().nullable(),
  areas: z.array(areaDto),
  blocks: z.array(competencyBlockDto),
  examUnits: z.array(examUnitDto),
});
export type ReferentielDto = z.infer<typeof referentielDto>;

export const referentielSummaryDto = z.object({ id: z.string(), code: z.string(), title: z.string() });
export type ReferentielSummaryDto = z.infer<typeof referentielSummaryDto>;

/** Task codes are not in the référentiel text: the activity code and the task's rank (1.2.t3). */
export function taskCode(activityCode: string, index: number): string {
  return `${activityCode}.t${index + 1}`;
}

/**
 * Indicator codes are not in the référentiel text either: the competency code and the indicator's rank in
 * its list (1.2.3.i2). Assessments and the situations' checks key on them.
 */
export function indicatorCode(competencyCode: string, index: number): string {
  return `${competencyCode}.i${index + 1}`;
}
