import { formatDateFr } from '../../kernel/dates/index.ts';
import type { ReportTable } from '../../ledger/index.ts';
import type { PersonnelRegister, RegisterLine } from './contract.ts';

// The register as a report table (PDF, CSV through the ledger's renderers): one line per person, the
// employees first, then the trainees' part under its own heading. Landscape: the mentions are many.

const dmy = (d: string | null) => (d ? formatDateFr(d) : '');

function employeeCells(l: RegisterLine): (string | null)[] {
  return [
    String(l.registerNumber),
    `${l.lastName.toUpperCase()} ${l.firstName}`,
    l.sex,
    dmy(l.birthDate),
    l.nationality,
    l.qualification ? `${l.jobTitle} – ${l.qualification}` : l.jobTitle,
    l.mentions.join(', ') || (l.contractType === 'cdi' ? 'CDI' : ''),
    dmy(l.hireDate),
    dmy(l.leftOn),
    l.workPermit ?? '',
  ];
}

function traineeCells(l: RegisterLine): (string | null)[] {
  return [
    String(l.registerNumber),
    `${l.lastName.toUpperCase()} ${l.firstName}`,
    l.sex,
    dmy(l.birthDate),
    l.nationality,
    l.workplace ? `Stage – ${l.workplace}` : 'Stage',
    `Tuteur : ${l.tutorName ?? ''}`,
    dmy(l.hireDate),
    dmy(l.leftOn ?? l.contractEnd),
    l.workPermit ?? '',
  ];
}

export function registerTable(register: PersonnelRegister, today: string): ReportTable {
  const heading = (text: string) => ({
    cells: ['', text, null, null, null, null, null, null, null, null],
    emphasis: true,
  });
  const scope = register.presentOn
    ? `Personnes présentes le ${dmy(register.presentOn)}`
    : 'Toutes les personnes inscrites depuis l’ouverture du registre';
  return {
    title: 'Registre unique du personnel',
    subtitle: `${scope} – édité le ${formatDateFr(today)} – C. trav. L1221-13, D1221-23`,
    fileName: register.presentOn
      ? `registre-du-personnel-presents-${register.presentOn}`
      : 'registre-du-personnel',
    landscape: true,
    columns: [
      { header: 'N° d’ordre', kind: 'text', width: 0.8 },
      { header: 'Nom et prénoms', kind: 'text', width: 2.4 },
      { header: 'Sexe', kind: 'text', width: 0.5 },
      { header: 'Né(e) le', kind: 'text', width: 1.1 },
      { header: 'Nationalité', kind: 'text', width: 1.2 },
      { header: 'Emploi et qualification', kind: 'text', width: 3 },
      { header: 'Contrat et mentions', kind: 'text', width: 2.6 },
      { header: 'Entrée', kind: 'text', width: 1.1 },
      { header: 'Sortie', kind: 'text', width: 1.1 },
      { header: 'Titre de travail (type et n°)', kind: 'text', width: 2 },
    ],
    rows: [
      heading('Salariés'),
      ...register.employees.map((l) => ({ cells: employeeCells(l) })),
      heading('Stagiaires (C. trav. D1221-23-1)'),
      ...register.trainees.map((l) => ({ cells: traineeCells(l) })),
    ],
  };
}
