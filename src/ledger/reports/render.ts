import type { ExportFormat } from './contract.ts';
import { tableToCsv } from './export-csv.ts';
import type { ReportTable } from './report-table.ts';

// Any report table as a file (ADR 0008): the ledger's reports and other modules' documents (the VAT
// return) render through the same three renderers. The PDF and spreadsheet renderers (pdf-lib and its
// fonts, the XLSX writer) are loaded on the first export only: everything that imports the ledger — the CLI,
// an import process, a test's child process — would otherwise load them at start for nothing.

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
      ? Buffer.from(await (await import('./export-pdf.ts')).tableToPdf(table, organisation))
      : format === 'xlsx'
        ? await (await import('./export-xlsx.ts')).tableToXlsx(table)
        : tableToCsv(table);
  return { body, contentType: TYPES[format], fileName: `${table.fileName}.${format}` };
}
