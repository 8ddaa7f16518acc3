import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: OWASP's minimum), async so a login
// never blocks the event loop.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export const PASSWORD_MIN_LENGTH = 10;

/** Returns the French reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `Le mot de passe doit comporter au moins ${PASSWORD_MIN_LENGTH} caractères.`;
  if (password.length > 200) return 'Le mot de passe ne peut dépasser 200 caractères.';
  const identifier = email?.split('@')[0]?.toLowerCase() ?? '';
  // Short identifiers (« jo@… ») would forbid half the dictionary: only check from 3 characters.
  if (identifier.length >= 3 && password.toLowerCase().includes(identifier))
    return 'Le mot de passe ne doit pas contenir votre identifiant.';
  if (new Set(password).size < 5)
    return 'Le mot de passe est trop simple (trop peu de caractères différents).';
  return null;
}
