// Pure helpers of the receipt form: amounts typed in euros, the default allocation of a payment.

/** "1 234,56" or "1234.5" → cents; null when it is not an amount with at most two decimals. */
export function parseEuros(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [units, decimals = ''] = cleaned.split('.');
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents → "1234,56", as a field shows it for editing. */
export function centsToInput(cents: number): string {
  return `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

/**
 * The payment spread over the open invoices, the oldest due first (the usual imputation, C. civ.
 * art. 1342-10), each taking at most what is left on it.
 */
export function allocateOldestFirst(
  amount: number,
  invoices: readonly { invoiceId: string; remaining: number }[],
): Record<string, number> {
  const shares: Record<string, number> = {};
  let left = amount;
  for (const invoice of invoices) {
    const share = Math.min(left, invoice.remaining);
    shares[invoice.invoiceId] = share;
    left -= share;
  }
  return shares;
}
