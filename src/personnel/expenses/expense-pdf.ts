import { formatDateFr } from '../../kernel/dates/index.ts';
import type { ReportTable } from '../../ledger/index.ts';
import { EXPENSE_KIND_LABELS_FR, type ExpenseReportDto } from './contract.ts';
import { annualMileageAllowance } from './mileage.ts';

// The expense report as a document for the employee's signature, drawn by the ledger's report renderer
// (ADR 0008): one row per line with, for mileage, the barème computation written out — the vehicle's
// kilometres of the year before and after the trip, the barème line, and the difference paid.

const km = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} km`;
const euros = (cents: number) =>
  `${String(Math.floor(Math.abs(cents) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(Math.abs(cents) % 100).padStart(2, '0')} €`;

const STATUS_FR = {
  draft: 'Brouillon (montants provisoires)',
  validated: 'Validée',
  reimbursed: 'Remboursée',
  cancelled: 'Annulée',
} as const;

export function expenseReportTable(report: ExpenseReportDto): ReportTable {
  const rows: ReportTable['rows'] = [];
  for (const l of report.lines) {
    const what =
      l.kind === 'mileage'
        ? `${l.fromPlace} → ${l.toPlace}, ${km(l.km!)}, ${l.fiscalPower} CV${l.electric ? ' électrique' : ''}`
        : (l.label ?? '');
    rows.push({
      cells: [formatDateFr(l.date), EXPENSE_KIND_LABELS_FR[l.kind], what, l.account, l.vat, l.amount],
    });
    if (l.kind === 'mileage' && l.kmBefore !== null) {
      const after = l.kmBefore + l.km!;
      const note = (text: string) => rows.push({ cells: ['', '', text, '', null, null] });
      note(
        `Barème ${l.formula}${l.electric ? ' × 1,2' : ''} ; cumul annuel ${km(l.kmBefore)} → ${km(after)}`,
      );
      const a = (d: number) => euros(annualMileageAllowance(d, l.fiscalPower!, l.electric));
      note(
        `Indemnité = ${a(after)} (${km(after)}) − ${a(l.kmBefore)} (${km(l.kmBefore)}) = ${euros(l.amount)}`,
      );
    }
    if (l.excess > 0)
      rows.push({
        cells: [
          '',
          '',
          `Au-delà de la limite URSSAF (${euros(l.exemptLimit!)}) : ${euros(l.excess)} soumis à cotisations`,
          '',
          null,
          null,
        ],
      });
  }
  rows.push({ cells: ['Total', '', '', '', report.totalVat, report.total], emphasis: true });
  if (report.mileageTotal > 0)
    rows.push({ cells: ['', '', 'dont indemnités kilométriques', '', null, report.mileageTotal] });
  if (report.advance !== 0)
    rows.push({
      cells: [
        '',
        '',
        `Avance versée (ordre de mission ${report.travelOrderNumber})`,
        '',
        null,
        -report.advance,
      ],
    });
  rows.push({
    cells: [
      '',
      '',
      report.amountDue >= 0 ? 'Net à rembourser au salarié' : 'À reverser par le salarié',
      '',
      null,
      Math.abs(report.amountDue),
    ],
    emphasis: true,
  });
  rows.push({ cells: ['', '', '', '', null, null] });
  rows.push({ cells: ['', '', 'Signature du salarié :', '', null, null] });
  rows.push({ cells: ['', '', '', '', null, null] });
  rows.push({ cells: ['', '', 'Visa du responsable :', '', null, null] });
  return {
    title: `Note de frais ${report.number ?? '(brouillon)'} – ${report.employeeName}`,
    subtitle: `${report.title} — ${formatDateFr(report.reportDate)} — ${STATUS_FR[report.status]}`,
    fileName: `note-de-frais-${report.number ?? report.id}`,
    columns: [
      { header: 'Date', kind: 'text', width: 1.2 },
      { header: 'Nature', kind: 'text', width: 1.8 },
      { header: 'Détail', kind: 'text', width: 6 },
      { header: 'Compte', kind: 'text', width: 0.8 },
      { header: 'TVA', kind: 'amount', width: 1 },
      { header: 'Montant TTC', kind: 'amount', width: 1.2 },
    ],
    rows,
    landscape: true,
  };
}
