import { BankFileError, decimalToCents, type ParsedLine, type ParsedStatement } from './statement-file.ts';

// OFX (Open Financial Exchange), the "format Money" French banks offer: version 1.x is SGML, where a leaf
// element has no closing tag (<TRNAMT>-34.51), after a KEY:VALUE header; version 2.x is XML. One reader
// takes both: an element followed by text is a leaf, closed by its own end tag if there is one. Only bank
// statements (STMTRS) are read; credit card statements (CCSTMTRS) are not bank account movements.

export type OfxNode = { name: string; text: string | null; children: OfxNode[] };

export function isOfx(text: string): boolean {
  const head = text.slice(0, 1000);
  return /OFXHEADER\s*[:=]/.test(head) || /<OFX>/i.test(head);
}

export function parseOfx(text: string): ParsedStatement[] {
  const start = text.search(/<OFX>/i);
  if (start < 0) throw new BankFileError('Fichier OFX sans élément <OFX>.');
  const root = tree(text.slice(start));
  const statements = findAll(root, 'STMTRS');
  if (statements.length === 0)
    throw new BankFileError('Le fichier OFX ne contient aucun relevé de compte bancaire (STMTRS).');
  return statements.map((stmt, i) => statementOf(stmt, i + 1));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** SGML or XML OFX body into a tree; refuses an end tag that closes nothing open. */
export function tree(body: string): OfxNode {
  const root: OfxNode = { name: '#root', text: null, children: [] };
  const stack: OfxNode[] = [root];
  let lastLeaf: string | null = null;
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z0-9_.]+)\s*\/?>|([^<]+)|</g;
  for (const m of body.matchAll(token)) {
    const [whole, closing, name, text] = m;
    if (whole.startsWith('<!--') || whole.startsWith('<?')) continue;
    if (name !== undefined) {
      const tag = name.toUpperCase();
      if (!closing) {
        const node: OfxNode = { name: tag, text: null, children: [] };
        stack.at(-1)!.children.push(node);
        stack.push(node);
        lastLeaf = null;
        continue;
      }
      const open = stack.map((n) => n.name).lastIndexOf(tag);
      if (open > 0) stack.length = open;
      else if (tag !== lastLeaf)
        throw new BankFileError(`Fichier OFX mal formé : </${tag}> ne ferme aucun élément ouvert.`);
      lastLeaf = null;
      continue;
    }
    if (text !== undefined) {
      const value = text.trim();
      if (!value) continue;
      const current = stack.at(-1)!;
      if (current === root || current.children.length > 0 || current.text !== null)
        throw new BankFileError(`Fichier OFX mal formé : texte inattendu « ${value.slice(0, 30)} ».`);
      // A leaf: its value, then it is closed (SGML needs no end tag; XML's, if any, is skipped above).
      current.text = decode(value);
      stack.pop();
      lastLeaf = current.name;
      continue;
    }
    throw new BankFileError('Fichier OFX mal formé : « < » isolé.');
  }
  if (stack.length > 1 && stack[1]!.name === 'OFX' && stack.length > 1) {
    // An unclosed <OFX> is a truncated file.
    throw new BankFileError(`Fichier OFX tronqué : <${stack.at(-1)!.name}> n’est jamais fermé.`);
  }
  return root;
}

function findAll(node: OfxNode, name: string): OfxNode[] {
  const found: OfxNode[] = [];
  for (const c of node.children) {
    if (c.name === name) found.push(c);
    else found.push(...findAll(c, name));
  }
  return found;
}

function at(node: OfxNode | null | undefined, ...path: string[]): OfxNode | null {
  let current = node ?? null;
  for (const name of path) {
    current = current?.children.find((c) => c.name === name) ?? null;
    if (!current) return null;
  }
  return current;
}

function textOf(node: OfxNode | null | undefined, ...path: string[]): string | null {
  return at(node, ...path)?.text ?? null;
}

/** OFX dates: YYYYMMDD[HHMMSS[.XXX]][[-5:EST]]; the calendar day is the first eight digits. */
function ofxDate(text: string | null, what: string): string | null {
  if (text === null) return null;
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(text);
  if (!m) throw new BankFileError(`Date OFX illisible (${what}) : « ${text.slice(0, 30)} ».`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function statementOf(stmt: OfxNode, n: number): ParsedStatement {
  const where = `relevé n° ${n}`;
  const currency = textOf(stmt, 'CURDEF');
  if (!currency) throw new BankFileError(`Devise (CURDEF) manquante au ${where}.`);
  const from = at(stmt, 'BANKACCTFROM');
  const acctId = textOf(from, 'ACCTID');
  if (!acctId) throw new BankFileError(`Numéro de compte (ACCTID) manquant au ${where}.`);
  const account = [textOf(from, 'BANKID'), textOf(from, 'BRANCHID'), acctId].filter(Boolean).join(' ');
  const lists = stmt.children.filter((c) => c.name === 'BANKTRANLIST');
  const lines: ParsedLine[] = [];
  for (const list of lists)
    for (const trn of list.children.filter((c) => c.name === 'STMTTRN'))
      lines.push(lineOf(trn, currency, `${where}, mouvement n° ${lines.length + 1}`));
  const starts = lists
    .map((l) => ofxDate(textOf(l, 'DTSTART'), where))
    .filter((d): d is string => !!d)
    .sort();
  const ends = lists
    .map((l) => ofxDate(textOf(l, 'DTEND'), where))
    .filter((d): d is string => !!d)
    .sort();
  const balance = textOf(stmt, 'LEDGERBAL', 'BALAMT');
  const balanceDate = ofxDate(textOf(stmt, 'LEDGERBAL', 'DTASOF'), where);
  const fromDate = starts[0] ?? null;
  const toDate = ends.at(-1) ?? balanceDate;
  return {
    format: 'ofx',
    reference: `${account} ${fromDate ?? ''}–${toDate ?? ''}`.trim(),
    account,
    iban: null,
    currency,
    fromDate,
    toDate,
    // OFX gives the ledger balance at DTASOF, never an opening balance.
    opening: null,
    closing:
      balance === null
        ? null
        : { amount: decimalToCents(balance, `solde, ${where}`), currency, date: balanceDate },
    lines,
    notBooked: 0,
  };
}

function lineOf(trn: OfxNode, currency: string, where: string): ParsedLine {
  const amount = textOf(trn, 'TRNAMT');
  if (amount === null) throw new BankFileError(`Montant (TRNAMT) manquant au ${where}.`);
  const posted = ofxDate(textOf(trn, 'DTPOSTED'), where);
  if (!posted) throw new BankFileError(`Date (DTPOSTED) manquante au ${where}.`);
  const name = textOf(trn, 'NAME') ?? textOf(trn, 'PAYEE', 'NAME');
  const memo = textOf(trn, 'MEMO');
  // Banks often repeat the name at the start of the memo: keep the longer text once.
  const label = memo && name && memo.includes(name) ? memo : [name, memo].filter(Boolean).join(' – ');
  return {
    bookingDate: posted,
    valueDate: ofxDate(textOf(trn, 'DTAVAIL'), where),
    amount: decimalToCents(amount, where),
    currency: textOf(trn, 'CURRENCY', 'CURSYM') ?? textOf(trn, 'ORIGCURRENCY', 'CURSYM') ?? currency,
    label: (label || textOf(trn, 'TRNTYPE') || 'Mouvement').slice(0, 300),
    bankRef: textOf(trn, 'FITID'),
    endToEndRef: nonZero(textOf(trn, 'CHECKNUM')) ?? textOf(trn, 'REFNUM'),
    counterparty: name,
    counterpartyIban: null,
    transactionCode: textOf(trn, 'TRNTYPE'),
    reversal: false,
  };
}

function nonZero(ref: string | null): string | null {
  return ref && !/^0+$/.test(ref) ? ref : null;
}
