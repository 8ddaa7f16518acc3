import type { Attendance, MeetingKind, QuorumDto, QuorumRule } from './contract.ts';

// The quorum: how many voting members must take part for the meeting to deliberate. A fraction of the
// members, reached « at least » (CA : la moitié au moins) or « more than » (conseil municipal : plus de la
// moitié des membres en exercice, CGCT art. L2121-17, where a proxy does not count). The statutes of an
// association set their own fraction: the meeting may override the kind's default.

export type QuorumSetting = {
  numerator: number;
  denominator: number;
  rule: QuorumRule;
  countsProxies: boolean;
};

export const DEFAULT_QUORUM: Record<MeetingKind, QuorumSetting | null> = {
  service_meeting: null,
  management_committee: null,
  other: null,
  general_assembly: { numerator: 1, denominator: 4, rule: 'at_least', countsProxies: true },
  board: { numerator: 1, denominator: 2, rule: 'at_least', countsProxies: false },
  municipal_council: { numerator: 1, denominator: 2, rule: 'more_than', countsProxies: false },
};

/** The smallest number of members that reaches the quorum, in exact integer arithmetic. */
export function requiredMembers(members: number, q: QuorumSetting): number {
  const product = members * q.numerator;
  return q.rule === 'at_least' ? Math.ceil(product / q.denominator) : Math.floor(product / q.denominator) + 1;
}

export function computeQuorum(
  setting: QuorumSetting,
  participants: readonly { voting: boolean; attendance: Attendance | null }[],
): QuorumDto {
  const voters = participants.filter((p) => p.voting);
  const counted = voters.filter(
    (p) => p.attendance === 'present' || (setting.countsProxies && p.attendance === 'represented'),
  ).length;
  const required = requiredMembers(voters.length, setting);
  return {
    ...setting,
    members: voters.length,
    counted,
    required,
    met: voters.length > 0 && counted >= required,
  };
}
