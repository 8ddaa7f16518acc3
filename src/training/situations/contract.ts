import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { isAmount, parseAmount } from '../../kernel/money/index.ts';
import { text } from '../../kernel/validation/text.ts';
import {
  CHECK_CATALOGUE,
  catalogueEntity,
  catalogueField,
  OPERATOR_LABELS,
  OPERATORS_BY_TYPE,
  type Operator,
  UNARY_OPERATORS,
} from './check-catalogue.ts';

// Shared by the server (validation, OpenAPI) and the web (forms): one source of French messages.

// Indicator codes (1.2.3.i2) are made in one place, beside the référentiel's other codes.
export { indicatorCode } from '../referentiel/contract.ts';

const operators = Object.keys(OPERATOR_LABELS) as [Operator, ...Operator[]];

/** A condition as stored: money in cents, dates 'YYYY-MM-DD', numbers as numbers, the rest as text. */
export type CheckCondition = { field: string; operator: Operator; value: string | number | null };

const rawCondition = z.object({
  field: z.string().max(40),
  operator: z.string().max(20),
  value: z.union([z.string().max(500), z.number()]).nullish(),
});

const code = z.string().trim().min(1).max(40);

export const checkInput = z
  .object({
    /** Present when the check already exists (its results are kept if nothing changed). */
    id: z.string().max(64).nullish(),
    label: text()
      .min(1, 'Le libellé de la vérification est obligatoire.')
      .max(200, '200 caractères au maximum.'),
    entity: z.string().max(40),
    conditions: z.array(rawCondition).max(20, '20 conditions au plus par vérification.'),
    countMode: z
      .enum(['at_least', 'exactly'], 'Nombre attendu : « au moins » ou « exactement ».')
      .default('at_least'),
    expectedCount: z.coerce
      .number('Nombre attendu invalide.')
      .int('Nombre attendu : un entier.')
      .min(0, 'Nombre attendu : 0 ou plus.')
      .max(1000, 'Nombre attendu : 1 000 au plus.')
      .default(1),
    indicators: z.array(code).max(50).default([]),
  })
  .transform((check, ctx) => {
    const entity = catalogueEntity(check.entity);
    if (!entity) {
      ctx.addIssue({
        code: 'custom',
        path: ['entity'],
        message: `Objet inconnu : « ${check.entity} » (${CHECK_CATALOGUE.map((e) => e.key).join(', ')}).`,
      });
      return z.NEVER;
    }
    if (check.conditions.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['conditions'],
        message: 'Une vérification a au moins une condition.',
      });
      return z.NEVER;
    }
    if (check.countMode === 'at_least' && check.expectedCount === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['expectedCount'],
        message: '« Au moins 0 » est toujours vrai : choisissez au moins 1, ou « exactement 0 ».',
      });
      return z.NEVER;
    }
    const conditions: CheckCondition[] = [];
    for (const [i, condition] of check.conditions.entries()) {
      const path = ['conditions', i];
      const field = catalogueField(entity, condition.field);
      if (!field) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'field'],
          message: `Champ inconnu pour ${entity.label} : « ${condition.field} ».`,
        });
        continue;
      }
      const operator = condition.operator as Operator;
      if (!operators.includes(operator) || !OPERATORS_BY_TYPE[field.type].includes(operator)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'operator'],
          message: `Opérateur « ${condition.operator} » impossible pour le champ ${field.label} (possibles : ${OPERATORS_BY_TYPE[field.type].map((o) => OPERATOR_LABELS[o]).join(', ')}).`,
        });
        continue;
      }
      if (UNARY_OPERATORS.includes(operator)) {
        conditions.push({ field: field.key, operator, value: null });
        continue;
      }
      const raw = condition.value == null ? '' : String(condition.value).trim();
      const bad = (message: string) => ctx.addIssue({ code: 'custom', path: [...path, 'value'], message });
      if (raw === '') {
        bad(`Valeur attendue pour le champ ${field.label}.`);
        continue;
      }
      switch (field.type) {
        case 'money':
          if (!isAmount(raw)) {
            bad(`Montant invalide pour ${field.label} : « ${raw} » (exemple : 1234,56).`);
            continue;
          }
          conditions.push({ field: field.key, operator, value: parseAmount(raw) });
          continue;
        case 'number':
          if (!/^-?\d{1,9}$/.test(raw)) {
            bad(`Nombre entier attendu pour ${field.label} : « ${raw} ».`);
            continue;
          }
          conditions.push({ field: field.key, operator, value: Number(raw) });
          continue;
        case 'date':
          if (!isCalendarDate(raw)) {
            bad(`Date au format AAAA-MM-JJ attendue pour ${field.label} : « ${raw} ».`);
            continue;
          }
          conditions.push({ field: field.key, operator, value: raw });
          continue;
        case 'enum': {
          const options = field.options ?? {};
          const key = Object.keys(options).find(
            (k) => k === raw || options[k]!.toLowerCase() === raw.toLowerCase(),
          );
          if (!key) {
            bad(
              `Valeur inconnue pour ${field.label} : « ${raw} » (possibles : ${Object.values(options).join(', ')}).`,
            );
            continue;
          }
          conditions.push({ field: field.key, operator, value: key });
          continue;
        }
        default:
          if (raw.length > 200) {
            bad('200 caractères au maximum.');
            continue;
          }
          conditions.push({ field: field.key, operator, value: raw });
      }
    }
    if (conditions.length !== check.conditions.length) return z.NEVER;
    return {
      id: check.id ?? null,
      label: check.label,
      entity: entity.key,
      conditions,
      countMode: check.countMode,
      expectedCount: check.expectedCount,
      indicators: [...new Set(check.indicators)],
    };
  });
export type CheckInput = z.output<typeof checkInput>;

const dueDate = z
  .string()
  .refine(isCalendarDate, 'Date limite au format AAAA-MM-JJ attendue.')
  .nullish()
  .transform((v) => v ?? null);

/** A copy's title adds « (copie) » within the same limit. */
export const SITUATION_TITLE_MAX = 160;

export const situationInput = z.object({
  handoutId: z.string().min(1, 'Choisissez la distribution (le scénario) des bacs à sable.').max(64),
  title: text()
    .min(1, 'Le titre est obligatoire.')
    .max(SITUATION_TITLE_MAX, `${SITUATION_TITLE_MAX} caractères au maximum.`),
  statement: text().max(20_000, '20 000 caractères au maximum.').default(''),
  competencies: z.array(code).max(50).default([]),
  indicators: z.array(code).max(200).default([]),
  dueDate,
  status: z.enum(['draft', 'published'], 'Statut inconnu : brouillon ou publiée.').default('draft'),
  /** Documents of the school (POST /documents) the student must process, in this order. */
  attachmentIds: z.array(z.string().min(1).max(64)).max(20, '20 pièces jointes au plus.').default([]),
  checks: z.array(checkInput).max(50, '50 vérifications au plus.').default([]),
});
export type SituationInput = z.output<typeof situationInput>;

export const checkDto = z.object({
  id: z.string(),
  label: z.string(),
  entity: z.string(),
  conditions: z.array(
    z.object({
      field: z.string(),
      operator: z.string(),
      value: z.union([z.string(), z.number()]).nullable(),
    }),
  ),
  countMode: z.enum(['at_least', 'exactly']),
  expectedCount: z.number(),
  indicators: z.array(z.string()),
  /** "Total TTC = 1 234,56 €, statut = validée": the conditions in words. */
  summary: z.string(),
});
export type CheckDto = z.infer<typeof checkDto>;

export const attachmentDto = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
});

export const situationDto = z.object({
  id: z.string(),
  classId: z.string(),
  handoutId: z.string(),
  scenarioTitle: z.string(),
  title: z.string(),
  statement: z.string(),
  competencies: z.array(z.string()),
  indicators: z.array(z.string()),
  dueDate: z.string().nullable(),
  status: z.enum(['draft', 'published']),
  attachments: z.array(attachmentDto),
  checks: z.array(checkDto),
  updatedAt: z.string(),
});
export type SituationDto = z.infer<typeof situationDto>;

export const resultDto = z.object({
  checkId: z.string(),
  studentId: z.string(),
  passed: z.boolean(),
  explanation: z.string(),
  evaluatedAt: z.string(),
});
export type ResultDto = z.infer<typeof resultDto>;

/** A student's view: the situation, their sandbox and their latest results (null: never checked). */
export const mySituationDto = situationDto.extend({
  sandboxOrgId: z.string().nullable(),
  results: z.array(resultDto),
});
export type MySituationDto = z.infer<typeof mySituationDto>;

/** The teacher's class view: students × checks. */
export const classResultsDto = z.object({
  situation: situationDto,
  students: z.array(z.object({ id: z.string(), name: z.string(), passed: z.number(), failed: z.number() })),
  results: z.array(resultDto),
});
export type ClassResultsDto = z.infer<typeof classResultsDto>;
