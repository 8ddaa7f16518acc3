import { type CalendarDate, formatDateFr, todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { formatDecimal, scaled } from '../../kernel/money/index.ts';
import type { ReportTable } from '../../ledger/index.ts';
import { managedClass, type TrainingScope } from '../classes/access.ts';
import { studentDisplayName } from '../classes/student-access.ts';
import type { PfmpAttendanceStatus } from '../tables.ts';
import { classOf } from './access.ts';
import type { PfmpOverviewDto, PfmpOverviewIssue, PfmpOverviewRowDto } from './contract.ts';
import { EXAM_MINIMUM_WEEKS, type PeriodFacts, weeksOf } from './counting.ts';
import { type OverviewAgreement, studentOverview, weeksDueByYearEnd } from './overview-rules.ts';

// The class-wide PFMP overview (decision 0030): one row per student of the class, over the whole cycle.
//
// Queries, whatever the size of the class: 1 for the caller's classes (a teacher; none for the owner),
// 1 for the class, 1 for its name, level and school year, then 1 each for the students, their agreements
// (with host and school year), the periods and the attendance — 7 in all, each one filtered by the class
// through joins, none per student. A class of 35 with three years of placements reads a few thousand
// attendance rows in that one query; the counting is done in memory by counting.ts.

const byName = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

export async function classPfmpOverview(
  db: Db,
  scope: TrainingScope,
  classId: string,
  options: { filter?: 'all' | 'issues'; today?: CalendarDate } = {},
): Promise<PfmpOverviewDto> {
  const today = options.today ?? todayIn();
  const filter = options.filter ?? 'all';
  await managedClass(db, scope, classId);
  const cls = await classOf(db, scope.orgId, classId);
  const orgId = scope.orgId;

  const students = await db
    .selectFrom('training_student')
    .select(['id', 'first_name', 'last_initial'])
    .where('org_id', '=', orgId)
    .where('class_id', '=', classId)
    .execute();
  const agreements = await db
    .selectFrom('training_pfmp_agreement as a')
    .innerJoin('training_student as s', (j) =>
      j.onRef('s.org_id', '=', 'a.org_id').onRef('s.id', '=', 'a.student_id'),
    )
    .innerJoin('training_pfmp_host as h', (j) =>
      j.onRef('h.org_id', '=', 'a.org_id').onRef('h.id', '=', 'a.host_id'),
    )
    .innerJoin('training_school_year as y', (j) =>
      j.onRef('y.org_id', '=', 'a.org_id').onRef('y.id', '=', 'a.school_year_id'),
    )
    .select([
      'a.id',
      'a.student_id',
      'a.level',
      'a.status',
      'a.signed_on',
      'a.assessed_on',
      'h.name as host_name',
      'y.label as school_year',
    ])
    .where('a.org_id', '=', orgId)
    .where('s.class_id', '=', classId)
    .execute();
  const periods = await db
    .selectFrom('training_pfmp_period as p')
    .innerJoin('training_pfmp_agreement as a', (j) =>
      j.onRef('a.org_id', '=', 'p.org_id').onRef('a.id', '=', 'p.agreement_id'),
    )
    .innerJoin('training_student as s', (j) =>
      j.onRef('s.org_id', '=', 'a.org_id').onRef('s.id', '=', 'a.student_id'),
    )
    .select(['p.id', 'p.agreement_id', 'p.starts_on', 'p.ends_on'])
    .where('p.org_id', '=', orgId)
    .where('s.class_id', '=', classId)
    .execute();
  const attendance = await db
    .selectFrom('training_pfmp_attendance as t')
    .innerJoin('training_pfmp_period as p', (j) =>
      j.onRef('p.org_id', '=', 't.org_id').onRef('p.id', '=', 't.period_id'),
    )
    .innerJoin('training_pfmp_agreement as a', (j) =>
      j.onRef('a.org_id', '=', 'p.org_id').onRef('a.id', '=', 'p.agreement_id'),
    )
    .innerJoin('training_student as s', (j) =>
      j.onRef('s.org_id', '=', 'a.org_id').onRef('s.id', '=', 'a.student_id'),
    )
    .select(['t.period_id', 't.day', 't.status'])
    .where('t.org_id', '=', orgId)
    .where('s.class_id', '=', classId)
    .execute();

  const daysOf = group(attendance, (t) => t.period_id);
  const periodsOf = group(periods, (p) => p.agreement_id);
  const agreementsOf = group(agreements, (a) => a.student_id);
  const rows: PfmpOverviewRowDto[] = students.map((student) => {
    const own = agreementsOf.get(student.id) ?? [];
    const facts: PeriodFacts[] = own.flatMap((a) =>
      (periodsOf.get(a.id) ?? []).map((p) => ({
        id: p.id,
        agreementId: a.id,
        level: a.level,
        schoolYear: a.school_year,
        status: a.status,
        signedOn: a.signed_on,
        startsOn: p.starts_on,
        endsOn: p.ends_on,
        attendance: new Map(
          (daysOf.get(p.id) ?? []).map((d) => [d.day, d.status as PfmpAttendanceStatus] as const),
        ),
      })),
    );
    const summary: OverviewAgreement[] = own.map((a) => ({
      id: a.id,
      status: a.status,
      hostName: a.host_name,
      assessed: a.assessed_on !== null,
    }));
    return {
      student: { id: student.id, name: studentDisplayName(student) },
      ...studentOverview({
        agreements: summary,
        periods: facts,
        level: cls.level,
        schoolYear: cls.schoolYear,
        today,
      }),
    };
  });
  rows.sort(
    (a, b) => byName.compare(a.student.name, b.student.name) || a.student.id.localeCompare(b.student.id),
  );

  const daysDone = rows.reduce((sum, r) => sum + r.weeks.daysDone, 0);
  return {
    class: { id: cls.id, name: cls.name, level: cls.level, schoolYear: cls.schoolYear },
    today,
    requiredWeeks: EXAM_MINIMUM_WEEKS,
    weeksDueByYearEnd: weeksDueByYearEnd(cls.level),
    filter,
    totals: {
      students: rows.length,
      withIssues: rows.filter((r) => r.issues.length > 0).length,
      averageWeeksDone: rows.length ? weeksOf(daysDone / rows.length) : 0,
    },
    rows: filter === 'issues' ? rows.filter((r) => r.issues.length > 0) : rows,
  };
}

function group<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export const ISSUE_LABELS: Record<PfmpOverviewIssue, string> = {
  'below-pace': 'Semaines insuffisantes au rythme actuel',
  'attendance-missing': 'Présence non saisie',
  'unsigned-agreement': 'Convention non signée',
  'assessment-missing': 'Évaluation du tuteur manquante',
};

/** Weeks to one decimal with a comma, always written (« 2,0 »), so a spreadsheet reads a number. */
const weeksFr = (weeks: number) => formatDecimal(scaled(BigInt(Math.round(weeks * 10)), 1), ',');

/** The overview's rows as the export table of ADR 0008, rendered to CSV by the ledger's renderer. */
export function overviewTable(overview: PfmpOverviewDto): ReportTable {
  const text = (header: string) => ({ header, kind: 'text' as const });
  const slug = overview.class.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return {
    title: `PFMP — ${overview.class.name}`,
    subtitle: `Année scolaire ${overview.class.schoolYear}, au ${formatDateFr(overview.today)}`,
    fileName: `pfmp-${slug}-${overview.today}`,
    columns: [
      text('Élève'),
      text('Semaines effectuées'),
      text('Semaines prévues'),
      text('Semaines au rythme actuel'),
      text('Semaines exigées'),
      text('Période'),
      text('Organisation d’accueil'),
      text('Début'),
      text('Fin'),
      text('Périodes sans convention signée'),
      text('Périodes commencées avant la signature'),
      text('Jours de présence non saisis'),
      text('Évaluations du tuteur attendues'),
      text('Évaluations du tuteur saisies'),
      { header: `Allocation ${overview.class.schoolYear} (€)`, kind: 'amount' },
      text('À traiter'),
    ],
    rows: overview.rows.map((r) => ({
      cells: [
        r.student.name,
        weeksFr(r.weeks.done),
        weeksFr(r.weeks.planned),
        weeksFr(r.weeks.projected),
        String(overview.requiredWeeks),
        r.period ? (r.period.kind === 'current' ? 'en cours' : 'à venir') : '',
        r.period?.hostName ?? '',
        r.period ? formatDateFr(r.period.startsOn) : '',
        r.period ? formatDateFr(r.period.endsOn) : '',
        String(r.agreements.unsignedPeriods),
        String(r.agreements.signedLatePeriods),
        String(r.attendanceMissingDays),
        String(r.assessments.due),
        String(r.assessments.done),
        r.allowanceCents,
        r.issues.map((i) => ISSUE_LABELS[i]).join(', '),
      ],
    })),
  };
}
