import { z } from 'zod';

/** One thing a student did in one of their sandboxes, as read from its audit trail. */
export const evidenceItemDto = z.object({
  id: z.string(),
  at: z.string(),
  sandboxId: z.string(),
  sandboxOrgId: z.string(),
  scenarioTitle: z.string(),
  action: z.string(),
  label: z.string(),
  documentKind: z.string().nullable(),
  documentLabel: z.string().nullable(),
  /** The document's screen in the sandbox (`/orgs/<sandbox>/…`), when it has one. */
  path: z.string().nullable(),
  /** Référentiel activity or task codes the action shows. */
  codes: z.array(z.string()),
  competencies: z.array(z.string()),
});
export type EvidenceItemDto = z.infer<typeof evidenceItemDto>;
