import { formatDateFr } from '../../../kernel/dates/index.ts';
import { formatAmount } from '../../../kernel/money/index.ts';
import type { ReportTable } from '../../../ledger/index.ts';
import type { CashPlanDto } from './contract.ts';

const MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

/** « nov. 2026 » */
export const monthFr = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** The cash plan as the neutral export table (PDF, XLSX, CSV): a column per month, landscape. */
export function cashPlanTable(dto: CashPlanDto): ReportTable {
  const line = (label: string, amounts: readonly number[], emphasis = false) => ({
    cells: [label, ...amounts],
    emphasis,
  });
  const section = (label: string) => ({ cells: [label, ...dto.months.map(() => null)], emphasis: true });
  const of = (direction: 'in' | 'out') =>
    dto.rows.filter((r) => r.direction === direction).map((r) => line(r.label, r.amounts));
  return {
    title: 'Plan de trésorerie',
    subtitle: `Trésorerie au ${formatDateFr(dto.asOf)} : ${formatAmount(dto.opening)} – montants en euros`,
    fileName: `plan-de-tresorerie-${dto.asOf}`,
    landscape: dto.months.length > 4,
    columns: [
      { header: 'Libellé', kind: 'text', width: 3 },
      ...dto.months.map((m) => ({ header: monthFr(m), kind: 'amount' as const })),
    ],
    rows: [
      line('Trésorerie en début de mois', dto.totals.start, true),
      section('Encaissements'),
      ...of('in'),
      line('Total des encaissements', dto.totals.receipts, true),
      section('Décaissements'),
      ...of('out'),
      line('Total des décaissements', dto.totals.disbursements, true),
      line('Solde du mois', dto.totals.net, true),
      line('Trésorerie en fin de mois', dto.totals.end, true),
    ],
  };
}
