// Placeholder: replaced at merge by the situations module (issue 5 part 5).
import type { Db } from '../../kernel/db/index.ts';

export type IndicatorOutcome = {
  studentId: string;
  situationId: string;
  indicatorCode: string;
  passed: number;
  failed: number;
};

export async function indicatorOutcomes(
  _db: Db,
  _schoolOrgId: string,
  _classId: string,
): Promise<IndicatorOutcome[]> {
  return [];
}
