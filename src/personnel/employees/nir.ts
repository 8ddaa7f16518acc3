// The NIR (numéro d'inscription au répertoire, « numéro de sécurité sociale »): 13 characters and a 2-digit
// key, key = 97 − (number mod 97). Corsica's departments 2A and 2B count as 19 and 18 for the key
// (INSEE). The number is kept without spaces.

/** The NIR without its spaces, upper-cased (2a → 2A). */
export function normaliseNir(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Whether a normalised NIR has the right shape and key. */
export function isValidNir(nir: string): boolean {
  const match = /^([12378])(\d{2})(0[1-9]|1[0-2]|[2-9]\d)(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/.exec(nir);
  if (!match) return false;
  const body = nir.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = Number(nir.slice(13));
  return 97 - Number(BigInt(body) % 97n) === key;
}
