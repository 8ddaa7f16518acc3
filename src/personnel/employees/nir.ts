// The NIR (numéro d'inscription au répertoire, « numéro de sécurité sociale »): 13 characters and a 2-digit
// key, key = 97 − (number mod 97). Corsica's departments 2A and 2B count as 19 and 18 for the key
// (INSEE). The number is kept without spaces.

const SHAPE = /^([12378])(\d{2})(0[1-9]|1[0-2]|[2-9]\d)(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/;

/** The NIR without its spaces, upper-cased (2a → 2A). */
export function normaliseNir(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The control key of the 13 first characters: 97 − (number mod 97), Corsica read as 19 (2A) or 18 (2B). */
export function nirKey(first13: string): number {
  const body = first13.replace('2A', '19').replace('2B', '18');
  return 97 - Number(BigInt(body) % 97n);
}

/** Whether a normalised NIR has the right shape and key. */
export function isValidNir(nir: string): boolean {
  if (!SHAPE.test(nir)) return false;
  return nirKey(nir.slice(0, 13)) === Number(nir.slice(13));
}

/**
 * Why a valid NIR does not fit the person, or null: its first digit is the sex (1 man, 2 woman; 3, 7 and 8
 * are temporary or foreign numbers, not checked), then the last two digits of the birth year and the
 * birth month (20 and over when the month was unknown, not checked).
 */
export function nirMismatch(nir: string, sex: 'F' | 'M', birthDate: string): string | null {
  const match = SHAPE.exec(nir);
  if (!match) return null;
  const [, sexDigit, year, month] = match;
  if ((sexDigit === '1' && sex !== 'M') || (sexDigit === '2' && sex !== 'F'))
    return `Le numéro de sécurité sociale commence par ${sexDigit} (${sexDigit === '1' ? 'homme' : 'femme'}) : il ne correspond pas au sexe indiqué.`;
  if (year !== birthDate.slice(2, 4))
    return `Le numéro de sécurité sociale indique une naissance en ${year} : il ne correspond pas à la date de naissance.`;
  if (Number(month) <= 12 && month !== birthDate.slice(5, 7))
    return `Le numéro de sécurité sociale indique une naissance au mois ${month} : il ne correspond pas à la date de naissance.`;
  return null;
}
