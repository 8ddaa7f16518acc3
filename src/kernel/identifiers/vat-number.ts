import { normalizeIdentifier } from './normalize.ts';
import { isSiren, normalizeSiren, SIREN_INVALID } from './siren.ts';

export const VAT_NUMBER_INVALID =
  'Le numéro de TVA intracommunautaire doit commencer par le code du pays (FR pour la France : FR, clé à 2 chiffres, SIREN).';

const FRENCH_VAT = /^FR(\d{2})(\d{9})$/;
const OTHER_VAT = /^[A-Z]{2}[0-9A-Z]{2,12}$/;

export const normalizeVatNumber = normalizeIdentifier;

function frenchKey(siren: string): string {
  return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0');
}

/** FR + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97: 552100554 → FR96552100554. */
export function vatNumberFromSiren(siren: string): string {
  const normalized = normalizeSiren(siren);
  if (!isSiren(normalized)) throw new RangeError(SIREN_INVALID);
  return `FR${frenchKey(normalized)}${normalized}`;
}

/** A French number whose key matches its SIREN (Monaco's FRxx000…, which are not SIRENs, included). */
export function isFrenchVatNumber(value: string): boolean {
  const match = FRENCH_VAT.exec(normalizeVatNumber(value));
  if (match === null) return false;
  const [, key, siren = ''] = match;
  // Monaco companies get French VAT numbers over a 000-prefixed registration number that has no Luhn key.
  const registrationValid = siren.startsWith('000') || isSiren(siren);
  return registrationValid && key === frenchKey(siren);
}

/** French numbers are fully checked; other EU numbers only for shape (each country has its own key). */
export function isVatNumber(value: string): boolean {
  const vat = normalizeVatNumber(value);
  if (vat.startsWith('FR')) return isFrenchVatNumber(vat);
  return OTHER_VAT.test(vat);
}
