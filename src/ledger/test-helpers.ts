// Builders for the ledger's own tests (integration tests on both databases).
import type { Db } from '../kernel/db/index.ts';
import { organisationInput } from '../kernel/organisations/contract.ts';
import { createOrganisation } from '../kernel/organisations/organisation.ts';
import { partyInput } from '../kernel/parties/contract.ts';
import { createParty } from '../kernel/parties/party.ts';
import { seedChartOfAccounts } from './accounts/account.ts';
import { entryInput, type PostingInput } from './entries/contract.ts';
import { createDraft } from './entries/draft.ts';
import { post } from './entries/entry.ts';
import { openFiscalYear } from './fiscal-years/fiscal-year.ts';
import { seedJournals } from './journals/journal.ts';
import { letter } from './lettering/lettering.ts';

let counter = 0;

/**
 * An organisation with the chart and the journals, and the given fiscal years opened explicitly (tests
 * must not depend on today's date, so no ensureLedger here).
 */
export async function ledgerOrganisation(
  db: Db,
  options: {
    kind?: 'company' | 'association';
    siren?: string;
    years?: [string, string][];
  } = {},
) {
  return db.transaction().execute(async (trx) => {
    const org = await createOrganisation(
      trx,
      organisationInput.parse({
        name: `Compta ${Date.now().toString(36)}${counter++}`,
        kind: options.kind ?? 'company',
        siren: options.siren ?? '552100554',
        vatRegime: 'normal_monthly',
      }),
      null,
    );
    await seedChartOfAccounts(trx, org.id);
    await seedJournals(trx, org.id);
    const years = [];
    for (const [start, end] of options.years ?? [['2026-01-01', '2026-12-31']])
      years.push(await openFiscalYear(trx, org.id, { start, end }, null));
    return { orgId: org.id, years };
  });
}

export async function ledgerParty(db: Db, orgId: string, name: string, roles = ['customer']) {
  return db
    .transaction()
    .execute((trx) => createParty(trx, orgId, partyInput.parse({ kind: 'organisation', name, roles }), null));
}

/** Parses like the API would (defaults, trimming), then posts. */
export function posting(input: Record<string, unknown>): PostingInput {
  return entryInput.parse(input);
}

export async function postEntry(db: Db, orgId: string, input: Record<string, unknown>) {
  return db.transaction().execute((trx) => post(trx, orgId, posting(input), null));
}

/** The worked example of French textbooks: a sale of 1 000 € HT + 200 € VAT, invoiced to a customer. */
export function textbookSale(date: string, partyId: string | null = null, ref = 'FA-001') {
  return {
    journal: 'VE',
    date,
    label: `Facture ${ref}`,
    voucherRef: ref,
    lines: [
      { account: '411', partyId, debit: 120000 },
      { account: '706', credit: 100000 },
      { account: '44571', credit: 20000 },
    ],
  };
}

/**
 * Puts rows in every ledger table of an existing organisation (for the copy test's populate step):
 * chart, journals, a fiscal year, a validated entry on an auxiliary account, its lettering, and a draft.
 */
export async function populateLedger(db: Db, orgId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await seedChartOfAccounts(trx, orgId);
    await seedJournals(trx, orgId);
    await openFiscalYear(trx, orgId, { start: '2026-01-01', end: '2026-12-31' }, null);
  });
  const party = await ledgerParty(db, orgId, 'Client du grand livre');
  const sale = await postEntry(db, orgId, textbookSale('2026-03-01', party.id, 'FA-POP'));
  const payment = await postEntry(db, orgId, {
    journal: 'BQ',
    date: '2026-03-15',
    label: 'Règlement FA-POP',
    voucherRef: 'FA-POP',
    lines: [
      { account: '512', debit: 120000 },
      { account: '411', partyId: party.id, credit: 120000 },
    ],
  });
  const lineIds = [sale, payment].map((e) => e.lines.find((l) => l.account === '411')!.id);
  await db.transaction().execute(async (trx) => {
    await letter(trx, orgId, { lineIds, partial: false }, null);
    await createDraft(
      trx,
      orgId,
      entryInput.parse({
        journal: 'OD',
        date: '2026-04-01',
        label: 'Brouillon',
        lines: [{ account: '512', debit: 1 }],
      }),
      null,
    );
  });
}
