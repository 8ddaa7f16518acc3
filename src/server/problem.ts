import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorKind, type FieldIssue, isDomainError } from '../kernel/errors/domain-error.ts';

/** RFC 9457 problem details: a stable `type`, a French `title`, per-field `errors` for bad input. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldIssue[];
};

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rule-broken': 422,
};

const TITLES: Record<string, string> = {
  invalid: 'Données invalides',
  unauthenticated: 'Authentification requise',
  forbidden: 'Accès refusé',
  'not-found': 'Ressource introuvable',
  conflict: 'Conflit',
  'rule-broken': 'Règle de gestion non respectée',
  malformed: 'Requête mal formée',
  'too-large': 'Requête trop volumineuse',
  'rate-limited': 'Trop de tentatives',
  csrf: 'Jeton anti-CSRF manquant ou invalide',
  'unsupported-media-type': 'Type de contenu non pris en charge',
  internal: 'Erreur interne',
};

export const problemType = (kind: string) => `https://agora.dev/problems/${kind}`;

export function problem(kind: string, status: number, detail?: string, errors?: FieldIssue[]): Problem {
  return { type: problemType(kind), title: TITLES[kind] ?? kind, status, detail, errors };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type('application/problem+json; charset=utf-8').send(p);
}

function fieldOf(path: ReadonlyArray<PropertyKey>, where: string): string {
  const joined = path.map(String).join('.');
  return where === 'body' ? joined || 'body' : `${where}${joined ? `.${joined}` : ''}`;
}

export function toProblem(error: unknown, request: FastifyRequest): Problem {
  if (isDomainError(error)) {
    return problem(
      error.kind,
      STATUS[error.kind],
      error.message,
      error.issues.length ? error.issues : undefined,
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors = error.validation.map((v) => ({
      field: fieldOf(v.instancePath.split('/').filter(Boolean), where),
      message: v.message ?? 'Valeur invalide.',
    }));
    return problem(
      'invalid',
      400,
      'Certaines valeurs sont invalides : corrigez les champs indiqués.',
      errors,
    );
  }
  const e = error as FastifyError;
  if (e.statusCode === 429)
    return problem('rate-limited', 429, 'Trop de tentatives : réessayez dans une minute.');
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return problem('too-large', 413, 'Le contenu envoyé est trop volumineux.');
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return problem('unsupported-media-type', 415, 'Envoyez le contenu au format JSON (application/json).');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return problem(
      'malformed',
      e.statusCode,
      'La requête est mal formée (JSON invalide ou paramètre manquant).',
    );
  request.log.error({ err: error }, 'unexpected error');
  return problem('internal', 500, 'Une erreur inattendue est survenue ; elle a été enregistrée.');
}
