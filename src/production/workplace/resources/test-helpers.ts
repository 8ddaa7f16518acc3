import { addDays, todayIn } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { createBooking } from './booking.ts';
import { bookingInput, loanInput, resourceInput } from './contract.ts';
import { lendResource, returnLoan } from './loan.ts';
import { createResource } from './resource.ts';

/** A key lent to an employee and returned, then booked for next month: fills the resources' tables. */
export async function populateResources(db: Db, orgId: string, employeeId: string): Promise<void> {
  const today = todayIn();
  await db.transaction().execute(async (trx) => {
    const key = await createResource(
      trx,
      orgId,
      resourceInput.parse({ name: 'Clé du local archives', category: 'key', identifier: 'K-12' }),
      today,
      null,
    );
    const loan = await lendResource(
      trx,
      orgId,
      loanInput.parse({ resourceId: key.id, employeeId, outOn: '2026-03-10', dueOn: '2026-03-12' }),
      today,
      null,
    );
    await returnLoan(
      trx,
      orgId,
      loan.id,
      { returnedOn: '2026-03-12', state: 'good', remarks: null },
      today,
      null,
    );
    await createBooking(
      trx,
      orgId,
      bookingInput.parse({
        resourceId: key.id,
        borrowerName: 'Élu de permanence',
        from: addDays(today, 30),
        to: addDays(today, 31),
      }),
      today,
      null,
    );
  });
}
