/**
 * The few kinds of failure a business function may report. HTTP and CLI map them in one place each;
 * messages are French because they reach the user as they are.
 */
export type ErrorKind =
  | 'invalid'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'rule-broken';

export type FieldIssue = { field: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly code?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (message: string, issues: FieldIssue[] = []) =>
  new DomainError('invalid', message, issues);
export const notFound = (what: string) => new DomainError('not-found', `${what} introuvable.`);
export const conflict = (message: string) => new DomainError('conflict', message);
export const forbidden = (message = 'Vous n’avez pas les droits nécessaires pour cette action.') =>
  new DomainError('forbidden', message);
export const ruleBroken = (message: string, code?: string) =>
  new DomainError('rule-broken', message, [], code);

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
