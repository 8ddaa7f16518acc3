import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountDto } from '../../../../src/ledger/accounts/contract.ts';
import i18n from '../../i18n/index.ts';
import {
  accountOptions,
  balancingAmount,
  blankLine,
  checkEntry,
  filterAccountOptions,
  type GridLine,
  type GridValues,
  gridTotals,
  type Message,
  normalizeAmount,
  placeIssues,
  withTrailingBlank,
} from './entry-grid-model.ts';

beforeAll(async () => {
  await i18n.changeLanguage('fr');
});

const account = (number: string, label: string, extra: Partial<AccountDto> = {}): AccountDto => ({
  id: `id-${number}`,
  number,
  label,
  class: Number(number[0]),
  kind: 'general',
  collectiveNumber: null,
  partyId: null,
  postable: number.length >= 3,
  ...extra,
});

const CHART: AccountDto[] = [
  account('41', 'Clients et comptes rattachés'),
  account('411', 'Clients'),
  account('401', 'Fournisseurs'),
  account('512', 'Banques'),
  account('606', 'Achats non stockés'),
  account('6064', 'Fournitures administratives'),
  account('706', 'Prestations de services'),
  account('44571', 'TVA collectée'),
  account('CMARTIN', 'Boulangerie Martin', {
    id: 'aux-martin',
    kind: 'auxiliary',
    class: 4,
    collectiveNumber: '411',
    partyId: 'party-martin',
    postable: true,
  }),
];

const line = (account: string, debit = '', credit = '', label = ''): GridLine => ({
  ...blankLine(),
  account,
  label,
  debit,
  credit,
});

const values = (lines: GridLine[], header: Partial<GridValues['header']> = {}): GridValues => ({
  header: { journal: 'OD', date: '2026-03-15', label: 'Facture Martin', voucherRef: '', ...header },
  lines,
});

const say = (m: Message | string | undefined) =>
  (typeof m === 'string' ? m : m ? i18n.t(m.key, m.params) : '').replace(/[\u00A0\u202F]/g, ' ');

describe('entry grid: amounts and totals', () => {
  it('reads amounts typed the French way and keeps the running totals', () => {
    const lines = [
      line('411', '1 234,56'),
      line('706', '', '1234.5'),
      line('44571', '', '0,06'),
      line('', 'abc'),
    ];
    expect(gridTotals(lines)).toEqual({ debit: 123456, credit: 123456, difference: 0 });
    expect(normalizeAmount('1234,5')).toBe('1 234,50');
    expect(normalizeAmount('12 34')).toBe('12 34');
  });

  it('gives the amount that balances a line, on the side where it belongs', () => {
    const lines = [line('411', '1 200,00'), line('706', '', '1 000,00'), line('44571')];
    expect(balancingAmount(lines, 2)).toEqual({ debit: '', credit: '200,00' });
    // Its own amount does not count: a wrong amount is replaced.
    const wrong = [line('512', '', '50'), line('606', '999')];
    expect(balancingAmount(wrong, 1)).toEqual({ debit: '50,00', credit: '' });
    expect(balancingAmount([line('512', '10'), line('606', '', '10')], 1)).toEqual({
      debit: '',
      credit: '10,00',
    });
    expect(balancingAmount([line('512', '10'), line('606', '', '10'), line('')], 2)).toBeNull();
  });

  it('always keeps one blank line at the end', () => {
    const start = withTrailingBlank([]);
    expect(start).toHaveLength(1);
    expect(withTrailingBlank(start)).toHaveLength(1);
    const typed = withTrailingBlank([{ ...start[0]!, account: '5' }]);
    expect(typed).toHaveLength(2);
    expect(typed[1]!.account).toBe('');
  });
});

describe('entry grid: accounts', () => {
  const options = accountOptions(CHART);

  it('offers postable accounts and the parties’ auxiliary accounts, the exact number first', () => {
    expect(options.map((o) => o.code)).not.toContain('41');
    expect(filterAccountOptions(options, '411').map((o) => o.code)).toEqual(['411', 'CMARTIN']);
    expect(filterAccountOptions(options, 'fourn').map((o) => o.code)).toEqual(['401', '6064']);
    expect(filterAccountOptions(options, 'boulangerie')[0]).toMatchObject({
      code: 'CMARTIN',
      account: '411',
      partyId: 'party-martin',
    });
  });
});

describe('entry grid: checks before sending', () => {
  it('refuses an unbalanced entry with a clear French message, before sending', () => {
    const result = checkEntry(
      values([line('411', '1 200,00'), line('706', '', '1 000,00'), line('')]),
      CHART,
      'validate',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.messages.map(say)).toEqual([
      'L’écriture n’est pas équilibrée : débit 1 200,00 €, crédit 1 000,00 € (écart 200,00 €). Le total des débits doit être égal au total des crédits ; appuyez sur « = » dans la dernière ligne pour y reporter l’écart.',
    ]);
  });

  it('lets a draft stay unbalanced, as the server does', () => {
    const result = checkEntry(values([line('411', '1 200,00'), line('706', '', '1 000,00')]), CHART, 'draft');
    expect(result.ok).toBe(true);
  });

  it('puts each problem on its cell', () => {
    const lines = [
      line('999', '10'),
      line('41', '', '10'),
      line('512', '5', '5'),
      line('606', 'douze'),
      line('706', '-3'),
    ];
    const result = checkEntry(values(lines, { label: ' ', journal: '' }), CHART, 'validate');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { errors } = result;
    expect(say(errors.header.label)).toBe('Le libellé est obligatoire.');
    expect(say(errors.header.journal)).toBe('Choisissez le journal.');
    expect(say(errors.lines[lines[0]!.key]?.account)).toBe('Compte 999 inconnu du plan comptable.');
    expect(say(errors.lines[lines[1]!.key]?.account)).toContain('regroupement');
    expect(say(errors.lines[lines[2]!.key]?.line)).toBe(
      'Une ligne porte un débit ou un crédit, pas les deux.',
    );
    expect(say(errors.lines[lines[3]!.key]?.debit)).toContain('Montant illisible');
    expect(say(errors.lines[lines[4]!.key]?.debit)).toBe('Montant négatif : portez-le dans l’autre colonne.');
    expect(errors.messages.map(say)).toEqual([
      'Certaines lignes sont incomplètes ou invalides : corrigez les cellules indiquées.',
    ]);
  });

  it('asks for two lines to validate', () => {
    const result = checkEntry(values([line('512', '10')]), CHART, 'validate');
    expect(!result.ok && result.errors.messages.map(say)).toEqual([
      'Une écriture compte au moins deux lignes.',
    ]);
  });

  it('sends cents, the party of an auxiliary account, and the entry’s label on bare lines', () => {
    const lines = [
      line('cmartin', '1 440,00', '', ''),
      line('706', '', '1 200', 'Prestation de mars'),
      blankLine(),
      line('44571', '', '240,00'),
      blankLine(),
    ];
    const result = checkEntry(values(lines, { voucherRef: ' F-2026-001 ' }), CHART, 'validate');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toEqual({
      journal: 'OD',
      date: '2026-03-15',
      label: 'Facture Martin',
      voucherRef: 'F-2026-001',
      voucherDate: null,
      lines: [
        {
          account: '411',
          partyId: 'party-martin',
          label: 'Facture Martin',
          debit: 144000,
          credit: 0,
          dueDate: null,
        },
        {
          account: '706',
          partyId: null,
          label: 'Prestation de mars',
          debit: 0,
          credit: 120000,
          dueDate: null,
        },
        { account: '44571', partyId: null, label: 'Facture Martin', debit: 0, credit: 24000, dueDate: null },
      ],
    });
    expect(result.sentKeys).toEqual([lines[0]!.key, lines[1]!.key, lines[3]!.key]);
  });
});

describe('entry grid: server refusals', () => {
  it('puts the server’s field errors back on the lines that were sent', () => {
    const errors = placeIssues(
      [
        { field: 'lines.1.account', message: 'Compte 7060 inconnu.' },
        { field: 'lines.0', message: 'Ligne sans montant.' },
        { field: 'date', message: 'Date invalide.' },
        { field: 'lines', message: 'L’écriture n’est pas équilibrée.' },
      ],
      ['line-a', 'line-c'],
    );
    expect(errors.lines).toEqual({
      'line-c': { account: 'Compte 7060 inconnu.' },
      'line-a': { line: 'Ligne sans montant.' },
    });
    expect(errors.header).toEqual({ date: 'Date invalide.' });
    expect(errors.messages).toEqual(['L’écriture n’est pas équilibrée.']);
  });
});
