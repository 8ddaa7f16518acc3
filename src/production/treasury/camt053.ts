import {
  BankFileError,
  decimalToCents,
  isoDate,
  type ParsedBalance,
  type ParsedLine,
  type ParsedStatement,
} from './statement-file.ts';
import { child, children, parseXml, textAt, type XmlElement } from './xml-tree.ts';

// ISO 20022 camt.053 (BankToCustomerStatement), versions 001.02 (what French banks deliver under the
// CFONB guide) to 001.08 (CBPR+). The elements read here have the same names in both; where 001.08 wraps
// a party in <Pty> or a status in <Cd>, both forms are read.

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(0[2-8])$/;

// Balance type codes (ISO ExternalBalanceType1Code): the statement's booked opening and closing. PRCD
// (previous closing) stands for the opening when a bank sends no OPBD.
const OPENING = ['OPBD', 'PRCD'];
const CLOSING = ['CLBD'];

export function isCamt053(text: string): boolean {
  return /urn:iso:std:iso:20022:tech:xsd:camt\.053\./.test(text.slice(0, 2000));
}

export function parseCamt053(xml: string): ParsedStatement[] {
  const root = parseXml(xml);
  if (root.name !== 'Document' || !NAMESPACE.test(root.ns))
    throw new BankFileError(
      'Ce fichier n’est pas un relevé CAMT.053 (espace de noms camt.053.001.02 à camt.053.001.08 attendu).',
    );
  const message = child(root, 'BkToCstmrStmt');
  if (!message) throw new BankFileError('Le fichier CAMT.053 ne contient pas de message BkToCstmrStmt.');
  if (!child(message, 'GrpHdr', 'MsgId'))
    throw new BankFileError('Le fichier CAMT.053 n’a pas d’en-tête de groupe (GrpHdr/MsgId).');
  const statements = children(message, 'Stmt');
  if (statements.length === 0)
    throw new BankFileError('Le fichier CAMT.053 ne contient aucun relevé (Stmt).');
  return statements.map((stmt, i) => statementOf(stmt, i + 1));
}

function statementOf(stmt: XmlElement, n: number): ParsedStatement {
  const where = `relevé n° ${n}`;
  const reference = textAt(stmt, 'Id');
  if (!reference) throw new BankFileError(`Identifiant manquant (Stmt/Id) au ${where}.`);
  const iban = textAt(stmt, 'Acct', 'Id', 'IBAN');
  const account = iban ?? textAt(stmt, 'Acct', 'Id', 'Othr', 'Id');
  if (!account) throw new BankFileError(`Compte manquant (Acct/Id) au ${where}.`);
  const balances = children(stmt, 'Bal').map((bal) => balanceOf(bal, where));
  const pick = (codes: string[]) => {
    for (const code of codes) {
      const found = balances.find((b) => b.code === code);
      if (found) return { amount: found.amount, currency: found.currency, date: found.date };
    }
    return null;
  };
  const opening: ParsedBalance | null = pick(OPENING);
  const closing: ParsedBalance | null = pick(CLOSING);
  let notBooked = 0;
  const lines: ParsedLine[] = [];
  children(stmt, 'Ntry').forEach((entry, i) => {
    const status = textAt(entry, 'Sts', 'Cd') ?? textAt(entry, 'Sts');
    if (status && status !== 'BOOK') notBooked += 1;
    else lines.push(lineOf(entry, `${where}, mouvement n° ${i + 1}`));
  });
  const currency =
    textAt(stmt, 'Acct', 'Ccy') ?? opening?.currency ?? closing?.currency ?? lines[0]?.currency;
  if (!currency) throw new BankFileError(`Devise du compte inconnue au ${where}.`);
  const from = textAt(stmt, 'FrToDt', 'FrDtTm');
  const to = textAt(stmt, 'FrToDt', 'ToDtTm');
  const dates = lines.map((l) => l.bookingDate).sort();
  return {
    format: 'camt053',
    reference,
    account: account.replace(/\s/g, '').toUpperCase(),
    iban: iban ? iban.replace(/\s/g, '').toUpperCase() : null,
    currency,
    fromDate: from ? isoDate(from, where) : (dates[0] ?? opening?.date ?? null),
    toDate: to ? isoDate(to, where) : (closing?.date ?? dates.at(-1) ?? null),
    opening,
    closing,
    lines,
    notBooked,
  };
}

function balanceOf(bal: XmlElement, where: string) {
  const code = textAt(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? textAt(bal, 'Tp', 'CdOrPrtry', 'Prtry') ?? '';
  const amt = child(bal, 'Amt');
  if (!amt?.text) throw new BankFileError(`Solde sans montant (${code}) au ${where}.`);
  const date = textAt(bal, 'Dt', 'Dt') ?? textAt(bal, 'Dt', 'DtTm');
  return {
    code,
    amount: signed(decimalToCents(amt.text, `solde ${code}, ${where}`), textAt(bal, 'CdtDbtInd'), where),
    currency: amt.attributes.Ccy ?? '',
    date: date ? isoDate(date, where) : null,
  };
}

function signed(cents: number, indicator: string | null, where: string): number {
  if (indicator === 'CRDT') return cents;
  if (indicator === 'DBIT') return -cents;
  throw new BankFileError(`Sens du montant (CdtDbtInd) manquant ou inconnu au ${where}.`);
}

function lineOf(entry: XmlElement, where: string): ParsedLine {
  const amt = child(entry, 'Amt');
  if (!amt?.text) throw new BankFileError(`Montant manquant au ${where}.`);
  const indicator = textAt(entry, 'CdtDbtInd');
  const amount = signed(decimalToCents(amt.text, where), indicator, where);
  const booking = textAt(entry, 'BookgDt', 'Dt') ?? textAt(entry, 'BookgDt', 'DtTm');
  if (!booking) throw new BankFileError(`Date de comptabilisation (BookgDt) manquante au ${where}.`);
  const value = textAt(entry, 'ValDt', 'Dt') ?? textAt(entry, 'ValDt', 'DtTm');
  // The first transaction's details carry the parties, references and remittance text.
  const tx = child(entry, 'NtryDtls', 'TxDtls');
  const parties = child(tx, 'RltdPties');
  // The other side: who paid us on a credit, whom we paid on a debit.
  const [them, other] = indicator === 'CRDT' ? ['Dbtr', 'Cdtr'] : ['Cdtr', 'Dbtr'];
  const partyName = (role: string) => textAt(parties, role, 'Nm') ?? textAt(parties, role, 'Pty', 'Nm');
  const counterparty = partyName(them) ?? partyName(other);
  const counterpartyIban = textAt(parties, `${them}Acct`, 'Id', 'IBAN');
  const unstructured = children(child(tx, 'RmtInf'), 'Ustrd')
    .map((u) => u.text)
    .filter(Boolean)
    .join(' ');
  const structuredRef = textAt(tx, 'RmtInf', 'Strd', 'CdtrRefInf', 'Ref');
  const label =
    textAt(entry, 'AddtlNtryInf') ??
    (unstructured || null) ??
    textAt(tx, 'AddtlTxInf') ??
    [counterparty, structuredRef].filter(Boolean).join(' ') ??
    '';
  return {
    bookingDate: isoDate(booking, where),
    valueDate: value ? isoDate(value, where) : null,
    amount,
    currency: amt.attributes.Ccy ?? '',
    label: (label || transactionCode(entry) || 'Mouvement').slice(0, 300),
    bankRef: textAt(entry, 'AcctSvcrRef') ?? textAt(entry, 'NtryRef'),
    endToEndRef:
      nonEmptyRef(textAt(tx, 'Refs', 'EndToEndId')) ??
      structuredRef ??
      textAt(tx, 'Refs', 'MndtId') ??
      textAt(tx, 'Refs', 'ChqNb'),
    counterparty,
    counterpartyIban,
    transactionCode: transactionCode(entry),
    reversal: textAt(entry, 'RvslInd') === 'true',
  };
}

/** "NOTPROVIDED" is what SEPA puts when the payer gave no end-to-end reference. */
function nonEmptyRef(ref: string | null): string | null {
  return ref && ref !== 'NOTPROVIDED' ? ref : null;
}

function transactionCode(entry: XmlElement): string | null {
  const domain = child(entry, 'BkTxCd', 'Domn');
  if (domain) {
    const family = child(domain, 'Fmly');
    return [textAt(domain, 'Cd'), textAt(family, 'Cd'), textAt(family, 'SubFmlyCd')]
      .filter(Boolean)
      .join('/');
  }
  return textAt(entry, 'BkTxCd', 'Prtry', 'Cd');
}
