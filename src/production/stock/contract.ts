import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { isDecimal, parseDecimal, rescale } from '../../kernel/money/index.ts';
import { text } from '../../kernel/validation/text.ts';

// Stock and supplies (decision 0042). Quantities are decimal numbers of the item's unit with up to three
// decimals (« 12 », « 2,5 »), read into thousandths and written back as text (« 2.5 »); values and unit
// costs are integer cents excluding VAT (12,50 € is 1250), as in the purchases contracts.

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const id = text().min(1, 'Identifiant attendu.').max(64);
const optionalText = (what: string, max: number) =>
  text()
    .max(max, `${what} : ${max} caractères au maximum.`)
    .nullish()
    .transform((v) => v || null);

/** A quantity of the unit, up to three decimals, into thousandths. */
export const quantityField = (what: string, min = 0) => {
  const message = `${what} : nombre avec 3 décimales au plus attendu (ex. 12 ou 2,5).`;
  return z.union([z.number(message), z.string().max(40, message)], message).transform((v, ctx) => {
    const raw = typeof v === 'number' ? String(v) : v.trim();
    if (!isDecimal(raw, 3)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    const n = Number(rescale(parseDecimal(raw, 3), 3, 'halfUp').units);
    if (n < min * 1000 || n > 1_000_000_000) {
      ctx.addIssue({
        code: 'custom',
        message:
          min > 0
            ? `${what} : quantité strictement positive attendue.`
            : `${what} : quantité positive attendue.`,
      });
      return z.NEVER;
    }
    return n;
  });
};
const positiveQuantity = (what: string) =>
  quantityField(what).refine((n) => n > 0, `${what} : quantité strictement positive attendue.`);

/** Thousandths → « 12 », « 2.5 » (machines: dot, no trailing zeros). */
export function quantityText(thousandths: number): string {
  const sign = thousandths < 0 ? '-' : '';
  const abs = Math.abs(thousandths);
  const units = Math.floor(abs / 1000);
  const fraction = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${units}${fraction ? `.${fraction}` : ''}`;
}

export const stockCategories = ['goods', 'supplies'] as const;

export const stockItemInput = z.object({
  code: text().min(1, 'Référence : champ obligatoire.').max(40, 'Référence : 40 caractères au maximum.'),
  label: text()
    .min(1, 'Désignation : champ obligatoire.')
    .max(200, 'Désignation : 200 caractères au maximum.'),
  category: z.enum(
    stockCategories,
    'Catégorie inconnue : goods (marchandises revendues) ou supplies (fournitures et consommables).',
  ),
  catalogueItemId: id.nullish().transform((v) => v ?? null),
  unit: text()
    .min(1, 'Unité : champ obligatoire (unité, ramette, carton…).')
    .max(30, 'Unité : 30 caractères au maximum.'),
  reorderPoint: quantityField('Seuil de réapprovisionnement').default(0),
  safetyStock: quantityField('Stock de sécurité').default(0),
  reorderQuantity: quantityField('Quantité à commander').default(0),
  supplierId: id.nullish().transform((v) => v ?? null),
  location: optionalText('Emplacement', 100),
});
export type StockItemInput = z.output<typeof stockItemInput>;

export const stockItemListQuery = z.object({
  category: z.enum(stockCategories).optional(),
  archived: z.enum(['0', '1']).optional(),
});

export const movementInput = z.object({
  kind: z.enum(['entry', 'exit'], 'Mouvement inconnu : entry (entrée) ou exit (sortie).'),
  date: calendarDate('Date du mouvement'),
  quantity: positiveQuantity('Quantité'),
  /** Entries: cents per unit excluding VAT. */
  unitCost: z
    .number('Coût unitaire : montant en centimes attendu.')
    .int('Coût unitaire : montant en centimes entiers attendu.')
    .min(0, 'Coût unitaire : le montant doit être positif.')
    .max(100_000_000_000, 'Coût unitaire : montant hors limites.')
    .nullish()
    .transform((v) => v ?? null),
  /** The supplier of an entry, the customer of an exit. */
  partyId: id.nullish().transform((v) => v ?? null),
  /** An internal exit: the service or the person supplied. */
  recipient: optionalText('Service ou personne', 120),
  /** The supplier's delivery note or bill, the supplies request… */
  reference: optionalText('Référence', 60),
  label: optionalText('Libellé', 200),
});
export type MovementInput = z.output<typeof movementInput>;

export const correctionInput = z.object({
  date: calendarDate('Date de la correction')
    .nullish()
    .transform((v) => v ?? null),
});

export const cardQuery = z.object({
  from: calendarDate('Du').optional(),
  to: calendarDate('Au').optional(),
});
export const asOfQuery = z.object({ asOf: calendarDate('Date').optional() });

export const countInput = z.object({
  date: calendarDate('Date de l’inventaire'),
  note: optionalText('Note', 500),
});
export const countLinesInput = z.object({
  lines: z
    .array(
      z.object({
        itemId: id,
        countedQuantity: quantityField('Quantité comptée')
          .nullish()
          .transform((v) => v ?? null),
      }),
    )
    .min(1, 'Au moins une ligne attendue.')
    .max(5000),
});
export type CountLinesInput = z.output<typeof countLinesInput>;

export const issueDeliveriesInput = z.object({
  lineIds: z.array(id).min(1, 'Choisissez au moins une ligne de bon de livraison.').max(500),
});

export const variationInput = z.object({
  date: calendarDate('Date de clôture'),
  /** Supplies stocked (322 / 6032); by default they are bought as non-stocked purchases (6064). */
  includeSupplies: z.boolean('Oui ou non attendu.').default(false),
});
export type VariationInput = z.output<typeof variationInput>;

// ——— answers ———

const ref = z.object({ id: z.string(), name: z.string() });

export const stockItemDto = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  category: z.enum(stockCategories),
  catalogueItem: z.object({ id: z.string(), code: z.string(), label: z.string() }).nullable(),
  unit: z.string(),
  reorderPoint: z.string(),
  safetyStock: z.string(),
  reorderQuantity: z.string(),
  supplier: ref.nullable(),
  location: z.string().nullable(),
  archived: z.boolean(),
  /** At the date asked (today by default). */
  quantity: z.string(),
  value: z.number().int(),
  cump: z.number().int(),
  lastMovementDate: z.string().nullable(),
  /** Quantity at or under the reorder point. */
  toReorder: z.boolean(),
  /** Quantity under the safety stock. */
  underSafetyStock: z.boolean(),
});
export type StockItemDto = z.output<typeof stockItemDto>;

export const stockStatusDto = z.object({
  asOf: z.string(),
  items: z.array(stockItemDto),
  totals: z.object({ goods: z.number().int(), supplies: z.number().int(), all: z.number().int() }),
});
export type StockStatusDto = z.output<typeof stockStatusDto>;

export const reorderDto = z.object({
  asOf: z.string(),
  lines: z.array(
    z.object({
      item: stockItemDto,
      /** Proposed quantity to order. */
      quantity: z.string(),
      /** At the item's last CUMP, cents. */
      estimatedCost: z.number().int(),
    }),
  ),
});
export type ReorderDto = z.output<typeof reorderDto>;

export const cardLineDto = z.object({
  id: z.string(),
  date: z.string(),
  kind: z.enum(['entry', 'exit', 'adjustment']),
  label: z.string(),
  /** Signed. */
  quantity: z.string(),
  /** Cents per unit the movement is valued at: its cost for an entry, the CUMP otherwise. */
  unitCost: z.number().int(),
  /** Signed cents. */
  value: z.number().int(),
  stockQuantity: z.string(),
  stockValue: z.number().int(),
  cump: z.number().int(),
  party: z.string().nullable(),
  recipient: z.string().nullable(),
  reference: z.string().nullable(),
  correctsId: z.string().nullable(),
  correctedBy: z.string().nullable(),
});
export const stockCardDto = z.object({
  item: stockItemDto,
  from: z.string().nullable(),
  to: z.string().nullable(),
  opening: z.object({ quantity: z.string(), value: z.number().int(), cump: z.number().int() }),
  lines: z.array(cardLineDto),
  totals: z.object({
    entriesQuantity: z.string(),
    entriesValue: z.number().int(),
    exitsQuantity: z.string(),
    exitsValue: z.number().int(),
  }),
});
export type StockCardDto = z.output<typeof stockCardDto>;

export const countLineDto = z.object({
  id: z.string(),
  item: z.object({ id: z.string(), code: z.string(), label: z.string(), unit: z.string() }),
  expectedQuantity: z.string(),
  countedQuantity: z.string().nullable(),
  differenceQuantity: z.string().nullable(),
  cump: z.number().int(),
  differenceValue: z.number().int().nullable(),
});
export const stockCountDto = z.object({
  id: z.string(),
  date: z.string(),
  status: z.enum(['open', 'validated']),
  note: z.string().nullable(),
  lines: z.array(countLineDto),
  differenceValue: z.number().int(),
  validatedAt: z.string().nullable(),
});
export type StockCountDto = z.output<typeof stockCountDto>;
export const stockCountList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      status: z.enum(['open', 'validated']),
      note: z.string().nullable(),
    }),
  ),
});

export const deliveriesToIssueDto = z.object({
  lines: z.array(
    z.object({
      lineId: z.string(),
      deliveryNote: z.object({ id: z.string(), number: z.string(), date: z.string() }),
      customer: z.string(),
      item: z.object({ id: z.string(), code: z.string(), label: z.string(), unit: z.string() }),
      quantity: z.string(),
      stockQuantity: z.string(),
    }),
  ),
});
export type DeliveriesToIssueDto = z.output<typeof deliveriesToIssueDto>;

export const variationDto = z.object({
  id: z.string(),
  date: z.string(),
  goodsValue: z.number().int(),
  suppliesValue: z.number().int().nullable(),
  entry: z.object({ id: z.string(), number: z.number().int() }),
});
export type VariationDto = z.output<typeof variationDto>;
export const variationList = z.object({ items: z.array(variationDto) });
