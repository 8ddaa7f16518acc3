// Automatic matching of bank lines with the books' bank account lines (decision 0040), a pure function:
// - a pair needs the exact amount with the same sign (money in on the bank = debit of 512);
// - and dates at most `windowDays` apart (a cheque is entered when written, booked when cashed);
// - among the candidates, the best-looking pair wins: references or words shared by the bank's text and
//   the entry's label / voucher, then the closest date; ties go to the earlier line, for a stable result;
// - every line, on either side, is used once at most.

export type MatchSide = { id: string; date: string; amount: number; text: string };
export type MatchPair = { bankLineId: string; ledgerLineId: string };

const DAY = 86_400_000;

export function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY;
}

/** The words worth comparing: letters and digits, 3 characters or more, accents and case ignored. */
export function tokens(text: string): Set<string> {
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
  return new Set(plain.split(/[^A-Z0-9]+/).filter((t) => t.length >= 3));
}

/** Shared words, a shared number (invoice, cheque, reference) counting three times a shared word. */
export function similarity(a: string, b: string): number {
  const left = tokens(a);
  let score = 0;
  for (const t of tokens(b)) if (left.has(t)) score += /\d/.test(t) ? 3 : 1;
  return score;
}

export function autoMatch(
  bank: readonly MatchSide[],
  ledger: readonly MatchSide[],
  windowDays: number,
): MatchPair[] {
  const candidates: { bank: MatchSide; ledger: MatchSide; score: number; days: number }[] = [];
  const byAmount = new Map<number, MatchSide[]>();
  for (const l of ledger) byAmount.set(l.amount, [...(byAmount.get(l.amount) ?? []), l]);
  for (const b of bank) {
    if (b.amount === 0) continue;
    for (const l of byAmount.get(b.amount) ?? []) {
      const days = daysBetween(b.date, l.date);
      if (days <= windowDays)
        candidates.push({ bank: b, ledger: l, score: similarity(b.text, l.text), days });
    }
  }
  candidates.sort(
    (x, y) =>
      y.score - x.score ||
      x.days - y.days ||
      x.bank.date.localeCompare(y.bank.date) ||
      x.bank.id.localeCompare(y.bank.id) ||
      x.ledger.date.localeCompare(y.ledger.date) ||
      x.ledger.id.localeCompare(y.ledger.id),
  );
  const usedBank = new Set<string>();
  const usedLedger = new Set<string>();
  const pairs: MatchPair[] = [];
  for (const c of candidates) {
    if (usedBank.has(c.bank.id) || usedLedger.has(c.ledger.id)) continue;
    usedBank.add(c.bank.id);
    usedLedger.add(c.ledger.id);
    pairs.push({ bankLineId: c.bank.id, ledgerLineId: c.ledger.id });
  }
  return pairs;
}
