import { isCalendarDate } from '../../../../src/kernel/dates/index.ts';
import type { Cents } from '../../../../src/kernel/money/index.ts';
import type { AccountDto } from '../../../../src/ledger/accounts/contract.ts';
import { type EntryInput, entryInput } from '../../../../src/ledger/entries/contract.ts';
import type { FieldIssue } from '../../api/client.ts';
import { amountText, money, readAmount } from './format.ts';

// The entry grid's rules, as pure functions: what the accountant typed → totals, the balancing amount,
// the checks made before anything is sent, and the server's refusals put back on the right cells.

/** One choice of the account cell: a general account, or a party's auxiliary account under its collective. */
export type AccountOption = {
  /** Unique among the options. */
  value: string;
  /** What the cell shows and what the accountant types: '512', '411', 'CMARTIN'… */
  code: string;
  label: string;
  /** The general account number sent to the server. */
  account: string;
  /** Set for an auxiliary account: the server posts the line on the party's account under `account`. */
  partyId: string | null;
  /** The auxiliary account's code, for an auxiliary account. */
  auxiliary: string | null;
};

export type GridHeader = { journal: string; date: string; label: string; voucherRef: string };
export type GridLine = { key: string; account: string; label: string; debit: string; credit: string };
export type GridValues = { header: GridHeader; lines: GridLine[] };

export type LineField = 'account' | 'label' | 'debit' | 'credit';
export type HeaderField = keyof GridHeader;

export type MessageKey =
  | 'accounting.grid.errors.journal'
  | 'accounting.grid.errors.date'
  | 'accounting.grid.errors.label'
  | 'accounting.grid.errors.tooLong'
  | 'accounting.grid.errors.accountRequired'
  | 'accounting.grid.errors.accountUnknown'
  | 'accounting.grid.errors.accountHeading'
  | 'accounting.grid.errors.amountInvalid'
  | 'accounting.grid.errors.amountNegative'
  | 'accounting.grid.errors.bothSides'
  | 'accounting.grid.errors.noAmount'
  | 'accounting.grid.errors.oneLine'
  | 'accounting.grid.errors.twoLines'
  | 'accounting.grid.errors.unbalanced'
  | 'accounting.grid.errors.linesInvalid';

/** A message for the screen to translate; amounts in it are already formatted. */
export type Message = { key: MessageKey; params?: Record<string, string | number> };

export type LineErrors = Partial<Record<LineField | 'line', Message | string>>;

export type GridErrors = {
  header: Partial<Record<HeaderField, Message | string>>;
  lines: Record<string, LineErrors>;
  /** Messages for the form's alert (the entry as a whole, or a field the grid does not have). */
  messages: (Message | string)[];
};

export type Mode = 'draft' | 'validate';

export const emptyErrors = (): GridErrors => ({ header: {}, lines: {}, messages: [] });

export function hasErrors(errors: GridErrors): boolean {
  return (
    errors.messages.length > 0 ||
    Object.keys(errors.header).length > 0 ||
    Object.values(errors.lines).some((l) => Object.keys(l).length > 0)
  );
}

let counter = 0;
export function blankLine(): GridLine {
  counter += 1;
  return { key: `line-${counter}`, account: '', label: '', debit: '', credit: '' };
}

export function isBlank(line: GridLine): boolean {
  return !line.account.trim() && !line.label.trim() && !line.debit.trim() && !line.credit.trim();
}

/** A new line appears as soon as the last one is started: there is always one blank line at the end. */
export function withTrailingBlank(lines: readonly GridLine[]): GridLine[] {
  const last = lines.at(-1);
  return !last || !isBlank(last) ? [...lines, blankLine()] : [...lines];
}

// Accounts.

/**
 * Postable general accounts, then auxiliary accounts that belong to a party (those can take a line; an
 * imported auxiliary account without a party is offered only to reports, with `allAuxiliaries`).
 */
export function accountOptions(accounts: readonly AccountDto[], allAuxiliaries = false): AccountOption[] {
  const options: AccountOption[] = [];
  for (const a of accounts) {
    if (a.kind === 'general' && a.postable)
      options.push({
        value: `g:${a.number}`,
        code: a.number,
        label: a.label,
        account: a.number,
        partyId: null,
        auxiliary: null,
      });
    else if (a.kind === 'auxiliary' && a.collectiveNumber && (a.partyId || allAuxiliaries))
      options.push({
        value: `a:${a.id}`,
        code: a.number,
        label: `${a.label} (${a.collectiveNumber})`,
        account: a.collectiveNumber,
        partyId: a.partyId,
        auxiliary: a.number,
      });
  }
  return options;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * The options matching what is typed, best first: the exact number, numbers that start with it, auxiliary
 * accounts of a collective that starts with it, then labels that contain it.
 */
export function filterAccountOptions(
  options: readonly AccountOption[],
  typed: string,
  limit = 30,
): AccountOption[] {
  const q = fold(typed.trim());
  if (!q) return options.slice(0, limit);
  const ranked: { option: AccountOption; rank: number }[] = [];
  for (const option of options) {
    const code = option.code.toLowerCase();
    let rank = -1;
    if (code === q) rank = 0;
    else if (code.startsWith(q)) rank = 1;
    else if (option.auxiliary && option.account.startsWith(q)) rank = 2;
    else if (fold(option.label).includes(q)) rank = 3;
    if (rank >= 0) ranked.push({ option, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || (a.option.code < b.option.code ? -1 : 1));
  return ranked.slice(0, limit).map((r) => r.option);
}

/** The option a cell's text names exactly (a number, or an auxiliary code in any case), if any. */
export function resolveAccount(options: readonly AccountOption[], typed: string): AccountOption | null {
  const q = typed.trim().toUpperCase();
  if (!q) return null;
  return options.find((o) => o.code.toUpperCase() === q) ?? null;
}

// Amounts.

export type Totals = { debit: Cents; credit: Cents; difference: Cents };

function amountOf(text: string): Cents {
  const value = readAmount(text);
  return typeof value === 'number' && value > 0 ? value : 0;
}

/** Running totals of what is typed so far (unreadable amounts count for nothing until corrected). */
export function gridTotals(lines: readonly GridLine[]): Totals {
  let debit = 0;
  let credit = 0;
  for (const line of lines) {
    debit += amountOf(line.debit);
    credit += amountOf(line.credit);
  }
  return { debit, credit, difference: debit - credit };
}

/**
 * The amount that balances the entry when put on line `index` (its own amounts left out), on the side
 * where it belongs; null when the other lines already balance.
 */
export function balancingAmount(
  lines: readonly GridLine[],
  index: number,
): { debit: string; credit: string } | null {
  const others = gridTotals(lines.filter((_, i) => i !== index));
  const gap = others.credit - others.debit;
  if (gap === 0) return null;
  return gap > 0 ? { debit: amountText(gap), credit: '' } : { debit: '', credit: amountText(-gap) };
}

/** The line the "=" button balances: the last line with an account or an amount. */
export function lastStartedLine(lines: readonly GridLine[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (!isBlank(lines[i]!)) return i;
  return -1;
}

/** An amount as typed, rewritten "1 234,56" once the cell is left; left alone when unreadable. */
export function normalizeAmount(text: string): string {
  const value = readAmount(text);
  return typeof value === 'number' ? amountText(value) : text;
}

// Checks before sending.

export type CheckResult =
  | { ok: true; input: EntryInput; sentKeys: string[] }
  | { ok: false; errors: GridErrors };

function lineChecks(
  line: GridLine,
  options: readonly AccountOption[],
  headings: ReadonlySet<string>,
  mode: Mode,
): { errors: LineErrors; debit: Cents; credit: Cents } {
  const errors: LineErrors = {};
  const typed = line.account.trim();
  if (!typed) errors.account = { key: 'accounting.grid.errors.accountRequired' };
  else if (!resolveAccount(options, typed))
    errors.account = headings.has(typed)
      ? { key: 'accounting.grid.errors.accountHeading', params: { account: typed } }
      : { key: 'accounting.grid.errors.accountUnknown', params: { account: typed } };
  if (line.label.trim().length > 200)
    errors.label = { key: 'accounting.grid.errors.tooLong', params: { max: 200 } };
  const amounts = { debit: 0, credit: 0 };
  for (const side of ['debit', 'credit'] as const) {
    const value = readAmount(line[side]);
    if (value === 'invalid') errors[side] = { key: 'accounting.grid.errors.amountInvalid' };
    else if (value !== null && value < 0) errors[side] = { key: 'accounting.grid.errors.amountNegative' };
    else amounts[side] = value ?? 0;
  }
  if (!errors.debit && !errors.credit) {
    if (amounts.debit > 0 && amounts.credit > 0) errors.line = { key: 'accounting.grid.errors.bothSides' };
    else if (mode === 'validate' && amounts.debit === 0 && amounts.credit === 0)
      errors.line = { key: 'accounting.grid.errors.noAmount' };
  }
  return { errors, ...amounts };
}

/**
 * Everything the server would refuse, found before sending: the header, each started line, and — to
 * validate — at least two lines that balance. A draft may stay unbalanced (work in progress, as the
 * server allows); it is checked again when validated.
 */
export function checkEntry(
  values: GridValues,
  accounts: readonly AccountDto[],
  mode: Mode,
  options: readonly AccountOption[] = accountOptions(accounts),
): CheckResult {
  const errors = emptyErrors();
  const { header } = values;
  if (!header.journal.trim()) errors.header.journal = { key: 'accounting.grid.errors.journal' };
  if (!isCalendarDate(header.date)) errors.header.date = { key: 'accounting.grid.errors.date' };
  if (!header.label.trim()) errors.header.label = { key: 'accounting.grid.errors.label' };
  else if (header.label.trim().length > 200)
    errors.header.label = { key: 'accounting.grid.errors.tooLong', params: { max: 200 } };
  if (header.voucherRef.trim().length > 100)
    errors.header.voucherRef = { key: 'accounting.grid.errors.tooLong', params: { max: 100 } };

  const headings = new Set(accounts.filter((a) => a.kind === 'general' && !a.postable).map((a) => a.number));
  const started = values.lines.filter((l) => !isBlank(l));
  let debit = 0;
  let credit = 0;
  let lineErrors = false;
  for (const line of started) {
    const checked = lineChecks(line, options, headings, mode);
    if (Object.keys(checked.errors).length > 0) {
      errors.lines[line.key] = checked.errors;
      lineErrors = true;
    }
    debit += checked.debit;
    credit += checked.credit;
  }
  if (mode === 'validate' && started.length < 2)
    errors.messages.push({ key: 'accounting.grid.errors.twoLines' });
  else if (started.length < 1) errors.messages.push({ key: 'accounting.grid.errors.oneLine' });
  if (lineErrors) errors.messages.push({ key: 'accounting.grid.errors.linesInvalid' });
  else if (mode === 'validate' && started.length >= 2 && debit !== credit)
    errors.messages.push({
      key: 'accounting.grid.errors.unbalanced',
      params: { debit: money(debit), credit: money(credit), gap: money(Math.abs(debit - credit)) },
    });
  if (hasErrors(errors)) return { ok: false, errors };

  const entryLabel = header.label.trim();
  const raw = {
    journal: header.journal,
    date: header.date,
    label: entryLabel,
    voucherRef: header.voucherRef.trim() || null,
    voucherDate: null,
    lines: started.map((line) => {
      const option = resolveAccount(options, line.account)!;
      return {
        account: option.account,
        partyId: option.partyId,
        // A line without its own label takes the entry's, as the FEC wants a label on every line.
        label: line.label.trim() || entryLabel,
        debit: amountOf(line.debit),
        credit: amountOf(line.credit),
        dueDate: null,
      };
    }),
  };
  // The contract's own parse: the server gets exactly what it would make of the input.
  const parsed = entryInput.safeParse(raw);
  const sentKeys = started.map((l) => l.key);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((i) => ({
      field: i.path.join('.'),
      message: i.message,
    }));
    return { ok: false, errors: placeIssues(issues, sentKeys) };
  }
  return { ok: true, input: parsed.data, sentKeys };
}

const HEADER_FIELDS = new Set<string>(['journal', 'date', 'label', 'voucherRef']);
const LINE_FIELDS: Record<string, LineField | 'line'> = {
  account: 'account',
  partyId: 'account',
  label: 'label',
  debit: 'debit',
  credit: 'credit',
};

/**
 * Field issues (the server's problem+json, or the contract's parse) put on the grid: `lines.3.account`
 * on the account cell of the fourth line sent, `lines.3` on that line, the rest in the alert.
 * `sentKeys` maps the lines sent (blank ones are not) back to the grid's lines.
 */
export function placeIssues(issues: readonly FieldIssue[], sentKeys: readonly string[]): GridErrors {
  const errors = emptyErrors();
  for (const { field, message } of issues) {
    const parts = field.split('.');
    if (parts.length === 1 && HEADER_FIELDS.has(field)) {
      errors.header[field as HeaderField] ??= message;
      continue;
    }
    const key = parts[0] === 'lines' && parts[1] !== undefined ? sentKeys[Number(parts[1])] : undefined;
    if (key !== undefined) {
      const target = parts[2] === undefined ? 'line' : (LINE_FIELDS[parts[2]] ?? 'line');
      errors.lines[key] ??= {};
      errors.lines[key]![target] ??= message;
      continue;
    }
    errors.messages.push(message);
  }
  return errors;
}

/** The grid's values for an existing draft (to edit it) or a blank entry. */
export function gridValuesOf(
  entry: {
    journal: string;
    date: string;
    label: string;
    voucherRef: string | null;
    lines: {
      account: string;
      auxiliary: string | null;
      label: string | null;
      debit: number;
      credit: number;
    }[];
  } | null,
  defaults: { journal: string; date: string },
): GridValues {
  if (!entry)
    return {
      header: { journal: defaults.journal, date: defaults.date, label: '', voucherRef: '' },
      lines: [blankLine()],
    };
  return {
    header: {
      journal: entry.journal,
      date: entry.date,
      label: entry.label,
      voucherRef: entry.voucherRef ?? '',
    },
    lines: withTrailingBlank(
      entry.lines.map((l) => ({
        ...blankLine(),
        account: l.auxiliary ?? l.account,
        label: l.label && l.label !== entry.label ? l.label : '',
        debit: l.debit ? amountText(l.debit) : '',
        credit: l.credit ? amountText(l.credit) : '',
      })),
    ),
  };
}
