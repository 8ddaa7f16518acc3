import { z } from 'zod';
import { isCalendarDate } from '../kernel/dates/index.ts';

/**
 * A business date 'YYYY-MM-DD' of the real calendar (no 30 February). `z.iso.date()` puts
 * `format: date` in the OpenAPI document; the refine is the kernel's own check, in case they ever differ.
 */
export const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
