// One neutral shape for every report export (ADR 0008): each report turns its DTO into a ReportTable, and
// three small renderers (CSV, XLSX, PDF) draw any table. Amounts stay integer cents until rendering.

export type Column = {
  header: string;
  kind: 'text' | 'amount';
  /** Relative width in the PDF; amounts default to 1, text to 2. */
  width?: number;
};

export type Row = {
  cells: (string | number | null)[];
  /** Headings and totals: bold in the PDF and the spreadsheet. */
  emphasis?: boolean;
};

export type ReportTable = {
  title: string;
  /** Organisation-free subtitle: the period or the closing date. */
  subtitle: string;
  /** File name without extension, French (« balance-generale-2026-01-01-2026-12-31 »). */
  fileName: string;
  columns: Column[];
  rows: Row[];
  /** Wide tables (trial balance, general ledger) print in landscape. */
  landscape?: boolean;
};

/** « 1 234,56 » with plain spaces: the amounts of the PDF and CSV, in cents. */
export function amountFr(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${units},${String(abs % 100).padStart(2, '0')}`;
}

/** « 31/12/2026 » from an ISO calendar date. */
export function dateFr(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export const periodFr = (from: string, to: string) => `Du ${dateFr(from)} au ${dateFr(to)}`;
