import { normalizeIdentifier } from './normalize.ts';

export const IBAN_INVALID =
  'L’IBAN est invalide : vérifiez le code pays, le nombre de caractères et la clé de contrôle.';

// IBAN lengths from the SWIFT IBAN registry (every SEPA country and the other registry members). French
// overseas territories, Åland and the Crown dependencies share their parent's format.
// biome-ignore format: a dense table is easier to check against the registry
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AX: 18, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BL: 27, BR: 29,
  BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GF: 27, GG: 22, GI: 23, GL: 18, GP: 27, GR: 27, GT: 28, HN: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IM: 22, IQ: 23, IS: 26, IT: 27, JE: 22, JO: 30, KW: 30, KZ: 20, LB: 28,
  LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MF: 27, MK: 19, MN: 20, MQ: 27,
  MR: 27, MT: 31, MU: 30, NC: 27, NI: 28, NL: 18, NO: 15, OM: 23, PF: 27, PK: 24, PL: 28, PM: 27, PS: 29,
  PT: 25, QA: 29, RE: 27, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27,
  SO: 23, ST: 25, SV: 28, TF: 27, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, WF: 27, XK: 20, YE: 30,
  YT: 27,
};

export const normalizeIban = normalizeIdentifier;

/** ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end. */
function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    // Letters count as two digits (A = 10 … Z = 35).
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder;
}

export function isIban(value: string): boolean {
  const iban = normalizeIban(value);
  const match = /^([A-Z]{2})(\d{2})[0-9A-Z]+$/.exec(iban);
  if (match === null) return false;
  const [, country = '', checkDigits = ''] = match;
  // 00, 01 and 99 pass mod 97 by congruence (01 ≡ 98) but are never issued.
  const check = Number(checkDigits);
  return IBAN_LENGTHS[country] === iban.length && check >= 2 && check <= 98 && mod97(iban) === 1;
}

/** Groups of four for display and printing: "FR76 3000 6000 0112 3456 7890 189". */
export function formatIban(value: string): string {
  return normalizeIban(value).replace(/(.{4})(?=.)/g, '$1 ');
}
