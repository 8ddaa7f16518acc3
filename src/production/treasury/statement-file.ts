// What a bank statement file says, once decoded: the neutral shape both parsers (CAMT.053, OFX) produce
// and the import stores. Amounts are signed integer cents from the account holder's side: a credit to the
// account (money in) is positive, a debit negative. Dates are the dates as the bank wrote them (YYYY-MM-DD).

export type ParsedBalance = { amount: number; currency: string; date: string | null };

export type ParsedLine = {
  bookingDate: string;
  valueDate: string | null;
  amount: number;
  currency: string;
  label: string;
  /** The bank's own reference of the line (CAMT AcctSvcrRef or NtryRef, OFX FITID). */
  bankRef: string | null;
  /** The payer's end-to-end reference, a cheque number, a mandate: what helps find the entry. */
  endToEndRef: string | null;
  counterparty: string | null;
  counterpartyIban: string | null;
  /** ISO bank transaction code (PMNT/RCDT/ESCT), else the bank's proprietary code, or the OFX TRNTYPE. */
  transactionCode: string | null;
  /** CAMT RvslInd: the line cancels an earlier one (a returned direct debit…). */
  reversal: boolean;
};

export type ParsedStatement = {
  format: 'camt053' | 'ofx';
  /** The statement's identifier in the file (CAMT Stmt/Id; OFX: account and period). */
  reference: string;
  /** The IBAN when the file gives one, else the bank's account number (OFX BANKID/BRANCHID/ACCTID). */
  account: string;
  iban: string | null;
  currency: string;
  fromDate: string | null;
  toDate: string | null;
  opening: ParsedBalance | null;
  closing: ParsedBalance | null;
  lines: ParsedLine[];
  /** Lines the file lists but the bank has not booked (CAMT status PDNG/INFO): not imported. */
  notBooked: number;
};

/** A file that cannot be read as a bank statement; the message is French, for the user. */
export class BankFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BankFileError';
  }
}

/**
 * Decimal text ("1405.31", "-80", "8.850") to cents, exactly. ISO 20022 allows five decimals: beyond the
 * cent they must be zeros, as euros have no smaller unit.
 */
export function decimalToCents(text: string, what: string): number {
  const m = /^\s*([+-]?)(\d+)(?:[.,](\d{1,2})0*)?\s*$/.exec(text);
  if (!m) throw new BankFileError(`Montant illisible (${what}) : « ${text.trim().slice(0, 40)} ».`);
  const cents = Number(m[2]!) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) throw new BankFileError(`Montant hors limites (${what}).`);
  return m[1] === '-' ? -cents : cents;
}

/** The calendar date at the start of an ISO date or date-time ("2014-12-31T13:15:00+01:00" → 2014-12-31). */
export function isoDate(text: string, what: string): string {
  const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(text);
  if (!m) throw new BankFileError(`Date illisible (${what}) : « ${text.trim().slice(0, 40)} ».`);
  return m[1]!;
}
