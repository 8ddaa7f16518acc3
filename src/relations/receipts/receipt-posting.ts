import type { EntryLineInput, PostingInput } from '../../ledger/index.ts';
import { RECEIVABLE_ACCOUNT } from '../invoices/invoice-posting.ts';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from './contract.ts';

// The entry of a receipt, pure. Debit: the bank (512, journal BQ) for transfers, cards and direct debits;
// « chèques à encaisser » (5112, journal BQ) for a cheque until it is deposited; the till (530, journal CA)
// for cash. Credit: the customer's auxiliary account under 411, one line per invoice paid (so each can be
// lettered with its invoice) and one for the excess kept as credit.

export const BANK_ACCOUNT = '512';
export const CHEQUES_TO_DEPOSIT_ACCOUNT = '5112';
export const CASH_ACCOUNT = '530';

export function debitAccountOf(method: PaymentMethod): { account: string; journal: 'BQ' | 'CA' } {
  if (method === 'cash') return { account: CASH_ACCOUNT, journal: 'CA' };
  if (method === 'cheque') return { account: CHEQUES_TO_DEPOSIT_ACCOUNT, journal: 'BQ' };
  return { account: BANK_ACCOUNT, journal: 'BQ' };
}

export function receiptPosting(receipt: {
  id: string;
  number: string;
  date: string;
  method: PaymentMethod;
  amount: number;
  reference: string | null;
  customerId: string;
  customerName: string;
  allocations: readonly { invoiceNumber: string; amount: number }[];
  unallocated: number;
}): PostingInput {
  const { account, journal } = debitAccountOf(receipt.method);
  const label = `Règlement ${receipt.customerName} (${PAYMENT_METHOD_LABELS[receipt.method]}${
    receipt.reference ? ` ${receipt.reference}` : ''
  })`.slice(0, 200);
  const credit = (amount: number, lineLabel: string): EntryLineInput => ({
    account: RECEIVABLE_ACCOUNT,
    partyId: receipt.customerId,
    label: lineLabel.slice(0, 200),
    debit: 0,
    credit: amount,
    dueDate: null,
  });
  const lines: EntryLineInput[] = [
    { account, partyId: null, label, debit: receipt.amount, credit: 0, dueDate: null },
    ...receipt.allocations.map((a) =>
      credit(a.amount, `Règlement ${a.invoiceNumber} – ${receipt.customerName}`),
    ),
  ];
  if (receipt.unallocated > 0)
    lines.push(
      credit(receipt.unallocated, `Avance / trop-perçu ${receipt.number} – ${receipt.customerName}`),
    );
  return {
    journal,
    date: receipt.date,
    label,
    voucherRef: receipt.number,
    voucherDate: receipt.date,
    lines,
    sourceRef: `relations.receipt:${receipt.id}`,
  };
}
