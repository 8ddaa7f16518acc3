import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr, todayIn } from '../../kernel/dates/index.ts';
import { type Db, isUniqueViolation } from '../../kernel/db/index.ts';
import { conflict, notFound, ruleBroken } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { accountMovement, getEntry, letter, post } from '../../ledger/index.ts';
import { collectedVat } from '../../relations/index.ts';
import {
  ca3Lines,
  FIXED_ASSET_VAT,
  INPUT_VAT,
  settlementPosting,
  UnsupportedRate,
  VAT_PAYABLE,
} from './ca3.ts';
import type {
  VatPaymentInput,
  VatReturnCents,
  VatReturnDto,
  VatReturnLine,
  VatReturnListDto,
} from './contract.ts';
import {
  type Frequency,
  frequencyOf,
  nextPeriod,
  ofPeriod,
  periodFrequency,
  periodOf,
  periodRange,
  previousPeriod,
} from './period.ts';
import type { ProductionVatReturnTable } from './tables.ts';

// The VAT return (CA3) of a month or a quarter: computed live from the sales documents (output VAT, when
// it falls due) and the ledger (input VAT deducted on 44562 and 44566), until it is filed. Filing keeps its
// figures, posts the settlement entry and carries a credit to the next return; a filed return never changes
// (a correction goes on a later return, lines 15 and 21). Returns are filed in order, one per period.

const SOURCE = 'production.vat_return:';

async function organisationOf(db: Db, orgId: string) {
  const org = await db
    .selectFrom('organisation')
    .select(['vat_regime', 'time_zone'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw notFound('Organisation');
  return { frequency: frequencyOf(org.vat_regime), today: todayIn(org.time_zone) };
}

function requireFrequency(frequency: Frequency | null, period: string): Frequency {
  if (!frequency)
    throw ruleBroken(
      'L’organisation ne dépose pas de CA3 : seul le régime réel normal (mensuel ou trimestriel) la dépose. Vérifiez le régime de TVA dans les paramètres de l’organisation.',
    );
  if (periodFrequency(period) !== frequency)
    throw ruleBroken(
      frequency === 'monthly'
        ? 'Régime mensuel : la période est un mois (AAAA-MM).'
        : 'Régime trimestriel : la période est un trimestre (AAAA-T1 à AAAA-T4).',
    );
  return frequency;
}

const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

async function filedRows(db: Db, orgId: string) {
  return db
    .selectFrom('production_vat_return')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('period_start')
    .execute();
}

/** Why a period cannot be filed now, or null. */
function notFileable(
  period: string,
  filed: readonly ProductionVatReturnTable[],
  today: string,
): string | null {
  const { to, label } = periodRange(period);
  if (filed.some((r) => r.period === period)) return `La déclaration ${ofPeriod(label)} est déjà déposée.`;
  if (to >= today)
    return `La période ${label} n’est pas terminée : la déclaration se dépose après le ${formatDateFr(to)}.`;
  const last = filed.at(-1);
  if (last && last.period_start > periodRange(period).from)
    return `Une déclaration plus récente (${periodRange(last.period).label}) est déjà déposée : une correction se reporte sur la prochaine déclaration.`;
  if (last && last.period !== previousPeriod(period))
    return `Déposez d’abord la déclaration ${ofPeriod(periodRange(nextPeriod(last.period)).label)} : les déclarations se déposent dans l’ordre.`;
  return null;
}

async function compute(db: Db, orgId: string, period: string, filed: readonly ProductionVatReturnTable[]) {
  const { from, to } = periodRange(period);
  const collected = await collectedVat(db, orgId, from, to);
  const previous = filed.find((r) => r.period === previousPeriod(period));
  const cents: VatReturnCents = {
    collected: collected.rates.reduce((s, r) => s + r.vat, 0),
    deductibleAssets: await accountMovement(db, orgId, {
      accountPrefix: FIXED_ASSET_VAT,
      from,
      to,
      excludeSource: SOURCE,
    }),
    deductibleOther: await accountMovement(db, orgId, {
      accountPrefix: INPUT_VAT,
      from,
      to,
      excludeSource: SOURCE,
    }),
    previousCredit: previous ? Number(previous.credit_carried) * 100 : 0,
  };
  try {
    return {
      cents,
      collected,
      ca3: ca3Lines({ rates: collected.rates, exemptBase: collected.exemptBase, ...cents }),
    };
  } catch (error) {
    if (error instanceof UnsupportedRate) throw ruleBroken(error.message);
    throw error;
  }
}

async function entryOf(db: Db, orgId: string, entryId: string | null) {
  if (!entryId) return null;
  const entry = await db
    .selectFrom('ledger_entry')
    .select(['id', 'number'])
    .where('org_id', '=', orgId)
    .where('id', '=', entryId)
    .executeTakeFirstOrThrow();
  return { id: entry.id, number: Number(entry.number) };
}

/** The return of a period: as filed, or computed now. */
export async function getVatReturn(db: Db, orgId: string, period: string): Promise<VatReturnDto> {
  const { frequency, today } = await organisationOf(db, orgId);
  const filed = await filedRows(db, orgId);
  const row = filed.find((r) => r.period === period);
  const range = periodRange(period);
  if (row)
    return {
      id: row.id,
      period,
      ...range,
      status: 'filed',
      lines: parse<VatReturnLine[]>(row.lines),
      cents: parse<VatReturnCents>(row.cents),
      vatDue: Number(row.vat_due),
      creditCarried: Number(row.credit_carried),
      creditNotesToReview: [],
      notFileable: `La déclaration ${ofPeriod(range.label)} est déjà déposée.`,
      entry: await entryOf(db, orgId, row.ledger_entry_id),
      filedAt: row.filed_at,
      payment: row.paid_on
        ? { date: row.paid_on, entry: (await entryOf(db, orgId, row.payment_entry_id))! }
        : null,
    };
  requireFrequency(frequency, period);
  const { cents, collected, ca3 } = await compute(db, orgId, period, filed);
  return {
    id: null,
    period,
    ...range,
    status: 'preview',
    lines: ca3.lines,
    cents,
    vatDue: ca3.vatDue,
    creditCarried: ca3.creditCarried,
    creditNotesToReview: collected.creditNotesToReview,
    notFileable: notFileable(period, filed, today),
    entry: null,
    filedAt: null,
    payment: null,
  };
}

/** Files the return of a period, in the caller's transaction: its figures kept, its settlement entry posted. */
export async function fileVatReturn(
  trx: Db,
  orgId: string,
  period: string,
  actorId: string | null,
): Promise<VatReturnDto> {
  const { frequency, today } = await organisationOf(trx, orgId);
  requireFrequency(frequency, period);
  const filed = await filedRows(trx, orgId);
  const refused = notFileable(period, filed, today);
  if (refused) throw filed.some((r) => r.period === period) ? conflict(refused) : ruleBroken(refused);
  const { cents, ca3 } = await compute(trx, orgId, period, filed);
  const id = newId();
  const range = periodRange(period);
  const posting = settlementPosting(ca3, cents, { id, label: range.label, date: range.to });
  const entry = posting ? await post(trx, orgId, posting, actorId) : null;
  try {
    await trx
      .insertInto('production_vat_return')
      .values({
        org_id: orgId,
        id,
        period,
        period_start: range.from,
        period_end: range.to,
        lines: JSON.stringify(ca3.lines),
        cents: JSON.stringify(cents),
        vat_due: ca3.vatDue,
        credit_carried: ca3.creditCarried,
        ledger_entry_id: entry?.id ?? null,
        filed_at: new Date().toISOString(),
        filed_by: actorId,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`La déclaration ${ofPeriod(range.label)} est déjà déposée.`);
    throw error;
  }
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.vat_return.filed',
    entity: 'production_vat_return',
    entityId: id,
    after: { period, vatDue: ca3.vatDue, creditCarried: ca3.creditCarried, entry: entry?.number ?? null },
  });
  return getVatReturn(trx, orgId, period);
}

/** The filed returns, and the period to file next. */
export async function listVatReturns(db: Db, orgId: string): Promise<VatReturnListDto> {
  const { frequency, today } = await organisationOf(db, orgId);
  const filed = await filedRows(db, orgId);
  const last = filed.at(-1);
  const next = !frequency
    ? null
    : last && periodFrequency(last.period) === frequency
      ? nextPeriod(last.period)
      : previousPeriod(periodOf(today, frequency));
  return {
    frequency,
    nextPeriod: next,
    filed: filed
      .map((r) => ({
        id: r.id,
        period: r.period,
        ...periodRange(r.period),
        vatDue: Number(r.vat_due),
        creditCarried: Number(r.credit_carried),
        filedAt: r.filed_at,
        payment: null,
      }))
      .reverse(),
  };
}

/**
 * Records the payment of a filed return's VAT due to the Treasury, in the caller's transaction: a bank
 * entry (debit 44551, credit 512) dated when the money left, lettered with the settlement's 44551 line.
 */
export async function payVatReturn(
  trx: Db,
  orgId: string,
  period: string,
  input: VatPaymentInput,
  actorId: string | null,
): Promise<VatReturnDto> {
  // The row locked first (a no-op update, which both databases take as a write lock): two payments of one
  // return at once serialise, and the second finds it paid.
  await trx
    .updateTable('production_vat_return')
    .set((eb) => ({ paid_on: eb.ref('paid_on') }))
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .execute();
  const row = await trx
    .selectFrom('production_vat_return')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .executeTakeFirst();
  const { label, to } = periodRange(period);
  if (!row)
    throw ruleBroken(
      `La déclaration ${ofPeriod(label)} n’est pas déposée : déposez-la avant d’en payer la TVA.`,
    );
  if (row.paid_on)
    throw conflict(`La TVA ${ofPeriod(label)} est déjà payée (le ${formatDateFr(row.paid_on)}).`);
  const due = Number(row.vat_due) * 100;
  if (due === 0) throw ruleBroken(`La déclaration ${ofPeriod(label)} ne laisse aucune TVA à payer.`);
  if (input.date <= to)
    throw ruleBroken(
      `La TVA ${ofPeriod(label)} se paie après la fin de la période (après le ${formatDateFr(to)}).`,
    );
  const entryLabel = `Paiement de la TVA ${label}`;
  const entry = await post(
    trx,
    orgId,
    {
      journal: 'BQ',
      date: input.date,
      label: entryLabel,
      voucherRef: input.reference,
      voucherDate: input.date,
      lines: [
        { account: VAT_PAYABLE, partyId: null, label: entryLabel, debit: due, credit: 0, dueDate: null },
        { account: '512', partyId: null, label: entryLabel, debit: 0, credit: due, dueDate: null },
      ],
      sourceRef: `${SOURCE}${row.id}:payment`,
    },
    actorId,
  );
  const lineIds = [...(await getEntry(trx, orgId, row.ledger_entry_id!)).lines, ...entry.lines]
    .filter((l) => l.account === VAT_PAYABLE && l.lettering === null)
    .map((l) => l.id);
  await letter(trx, orgId, { lineIds, partial: false }, actorId, { audit: false });
  await trx
    .updateTable('production_vat_return')
    .set({ paid_on: input.date, payment_entry_id: entry.id })
    .where('org_id', '=', orgId)
    .where('id', '=', row.id)
    .execute();
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.vat_return.paid',
    entity: 'production_vat_return',
    entityId: row.id,
    after: { period, date: input.date, amount: due, entry: entry.number },
  });
  return getVatReturn(trx, orgId, period);
}
