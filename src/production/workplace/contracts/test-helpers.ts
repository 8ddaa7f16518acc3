import type { Db } from '../../../kernel/db/index.ts';
import { contractInput } from './contract.ts';
import { createContract, terminateContract } from './contract-register.ts';

/** A maintenance contract with tacit renewal, terminated: fills production_workplace_contract. */
export async function populateContracts(db: Db, orgId: string, providerId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const contract = await createContract(
      trx,
      orgId,
      contractInput.parse({
        providerId,
        kind: 'maintenance',
        object: 'Maintenance du photocopieur',
        reference: 'MNT-2026-01',
        startDate: '2026-01-01',
        durationMonths: 12,
        tacitRenewal: true,
        noticeValue: 3,
        amount: 4500,
        periodicity: 'monthly',
        vatRate: 2000,
      }),
      '2026-03-01',
      null,
    );
    await terminateContract(
      trx,
      orgId,
      contract.id,
      { sentOn: '2026-09-15', reason: 'Nouveau copieur', providerDidNotInform: false },
      '2026-09-15',
      null,
    );
  });
}
