import { z } from 'zod';
import { isDecimal } from '../../kernel/money/index.ts';
import { text } from '../../kernel/validation/text.ts';
import { toScaledInteger } from './scaled.ts';
import { formatRate, isKnownVatRate, vatRates } from './vat-rates.ts';

// Zod fields shared by the catalogue and the invoices; French messages, scaled integers out.

/**
 * A decimal typed as text ("12,5" or "12.5") or as a JSON number, with at most `scale` decimals, turned
 * into an integer × 10^scale. Text first: a JSON number is a binary float, exact only when it prints so.
 */
export function decimalField(what: string, scale: number, bounds: { min: number; max: number }) {
  const message = `${what} : nombre avec ${scale} décimale${scale > 1 ? 's' : ''} au plus attendu (ex. 12,5).`;
  // Number first: the OpenAPI document (and the generated examples) then show a number.
  return z.union([z.number(message), z.string().max(40, message)], message).transform((v, ctx) => {
    const raw = typeof v === 'number' ? String(v) : v.trim();
    if (!isDecimal(raw, scale)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    const n = toScaledInteger(raw, scale);
    if (n < bounds.min * 10 ** scale || n > bounds.max * 10 ** scale) {
      ctx.addIssue({
        code: 'custom',
        message: `${what} : valeur attendue entre ${bounds.min} et ${bounds.max}.`,
      });
      return z.NEVER;
    }
    return n;
  });
}

const RATE_TEXTS = vatRates().map((r) => formatRate(r.rate, '.')) as [string, ...string[]];

/** A rate of data/vat.json, as "20", "5.5", "5,5" or 5.5; percent × 100 out. */
export const vatRateField = z
  .union([z.enum(RATE_TEXTS), z.string().max(10), z.number()], 'Taux de TVA attendu (ex. 20 ou 5,5).')
  .transform((v, ctx) => {
    const raw = (typeof v === 'number' ? String(v) : v.trim()).replace(',', '.');
    const rate = isDecimal(raw, 2) ? toScaledInteger(raw, 2) : Number.NaN;
    if (!isKnownVatRate(rate)) {
      ctx.addIssue({
        code: 'custom',
        message: `Taux de TVA inconnu. Taux possibles : ${vatRates()
          .map((r) => `${formatRate(r.rate)} %`)
          .join(', ')}.`,
      });
      return z.NEVER;
    }
    return rate;
  });

/**
 * A revenue account of class 70 (701 to 708 and their sub-accounts; 709 records discounts granted), or
 * 4191 « clients – avances et acomptes reçus » for the lines of a down payment invoice and their deduction.
 */
export const revenueAccountField = text().regex(
  /^(70[0-8]\d{0,5}|4191\d{0,4})$/,
  'Compte de produits attendu : 701 à 708 ou un sous-compte (ex. 706, 7061), ou 4191 pour un acompte.',
);

export const optionalText = (max: number) =>
  text()
    .max(max, `${max} caractères au maximum.`)
    .nullish()
    .transform((v) => (v ? v : null));

export const itemKinds = ['goods', 'service'] as const;
