import { todayIn } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';

/**
 * What the assessment module reads (issue 5 §5 → §6): for each student of a class and each indicator a
 * situation's checks evidence, how many of those checks pass and fail, from the persisted latest results
 * (no evaluation here). Published situations only. A check never evaluated for a student counts as failed
 * once the situation's due date has passed (in the school's time zone), and is not counted before — a row
 * with passed = failed = 0 then says "targeted, not yet evidenced". Decision 0022.
 */
export type IndicatorOutcome = {
  studentId: string;
  situationId: string;
  indicatorCode: string;
  passed: number;
  failed: number;
};

export async function indicatorOutcomes(
  db: Db,
  schoolOrgId: string,
  classId: string,
): Promise<IndicatorOutcome[]> {
  const [school, situations, students] = await Promise.all([
    db.selectFrom('organisation').select('time_zone').where('org_id', '=', schoolOrgId).executeTakeFirst(),
    db
      .selectFrom('training_situation')
      .select(['id', 'due_date'])
      .where('org_id', '=', schoolOrgId)
      .where('class_id', '=', classId)
      .where('status', '=', 'published')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('training_student')
      .select('id')
      .where('org_id', '=', schoolOrgId)
      .where('class_id', '=', classId)
      .orderBy('id')
      .execute(),
  ]);
  if (situations.length === 0 || students.length === 0) return [];
  const ids = situations.map((s) => s.id);
  const [checks, results] = await Promise.all([
    db
      .selectFrom('training_situation_check')
      .select(['id', 'situation_id', 'indicators'])
      .where('org_id', '=', schoolOrgId)
      .where('situation_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('training_situation_result')
      .select(['check_id', 'student_id', 'passed'])
      .where('org_id', '=', schoolOrgId)
      .where('situation_id', 'in', ids)
      .execute(),
  ]);
  const today = todayIn(school?.time_zone ?? 'Europe/Paris');
  const resultOf = new Map(results.map((r) => [`${r.check_id}|${r.student_id}`, Number(r.passed) === 1]));
  const out: IndicatorOutcome[] = [];
  for (const situation of situations) {
    const due = situation.due_date ? String(situation.due_date).slice(0, 10) : null;
    const overdue = due !== null && due < today;
    const own = checks.filter((c) => c.situation_id === situation.id);
    for (const student of students) {
      const tally = new Map<string, IndicatorOutcome>();
      for (const check of own) {
        const passed = resultOf.get(`${check.id}|${student.id}`);
        for (const indicatorCode of JSON.parse(check.indicators) as string[]) {
          let row = tally.get(indicatorCode);
          if (!row) {
            row = { studentId: student.id, situationId: situation.id, indicatorCode, passed: 0, failed: 0 };
            tally.set(indicatorCode, row);
          }
          if (passed === true) row.passed++;
          else if (passed === false || overdue) row.failed++;
        }
      }
      out.push(...tally.values());
    }
  }
  return out;
}
