import { addDays, addMonths, type CalendarDate } from '../../kernel/dates/index.ts';
import type { ChecklistKind } from './tables.ts';

// The built-in checklists (decision 0045), used while an organisation has not written its own. Offsets
// run from the hire date (onboarding) or the departure date (offboarding). The legal items and their
// deadlines, from the Code du travail:
// - DPAE: « préalablement à l'embauche » (L1221-10), at the earliest eight days before it (R1221-5): due
//   the day before the hire.
// - Visite d'information et de prévention: within three months of taking up the post (R4624-10).
// - CDD contract: handed over within two working days after the hire (L1242-13) — counted as two days.
// - Certificat de travail (L1234-19, D1234-6), reçu pour solde de tout compte (L1234-20) and attestation
//   France Travail (R1234-9): given when the contract ends, so due on the departure date.

export type TemplateItem = {
  label: string;
  offsetMonths: number;
  offsetDays: number;
  legalRef: string | null;
};

export const DEFAULT_TEMPLATE: Record<ChecklistKind, readonly TemplateItem[]> = {
  onboarding: [
    {
      label: 'DPAE effectuée auprès de l’Urssaf',
      offsetMonths: 0,
      offsetDays: -1,
      legalRef: 'C. trav. L1221-10, R1221-5',
    },
    {
      label: 'Contrat de travail signé et remis',
      offsetMonths: 0,
      offsetDays: 2,
      legalRef: 'C. trav. L1242-13 (CDD)',
    },
    {
      label: 'Affiliation à la mutuelle d’entreprise',
      offsetMonths: 0,
      offsetDays: 0,
      legalRef: 'C. séc. soc. L911-7',
    },
    {
      label: 'Livret d’accueil et règlement intérieur remis',
      offsetMonths: 0,
      offsetDays: 0,
      legalRef: null,
    },
    { label: 'Badge et clés remis', offsetMonths: 0, offsetDays: 0, legalRef: null },
    { label: 'Comptes informatiques et messagerie ouverts', offsetMonths: 0, offsetDays: 0, legalRef: null },
    {
      label: 'Visite d’information et de prévention',
      offsetMonths: 3,
      offsetDays: 0,
      legalRef: 'C. trav. R4624-10',
    },
  ],
  offboarding: [
    {
      label: 'Certificat de travail remis',
      offsetMonths: 0,
      offsetDays: 0,
      legalRef: 'C. trav. L1234-19, D1234-6',
    },
    {
      label: 'Reçu pour solde de tout compte remis',
      offsetMonths: 0,
      offsetDays: 0,
      legalRef: 'C. trav. L1234-20',
    },
    {
      label: 'Attestation France Travail remise',
      offsetMonths: 0,
      offsetDays: 0,
      legalRef: 'C. trav. R1234-9',
    },
    { label: 'Clés et badge restitués', offsetMonths: 0, offsetDays: 0, legalRef: null },
    { label: 'Comptes informatiques fermés', offsetMonths: 0, offsetDays: 1, legalRef: null },
  ],
};

export const dueOn = (base: CalendarDate, item: Pick<TemplateItem, 'offsetMonths' | 'offsetDays'>) =>
  addDays(addMonths(base, item.offsetMonths), item.offsetDays);

/** An item not done and not set aside, whose due date has passed. */
export const isOverdue = (item: { status: string; dueOn: string }, today: CalendarDate) =>
  item.status === 'todo' && item.dueOn < today;
