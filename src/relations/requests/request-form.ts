import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { DomainError, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { normalizeEmail } from '../../kernel/identifiers/index.ts';
import type {
  PublicRequestFormDto,
  PublicRequestInput,
  RequestFormSettingsDto,
  RequestFormSettingsInput,
} from './contract.ts';
import { createRequest } from './request.ts';

// The organisation's public request form: a page anyone may open, writing into the request log. No
// captcha service (no third party sees the visitors): a honeypot field, a fill-time token signed with a
// per-organisation secret, and a rate limit per address on the route.

/** A person takes more than this to fill the form; a robot posts at once. */
export const MIN_FILL_MS = 3_000;
/** A token older than this was left open too long (or replayed from an old page). */
export const MAX_FILL_MS = 2 * 60 * 60 * 1000;

const DEFAULTS: RequestFormSettingsDto = {
  enabled: false,
  intro: null,
  categories: ['Information', 'Devis', 'Rendez-vous', 'Autre'],
  answerDays: 7,
};

async function formRow(db: Db, orgId: string) {
  return db.selectFrom('relations_request_form').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function getRequestFormSettings(db: Db, orgId: string): Promise<RequestFormSettingsDto> {
  const row = await formRow(db, orgId);
  if (!row) return DEFAULTS;
  return {
    enabled: Number(row.enabled) === 1,
    intro: row.intro,
    categories: JSON.parse(row.categories) as string[],
    answerDays: Number(row.answer_days),
  };
}

export async function answerDaysOf(db: Db, orgId: string): Promise<number | null> {
  const row = await formRow(db, orgId);
  return row ? Number(row.answer_days) : null;
}

export async function saveRequestFormSettings(
  trx: Db,
  orgId: string,
  input: RequestFormSettingsInput,
  actorId: string | null,
): Promise<RequestFormSettingsDto> {
  const before = await getRequestFormSettings(trx, orgId);
  const values = {
    enabled: input.enabled ? 1 : 0,
    intro: input.intro,
    categories: JSON.stringify(input.categories),
    answer_days: input.answerDays,
    updated_at: new Date().toISOString(),
  };
  await trx
    .insertInto('relations_request_form')
    .values({ org_id: orgId, secret: randomBytes(32).toString('base64url'), ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
  const after = await getRequestFormSettings(trx, orgId);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'request-form.saved',
    entity: 'relations_request_form',
    entityId: orgId,
    before,
    after,
  });
  return after;
}

const unavailable = () => new DomainError('not-found', 'Ce formulaire de contact n’est pas disponible.');

function sign(secret: string, orgId: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`${orgId}|${issuedAt}`).digest('base64url');
}

/** `issuedAt.signature`: the server's clock at display time, which the visitor cannot change. */
export function formToken(secret: string, orgId: string, issuedAt: number): string {
  return `${issuedAt}.${sign(secret, orgId, issuedAt)}`;
}

function checkToken(secret: string, orgId: string, token: string, now: number): void {
  const [time, signature] = token.split('.');
  const issuedAt = Number(time);
  const expected = Number.isSafeInteger(issuedAt) ? sign(secret, orgId, issuedAt) : '';
  const valid =
    signature !== undefined &&
    expected.length === signature.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  if (!valid || now - issuedAt > MAX_FILL_MS)
    throw ruleBroken('Ce formulaire a expiré : rechargez la page puis recommencez.', 'form-token');
  if (now - issuedAt < MIN_FILL_MS)
    throw ruleBroken(
      'Formulaire envoyé trop vite : patientez quelques secondes puis renvoyez-le.',
      'form-too-fast',
    );
}

/** The enabled form of an organisation, found by its id; anything else answers the same 404. */
async function enabledForm(db: Db, orgRef: string) {
  const row = await db
    .selectFrom('relations_request_form as f')
    .innerJoin('organisation as o', 'o.org_id', 'f.org_id')
    .select(['f.org_id', 'f.secret', 'f.intro', 'f.categories', 'o.name'])
    .where('f.org_id', '=', orgRef)
    .where('f.enabled', '=', 1)
    .executeTakeFirst();
  if (!row) throw unavailable();
  return row;
}

export async function publicRequestForm(
  db: Db,
  orgRef: string,
  now = Date.now(),
): Promise<PublicRequestFormDto> {
  const form = await enabledForm(db, orgRef);
  return {
    organisationName: form.name,
    intro: form.intro,
    categories: JSON.parse(form.categories) as string[],
    token: formToken(form.secret, form.org_id, now),
  };
}

/**
 * Records a visitor's request. A filled honeypot is answered like a success and writes nothing, so a
 * robot learns nothing. The sender is linked to the party whose e-mail matches, when exactly one does.
 */
export async function submitPublicRequest(
  db: Db,
  orgRef: string,
  input: PublicRequestInput,
  now = Date.now(),
): Promise<{ recorded: boolean }> {
  const form = await enabledForm(db, orgRef);
  if (input.website && input.website.trim() !== '') return { recorded: false };
  checkToken(form.secret, form.org_id, input.token, now);
  const categories = JSON.parse(form.categories) as string[];
  const category = input.category && categories.includes(input.category) ? input.category : null;
  const email = normalizeEmail(input.email ?? '').toLowerCase();
  await db.transaction().execute(async (trx) => {
    const matches = await trx
      .selectFrom('party')
      .select('id')
      .where('org_id', '=', form.org_id)
      .where('archived_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['email']), '=', email),
          eb(
            'id',
            'in',
            eb
              .selectFrom('party_contact')
              .select('party_id')
              .where('org_id', '=', form.org_id)
              .where((e) => e(e.fn('lower', ['email']), '=', email)),
          ),
        ]),
      )
      .limit(2)
      .execute();
    await createRequest(
      trx,
      form.org_id,
      {
        channel: 'web_form',
        partyId: matches.length === 1 ? matches[0]!.id : null,
        senderName: input.name,
        senderEmail: input.email,
        senderPhone: input.phone,
        category,
        subject: input.subject,
        message: input.message,
        assigneeId: null,
        dueDate: null,
      },
      null,
      new Date(now).toISOString(),
    );
  });
  return { recorded: true };
}
