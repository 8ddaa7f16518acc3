import type { IndicatorOutcome } from '../situations/outcomes.ts';

/** The référentiel's "formatif-4-niveaux" scale: 1 non acquis … 4 maîtrisé. */
export type Level = 1 | 2 | 3 | 4;
export const LEVELS: readonly Level[] = [1, 2, 3, 4];

/** What a proposal rests on, shown to the teacher beside it. */
export type ProposalBasis = {
  /** Automatic checks of professional situations on this indicator, passed and failed, over all situations. */
  passed: number;
  failed: number;
  /** Situations with at least one check on this indicator. */
  situations: number;
  /** Evidence items (actions in the sandboxes) showing the indicator's competency. */
  evidence: number;
};

/**
 * The proposed level of one indicator for one student (decision 0023):
 * - no check and no evidence: no proposal (not assessed — silence is not failure);
 * - evidence but no check: 2, en cours d'acquisition (the trail shows practice, not its quality);
 * - checks: r = passed / (passed + failed); r < 0.5 → 1 non acquis; r < 0.8 → 2 en cours d'acquisition;
 *   otherwise 3 acquis, raised to 4 maîtrisé when r ≥ 0.9 over at least two situations and the trail holds
 *   at least three actions showing the competency (succeeded, more than once, and practised).
 */
export function proposeLevel(basis: ProposalBasis): Level | null {
  const checks = basis.passed + basis.failed;
  if (checks === 0) return basis.evidence > 0 ? 2 : null;
  const rate = basis.passed / checks;
  if (rate < 0.5) return 1;
  if (rate < 0.8) return 2;
  if (rate >= 0.9 && basis.situations >= 2 && basis.evidence >= 3) return 4;
  return 3;
}

/** The basis of every indicator of one student, from the situations' outcomes and the evidence counts. */
export function proposalBases(
  studentId: string,
  indicators: readonly { code: string; competency: string }[],
  outcomes: readonly IndicatorOutcome[],
  evidenceByCompetency: ReadonlyMap<string, number>,
): Map<string, ProposalBasis> {
  const checks = new Map<string, { passed: number; failed: number; situations: Set<string> }>();
  for (const o of outcomes) {
    if (o.studentId !== studentId) continue;
    let c = checks.get(o.indicatorCode);
    if (!c) {
      c = { passed: 0, failed: 0, situations: new Set() };
      checks.set(o.indicatorCode, c);
    }
    c.passed += Math.max(0, o.passed);
    c.failed += Math.max(0, o.failed);
    if (o.passed + o.failed > 0) c.situations.add(o.situationId);
  }
  return new Map(
    indicators.map((i) => {
      const c = checks.get(i.code);
      return [
        i.code,
        {
          passed: c?.passed ?? 0,
          failed: c?.failed ?? 0,
          situations: c?.situations.size ?? 0,
          evidence: evidenceByCompetency.get(i.competency) ?? 0,
        },
      ];
    }),
  );
}

/** A competency's (or a bloc's) level: the rounded mean of its assessed indicators, none if none is. */
export function aggregateLevel(levels: readonly (number | null)[]): Level | null {
  const known = levels.filter((l): l is number => l !== null);
  if (known.length === 0) return null;
  return Math.round(known.reduce((s, l) => s + l, 0) / known.length) as Level;
}

/**
 * A competency's level from its indicators: the rounded mean of those that were measured — confirmed by
 * the teacher, or checked by a situation — when there are any; otherwise of those proposed from the
 * activity trail alone. A trail shows practice on every indicator of a competency at once (a 2 each): left
 * in the mean, it would pull a failed check and a passed one to the same level.
 */
export function competencyLevel(
  indicators: readonly { level: number | null; confirmed: boolean; checks: number }[],
): Level | null {
  const measured = indicators.filter((i) => i.confirmed || i.checks > 0);
  return aggregateLevel((measured.length > 0 ? measured : indicators).map((i) => i.level));
}
