import { formatDateFr } from '../../kernel/dates/index.ts';
import type { ReportTable } from '../../ledger/index.ts';
import type { VatReturnDto, VatReturnLine } from './contract.ts';

// The return as a report table (PDF, XLSX, CSV): the lines in the form's order, under its section titles,
// to copy into the professional space of impots.gouv.fr or to hand to the accountant. Euros are printed as
// the form wants them, whole (the renderers take cents: × 100).

const SECTIONS: Record<VatReturnLine['section'], string> = {
  operations: 'A. Montant des opérations réalisées',
  gross: 'B. TVA brute',
  deductible: 'B. TVA déductible',
  result: 'Résultat',
};

export function vatReturnTable(dto: VatReturnDto): ReportTable {
  const rows: ReportTable['rows'] = [];
  let section: string | null = null;
  for (const line of dto.lines) {
    if (line.section !== section) {
      section = line.section;
      rows.push({ cells: ['', SECTIONS[line.section], null, null], emphasis: true });
    }
    rows.push({
      cells: [line.code, line.label, line.base === null ? null : line.base * 100, line.amount * 100],
      emphasis: line.code === '28' || line.code === '27',
    });
  }
  const status =
    dto.status === 'filed'
      ? `déposée le ${formatDateFr(dto.filedAt!.slice(0, 10))}`
      : 'calculée, non déposée';
  return {
    title: `Déclaration de TVA (CA3) – ${dto.label}`,
    subtitle: `Du ${formatDateFr(dto.from)} au ${formatDateFr(dto.to)} – ${status} – montants en euros`,
    fileName: `declaration-tva-${dto.period}`,
    columns: [
      { header: 'Ligne', kind: 'text', width: 0.6 },
      { header: 'Libellé', kind: 'text', width: 4 },
      { header: 'Base HT', kind: 'amount' },
      { header: 'Montant', kind: 'amount' },
    ],
    rows,
  };
}
