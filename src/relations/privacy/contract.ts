import { z } from 'zod';
import { idField, optionalDate, requiredText } from '../shared/contract-fields.ts';

export const consentPurposes = ['newsletter', 'prospecting', 'photos', 'partner_sharing'] as const;

export const consentInput = z.object({
  purpose: z.enum(consentPurposes, 'Finalité inconnue : newsletter, prospecting, photos ou partner_sharing.'),
  granted: z.boolean('Indiquez si la personne accepte (true) ou refuse (false).'),
  /** Left empty: today. */
  givenOn: optionalDate('Date du consentement'),
  source: requiredText('Origine (formulaire papier, e-mail…)', 200),
});
export type ConsentInput = z.output<typeof consentInput>;

export const consentDto = z.object({
  id: z.string(),
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
  givenOn: z.string(),
  source: z.string(),
  recordedAt: z.string(),
});
export type ConsentDto = z.infer<typeof consentDto>;

export const consentsDto = z.object({
  /** The latest record per purpose; a purpose never asked is absent (no consent). */
  current: z.array(consentDto),
  history: z.array(consentDto),
});
export type ConsentsDto = z.infer<typeof consentsDto>;

export const exportQuery = z.object({
  format: z.enum(['json', 'text'], 'Format inconnu : json ou text.').default('json'),
});

export const erasureCheckDto = z.object({
  allowed: z.boolean(),
  /** Why erasure is refused now (French, with the legal ground). */
  obstacles: z.array(z.string()),
  /** What stays after erasure, and why. */
  kept: z.array(z.string()),
});
export type ErasureCheckDto = z.infer<typeof erasureCheckDto>;

export const erasureInput = z.object({
  confirm: z.literal(true, 'Confirmez l’effacement (confirm: true) : il est définitif.'),
});

export const erasureDto = erasureCheckDto.extend({ erasedAt: z.string() });
export type ErasureDto = z.infer<typeof erasureDto>;

export const privacyPartyParams = z.object({ orgId: z.string().max(64), partyId: idField });
