import ExcelJS from 'exceljs';
import type { ReportTable } from './report-table.ts';

/**
 * One worksheet: title, subtitle, header row, then the rows. Amounts are numbers in euros with a two-decimal
 * format, so the spreadsheet can sum them again (cents / 100 is exact enough for display and sums of a
 * report's size; the cents stay the reference in the API).
 */
export async function tableToXlsx(table: ReportTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Agora';
  const sheet = book.addWorksheet(table.title.slice(0, 31));
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  sheet.addRow([table.subtitle]);
  sheet.addRow([]);
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(
      table.columns.map((c, i) => {
        const v = row.cells[i];
        if (v === null || v === undefined) return null;
        return c.kind === 'amount' && typeof v === 'number' ? v / 100 : v;
      }),
    );
    if (row.emphasis) added.font = { bold: true };
  }
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.kind === 'amount' ? 15 : 12 * (c.width ?? 2);
    if (c.kind === 'amount') column.numFmt = '#,##0.00';
  });
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
