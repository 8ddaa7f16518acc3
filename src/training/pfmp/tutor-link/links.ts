import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../kernel/db/index.ts';
import { ruleBroken } from '../../../kernel/errors/domain-error.ts';
import { newId } from '../../../kernel/ids.ts';
import type { TrainingScope } from '../../classes/access.ts';
import type { TrainingPfmpTutorLinkTable } from '../../tables.ts';
import { audit, managedAgreement } from '../access.ts';
import type { CreatedTutorLinkDto, TutorLinkDto, TutorLinkInput } from '../contract.ts';
import { emailTutorLink } from './mail.ts';

// The tutor's assessment link (decision 0029). A teacher who manages the agreement creates it; the token
// (256 random bits) is shown once, in the answer, and only its SHA-256 is stored: whoever reads the
// database, a backup or the audit trail cannot rebuild a working link. One live link per agreement.

/** 32 bytes in base64url: 43 characters. Anything else is not a token and answers like an unknown one. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** The web page a tutor opens. */
export const tutorPagePath = (token: string) => `/tuteur/${token}`;

export function linkStatus(row: TrainingPfmpTutorLinkTable, now: Date): TutorLinkDto['status'] {
  if (row.revoked_at) return 'revoked';
  if (row.used_at) return 'used';
  return row.expires_at <= now.toISOString() ? 'expired' : 'active';
}

function linkDto(row: TrainingPfmpTutorLinkTable, now: Date): TutorLinkDto {
  return {
    id: row.id,
    agreementId: row.agreement_id,
    status: linkStatus(row, now),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    revokedAt: row.revoked_at,
    signerName: row.signer_name,
    signerFunction: row.signer_function,
  };
}

async function latestLink(db: Db, orgId: string, agreementId: string) {
  return db
    .selectFrom('training_pfmp_tutor_link')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('agreement_id', '=', agreementId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The agreement's latest link and its status, for the teacher's screen (null when none was made). */
export async function currentTutorLink(
  db: Db,
  scope: TrainingScope,
  agreementId: string,
  now = new Date(),
): Promise<TutorLinkDto | null> {
  await managedAgreement(db, scope, agreementId);
  const row = await latestLink(db, scope.orgId, agreementId);
  return row ? linkDto(row, now) : null;
}

/** Revokes the agreement's links not yet used nor revoked; the ids revoked. */
async function revokeLive(trx: Db, scope: TrainingScope, agreementId: string, at: string) {
  const live = await trx
    .selectFrom('training_pfmp_tutor_link')
    .select('id')
    .where('org_id', '=', scope.orgId)
    .where('agreement_id', '=', agreementId)
    .where('revoked_at', 'is', null)
    .where('used_at', 'is', null)
    .execute();
  const ids = live.map((l) => l.id);
  if (ids.length > 0)
    await trx
      .updateTable('training_pfmp_tutor_link')
      .set({ revoked_at: at, revoked_by: scope.userId })
      .where('org_id', '=', scope.orgId)
      .where('id', 'in', ids)
      .execute();
  return ids;
}

/**
 * A new link for the agreement's tutor, valid `expiresInDays` days (30 by default, 90 at most). The
 * agreement's previous links that were not used are revoked: only the newest one works. With `sendTo`,
 * the link is also e-mailed through the outbox (decision 0031), to the address `appOrigin` + the path —
 * the origin the teacher's browser uses, as the copy button does (Agora has no configured address).
 */
export async function createTutorLink(
  trx: Db,
  scope: TrainingScope,
  agreementId: string,
  input: Omit<TutorLinkInput, 'sendTo'> & { sendTo?: string | null },
  now = new Date(),
  appOrigin = 'http://localhost:3000',
): Promise<CreatedTutorLinkDto> {
  const { agreement } = await managedAgreement(trx, scope, agreementId);
  if (agreement.status === 'cancelled')
    throw ruleBroken('Cette convention est annulée : elle ne peut pas recevoir d’évaluation du tuteur.');
  const at = now.toISOString();
  const replaced = await revokeLive(trx, scope, agreementId, at);
  for (const id of replaced)
    await audit(trx, scope, 'tutor-link.revoked', 'training_pfmp_tutor_link', id, {
      agreementId,
      reason: 'replaced',
    });
  const token = randomBytes(32).toString('base64url');
  const row: TrainingPfmpTutorLinkTable = {
    org_id: scope.orgId,
    id: newId(),
    agreement_id: agreementId,
    token_hash: hashToken(token),
    expires_at: new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString(),
    created_by: scope.userId,
    created_at: at,
    revoked_at: null,
    revoked_by: null,
    used_at: null,
    signer_name: null,
    signer_function: null,
  };
  await trx.insertInto('training_pfmp_tutor_link').values(row).execute();
  // Neither the token nor its hash goes into the audit trail.
  await audit(trx, scope, 'tutor-link.created', 'training_pfmp_tutor_link', row.id, {
    agreementId,
    expiresAt: row.expires_at,
    replaced,
  });
  const path = tutorPagePath(token);
  const email = input.sendTo
    ? await emailTutorLink(trx, scope, {
        agreement,
        linkId: row.id,
        expiresAt: row.expires_at,
        to: input.sendTo,
        url: `${appOrigin}${path}`,
      })
    : null;
  return { link: linkDto(row, now), token, path, email };
}

/** Revokes the agreement's live link: its address then answers like an unknown one. */
export async function revokeTutorLink(
  trx: Db,
  scope: TrainingScope,
  agreementId: string,
  now = new Date(),
): Promise<TutorLinkDto> {
  await managedAgreement(trx, scope, agreementId);
  const current = await latestLink(trx, scope.orgId, agreementId);
  if (!current || linkStatus(current, now) !== 'active')
    throw ruleBroken('Aucun lien d’évaluation actif pour cette convention.');
  const at = now.toISOString();
  const revoked = await revokeLive(trx, scope, agreementId, at);
  for (const id of revoked)
    await audit(trx, scope, 'tutor-link.revoked', 'training_pfmp_tutor_link', id, {
      agreementId,
      reason: 'revoked',
    });
  return linkDto({ ...current, revoked_at: at, revoked_by: scope.userId }, now);
}
