import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE, dueOn, isOverdue } from './checklist-template.ts';

const due = (kind: 'onboarding' | 'offboarding', label: RegExp, base: string) =>
  dueOn(base, DEFAULT_TEMPLATE[kind].find((i) => label.test(i.label))!);

describe('checklist due dates', () => {
  it('puts the DPAE before the hire and the VIP three months after it', () => {
    expect(due('onboarding', /DPAE/, '2026-03-02')).toBe('2026-03-01');
    expect(due('onboarding', /information et de prévention/, '2026-03-02')).toBe('2026-06-02');
    // Three months from 30 November end on the last day of February.
    expect(due('onboarding', /information et de prévention/, '2026-11-30')).toBe('2027-02-28');
    expect(due('onboarding', /Contrat/, '2026-12-31')).toBe('2027-01-02');
  });

  it('asks the three departure documents on the departure day', () => {
    for (const label of [/Certificat de travail/, /solde de tout compte/, /France Travail/])
      expect(due('offboarding', label, '2026-06-30')).toBe('2026-06-30');
  });

  it('calls overdue only an item still to do whose day has passed', () => {
    expect(isOverdue({ status: 'todo', dueOn: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'todo', dueOn: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'not_applicable', dueOn: '2026-03-01' }, '2026-03-02')).toBe(false);
  });
});
