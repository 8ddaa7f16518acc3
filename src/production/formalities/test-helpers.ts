import type { Db } from '../../kernel/db/index.ts';
import { formalityInput } from './contract.ts';
import { completeFormality, createFormality } from './formality-register.ts';

/** A quarterly URSSAF formality completed once: fills production_formality and its completions. */
export async function populateFormalities(db: Db, orgId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const formality = await createFormality(
      trx,
      orgId,
      formalityInput.parse({
        title: 'Déclaration trimestrielle',
        partnerName: 'URSSAF Rhône-Alpes',
        category: 'social',
        periodicity: 'quarterly',
        dueOn: '2026-01-31',
        responsible: 'Claire',
      }),
      '2026-02-01',
      null,
    );
    await completeFormality(
      trx,
      orgId,
      formality.id,
      { doneOn: '2026-01-30', reference: 'AR-2026-001', note: null },
      '2026-02-01',
      null,
    );
  });
}
