import { FEC_COLUMNS } from '../../src/ledger/fec/fec-format.ts';

/**
 * A FEC of `entries` purchases of office supplies paid from the bank (two lines each), dated `date`
 * (YYYY-MM-DD), as another software would export it; `unbalanced` entries (their numbers) get a credit 1 €
 * short, which the import rejects. Large counts make an import that lasts long enough to be watched.
 */
export function fecFile(entries: number, date: string, unbalanced: number[] = []): string {
  const day = date.replaceAll('-', '');
  const wrong = new Set(unbalanced);
  const rows = [FEC_COLUMNS.join('\t')];
  for (let n = 1; n <= entries; n++) {
    const cents = 1000 + (n % 9000);
    const amount = (c: number) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`;
    const common = ['OD', 'Opérations diverses', String(n), day];
    const piece = [`F-${n}`, day, `Fournitures de bureau ${n}`];
    rows.push(
      [
        ...common,
        '6064',
        'Fournitures administratives',
        '',
        '',
        ...piece,
        amount(cents),
        '0,00',
        '',
        '',
        day,
        '',
        '',
      ].join('\t'),
      [
        ...common,
        '512',
        'Banque',
        '',
        '',
        ...piece,
        '0,00',
        amount(wrong.has(n) ? cents - 100 : cents),
        '',
        '',
        day,
        '',
        '',
      ].join('\t'),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
