import { addMonths, todayIn } from '../kernel/dates/index.ts';
import type { Store } from '../kernel/db/index.ts';
import { createForecast, forecastInput } from '../production/index.ts';

// The demo's cash plan forecasts (decision 0047): what the workshop's books cannot know yet — the rent,
// the van loan's instalments, a regional grant announced — from the month of the first start.

export async function seedDemoCashForecasts(store: Store, orgId: string, userId: string): Promise<void> {
  const already = await store.db
    .selectFrom('production_cash_forecast')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  if (already) return;
  const org = await store.db
    .selectFrom('organisation')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const month = (offset: number) => addMonths(todayIn(org.time_zone), offset).slice(0, 7);
  await store.db.transaction().execute(async (trx) => {
    for (const forecast of [
      { label: 'Loyer de l’atelier', direction: 'out', amount: 95000, firstMonth: month(0), occurrences: 12 },
      {
        label: 'Échéance d’emprunt (utilitaire)',
        direction: 'out',
        amount: 42000,
        firstMonth: month(0),
        occurrences: 24,
      },
      {
        label: 'Subvention Région – aide à l’investissement',
        direction: 'in',
        amount: 500000,
        firstMonth: month(2),
      },
    ])
      await createForecast(trx, orgId, forecastInput.parse(forecast), userId);
  });
}
