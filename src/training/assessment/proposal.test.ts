import { describe, expect, it } from 'vitest';
import type { IndicatorOutcome } from '../situations/outcomes.ts';
import { aggregateLevel, competencyLevel, proposalBases, proposeLevel } from './proposal.ts';

const basis = (passed: number, failed: number, situations: number, evidence: number) => ({
  passed,
  failed,
  situations,
  evidence,
});

describe('proposed level', () => {
  it('proposes nothing without checks or evidence, and 2 on the trail alone', () => {
    expect(proposeLevel(basis(0, 0, 0, 0))).toBeNull();
    expect(proposeLevel(basis(0, 0, 0, 1))).toBe(2);
    expect(proposeLevel(basis(0, 0, 0, 40))).toBe(2);
  });

  it('follows the success rate of the checks', () => {
    expect(proposeLevel(basis(0, 3, 1, 0))).toBe(1);
    expect(proposeLevel(basis(4, 5, 1, 9))).toBe(1);
    expect(proposeLevel(basis(1, 1, 1, 0))).toBe(2);
    expect(proposeLevel(basis(7, 3, 2, 5))).toBe(2);
    expect(proposeLevel(basis(4, 1, 1, 0))).toBe(3);
    expect(proposeLevel(basis(3, 0, 1, 10))).toBe(3);
  });

  it('says maîtrisé only for near-perfect checks in two situations, backed by the trail', () => {
    expect(proposeLevel(basis(10, 0, 2, 3))).toBe(4);
    expect(proposeLevel(basis(9, 1, 3, 5))).toBe(4);
    expect(proposeLevel(basis(10, 0, 1, 30))).toBe(3);
    expect(proposeLevel(basis(10, 0, 2, 2))).toBe(3);
    expect(proposeLevel(basis(8, 2, 2, 5))).toBe(3);
  });

  it('adds up a student’s outcomes per indicator over situations, ignoring classmates', () => {
    const outcomes: IndicatorOutcome[] = [
      { studentId: 's1', situationId: 'a', indicatorCode: '1.2.1.i1', passed: 2, failed: 0 },
      { studentId: 's1', situationId: 'b', indicatorCode: '1.2.1.i1', passed: 3, failed: 1 },
      { studentId: 's1', situationId: 'c', indicatorCode: '1.2.1.i1', passed: 0, failed: 0 },
      { studentId: 's2', situationId: 'a', indicatorCode: '1.2.1.i1', passed: 0, failed: 5 },
    ];
    const bases = proposalBases(
      's1',
      [
        { code: '1.2.1.i1', competency: '1.2.1' },
        { code: '1.2.1.i2', competency: '1.2.1' },
      ],
      outcomes,
      new Map([['1.2.1', 4]]),
    );
    expect(bases.get('1.2.1.i1')).toEqual(basis(5, 1, 2, 4));
    expect(bases.get('1.2.1.i2')).toEqual(basis(0, 0, 0, 4));
    expect(proposeLevel(bases.get('1.2.1.i1')!)).toBe(3);
  });

  it('rates a competency on its measured indicators when it has some, on the trail otherwise', () => {
    const trail = { level: 2, confirmed: false, checks: 0 };
    // One indicator checked and failed, six others only practised: the competency is not acquired.
    expect(competencyLevel([{ level: 1, confirmed: false, checks: 1 }, ...Array(6).fill(trail)])).toBe(1);
    expect(competencyLevel([{ level: 3, confirmed: true, checks: 0 }, ...Array(6).fill(trail)])).toBe(3);
    expect(competencyLevel([trail, trail, { level: null, confirmed: false, checks: 0 }])).toBe(2);
    expect(competencyLevel([{ level: null, confirmed: false, checks: 0 }])).toBeNull();
  });

  it('aggregates to the rounded mean of what is assessed', () => {
    expect(aggregateLevel([])).toBeNull();
    expect(aggregateLevel([null, null])).toBeNull();
    expect(aggregateLevel([2, null, 3])).toBe(3);
    expect(aggregateLevel([1, 2, 2])).toBe(2);
    expect(aggregateLevel([4, 4, 3])).toBe(4);
  });
});
