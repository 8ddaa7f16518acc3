import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';
import type { ChecklistItemStatus, ChecklistKind } from './tables.ts';

export const checklistKinds = ['onboarding', 'offboarding'] as const;
export const CHECKLIST_KIND_LABELS_FR: Record<ChecklistKind, string> = {
  onboarding: 'Intégration',
  offboarding: 'Départ',
};
export const CHECKLIST_STATUS_LABELS_FR: Record<ChecklistItemStatus, string> = {
  todo: 'À faire',
  done: 'Fait',
  not_applicable: 'Sans objet',
};

const kind = z.enum(checklistKinds, 'Liste inconnue : onboarding (intégration) ou offboarding (départ).');

export const templateInput = z.object({
  kind,
  items: z
    .array(
      z.object({
        label: text().min(1, 'Libellé : champ obligatoire.').max(200, '200 caractères au maximum.'),
        offsetMonths: z.number('Mois en nombre entier.').int('Mois en nombre entier.').min(0).max(36),
        offsetDays: z.number('Jours en nombre entier.').int('Jours en nombre entier.').min(-60).max(366),
        legalRef: text()
          .max(100)
          .nullish()
          .transform((v) => (v ? v : null)),
      }),
    )
    .min(1, 'La liste doit compter au moins une tâche.')
    .max(40, '40 tâches au maximum.'),
});
export type TemplateInput = z.output<typeof templateInput>;

export const generateInput = z.object({ kind });
export const templateQuery = z.object({ kind: kind.default('onboarding') });

export const itemUpdateInput = z.object({
  status: z.enum(['todo', 'done', 'not_applicable'], 'Statut : todo, done ou not_applicable.'),
  doneOn: z.iso
    .date('Date au format AAAA-MM-JJ attendue.')
    .refine(isCalendarDate, 'Date réelle attendue.')
    .nullish()
    .transform((v) => v ?? null),
});
export type ItemUpdateInput = z.output<typeof itemUpdateInput>;

export const checklistQuery = z.object({
  open: z.enum(['true', 'false']).optional(),
  employeeId: z.string().max(64).optional(),
});

export type ChecklistItemDto = {
  id: string;
  employeeId: string;
  employeeName: string;
  kind: ChecklistKind;
  label: string;
  legalRef: string | null;
  dueOn: string;
  status: ChecklistItemStatus;
  doneOn: string | null;
  doneByName: string | null;
  overdue: boolean;
};
export type ChecklistList = { today: string; items: ChecklistItemDto[] };
export type TemplateDto = {
  kind: ChecklistKind;
  custom: boolean;
  items: { label: string; offsetMonths: number; offsetDays: number; legalRef: string | null }[];
};
