// What « Comptabiliser » proposes for a bank line the books do not have yet (the user may change it):
// - bank charges (ISO family CHRG, or words of a French bank's fee labels) → 627 Services bancaires, no
//   VAT: most bank commissions are exempt (CGI art. 261 C, 1°); the user adds 20 % for the taxable ones
//   (safe rental, some account-keeping packages), the VAT then going to 44566;
// - interest (ISO INTR, « intérêts », « agios ») → 768 Autres produits financiers when received, 661
//   Charges d'intérêts when paid;
// - anything else → 401 Fournisseurs for money out, 411 Clients for money in, with the party to choose.

const FEES = /\b(FRAIS|COMMISSIONS?|COTISATION|TENUE DE COMPTE|ABONNEMENT|CHARGES? BANCAIRES?)\b/;
const INTEREST = /\b(INTERETS?|AGIOS)\b/;

export function suggestPosting(line: { amount: number; label: string; transactionCode: string | null }): {
  account: string;
  vatRate: number;
} {
  const text = line.label.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
  const code = line.transactionCode ?? '';
  if (/(^|\/)INTR(\/|$)/.test(code) || INTEREST.test(text))
    return { account: line.amount >= 0 ? '768' : '661', vatRate: 0 };
  if (line.amount < 0 && (/(^|\/)(CHRG|FEES|COMM)(\/|$)/.test(code) || FEES.test(text)))
    return { account: '627', vatRate: 0 };
  return { account: line.amount < 0 ? '401' : '411', vatRate: 0 };
}
