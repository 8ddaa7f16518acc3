import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { type FieldIssue, invalid, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { getParty } from '../../kernel/parties/party.ts';
import { parseIssued } from '../invoices/invoice-read.ts';
import { isBusinessCustomer } from '../invoices/issued.ts';
import { invoicesWithPayments, organisationToday } from '../receipts/outstanding.ts';
import { fromScaledInteger } from '../shared/scaled.ts';
import {
  REMINDER_LEVEL_LABELS,
  type ReminderDto,
  type ReminderInput,
  type ReminderListQuery,
} from './contract.ts';
import { latePenalty, penaltyRateOf, RECOVERY_FEE } from './late-penalties.ts';

// A reminder claims a customer's overdue invoices at one level: 1 relance amiable, 2 relance ferme,
// 3 mise en demeure. Levels are climbed one at a time per invoice (docs/decisions/0010): a firm reminder
// needs a friendly one before it, a formal notice a firm one. The figures are frozen when it is made.

const NEEDS: Record<number, string> = {
  2: 'une relance ferme suit une relance amiable',
  3: 'une mise en demeure suit une relance ferme',
};

export async function createReminder(
  trx: Db,
  orgId: string,
  input: ReminderInput,
  actorId: string | null,
): Promise<ReminderDto> {
  const customer = await getParty(trx, orgId, input.customerId);
  const date = input.date ?? (await organisationToday(trx, orgId));
  const open = await invoicesWithPayments(trx, orgId, { customerId: customer.id, openOnly: true }, date);
  let chosen = open.filter((i) => i.daysLate > 0);
  if (input.invoiceIds) {
    const issues: FieldIssue[] = [];
    const ids = [...new Set(input.invoiceIds)];
    ids.forEach((invoiceId, i) => {
      if (!chosen.some((c) => c.invoiceId === invoiceId))
        issues.push({
          field: `invoiceIds.${i}`,
          message: 'Cette facture n’est pas une facture échue et impayée de ce client.',
        });
    });
    if (issues.length > 0) throw invalid(issues[0]!.message, issues);
    chosen = chosen.filter((c) => ids.includes(c.invoiceId));
  }
  if (chosen.length === 0)
    throw ruleBroken(`${customer.name} n’a aucune facture échue impayée au ${date}.`, 'nothing-overdue');
  if (input.level > 1) {
    const early = chosen.filter((c) => c.lastReminderLevel < input.level - 1);
    if (early.length > 0)
      throw invalid(
        `La facture ${early[0]!.number} n’a pas reçu la relance de niveau ${input.level - 1} : ${NEEDS[input.level]}.`,
        [{ field: 'level', message: 'Niveau de relance trop élevé.' }],
      );
  }
  const emailTo = input.channel === 'email' ? (input.emailTo ?? customer.email) : null;
  if (input.channel === 'email' && !emailTo)
    throw invalid('Ce client n’a pas d’adresse électronique : indiquez-en une.', [
      { field: 'emailTo', message: 'Adresse électronique manquante.' },
    ]);
  const issued = new Map(
    (
      await trx
        .selectFrom('relations_invoice')
        .select(['id', 'issued'])
        .where('org_id', '=', orgId)
        .where(
          'id',
          'in',
          chosen.map((c) => c.invoiceId),
        )
        .execute()
    ).map((r) => [r.id, parseIssued(r)]),
  );
  const lines = chosen.map((c) => {
    const frozen = issued.get(c.invoiceId);
    const business = frozen ? isBusinessCustomer(frozen.customer) : false;
    const rate = penaltyRateOf(frozen?.settings.latePenaltyRate ?? null, c.dueDate!);
    return {
      invoice_id: c.invoiceId,
      remaining: c.remaining,
      days_late: c.daysLate,
      penalty_rate: rate,
      // Consumers owe neither: L441-10 is about businesses.
      penalty: business ? latePenalty(c.remaining, rate, c.daysLate) : 0,
      recovery_fee: business ? RECOVERY_FEE : 0,
    };
  });
  const principal = lines.reduce((s, l) => s + l.remaining, 0);
  const penalties = lines.reduce((s, l) => s + l.penalty, 0);
  const fees = lines.reduce((s, l) => s + l.recovery_fee, 0);
  const id = newId();
  await trx
    .insertInto('relations_reminder')
    .values({
      org_id: orgId,
      id,
      customer_id: customer.id,
      level: input.level,
      reminder_date: date,
      channel: input.channel,
      email_to: emailTo,
      principal,
      penalties,
      recovery_fees: fees,
      total: principal + penalties + fees,
      document_id: null,
      sent_at: null,
      send_error: null,
      created_at: new Date().toISOString(),
      created_by: actorId,
    })
    .execute();
  await trx
    .insertInto('relations_reminder_invoice')
    .values(lines.map((l) => ({ org_id: orgId, reminder_id: id, ...l })))
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'relations.reminder.created',
    entity: 'relations_reminder',
    entityId: id,
    after: {
      customerId: customer.id,
      level: input.level,
      date,
      channel: input.channel,
      principal,
      penalties,
      fees,
    },
  });
  return getReminder(trx, orgId, id);
}

async function toDtos(db: Db, orgId: string, ids: string[]): Promise<ReminderDto[]> {
  if (ids.length === 0) return [];
  const [rows, lines] = await Promise.all([
    db
      .selectFrom('relations_reminder as m')
      .innerJoin('party as p', (j) =>
        j.onRef('p.org_id', '=', 'm.org_id').onRef('p.id', '=', 'm.customer_id'),
      )
      .selectAll('m')
      .select('p.name as customer_name')
      .where('m.org_id', '=', orgId)
      .where('m.id', 'in', ids)
      .orderBy('m.reminder_date', 'desc')
      .orderBy('m.created_at', 'desc')
      .execute(),
    db
      .selectFrom('relations_reminder_invoice as ri')
      .innerJoin('relations_invoice as i', (j) =>
        j.onRef('i.org_id', '=', 'ri.org_id').onRef('i.id', '=', 'ri.invoice_id'),
      )
      .selectAll('ri')
      .select(['i.number', 'i.due_date'])
      .where('ri.org_id', '=', orgId)
      .where('ri.reminder_id', 'in', ids)
      .orderBy('i.due_date')
      .orderBy('i.number')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    level: Number(r.level),
    levelLabel: REMINDER_LEVEL_LABELS[Number(r.level) as 1 | 2 | 3],
    date: r.reminder_date,
    channel: r.channel,
    emailTo: r.email_to,
    principal: Number(r.principal),
    penalties: Number(r.penalties),
    recoveryFees: Number(r.recovery_fees),
    total: Number(r.total),
    invoices: lines
      .filter((l) => l.reminder_id === r.id)
      .map((l) => ({
        invoiceId: l.invoice_id,
        number: l.number!,
        dueDate: l.due_date!,
        remaining: Number(l.remaining),
        daysLate: Number(l.days_late),
        penaltyRate: fromScaledInteger(Number(l.penalty_rate), 2),
        penalty: Number(l.penalty),
        recoveryFee: Number(l.recovery_fee),
      })),
    documentId: r.document_id,
    sentAt: r.sent_at,
    sendError: r.send_error,
    createdAt: r.created_at,
  }));
}

export async function getReminder(db: Db, orgId: string, reminderId: string): Promise<ReminderDto> {
  const [dto] = await toDtos(db, orgId, [reminderId]);
  if (!dto) throw notFound('Relance');
  return dto;
}

/** The history of reminders, per customer or per invoice, newest first. */
export async function listReminders(db: Db, orgId: string, query: ReminderListQuery): Promise<ReminderDto[]> {
  let select = db.selectFrom('relations_reminder as m').select('m.id').where('m.org_id', '=', orgId);
  if (query.customerId) select = select.where('m.customer_id', '=', query.customerId);
  if (query.invoiceId)
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('relations_reminder_invoice as ri')
          .select('ri.invoice_id')
          .whereRef('ri.org_id', '=', 'm.org_id')
          .whereRef('ri.reminder_id', '=', 'm.id')
          .where('ri.invoice_id', '=', query.invoiceId!),
      ),
    );
  const rows = await select
    .orderBy('m.reminder_date', 'desc')
    .orderBy('m.created_at', 'desc')
    .limit(query.limit)
    .execute();
  return toDtos(
    db,
    orgId,
    rows.map((r) => r.id),
  );
}
