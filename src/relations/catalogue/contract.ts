import { z } from 'zod';
import { text } from '../../kernel/validation/text.ts';
import {
  decimalField,
  itemKinds,
  optionalText,
  revenueAccountField,
  vatRateField,
} from '../shared/fields.ts';
import { UNIT_CODES } from '../shared/units.ts';

export const catalogueItemInput = z
  .object({
    code: text()
      .min(1, 'Le code est obligatoire.')
      .max(40, '40 caractères au maximum.')
      .regex(/^[\p{L}\p{N}._/ -]+$/u, 'Code : lettres, chiffres, espaces, « . », « _ », « - », « / ».'),
    label: text().min(1, 'Le libellé est obligatoire.').max(200, '200 caractères au maximum.'),
    description: optionalText(1000),
    kind: z.enum(itemKinds, 'Indiquez s’il s’agit d’un bien (goods) ou d’un service (service).'),
    unit: z
      .enum(UNIT_CODES, 'Unité inconnue (codes UN/ECE : C62 unité, HUR heure, DAY jour…).')
      .default('C62'),
    unitPrice: decimalField('Prix unitaire HT', 4, { min: 0, max: 1_000_000_000 }),
    vatRate: vatRateField,
    vatExemptionReason: optionalText(300),
    revenueAccount: revenueAccountField.nullish().transform((v) => v ?? null),
  })
  .transform((item) => ({
    ...item,
    // The usual accounts of the PCG: services 706, goods bought for resale 707.
    revenueAccount: item.revenueAccount ?? (item.kind === 'service' ? '706' : '707'),
  }));
export type CatalogueItemInput = z.output<typeof catalogueItemInput>;

export const catalogueListQuery = z.object({
  q: text().max(200, '200 caractères au maximum.').optional(),
  kind: z.enum(itemKinds, 'Type inconnu.').optional(),
  archived: z.enum(['exclude', 'include', 'only'], 'Valeur inconnue.').default('exclude'),
  limit: z.coerce.number().int('Nombre entier attendu.').min(1).max(500).default(50),
  offset: z.coerce.number().int('Nombre entier attendu.').min(0).default(0),
});
export type CatalogueListQuery = z.output<typeof catalogueListQuery>;

export const catalogueItemDto = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  kind: z.enum(itemKinds),
  unit: z.string(),
  /** € with four decimals, e.g. "12.5000". */
  unitPrice: z.string(),
  /** Percent with two decimals, e.g. "5.50". */
  vatRate: z.string(),
  vatExemptionReason: z.string().nullable(),
  revenueAccount: z.string(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CatalogueItemDto = z.infer<typeof catalogueItemDto>;

export const catalogueItemPage = z.object({ items: z.array(catalogueItemDto), total: z.number().int() });
export type CatalogueItemPage = z.infer<typeof catalogueItemPage>;
