import type { ReferentielDto } from '../referentiel/contract.ts';
import type { CoverageReportDto } from './contract.ts';
import { COVERAGE } from './declarations.ts';

/** Does a declared code (an activity '1.2' or a task '1.2.t3') cover this task of this activity? */
function covers(code: string, activity: string, task: string): boolean {
  return code === activity || code === task;
}

function servingTask(activity: string, task: string) {
  const pick = (declared: Record<string, readonly string[]>) =>
    Object.entries(declared)
      .filter(([, codes]) => codes.some((c) => covers(c, activity, task)))
      .map(([key]) => key)
      .sort();
  return { screens: pick(COVERAGE.screens), operations: pick(COVERAGE.operations) };
}

/**
 * For each task and competency of a référentiel, the screens and API operations that serve it (from the
 * declarations file), and what nothing serves yet. A competency is served where one of its activities is.
 */
export function coverageReport(referentiel: ReferentielDto): CoverageReportDto {
  const tasks = referentiel.areas.flatMap((area) =>
    area.activities.flatMap((activity) =>
      activity.tasks.map((task) => ({
        code: task.code,
        title: task.title,
        activity: activity.code,
        ...servingTask(activity.code, task.code),
      })),
    ),
  );
  const competencies = referentiel.blocks.flatMap((block) =>
    block.competencies.map((competency) => {
      const related = tasks.filter((t) => competency.activities.includes(t.activity));
      return {
        code: competency.code,
        title: competency.title,
        block: block.code,
        screens: [...new Set(related.flatMap((t) => t.screens))].sort(),
        operations: [...new Set(related.flatMap((t) => t.operations))].sort(),
      };
    }),
  );
  const unserved = (list: { code: string; screens: string[]; operations: string[] }[]) =>
    list.filter((x) => x.screens.length === 0 && x.operations.length === 0).map((x) => x.code);
  return {
    referentielId: referentiel.id,
    tasks,
    competencies,
    unservedTasks: unserved(tasks),
    unservedCompetencies: unserved(competencies),
  };
}
