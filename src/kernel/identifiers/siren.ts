import { normalizeIdentifier } from './normalize.ts';

export const SIREN_INVALID = 'Le numéro SIREN doit comporter 9 chiffres et une clé de contrôle valide.';
export const SIRET_INVALID = 'Le numéro SIRET doit comporter 14 chiffres et une clé de contrôle valide.';

// La Poste registers its many establishments under one SIREN and ran out of Luhn-valid SIRETs; INSEE
// gives them a plain digit sum divisible by 5 instead. The head office keeps an ordinary Luhn key.
const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

/** Luhn (mod 10) over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export const normalizeSiren = normalizeIdentifier;
export const normalizeSiret = normalizeIdentifier;

/** 9 digits with a Luhn key; spaces are tolerated, as in "552 100 554". */
export function isSiren(value: string): boolean {
  const siren = normalizeSiren(value);
  return /^\d{9}$/.test(siren) && luhnValid(siren);
}

/** 14 digits (SIREN + NIC) with a Luhn key, or La Poste's digit-sum rule. */
export function isSiret(value: string): boolean {
  const siret = normalizeSiret(value);
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== LA_POSTE_HEAD_OFFICE_SIRET) {
    let sum = 0;
    for (const digit of siret) sum += Number(digit);
    return sum % 5 === 0;
  }
  return luhnValid(siret);
}

/** The SIREN an establishment belongs to. */
export function sirenOfSiret(siret: string): string {
  return normalizeSiret(siret).slice(0, 9);
}
