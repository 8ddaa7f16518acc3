import { z } from 'zod';

/**
 * The shape of a référentiel file (data/referentiels/<id>.json), checked at load. Only what the product
 * reads is required; the files carry much more (sources, verification notes), kept as they are. Another
 * diploma of the same family of trades loads without code change if it follows this shape.
 */
const code = z.string().min(1).max(40);
const label = z.string().min(1).max(500);

export const referentielFile = z.object({
  diploma: z.object({
    code,
    title: label,
    niveau: z.string().max(20).optional(),
    sources: z.array(z.string()).default([]),
  }),
  poles: z
    .array(
      z.object({
        code,
        title: label,
        activities: z.array(z.object({ code, title: label, tasks: z.array(label).min(1) })).min(1),
      }),
    )
    .min(1),
  blocs: z.array(
    z.object({
      code,
      title: label,
      kind: z.string().max(40),
      pole: code.optional(),
      unit: z.string().max(100).optional(),
      competencies: z
        .array(
          z.object({
            code,
            title: label,
            activities: z.array(code).default([]),
            indicators: z.array(label).default([]),
          }),
        )
        .default([]),
    }),
  ),
  /** PFMP: the weeks the référentiel plans over the cycle (AGOrA: 22); optional for other diplomas. */
  pfmp: z.object({ semaines_referentiel: z.number().int().min(0).max(60).optional() }).optional(),
  examen: z.object({
    epreuves: z.array(
      z.object({
        code,
        intitule: label,
        coefficient: z.number().nullable().optional(),
        unit: z.string().max(100).optional(),
        bloc: code.optional(),
        sous_epreuves: z.array(label).optional(),
      }),
    ),
  }),
});

export type ReferentielFile = z.infer<typeof referentielFile>;
