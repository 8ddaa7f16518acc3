import { normalizeIdentifier } from './normalize.ts';

export const BIC_INVALID = 'Le code BIC doit comporter 8 ou 11 caractères (par exemple BNPAFRPPXXX).';

// Bank (4 letters), country (2 letters), location (2), optional branch (3).
const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

export const normalizeBic = normalizeIdentifier;

export function isBic(value: string): boolean {
  return BIC.test(normalizeBic(value));
}
