import { formatDateFr } from '../../../kernel/dates/index.ts';
import type { ReportTable } from '../../../ledger/index.ts';
import { CATEGORY_LABELS_FR, type LoanDto, type LoanListQuery, STATE_LABELS_FR } from './contract.ts';

// The registre des prêts as a report table (CSV, XLSX, PDF through the ledger's renderers, ADR 0008): one
// line per loan, late ones marked.

export function loanRegisterTable(loans: LoanDto[], query: LoanListQuery, asOf: string): ReportTable {
  const period =
    query.from || query.to
      ? `Sorties du ${query.from ? formatDateFr(query.from) : '…'} au ${query.to ? formatDateFr(query.to) : '…'}`
      : 'Tous les prêts';
  return {
    title: 'Registre des prêts de ressources partagées',
    subtitle: `${period} — situation au ${formatDateFr(asOf)}`,
    fileName: `registre-des-prets${query.from ? `-${query.from}` : ''}${query.to ? `-${query.to}` : ''}`,
    landscape: true,
    columns: [
      { header: 'Ressource', kind: 'text' },
      { header: 'Catégorie', kind: 'text', width: 1 },
      { header: 'Identifiant', kind: 'text', width: 1.2 },
      { header: 'Emprunteur', kind: 'text' },
      { header: 'Sortie', kind: 'text', width: 1 },
      { header: 'Retour prévu', kind: 'text', width: 1 },
      { header: 'Rendu le', kind: 'text', width: 1.2 },
      { header: 'État au départ', kind: 'text', width: 1.2 },
      { header: 'État au retour', kind: 'text', width: 1.2 },
      { header: 'Remarques', kind: 'text', width: 3 },
    ],
    rows: loans.map((l) => ({
      cells: [
        l.resourceName,
        CATEGORY_LABELS_FR[l.category],
        l.identifier ?? '',
        l.borrowerName,
        formatDateFr(l.outOn),
        formatDateFr(l.dueOn),
        l.returnedOn ? formatDateFr(l.returnedOn) : l.overdue ? 'EN RETARD' : 'En cours',
        STATE_LABELS_FR[l.stateOut],
        l.stateReturned ? STATE_LABELS_FR[l.stateReturned] : '',
        [l.remarksOut, l.remarksReturned].filter(Boolean).join(' — '),
      ],
      emphasis: l.overdue,
    })),
  };
}
