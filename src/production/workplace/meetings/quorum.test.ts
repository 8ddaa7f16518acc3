import { describe, expect, it } from 'vitest';
import { computeQuorum, DEFAULT_QUORUM, requiredMembers } from './quorum.ts';

const half = { numerator: 1, denominator: 2, countsProxies: false } as const;

describe('quorum', () => {
  it('« au moins la moitié » and « plus de la moitié » differ on an even number of members', () => {
    expect(requiredMembers(10, { ...half, rule: 'at_least' })).toBe(5);
    expect(requiredMembers(10, { ...half, rule: 'more_than' })).toBe(6);
    expect(requiredMembers(11, { ...half, rule: 'at_least' })).toBe(6);
    expect(requiredMembers(11, { ...half, rule: 'more_than' })).toBe(6);
    expect(requiredMembers(15, { numerator: 1, denominator: 4, rule: 'at_least', countsProxies: true })).toBe(
      4,
    );
    expect(requiredMembers(12, { numerator: 2, denominator: 3, rule: 'at_least', countsProxies: true })).toBe(
      8,
    );
  });

  it('a municipal council does not count proxies (L2121-17); a general assembly does', () => {
    const people = [
      ...Array.from({ length: 7 }, () => ({ voting: true, attendance: 'present' as const })),
      ...Array.from({ length: 3 }, () => ({ voting: true, attendance: 'represented' as const })),
      ...Array.from({ length: 5 }, () => ({ voting: true, attendance: 'absent' as const })),
      { voting: false, attendance: 'present' as const },
    ];
    const council = computeQuorum(DEFAULT_QUORUM.municipal_council!, people);
    expect(council).toMatchObject({ members: 15, counted: 7, required: 8, met: false });
    const assembly = computeQuorum(DEFAULT_QUORUM.general_assembly!, people);
    expect(assembly).toMatchObject({ members: 15, counted: 10, required: 4, met: true });
  });

  it('no voting member: never met', () => {
    expect(computeQuorum(DEFAULT_QUORUM.board!, []).met).toBe(false);
    expect(DEFAULT_QUORUM.service_meeting).toBeNull();
  });
});
