// Child process of crash.test.ts: writes as fast as it can, until it is killed with SIGKILL. Each loop
// is one transaction that posts a sale entry (numbered), creates a party and takes a document number —
// the three must survive or vanish together.
import { openStore } from '../../src/kernel/db/index.ts';
import { takeNextNumber } from '../../src/kernel/numbering/numbering.ts';
import { partyInput } from '../../src/kernel/parties/contract.ts';
import { createParty } from '../../src/kernel/parties/party.ts';
import { entryInput, post } from '../../src/ledger/index.ts';

const [location, orgId, date] = process.argv.slice(2) as [string, string, string];
const store = openStore(location);
process.stdout.write('ready\n');
let announced = false;
for (;;) {
  await store.db.transaction().execute(async (trx) => {
    const number = await takeNextNumber(trx, orgId, 'crash-invoice');
    await post(
      trx,
      orgId,
      entryInput.parse({
        journal: 'VE',
        date,
        label: `Facture ${number}`,
        voucherRef: `FA-${number}`,
        voucherDate: date,
        lines: [
          { account: '411', label: 'Client', debit: 1200, credit: 0 },
          { account: '706', label: 'Prestation', debit: 0, credit: 1000 },
          { account: '44571', label: 'TVA', debit: 0, credit: 200 },
        ],
      }),
      null,
    );
    await createParty(
      trx,
      orgId,
      partyInput.parse({ kind: 'person', name: `Client ${number}`, roles: ['customer'] }),
      null,
    );
  });
  // The test kills only after a first transaction committed: every kill then falls among writes, however
  // slow the machine is to start a process.
  if (!announced) {
    process.stdout.write('wrote\n');
    announced = true;
  }
}
