import { recordAudit } from '../../../kernel/audit/audit.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors/domain-error.ts';
import { newId } from '../../../kernel/ids.ts';
import type { ForecastDto, ForecastInput } from './contract.ts';

// Forecast lines of the cash plan: what the books cannot know yet — a loan's instalments, the rent, a
// grant announced, next year's insurance — entered by the organisation, once or every month.

type Row = {
  id: string;
  label: string;
  direction: 'in' | 'out';
  amount: number;
  first_month: string;
  occurrences: number;
};

const toDto = (r: Row): ForecastDto => ({
  id: r.id,
  label: r.label,
  direction: r.direction,
  amount: Number(r.amount),
  firstMonth: r.first_month,
  occurrences: Number(r.occurrences),
});

export async function listForecasts(db: Db, orgId: string): Promise<ForecastDto[]> {
  const rows = await db
    .selectFrom('production_cash_forecast')
    .select(['id', 'label', 'direction', 'amount', 'first_month', 'occurrences'])
    .where('org_id', '=', orgId)
    .orderBy('first_month')
    .orderBy('label')
    .orderBy('id')
    .execute();
  return rows.map(toDto);
}

export async function createForecast(
  trx: Db,
  orgId: string,
  input: ForecastInput,
  actorId: string | null,
): Promise<ForecastDto> {
  const row: Row = {
    id: newId(),
    label: input.label,
    direction: input.direction,
    amount: input.amount,
    first_month: input.firstMonth,
    occurrences: input.occurrences,
  };
  await trx
    .insertInto('production_cash_forecast')
    .values({ org_id: orgId, ...row, created_at: new Date().toISOString(), created_by: actorId })
    .execute();
  const dto = toDto(row);
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.cash_forecast.created',
    entity: 'production_cash_forecast',
    entityId: row.id,
    after: dto,
  });
  return dto;
}

export async function deleteForecast(trx: Db, orgId: string, id: string, actorId: string | null) {
  const row = await trx
    .deleteFrom('production_cash_forecast')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returning(['id', 'label', 'direction', 'amount', 'first_month', 'occurrences'])
    .executeTakeFirst();
  if (!row) throw notFound('Prévision de trésorerie');
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'production.cash_forecast.deleted',
    entity: 'production_cash_forecast',
    entityId: id,
    before: toDto(row),
  });
}
