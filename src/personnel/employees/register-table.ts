import { formatDateFr } from '../../kernel/dates/index.ts';
import type { ReportTable } from '../../ledger/index.ts';
import type { PersonnelRegister, RegisterLine } from './contract.ts';

// The register as a report table (PDF and CSV through the ledger's renderers): one entry per person, the
// employees first, then the trainees' part under its own heading. The CSV keeps one row per person; the
// PDF cuts a cell too long for its column, so there a person's texts go on as many lines as they need
// (the mentions of D1221-23 are long: « Contrat à durée déterminée », « Salarié à temps partiel »).

const dmy = (d: string | null) => (d ? formatDateFr(d) : '');

const COLUMNS: ReportTable['columns'] = [
  { header: 'N° d’ordre', kind: 'text', width: 0.9 },
  { header: 'Nom et prénoms', kind: 'text', width: 2.4 },
  { header: 'Sexe', kind: 'text', width: 0.6 },
  { header: 'Né(e) le', kind: 'text', width: 1.1 },
  { header: 'Nationalité', kind: 'text', width: 1.3 },
  { header: 'Emploi et qualification', kind: 'text', width: 2.5 },
  { header: 'Contrat et mentions', kind: 'text', width: 2.8 },
  { header: 'Entrée', kind: 'text', width: 1.1 },
  { header: 'Sortie', kind: 'text', width: 1.1 },
  { header: 'Titre de travail (type et n°)', kind: 'text', width: 2.2 },
];

/** Each column's texts, one item per printed line (the CSV joins them). */
type Entry = string[][];

function contractTexts(l: RegisterLine): string[] {
  if (l.contractType === 'cdi') return ['CDI', ...l.mentions];
  return l.mentions;
}

function employeeEntry(l: RegisterLine): Entry {
  return [
    [String(l.registerNumber)],
    [`${l.lastName.toUpperCase()} ${l.firstName}`],
    [l.sex],
    [dmy(l.birthDate)],
    [l.nationality],
    l.qualification ? [l.jobTitle, l.qualification] : [l.jobTitle],
    contractTexts(l),
    [dmy(l.hireDate)],
    [dmy(l.leftOn)],
    l.workPermit ? [l.workPermit] : [],
  ];
}

/** D1221-23-1: the trainee's names, the start and end of the internship, the tutor, the place. */
function traineeEntry(l: RegisterLine): Entry {
  return [
    [String(l.registerNumber)],
    [`${l.lastName.toUpperCase()} ${l.firstName}`],
    [l.sex],
    [dmy(l.birthDate)],
    [l.nationality],
    l.workplace ? ['Stage', `Lieu : ${l.workplace}`] : ['Stage'],
    [`Tuteur : ${l.tutorName ?? ''}`],
    [dmy(l.hireDate)],
    [dmy(l.leftOn ?? l.contractEnd)],
    l.workPermit ? [l.workPermit] : [],
  ];
}

// DejaVu Sans at 8 pt is about 4.6 pt a character on average; the PDF's landscape line is 770 pt wide.
const PT_PER_CHAR = 4.6;
const LINE_WIDTH = 770;

/** Words packed into lines of at most `max` characters (a longer word stands alone, the PDF cuts it). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function rowsOf(entry: Entry, forPrint: boolean): ReportTable['rows'] {
  if (!forPrint) return [{ cells: entry.map((texts) => texts.join(' – ')) }];
  const total = COLUMNS.reduce((sum, c) => sum + (c.width ?? 1), 0);
  const columns = entry.map((texts, i) => {
    const max = Math.floor(((COLUMNS[i]!.width ?? 1) * LINE_WIDTH) / total / PT_PER_CHAR) - 1;
    return texts.flatMap((t) => wrap(t, max));
  });
  const height = Math.max(1, ...columns.map((c) => c.length));
  return Array.from({ length: height }, (_, n) => ({ cells: columns.map((c) => c[n] ?? '') }));
}

export function registerTable(register: PersonnelRegister, today: string, forPrint: boolean): ReportTable {
  const heading = (text: string) => ({ cells: ['', text, '', '', '', '', '', '', '', ''], emphasis: true });
  const scope = register.presentOn
    ? `Personnes présentes le ${dmy(register.presentOn)}`
    : 'Toutes les personnes inscrites depuis l’ouverture du registre';
  return {
    title: 'Registre unique du personnel',
    subtitle: `${scope} – édité le ${dmy(today)} – C. trav. L1221-13, D1221-23 ; stagiaires : D1221-23-1`,
    fileName: register.presentOn
      ? `registre-du-personnel-presents-${register.presentOn}`
      : 'registre-du-personnel',
    landscape: true,
    columns: COLUMNS,
    rows: [
      heading('Salariés'),
      ...register.employees.flatMap((l) => rowsOf(employeeEntry(l), forPrint)),
      heading('Stagiaires'),
      ...register.trainees.flatMap((l) => rowsOf(traineeEntry(l), forPrint)),
    ],
  };
}
