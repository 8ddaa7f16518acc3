export const EMAIL_INVALID = 'L’adresse électronique est invalide (par exemple contact@exemple.fr).';
export const POSTAL_CODE_INVALID = 'Le code postal doit comporter 5 chiffres.';
export const PHONE_INVALID =
  'Le numéro de téléphone doit comporter de 6 à 20 chiffres (espaces, points, tirets et « + » initial acceptés).';

// Pragmatic, not RFC 5322: what mail servers and users actually use, letters of any script included
// (internationalised addresses). Dots may not start, end or double in the local part.
const EMAIL =
  /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

/** Trims and lower-cases the domain, which is case-insensitive; the local part is left as typed. */
export function normalizeEmail(value: string): string {
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? trimmed : trimmed.slice(0, at) + trimmed.slice(at).toLowerCase();
}

export function isEmail(value: string): boolean {
  const email = normalizeEmail(value);
  // 254 is the longest address SMTP can carry, 64 the longest local part.
  return email.length <= 254 && email.indexOf('@') <= 64 && EMAIL.test(email);
}

export function normalizePostalCode(value: string): string {
  return value.replace(/\s+/g, '');
}

/** A French postal code: five digits, "75 001" tolerated. */
export function isPostalCode(value: string): boolean {
  return /^\d{5}$/.test(normalizePostalCode(value));
}

/** Keeps digits and a leading + only: "+33 1 23 45 67 89" → "+33123456789". */
export function normalizePhone(value: string): string {
  const trimmed = value.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
}

/** Lenient on purpose: French and foreign numbers, written with spaces, dots or dashes. */
export function isPhone(value: string): boolean {
  const trimmed = value.trim();
  if (!/^\+?[\d\s.-]+$/.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 20;
}
