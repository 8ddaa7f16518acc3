import {
  addDays,
  addMonths,
  compareDates,
  endOfMonth,
  startOfMonth,
  todayIn,
} from '../kernel/dates/index.ts';
import type { Store } from '../kernel/db/index.ts';
import { autoMatchAccount, importQuery, importStatementFile } from '../production/index.ts';
import { getInvoiceSettings } from '../relations/index.ts';

// The demo's bank statement of last month (decision 0040), as the bank would send it in camt.053.001.02:
// every movement of 512 that month, booked by the bank a day later, except the last payment (a transfer
// still on its way), plus the month's account fee the books do not have yet. Imported and matched
// automatically, so the reconciliation screen opens with one line to post and one entry in suspense.

const FEE = 1250;

const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const decimal = (cents: number) =>
  `${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const side = (cents: number) => (cents < 0 ? 'DBIT' : 'CRDT');

type Movement = { date: string; amount: number; label: string; ref: string; fee?: boolean };

/** The ISO bank transaction code the schema requires: account fee, or SEPA transfer received / sent. */
function transactionCode(m: Movement): string {
  const [domain, family, sub] = m.fee
    ? ['ACMT', 'MDOP', 'CHRG']
    : m.amount < 0
      ? ['PMNT', 'ICDT', 'ESCT']
      : ['PMNT', 'RCDT', 'ESCT'];
  return `<BkTxCd><Domn><Cd>${domain}</Cd><Fmly><Cd>${family}</Cd><SubFmlyCd>${sub}</SubFmlyCd></Fmly></Domn></BkTxCd>`;
}

export function demoCamt(iban: string, month: string, opening: number, movements: Movement[]): string {
  const from = `${month}-01`;
  const to = endOfMonth(from);
  const closing = movements.reduce((total, m) => total + m.amount, opening);
  const balance = (code: string, cents: number, date: string) => `
      <Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${decimal(cents)}</Amt><CdtDbtInd>${side(cents)}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
  const entries = movements
    .map(
      (m) => `
      <Ntry><Amt Ccy="EUR">${decimal(m.amount)}</Amt><CdtDbtInd>${side(m.amount)}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${m.date}</Dt></BookgDt><ValDt><Dt>${m.date}</Dt></ValDt><AcctSvcrRef>${xmlText(m.ref)}</AcctSvcrRef>${transactionCode(m)}<AddtlNtryInf>${xmlText(m.label)}</AddtlNtryInf></Ntry>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>DEMO-${month}</MsgId><CreDtTm>${addDays(to, 1)}T06:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${month}-${iban}</Id>
      <CreDtTm>${addDays(to, 1)}T06:00:00+01:00</CreDtTm>
      <FrToDt><FrDtTm>${from}T00:00:00+01:00</FrDtTm><ToDtTm>${to}T23:59:59+01:00</ToDtTm></FrToDt>
      <Acct><Id><IBAN>${iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>${balance('OPBD', opening, addDays(from, -1))}${balance('CLBD', closing, to)}${entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}

export async function seedDemoTreasury(store: Store, orgId: string, userId: string): Promise<void> {
  const already = await store.db
    .selectFrom('production_bank_statement')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  if (already) return;
  const { iban } = await getInvoiceSettings(store.db, orgId);
  if (!iban) return;
  const org = await store.db
    .selectFrom('organisation')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const from = startOfMonth(addMonths(todayIn(org.time_zone), -1));
  const to = endOfMonth(from);
  const lines = await store.db
    .selectFrom('ledger_line as l')
    .innerJoin('ledger_account as a', (j) =>
      j.onRef('a.org_id', '=', 'l.org_id').onRef('a.id', '=', 'l.account_id'),
    )
    .innerJoin('ledger_entry as e', (j) =>
      j.onRef('e.org_id', '=', 'l.org_id').onRef('e.id', '=', 'l.entry_id'),
    )
    .select(['l.id', 'l.entry_date', 'l.debit', 'l.credit', 'e.label'])
    .where('l.org_id', '=', orgId)
    .where('a.number', '=', '512')
    .where('a.kind', '=', 'general')
    .where('l.entry_date', '<=', to)
    .orderBy('l.entry_date')
    .orderBy('l.id')
    .execute();
  const amount = (l: (typeof lines)[number]) => Number(l.debit) - Number(l.credit);
  const opening = lines.filter((l) => String(l.entry_date) < from).reduce((s, l) => s + amount(l), 0);
  const month = lines.filter((l) => String(l.entry_date) >= from);
  const lastPayment = month.filter((l) => amount(l) < 0).at(-1);
  const movements: Movement[] = month
    .filter((l) => l !== lastPayment)
    .map((l, i) => {
      const next = addDays(String(l.entry_date), 1);
      return {
        date: compareDates(next, to) > 0 ? to : next,
        amount: amount(l),
        label: l.label.toUpperCase(),
        ref: `${from.replaceAll('-', '')}-${String(i + 1).padStart(4, '0')}`,
      };
    });
  movements.push({
    date: to,
    amount: -FEE,
    label: 'FRAIS TENUE DE COMPTE',
    ref: `${from.replaceAll('-', '')}-FRAIS`,
    fee: true,
  });
  const file = new TextEncoder().encode(demoCamt(iban, from.slice(0, 7), opening, movements));
  await store.db.transaction().execute(async (trx) => {
    await importStatementFile(
      trx,
      orgId,
      file,
      importQuery.parse({ fileName: `releve-${from.slice(0, 7)}.xml` }),
      userId,
    );
    await autoMatchAccount(trx, orgId, { windowDays: 5 }, userId);
  });
}
