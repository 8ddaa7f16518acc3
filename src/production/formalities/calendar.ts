import { addDays, daysBetween, formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import type { ReportTable } from '../../ledger/index.ts';
import {
  CATEGORY_LABELS_FR,
  type CalendarDto,
  type CalendarEntryDto,
  PERIODICITY_LABELS_FR,
  STATUS_LABELS_FR,
} from './contract.ts';
import { dueDatesUntil, formalityStatus } from './due-dates.ts';
import { formalityRows, partnerOf } from './formality-read.ts';

// The « calendrier des formalités »: every due date up to N days ahead, the overdue ones first.

export async function formalityCalendar(
  db: Db,
  orgId: string,
  asOf: string,
  days: number,
): Promise<CalendarDto> {
  const to = addDays(asOf, days);
  const rows = await formalityRows(db, orgId).where('f.status', '=', 'active').execute();
  const items: CalendarEntryDto[] = rows.flatMap((row) =>
    dueDatesUntil(row.first_due_on, row.periodicity, Number(row.done_count), to).map((date) => ({
      date,
      formalityId: row.id,
      title: row.title,
      partner: partnerOf(row),
      category: row.category,
      periodicity: row.periodicity,
      responsible: row.responsible,
      status: formalityStatus(date, Number(row.reminder_days), asOf),
      inDays: daysBetween(asOf, date),
    })),
  );
  items.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'fr'));
  return { asOf, to, items };
}

/** The calendar as the ledger's neutral export table (PDF, XLSX, CSV). */
export function calendarTable(dto: CalendarDto): ReportTable {
  return {
    title: 'Calendrier des formalités',
    subtitle: `Du ${formatDateFr(dto.asOf)} au ${formatDateFr(dto.to)} (échéances en retard comprises)`,
    fileName: `calendrier-des-formalites-${dto.asOf}`,
    landscape: true,
    columns: [
      { header: 'Échéance', kind: 'text' },
      { header: 'Formalité', kind: 'text', width: 3 },
      { header: 'Partenaire', kind: 'text', width: 2 },
      { header: 'Catégorie', kind: 'text' },
      { header: 'Périodicité', kind: 'text' },
      { header: 'Responsable', kind: 'text' },
      { header: 'Statut', kind: 'text' },
    ],
    rows: dto.items.map((e) => ({
      cells: [
        formatDateFr(e.date),
        e.title,
        e.partner,
        CATEGORY_LABELS_FR[e.category],
        PERIODICITY_LABELS_FR[e.periodicity],
        e.responsible ?? '',
        STATUS_LABELS_FR[e.status],
      ],
      emphasis: e.status === 'overdue',
    })),
  };
}
