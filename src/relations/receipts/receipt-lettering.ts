import type { Db } from '../../kernel/db/index.ts';
import { type EntryDto, getEntry, letter, letteringCandidates, unletter } from '../../ledger/index.ts';
import { RECEIVABLE_ACCOUNT } from '../invoices/invoice-posting.ts';

// Lettering on the customer's 411 account, through the ledger's API: an invoice's debit line, the credit
// lines of its credit notes and of the receipts that pay it form one lettering, partial (lower-case code)
// until they balance, complete (upper case) when the invoice is paid.

type EntryLine = EntryDto['lines'][number];

export const receivableLines = (entry: EntryDto): EntryLine[] =>
  entry.lines.filter((l) => l.account === RECEIVABLE_ACCOUNT);

/** Upper-case codes are complete letterings; they cannot take more lines. */
const isComplete = (code: string | null) => code !== null && code === code.toUpperCase();

async function receivableLineOf(trx: Db, orgId: string, entryId: string | null) {
  if (!entryId) return null;
  return receivableLines(await getEntry(trx, orgId, entryId))[0] ?? null;
}

/** Letters a receipt's 411 line with its invoice (and the invoice's credit notes not lettered yet). */
export async function letterWithInvoice(
  trx: Db,
  orgId: string,
  invoiceId: string,
  receiptLineId: string,
  actorId: string | null,
): Promise<void> {
  const invoice = await trx
    .selectFrom('relations_invoice')
    .select('ledger_entry_id')
    .where('org_id', '=', orgId)
    .where('id', '=', invoiceId)
    .executeTakeFirstOrThrow();
  const invoiceLine = await receivableLineOf(trx, orgId, invoice.ledger_entry_id);
  // An accountant may have lettered the invoice by hand already: leave their work alone.
  if (!invoiceLine || isComplete(invoiceLine.lettering)) return;
  const creditNotes = await trx
    .selectFrom('relations_invoice')
    .select('ledger_entry_id')
    .where('org_id', '=', orgId)
    .where('credited_invoice_id', '=', invoiceId)
    .where('status', '=', 'validated')
    .execute();
  const noteLines: string[] = [];
  for (const note of creditNotes) {
    const line = await receivableLineOf(trx, orgId, note.ledger_entry_id);
    if (line && line.lettering === null) noteLines.push(line.id);
  }
  await letter(
    trx,
    orgId,
    { lineIds: [invoiceLine.id, ...noteLines, receiptLineId], partial: true },
    actorId,
    { audit: false },
  );
}

/**
 * After a receipt's reversal: its 411 lines leave the letterings they were in (what remains is lettered
 * again, partially), and each is lettered with its reversal line.
 */
export async function letterCancellation(
  trx: Db,
  orgId: string,
  entryId: string,
  reversal: EntryDto,
  actorId: string | null,
): Promise<void> {
  const original = receivableLines(await getEntry(trx, orgId, entryId));
  const mine = new Set(original.map((l) => l.id));
  const auxiliaries = [...new Set(original.map((l) => l.auxiliary).filter((a): a is string => !!a))];
  for (const auxiliary of auxiliaries) {
    const candidates = await letteringCandidates(trx, orgId, {
      account: RECEIVABLE_ACCOUNT,
      auxiliary,
      state: 'all',
    });
    const letterings = new Set(
      candidates.filter((c) => mine.has(c.id) && c.letteringId).map((c) => c.letteringId!),
    );
    for (const letteringId of letterings) {
      const others = candidates.filter((c) => c.letteringId === letteringId && !mine.has(c.id));
      await unletter(trx, orgId, letteringId, actorId);
      const bothSides = others.some((o) => o.debit > 0) && others.some((o) => o.credit > 0);
      if (others.length >= 2 && bothSides)
        await letter(trx, orgId, { lineIds: others.map((o) => o.id), partial: true }, actorId, {
          audit: false,
        });
    }
  }
  const reversed = receivableLines(reversal);
  for (const [i, line] of original.entries())
    await letter(trx, orgId, { lineIds: [line.id, reversed[i]!.id], partial: false }, actorId, {
      audit: false,
    });
}
