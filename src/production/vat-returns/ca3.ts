import { divideRounded } from '../../kernel/money/index.ts';
import type { EntryLineInput, PostingInput } from '../../ledger/index.ts';
import type { VatReturnCents, VatReturnLine } from './contract.ts';

// The CA3 lines of a period from the exact amounts, pure (form 3310-CA3-SD, notice 3310-NOT-SD; line codes
// and what feeds them: data/vat.json "ca3"). Every amount is rounded to the nearest euro on its own line,
// half away from zero; totals add the rounded lines, as the form does. Then the settlement entry (OD):
// 44571 is debited by the VAT collected, 44562 and 44566 credited by the VAT deducted, the previous credit
// (44567) used, and the VAT due credited to 44551 — or the new credit debited to 44567; the cents lost in the
// rounding to euros go to 658 or 758.

/** Output VAT of one rate, exact cents. */
export type RateTotals = { rate: number; base: number; vat: number };

/** The form's line of gross VAT for each rate (metropolitan France, and 8,5 % overseas). */
const RATE_LINES: Record<number, { code: string; label: string }> = {
  2000: { code: '08', label: 'Taux normal 20 %' },
  1000: { code: '9B', label: 'Taux réduit 10 %' },
  550: { code: '09', label: 'Taux réduit 5,5 %' },
  210: { code: 'T6', label: 'Taux de 2,1 % (France continentale)' },
  850: { code: '10', label: 'Taux normal 8,5 % (DOM)' },
};

export const euros = (cents: number) => Number(divideRounded(BigInt(cents), 100n, 'halfUp'));

export class UnsupportedRate extends Error {}

export type Ca3 = { lines: VatReturnLine[]; vatDue: number; creditCarried: number };

export function ca3Lines(input: { rates: readonly RateTotals[]; exemptBase: number } & VatReturnCents): Ca3 {
  const lines: VatReturnLine[] = [];
  const push = (
    code: string,
    section: VatReturnLine['section'],
    label: string,
    amount: number,
    base: number | null = null,
  ) => lines.push({ code, section, label, base, amount });

  // A rate whose credit notes exceed its invoices has a negative VAT: the form takes no negative amount,
  // the excess is VAT to deduct (line 21) and its base stays out of the taxable operations.
  const positive = input.rates.filter((r) => r.vat > 0 || (r.vat === 0 && r.base > 0));
  const negativeVat = input.rates.filter((r) => r.vat < 0).reduce((s, r) => s - r.vat, 0);
  for (const r of input.rates)
    if (!RATE_LINES[r.rate])
      throw new UnsupportedRate(
        `Taux de TVA ${(r.rate / 100).toLocaleString('fr-FR')} % : la CA3 de l’application couvre les taux de métropole et de 8,5 % (DOM) ; déclarez ce taux sur le formulaire.`,
      );

  push(
    'A1',
    'operations',
    'Ventes, prestations de services',
    euros(positive.reduce((s, r) => s + r.base, 0)),
  );
  push('E2', 'operations', 'Autres opérations non imposables', euros(Math.max(input.exemptBase, 0)));

  let gross = 0;
  for (const r of positive) {
    const line = RATE_LINES[r.rate]!;
    const amount = euros(r.vat);
    gross += amount;
    push(line.code, 'gross', line.label, amount, euros(r.base));
  }
  // Deductions that went negative (a cancelled purchase bill after its month) are VAT to pay back: line 15.
  const assets = euros(input.deductibleAssets);
  const other = euros(input.deductibleOther);
  const repay = Math.max(-assets, 0) + Math.max(-other, 0);
  push('15', 'gross', 'TVA antérieurement déduite à reverser', repay);
  gross += repay;
  push('16', 'gross', 'Total de la TVA brute due', gross);

  const line19 = Math.max(assets, 0);
  const line20 = Math.max(other, 0);
  const line21 = euros(negativeVat);
  const line22 = euros(input.previousCredit);
  push('19', 'deductible', 'Biens constituant des immobilisations', line19);
  push('20', 'deductible', 'Autres biens et services', line20);
  push('21', 'deductible', 'Autre TVA à déduire', line21);
  push('22', 'deductible', 'Report du crédit apparaissant ligne 27 de la précédente déclaration', line22);
  const deductible = line19 + line20 + line21 + line22;
  push('23', 'deductible', 'Total TVA déductible', deductible);

  const credit = Math.max(deductible - gross, 0);
  const due = Math.max(gross - deductible, 0);
  push('25', 'result', 'Crédit de TVA', credit);
  push('TD', 'result', 'TVA due', due);
  push('27', 'result', 'Crédit à reporter', credit);
  push('28', 'result', 'TVA nette due', due);
  push('32', 'result', 'Total à payer', due);
  return { lines, vatDue: due, creditCarried: credit };
}

export const OUTPUT_VAT = '44571';
export const FIXED_ASSET_VAT = '44562';
export const INPUT_VAT = '44566';
export const CREDIT_VAT = '44567';
export const VAT_PAYABLE = '44551';
export const ROUNDING_LOSS = '658';
export const ROUNDING_GAIN = '758';

/** The settlement entry of a filed return, or null when every amount is zero (a nil return). */
export function settlementPosting(
  ca3: Ca3,
  cents: VatReturnCents,
  refs: { id: string; label: string; date: string },
): PostingInput | null {
  const label = `Déclaration de TVA ${refs.label}`;
  // Amount > 0 on the debit side, < 0 on the credit side.
  const amounts = new Map<string, number>();
  const add = (account: string, amount: number) => amounts.set(account, (amounts.get(account) ?? 0) + amount);
  add(OUTPUT_VAT, cents.collected);
  add(FIXED_ASSET_VAT, -cents.deductibleAssets);
  add(INPUT_VAT, -cents.deductibleOther);
  add(CREDIT_VAT, -cents.previousCredit + ca3.creditCarried * 100);
  add(VAT_PAYABLE, -ca3.vatDue * 100);
  const gap = [...amounts.values()].reduce((s, a) => s + a, 0);
  // Debits exceed credits by `gap`: the rounding gained that much (758); the other way, lost it (658).
  if (gap > 0) add(ROUNDING_GAIN, -gap);
  if (gap < 0) add(ROUNDING_LOSS, -gap);
  const lines: EntryLineInput[] = [...amounts]
    .filter(([, amount]) => amount !== 0)
    .map(([account, amount]) => ({
      account,
      partyId: null,
      label,
      debit: Math.max(amount, 0),
      credit: Math.max(-amount, 0),
      dueDate: null,
    }));
  if (lines.length === 0) return null;
  return {
    journal: 'OD',
    date: refs.date,
    label,
    voucherRef: null,
    voucherDate: refs.date,
    lines,
    sourceRef: `production.vat_return:${refs.id}`,
  };
}
