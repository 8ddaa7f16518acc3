import { formatDateFr } from '../../../kernel/dates/index.ts';
import type { ReportTable } from '../../../ledger/index.ts';
import { wrapText } from '../meetings/meeting-documents.ts';
import { NOTICE_AUDIENCE_LABELS_FR, NOTICE_CATEGORY_LABELS_FR, type NoticeDto } from './contract.ts';

// The PDF of a note de service: the usual heading block (référence, date, émetteur, destinataires, objet),
// then the text paragraph by paragraph, drawn by the ledger's report renderer.

type Row = ReportTable['rows'][number];
const line = (label: string, value: string, emphasis = false): Row[] =>
  wrapText(value).map((l, i) => ({ cells: [i === 0 ? label : '', l], emphasis }));

export function noticeTable(n: NoticeDto): ReportTable {
  const audience = n.audience === 'service' ? `Service ${n.service}` : NOTICE_AUDIENCE_LABELS_FR[n.audience];
  const paragraphs = n.body
    .split(/\r?\n\s*\r?\n/)
    .flatMap((p, i) => [
      ...(i > 0 ? [{ cells: ['', ''] }] : []),
      ...wrapText(p.replace(/\s*\r?\n\s*/g, ' ')).map((l) => ({ cells: ['', l] })),
    ]);
  return {
    title: `Note de service${n.number ? ` n° ${n.number}` : ' (projet)'}`,
    subtitle: `${NOTICE_CATEGORY_LABELS_FR[n.category]} — ${formatDateFr(n.publishOn)}`,
    fileName: `note-de-service-${n.number ?? 'projet'}`,
    columns: [
      { header: 'Rubrique', kind: 'text', width: 1 },
      { header: 'Contenu', kind: 'text', width: 4 },
    ],
    rows: [
      ...line('Référence', n.number ?? 'non publiée'),
      ...line('Date', formatDateFr(n.publishOn)),
      ...line('Émetteur', n.author),
      ...line('Destinataires', audience),
      ...(n.expiresOn ? line('Valable jusqu’au', formatDateFr(n.expiresOn)) : []),
      ...line('Objet', n.title, true),
      { cells: ['', ''] },
      ...paragraphs,
      { cells: ['', ''] },
      ...line('', n.author),
    ],
  };
}
