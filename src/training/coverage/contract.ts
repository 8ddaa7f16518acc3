import { z } from 'zod';

export { COVERAGE } from './declarations.ts';

const served = z.object({ screens: z.array(z.string()), operations: z.array(z.string()) });

export const coverageReportDto = z.object({
  referentielId: z.string(),
  tasks: z.array(z.object({ code: z.string(), title: z.string(), activity: z.string() }).extend(served.shape)),
  competencies: z.array(
    z.object({ code: z.string(), title: z.string(), block: z.string() }).extend(served.shape),
  ),
  unservedTasks: z.array(z.string()),
  unservedCompetencies: z.array(z.string()),
});
export type CoverageReportDto = z.infer<typeof coverageReportDto>;
