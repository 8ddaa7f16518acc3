import { z } from 'zod';

// NUL and the other C0 controls are invisible, break exports and are refused by PostgreSQL's UTF-8
// text: no business text needs them (tabs and line breaks stay allowed).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
export const CONTROL_CHARACTERS_MESSAGE = 'Ce texte contient des caractères invisibles non autorisés.';

/** A trimmed string without control characters: the base of every text field of the contracts. */
export function text() {
  return z
    .string()
    .trim()
    .refine((v) => !CONTROL_CHARACTERS.test(v), CONTROL_CHARACTERS_MESSAGE);
}
