import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';

// Small Zod fields shared by the contracts of requests, complaints, publications and privacy.

export const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};

export const optionalDate = (what: string) =>
  calendarDate(what)
    .nullish()
    .transform((v) => v ?? null);

export const requiredText = (what: string, max: number) =>
  text().min(1, `${what} : champ obligatoire.`).max(max, `${what} : ${max} caractères au maximum.`);

export const idField = text().min(1).max(64);
export const optionalId = idField.nullish().transform((v) => v ?? null);

export const pageQuery = {
  limit: z.coerce.number().int('Nombre entier attendu.').min(1).max(500).default(50),
  offset: z.coerce.number().int('Nombre entier attendu.').min(0).default(0),
};
