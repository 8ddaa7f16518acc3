import { endOfMonth, formatDateFr } from '../../kernel/dates/index.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import type { OrganisationDto } from '../../kernel/organisations/contract.ts';
import type { ReportTable } from '../../ledger/index.ts';
import type { PayRunDto, PayslipDto, PayslipLineDto } from './contract.ts';
import { monthLabelFr } from './pay-run.ts';

// The payslip as a report table, drawn by the ledger's renderers (ADR 0008): the simplified presentation of
// the arrêté du 25 février 2016 — contributions grouped by risk under its headings, then the totals, the net
// before tax, the withholding tax, the net paid, the net social amount and the employer cost — with the
// mentions of C. trav. R3243-1 the files hold (employer, SIRET, employee, job, qualification, period,
// hours, hire date) and the keeping mention of R3243-5.

const GROUPS: Record<PayslipLineDto['group'], string> = {
  health: 'SANTÉ',
  work_accident: 'ACCIDENTS DU TRAVAIL – MALADIES PROF.',
  retirement: 'RETRAITE',
  family: 'FAMILLE',
  unemployment: 'ASSURANCE CHÔMAGE',
  other_employer: 'AUTRES CONTRIBUTIONS DE L’EMPLOYEUR',
  csg_crds: 'CSG / CRDS',
  employee_exemption: 'EXONÉRATION DE COTISATIONS SALARIALES',
  exemption: 'EXONÉRATIONS DE COTISATIONS EMPLOYEUR',
};

/** A rate in thousandths of a percent, French, at least two decimals: 6900 → « 6,90 % », 24 → « 0,024 % ». */
export function rateFr(rate: number | null): string | null {
  if (rate === null) return null;
  const whole = Math.floor(rate / 1000);
  let decimals = String(rate % 1000).padStart(3, '0');
  if (decimals.endsWith('0')) decimals = decimals.slice(0, 2);
  return `${whole},${decimals} %`;
}

/** Hundredths of an hour → « 151,67 h ». */
const hoursFr = (hundredths: number) =>
  `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')} h`;

/** Hundredths of a cent → « 12,0197 € ». */
const hourlyFr = (v: number) => `${Math.floor(v / 10000)},${String(v % 10000).padStart(4, '0')} €`;

/** The renderer cuts a cell to its column: a long mention is wrapped over several rows (~50 characters). */
function wrap(value: string, width = 58): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of value.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...lines, current];
}

const text = (...cells: (string | null)[]): ReportTable['rows'] =>
  wrap(cells.filter(Boolean).join(' – ')).map((t) => ({ cells: [t, null, null, null, null, null] }));

/** « Lefèvre d’Ornano » → « lefevre-d-ornano »: accents dropped (NFD, then the combining marks), ASCII only. */
function fileSafe(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function payslipTable(run: PayRunDto, slip: PayslipDto, org: OrganisationDto): ReportTable {
  const from = `${run.month}-01`;
  const to = endOfMonth(from);
  const rows: ReportTable['rows'] = [];
  const address = [org.addressLine1, org.addressLine2, [org.postalCode, org.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  rows.push({ cells: ['EMPLOYEUR', null, null, null, null, null], emphasis: true });
  rows.push(...text(org.name, org.legalForm));
  if (address) rows.push(...text(address));
  rows.push(
    ...text(org.siret ? `SIRET ${org.siret}` : org.siren ? `SIREN ${org.siren}` : 'SIRET non renseigné'),
  );
  rows.push({ cells: ['SALARIÉ', null, null, null, null, null], emphasis: true });
  rows.push(...text(`${slip.lastName.toUpperCase()} ${slip.firstName}`, `matricule ${slip.registerNumber}`));
  rows.push(
    ...text(
      `Emploi : ${slip.jobTitle}`,
      slip.qualification ? `qualification : ${slip.qualification}` : null,
      slip.category === 'executive' ? 'cadre' : 'non-cadre',
    ),
  );
  rows.push(
    ...text(
      `Entré(e) le ${formatDateFr(slip.hireDate)}`,
      slip.socialSecurityNumber ? `n° de sécurité sociale ${slip.socialSecurityNumber}` : null,
    ),
  );
  rows.push(
    ...text(
      `Période du ${formatDateFr(from)} au ${formatDateFr(to)}`,
      `horaire mensuel ${hoursFr(slip.monthlyHours)}`,
      `taux horaire ${hourlyFr(slip.hourlyRate)}`,
    ),
  );

  rows.push({ cells: ['RÉMUNÉRATION', null, null, null, null, null], emphasis: true });
  rows.push({ cells: ['Salaire de base', null, hoursFr(slip.monthlyHours), slip.monthlyGross, null, null] });
  if (slip.overtime25Pay)
    rows.push({
      cells: [
        'Heures supplémentaires majorées à 25 %',
        null,
        hoursFr(slip.items.overtime25Hours),
        slip.overtime25Pay,
        null,
        null,
      ],
    });
  if (slip.overtime50Pay)
    rows.push({
      cells: [
        'Heures supplémentaires majorées à 50 %',
        null,
        hoursFr(slip.items.overtime50Hours),
        slip.overtime50Pay,
        null,
        null,
      ],
    });
  if (slip.items.bonus) rows.push({ cells: ['Prime', null, null, slip.items.bonus, null, null] });
  if (slip.absenceDeduction)
    rows.push({
      cells: [
        'Absence non rémunérée',
        null,
        hoursFr(slip.items.absenceHours),
        -slip.absenceDeduction,
        null,
        null,
      ],
    });
  rows.push({ cells: ['SALAIRE BRUT', null, null, slip.gross, null, null], emphasis: true });

  let group: string | null = null;
  for (const l of slip.lines) {
    if (l.group !== group) {
      group = l.group;
      rows.push({ cells: [GROUPS[l.group], null, null, null, null, null], emphasis: true });
    }
    rows.push({
      cells: [
        l.label,
        l.base,
        rateFr(l.employeeRate),
        l.employeeRate === null ? null : -l.employeeAmount,
        rateFr(l.employerRate),
        l.employerAmount === 0 ? null : l.employerAmount,
      ],
    });
  }
  if (slip.rgduAmount > 0)
    rows.push(
      ...text(
        `Coefficient de réduction ${(slip.rgduCoefficient / 10000).toFixed(4).replace('.', ',')} (SMIC du mois ${formatAmount(slip.smic)})`,
      ),
    );
  rows.push({
    cells: [
      'TOTAL DES COTISATIONS ET CONTRIBUTIONS',
      null,
      null,
      -slip.totalEmployee,
      null,
      slip.totalEmployer,
    ],
    emphasis: true,
  });
  rows.push({
    cells: ['NET À PAYER AVANT IMPÔT SUR LE REVENU', null, null, slip.netBeforeTax, null, null],
    emphasis: true,
  });
  rows.push({ cells: ['Dont montant net social', null, null, slip.netSocial, null, null] });
  rows.push({
    cells: [
      'Impôt sur le revenu prélevé à la source',
      slip.taxable,
      rateFr(slip.taxRate * 10),
      -slip.withholdingTax,
      null,
      null,
    ],
  });
  rows.push({ cells: ['NET PAYÉ', null, null, slip.netToPay, null, null], emphasis: true });
  rows.push({ cells: ['Net imposable', null, null, slip.taxable, null, null] });
  if (slip.overtimeTaxExempt)
    rows.push({
      cells: [
        'Montant net des heures supplémentaires exonérées',
        null,
        null,
        slip.overtimeTaxExempt,
        null,
        null,
      ],
    });
  rows.push({
    cells: ['Total versé par l’employeur (coût employeur)', null, null, null, null, slip.employerCost],
  });
  rows.push({
    cells: ['Allègement de cotisations employeur (RGDU)', null, null, null, null, slip.rgduAmount],
  });
  rows.push(
    ...text(
      run.paidOn
        ? `Payé par virement le ${formatDateFr(run.paidOn)}`
        : `Paiement prévu le ${formatDateFr(to)} par virement`,
    ),
  );
  rows.push(
    ...text(
      'Dans votre intérêt et pour vous aider à faire valoir vos droits, conservez ce bulletin de paie sans limitation de durée.',
    ),
  );
  rows.push(...text('Rubrique dédiée au bulletin de paie sur le portail www.service-public.fr'));
  const status = slip.number ? `n° ${slip.number}` : 'projet (paie non validée)';
  return {
    title: `Bulletin de paie – ${monthLabelFr(run.month)}`,
    subtitle: `${slip.firstName} ${slip.lastName} – ${status} – montants en euros`,
    fileName: `bulletin-${run.month}-${fileSafe(slip.lastName)}${slip.number ? `-${slip.number}` : ''}`,
    columns: [
      { header: 'Rubrique', kind: 'text', width: 4.6 },
      { header: 'Base', kind: 'amount', width: 1.1 },
      { header: 'Taux salarial', kind: 'text', width: 0.8 },
      { header: 'Part salarié', kind: 'amount', width: 1.1 },
      { header: 'Taux patronal', kind: 'text', width: 0.8 },
      { header: 'Part employeur', kind: 'amount', width: 1.1 },
    ],
    rows,
  };
}
