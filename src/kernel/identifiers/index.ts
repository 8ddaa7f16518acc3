export { BIC_INVALID, isBic, normalizeBic } from './bic.ts';
export {
  EMAIL_INVALID,
  isEmail,
  isPhone,
  isPostalCode,
  normalizeEmail,
  normalizePhone,
  normalizePostalCode,
  PHONE_INVALID,
  POSTAL_CODE_INVALID,
} from './contact.ts';
export { formatIban, IBAN_INVALID, isIban, normalizeIban } from './iban.ts';
export { normalizeIdentifier } from './normalize.ts';
export {
  isSiren,
  isSiret,
  luhnValid,
  normalizeSiren,
  normalizeSiret,
  SIREN_INVALID,
  SIRET_INVALID,
  sirenOfSiret,
} from './siren.ts';
export {
  isFrenchVatNumber,
  isVatNumber,
  normalizeVatNumber,
  VAT_NUMBER_INVALID,
  vatNumberFromSiren,
} from './vat-number.ts';
