import type { Db } from '../../kernel/db/index.ts';
import type { ReportTable } from '../../ledger/index.ts';
import type { SummaryLine, TrainingSummary } from './contract.ts';

// The year's training per employee and per job (the personnel file has no service: the job title groups
// them, decision 0045). An action's cost is shared equally among its trainees not cancelled, the
// remainder cent by cent to the first ones, so the shares add up to the cost exactly.

export function shareCost(cost: number, count: number): number[] {
  if (count === 0) return [];
  const base = Math.floor(cost / count);
  const remainder = cost - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < remainder ? 1 : 0));
}

export async function trainingSummary(db: Db, orgId: string, year: number): Promise<TrainingSummary> {
  const rows = await db
    .selectFrom('personnel_staff_training_enrolment as n')
    .innerJoin('personnel_staff_training_action as a', (j) =>
      j.onRef('a.org_id', '=', 'n.org_id').onRef('a.id', '=', 'n.action_id'),
    )
    .innerJoin('personnel_employee as e', (j) =>
      j.onRef('e.org_id', '=', 'n.org_id').onRef('e.id', '=', 'n.employee_id'),
    )
    .select(['n.action_id', 'n.employee_id', 'n.status', 'a.hours', 'a.cost'])
    .select(['e.last_name', 'e.first_name', 'e.job_title'])
    .where('n.org_id', '=', orgId)
    .where('n.status', '!=', 'cancelled')
    .where('a.starts_on', '>=', `${year}-01-01`)
    .where('a.starts_on', '<=', `${year}-12-31`)
    .orderBy('n.action_id')
    .orderBy('n.id')
    .execute();
  const lines = new Map<string, SummaryLine>();
  const byAction = new Map<string, typeof rows>();
  for (const r of rows) byAction.set(r.action_id, [...(byAction.get(r.action_id) ?? []), r]);
  for (const trainees of byAction.values()) {
    const shares = shareCost(Number(trainees[0]!.cost), trainees.length);
    trainees.forEach((r, i) => {
      const line = lines.get(r.employee_id) ?? {
        employeeId: r.employee_id,
        employeeName: `${r.last_name} ${r.first_name}`,
        jobTitle: r.job_title,
        actions: 0,
        hoursDone: 0,
        hoursPlanned: 0,
        cost: 0,
      };
      line.actions += 1;
      if (r.status === 'done') line.hoursDone += Number(r.hours);
      else line.hoursPlanned += Number(r.hours);
      line.cost += shares[i]!;
      lines.set(r.employee_id, line);
    });
  }
  const employees = [...lines.values()].sort((a, b) => a.employeeName.localeCompare(b.employeeName, 'fr'));
  const groups = new Map<string, TrainingSummary['byJobTitle'][number]>();
  const total = { hoursDone: 0, hoursPlanned: 0, cost: 0 };
  for (const l of employees) {
    const g = groups.get(l.jobTitle) ?? { jobTitle: l.jobTitle, hoursDone: 0, hoursPlanned: 0, cost: 0 };
    for (const target of [g, total]) {
      target.hoursDone += l.hoursDone;
      target.hoursPlanned += l.hoursPlanned;
      target.cost += l.cost;
    }
    groups.set(l.jobTitle, g);
  }
  const byJobTitle = [...groups.values()].sort((a, b) => a.jobTitle.localeCompare(b.jobTitle, 'fr'));
  return { year, employees, byJobTitle, total };
}

const hoursFr = (hundredths: number) =>
  `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')} h`;

/** The summary as one table: employees, then the subtotals per job, then the total. */
export function trainingSummaryTable(summary: TrainingSummary): ReportTable {
  const rows: ReportTable['rows'] = summary.employees.map((l) => ({
    cells: [
      l.employeeName,
      l.jobTitle,
      String(l.actions),
      hoursFr(l.hoursDone),
      hoursFr(l.hoursPlanned),
      l.cost,
    ],
  }));
  rows.push({ cells: ['Par emploi', '', '', '', '', null], emphasis: true });
  for (const g of summary.byJobTitle)
    rows.push({ cells: ['', g.jobTitle, '', hoursFr(g.hoursDone), hoursFr(g.hoursPlanned), g.cost] });
  rows.push({
    cells: [
      'Total',
      '',
      '',
      hoursFr(summary.total.hoursDone),
      hoursFr(summary.total.hoursPlanned),
      summary.total.cost,
    ],
    emphasis: true,
  });
  return {
    title: 'Bilan des actions de formation professionnelle',
    subtitle: `Année ${summary.year} — plan de développement des compétences`,
    fileName: `bilan-formation-${summary.year}`,
    columns: [
      { header: 'Salarié', kind: 'text', width: 2 },
      { header: 'Emploi', kind: 'text', width: 2 },
      { header: 'Actions', kind: 'text', width: 1 },
      { header: 'Heures réalisées', kind: 'text', width: 1 },
      { header: 'Heures prévues', kind: 'text', width: 1 },
      { header: 'Coût (€)', kind: 'amount' },
    ],
    rows,
  };
}
