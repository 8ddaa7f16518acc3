import type { ReportTable } from '../../../ledger/index.ts';
import {
  ATTENDANCE_LABELS_FR,
  MEETING_KIND_LABELS_FR,
  MEETING_MODE_LABELS_FR,
  type MeetingDto,
} from './contract.ts';

// The convocation and the minutes of a meeting as report tables (rubric | text), drawn by the ledger's
// PDF renderer like the payslip: DejaVu embedded, « page n / N », texts wrapped here to the column.

type Row = ReportTable['rows'][number];
const WIDTH = 88;

/** Cuts a text into lines of at most `width` characters, at spaces, keeping its paragraphs. */
export function wrapText(value: string, width = WIDTH): string[] {
  const lines: string[] = [];
  for (const paragraph of value.split(/\r?\n/)) {
    let current = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (current && `${current} ${word}`.length > width) {
        lines.push(current);
        current = word;
      } else current = current ? `${current} ${word}` : word;
    }
    lines.push(current);
  }
  return lines;
}

export function longDateFr(date: string): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

const block = (label: string, value: string, emphasis = false): Row[] =>
  wrapText(value).map((line, i) => ({ cells: [i === 0 ? label : '', line], emphasis }));
const gap: Row = { cells: ['', ''] };
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 40);

export function isFormalMinutes(m: Pick<MeetingDto, 'kind'>): boolean {
  return m.kind === 'general_assembly' || m.kind === 'board' || m.kind === 'municipal_council';
}

function whereRows(m: MeetingDto): Row[] {
  return [
    ...block('Date', `${longDateFr(m.date)}, de ${m.startTime} à ${m.endTime}`),
    ...block('Modalité', MEETING_MODE_LABELS_FR[m.mode]),
    ...(m.room ? block('Lieu', m.room) : []),
    ...(m.link ? block('Connexion', m.link) : []),
    ...block('Organisateur', m.organiser),
  ];
}

function agendaRows(m: MeetingDto, withDecisions: boolean): Row[] {
  const rows: Row[] = [{ cells: ['Ordre du jour', ''], emphasis: true }];
  if (m.agenda.length === 0) rows.push({ cells: ['', 'Aucun point inscrit.'] });
  for (const item of m.agenda) {
    const extra = [item.presenter, item.durationMinutes ? `${item.durationMinutes} min` : null]
      .filter(Boolean)
      .join(', ');
    rows.push(...block(`${item.position}.`, `${item.title}${extra ? ` (${extra})` : ''}`, withDecisions));
    if (withDecisions) rows.push(...block('', `Décision : ${item.decision ?? 'aucune décision consignée.'}`));
  }
  return rows;
}

export function convocationTable(m: MeetingDto, organisation: string): ReportTable {
  const votes = m.quorum
    ? [
        gap,
        ...block(
          'Pouvoir',
          'En cas d’empêchement, vous pouvez donner pouvoir à un autre membre présent de vous représenter : remettez-lui un pouvoir daté et signé, à présenter en début de séance.',
        ),
      ]
    : [];
  return {
    title: `Convocation — ${m.title}`,
    subtitle: `${MEETING_KIND_LABELS_FR[m.kind]} du ${longDateFr(m.date)}`,
    fileName: `convocation-${m.date}-${slug(m.title)}`,
    columns: [
      { header: 'Rubrique', kind: 'text', width: 1 },
      { header: 'Contenu', kind: 'text', width: 4 },
    ],
    rows: [
      ...block(
        'Objet',
        `Madame, Monsieur, vous êtes convoqué(e) à la réunion « ${m.title} » (${MEETING_KIND_LABELS_FR[m.kind].toLowerCase()}), qui se tiendra aux date et lieu indiqués ci-dessous.`,
      ),
      gap,
      ...whereRows(m),
      gap,
      ...agendaRows(m, false),
      ...votes,
      gap,
      { cells: ['Convoqués', ''], emphasis: true },
      ...m.participants.map((p) => ({ cells: ['', p.name] })),
      gap,
      ...block('', 'Veuillez agréer, Madame, Monsieur, nos salutations distinguées.'),
      ...block('', `${m.organiser}, pour ${organisation}`),
    ],
  };
}

export function minutesTable(m: MeetingDto): ReportTable {
  const formal = isFormalMinutes(m);
  const byId = new Map(m.participants.map((p) => [p.id, p.name]));
  const quorum = m.quorum
    ? block(
        'Quorum',
        `${m.quorum.counted} membre(s) ${m.quorum.countsProxies ? 'présent(s) ou représenté(s)' : 'présent(s)'} sur ${m.quorum.members}, pour ${m.quorum.required} requis : le quorum ${m.quorum.met ? 'est atteint, la réunion peut valablement délibérer' : 'n’est pas atteint'}.`,
      )
    : [];
  return {
    title: `${formal ? 'Procès-verbal' : 'Compte rendu'} — ${m.title}`,
    subtitle: `${MEETING_KIND_LABELS_FR[m.kind]} du ${longDateFr(m.date)}${m.status === 'minutes_approved' ? ' — approuvé' : ' — projet'}`,
    fileName: `${formal ? 'proces-verbal' : 'compte-rendu'}-${m.date}-${slug(m.title)}`,
    columns: [
      { header: 'Rubrique', kind: 'text', width: 1 },
      { header: 'Contenu', kind: 'text', width: 4 },
    ],
    rows: [
      ...whereRows(m),
      gap,
      { cells: ['Participants', ''], emphasis: true },
      ...m.participants.map((p) => ({
        cells: [
          '',
          `${p.name} : ${p.attendance ? ATTENDANCE_LABELS_FR[p.attendance].toLowerCase() : 'présence non saisie'}${p.proxyHolderId ? ` (pouvoir à ${byId.get(p.proxyHolderId) ?? '?'})` : ''}${p.voting ? '' : ' — sans voix délibérative'}`,
        ],
      })),
      ...quorum,
      gap,
      ...agendaRows(m, true),
      ...(m.summary ? [gap, ...block('Synthèse', m.summary)] : []),
      gap,
      { cells: ['Actions', ''], emphasis: true },
      ...(m.actions.length === 0 ? [{ cells: ['', 'Aucune action décidée.'] }] : []),
      ...m.actions.flatMap((a) =>
        block(
          '',
          `${a.description} — responsable : ${a.owner}${a.dueDate ? `, échéance : ${a.dueDate.split('-').reverse().join('/')}` : ''}${a.doneOn ? ' (faite)' : ''}`,
        ),
      ),
      // A procès-verbal is signed by the chair and the secretary of the meeting.
      ...(formal
        ? [gap, gap, { cells: ['', 'Le président de séance                    Le secrétaire de séance'] }]
        : []),
    ],
  };
}
