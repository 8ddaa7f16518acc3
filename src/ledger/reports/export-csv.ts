import { amountFr, type ReportTable } from './report-table.ts';

// A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection): quote it. Amounts
// are ours and may be negative, so they are left as they are.
function cell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV as French spreadsheets open it: semicolons, decimal commas without grouping, CRLF, UTF-8 BOM. */
export function tableToCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => cell(c.header)).join(';')];
  for (const row of table.rows)
    lines.push(
      table.columns
        .map((c, i) => {
          const v = row.cells[i];
          if (v === null || v === undefined) return '';
          if (c.kind === 'amount' && typeof v === 'number') return amountFr(v).replace(/ /g, '');
          return cell(String(v));
        })
        .join(';'),
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
