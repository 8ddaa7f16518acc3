import { type Cents, formatFec } from '../../../../src/kernel/money/index.ts';
import { downloadBlob } from '../../ui/download.ts';

/** A CSV cell: text (guarded against formulas) or an amount in cents, written 1234,56. */
export type CsvCell = string | number | null | undefined | { cents: Cents };

// A text starting with = + - @ would run as a formula in a spreadsheet (CSV injection): prefix it.
function textCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return formatFec(value.cents);
  return textCell(value);
}

/**
 * CSV as French spreadsheets open it, like the server's exports: semicolons, CRLF, UTF-8 with a
 * byte-order mark, amounts with a decimal comma and no grouping so they stay numbers.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map((h) => textCell(h)).join(';')];
  for (const row of rows) lines.push(row.map(cell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function downloadCsv(fileName: string, text: string): void {
  downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
}
