import type { ExportFormat } from './contract.ts';
import { tableToCsv } from './export-csv.ts';
import { tableToPdf } from './export-pdf.ts';
import { tableToXlsx } from './export-xlsx.ts';
import type { ReportTable } from './report-table.ts';

// Any report table as a file (ADR 0008): the ledger's reports and other modules' documents (the VAT
// return) render through the same three renderers.

const TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export async function renderReport(
  table: ReportTable,
  format: ExportFormat,
  organisation: string,
): Promise<{ body: Buffer | string; contentType: string; fileName: string }> {
  const body =
    format === 'pdf'
      ? Buffer.from(await tableToPdf(table, organisation))
      : format === 'xlsx'
        ? await tableToXlsx(table)
        : tableToCsv(table);
  return { body, contentType: TYPES[format], fileName: `${table.fileName}.${format}` };
}
