import { formatDateFr } from '../../kernel/dates/index.ts';
import type { ReportTable } from '../../ledger/index.ts';
import { daysFr } from './balance.ts';
import {
  LEAVE_STATUS_LABELS_FR,
  LEAVE_TYPE_LABELS_FR,
  type LeaveListQuery,
  type LeaveRequestList,
} from './contract.ts';

// The requests as a report table (CSV, XLSX, PDF through the ledger's renderers, ADR 0008): one line per
// request, the days in the basis they are counted in.

const half = (afternoon: boolean, morning: boolean) =>
  [afternoon ? 'début l’après-midi' : null, morning ? 'fin le matin' : null].filter(Boolean).join(', ');

export function leaveRequestsTable(list: LeaveRequestList, query: LeaveListQuery): ReportTable {
  const period =
    query.from || query.to
      ? `Du ${query.from ? formatDateFr(query.from) : '…'} au ${query.to ? formatDateFr(query.to) : '…'}`
      : 'Toutes les demandes';
  return {
    title: 'Congés et absences',
    subtitle: period,
    fileName: `conges-et-absences${query.from ? `-${query.from}` : ''}${query.to ? `-${query.to}` : ''}`,
    landscape: true,
    columns: [
      { header: 'Salarié', kind: 'text' },
      { header: 'Type', kind: 'text' },
      { header: 'Du', kind: 'text', width: 1 },
      { header: 'Au', kind: 'text', width: 1 },
      { header: 'Demi-journées', kind: 'text', width: 2 },
      { header: 'Jours', kind: 'text', width: 1 },
      { header: 'Décompte', kind: 'text', width: 2 },
      { header: 'Statut', kind: 'text', width: 1.2 },
      { header: 'Motif ou commentaire', kind: 'text', width: 3 },
    ],
    rows: list.items.map((r) => ({
      cells: [
        r.employeeName,
        LEAVE_TYPE_LABELS_FR[r.type],
        formatDateFr(r.from),
        formatDateFr(r.to),
        half(r.startsAfternoon, r.endsMorning),
        daysFr(r.halfDays * 50),
        r.dayBasis === 'ouvrables' ? 'jours ouvrables' : 'jours ouvrés',
        LEAVE_STATUS_LABELS_FR[r.status],
        [r.decisionReason, r.cancelReason, r.comment].filter(Boolean).join(' — '),
      ],
    })),
  };
}
