import { z } from 'zod';
import { agreementDto } from '../pfmp/contract.ts';

/** Everything the school holds about a student (RGPD right of access), as a JSON download. */
export const studentExportDto = z.object({
  exportedAt: z.string(),
  student: z.object({
    id: z.string(),
    firstName: z.string(),
    lastInitial: z.string().nullable(),
    email: z.string().nullable(),
    className: z.string(),
    schoolYear: z.string(),
    group: z.string().nullable(),
    joinedAt: z.string().nullable(),
    createdAt: z.string(),
  }),
  account: z
    .object({ email: z.string(), name: z.string(), locale: z.string(), createdAt: z.string() })
    .nullable(),
  sandboxes: z.array(
    z.object({ id: z.string(), scenario: z.string(), organisationId: z.string(), createdAt: z.string() }),
  ),
  /** Levels confirmed by teachers (decision 0023); proposals are recomputed, not held. */
  assessments: z.array(
    z.object({
      indicator: z.string(),
      level: z.number(),
      comment: z.string().nullable(),
      assessedAt: z.string(),
    }),
  ),
  portfolioEntries: z.array(
    z.object({
      kind: z.string(),
      title: z.string(),
      body: z.string(),
      date: z.string(),
      competencies: z.array(z.string()),
    }),
  ),
  /** PFMP: agreements, periods, attendance, activities, the tutor's assessment. */
  pfmp: z.array(agreementDto),
});
export type StudentExportDto = z.infer<typeof studentExportDto>;

export const erasureDto = z.object({ sandboxesDeleted: z.number(), accountErased: z.boolean() });
