import { z } from 'zod';
import { isCalendarDate } from '../../kernel/dates/index.ts';
import { text } from '../../kernel/validation/text.ts';
import { isValidNir, nirMismatch, normaliseNir } from './nir.ts';

// Employees (salariés): the personnel file and what the registre unique du personnel records. Pay is in
// integer cents, hours in hundredths (35 h is 3500), rates in hundredths of a percent (7,50 % is 750).

const calendarDate = (what: string) => {
  const message = `${what} : date réelle au format AAAA-MM-JJ attendue.`;
  return z.iso.date({ error: message, abort: true }).refine(isCalendarDate, message);
};
const optionalText = (max: number) =>
  text()
    .max(max, `${max} caractères au maximum.`)
    .nullish()
    .transform((v) => (v ? v : null));

export const employeeCategories = ['employee', 'executive'] as const;
export const contractTypes = ['cdi', 'cdd', 'apprenticeship', 'internship'] as const;
export type ContractType = (typeof contractTypes)[number];
export const departureReasons = [
  'resignation',
  'dismissal',
  'end_of_contract',
  'mutual_agreement',
  'trial_period',
  'retirement',
  'other',
] as const;

export const CONTRACT_TYPE_LABELS_FR: Record<(typeof contractTypes)[number], string> = {
  cdi: 'CDI',
  cdd: 'CDD',
  apprenticeship: 'Contrat d’apprentissage',
  internship: 'Stage (convention)',
};
export const DEPARTURE_REASON_LABELS_FR: Record<(typeof departureReasons)[number], string> = {
  resignation: 'Démission',
  dismissal: 'Licenciement',
  end_of_contract: 'Fin de contrat',
  mutual_agreement: 'Rupture conventionnelle',
  trial_period: 'Rupture de la période d’essai',
  retirement: 'Départ à la retraite',
  other: 'Autre',
};

export const employeeInput = z
  .object({
    lastName: text().min(1, 'Nom : champ obligatoire.').max(100, '100 caractères au maximum.'),
    firstName: text().min(1, 'Prénom : champ obligatoire.').max(100, '100 caractères au maximum.'),
    sex: z.enum(['F', 'M'], 'Sexe : F ou M.'),
    birthDate: calendarDate('Date de naissance'),
    nationality: text().min(1, 'Nationalité : champ obligatoire.').max(60, '60 caractères au maximum.'),
    socialSecurityNumber: text()
      .max(30)
      .nullish()
      .transform((v) => (v ? normaliseNir(v) : null))
      .refine(
        (v) => v === null || isValidNir(v),
        'Numéro de sécurité sociale invalide : 15 caractères dont la clé (ex. 2 84 05 75 123 456 72).',
      ),
    email: z
      .email('Adresse e-mail invalide.')
      .max(200)
      .nullish()
      .transform((v) => v ?? null),
    phone: optionalText(30),
    address: optionalText(300),
    jobTitle: text().min(1, 'Emploi : champ obligatoire.').max(100, '100 caractères au maximum.'),
    qualification: optionalText(100),
    category: z.enum(employeeCategories, 'Catégorie : employee (non-cadre) ou executive (cadre).'),
    contractType: z.enum(contractTypes, 'Type de contrat : cdi, cdd, apprenticeship ou internship.'),
    weeklyHours: z
      .number('Durée hebdomadaire en centièmes d’heure attendue (3500 pour 35 h).')
      .int('Durée hebdomadaire en centièmes d’heure entiers.')
      .min(1, 'La durée hebdomadaire doit être positive.')
      .max(4800, 'La durée hebdomadaire ne peut dépasser 48 h.'),
    monthlyGross: z
      .number('Salaire brut mensuel en centimes attendu.')
      .int('Salaire brut mensuel en centimes entiers.')
      .min(0, 'Le salaire ne peut être négatif.')
      .max(100_000_000, 'Salaire hors limites.'),
    taxRate: z
      .number('Taux de prélèvement à la source en centièmes de pourcent attendu (750 pour 7,50 %).')
      .int('Taux en centièmes de pourcent entiers.')
      .min(0, 'Le taux ne peut être négatif.')
      .max(4300, 'Le taux de prélèvement à la source ne dépasse pas 43 %.')
      .default(0),
    hireDate: calendarDate('Date d’entrée'),
    contractEnd: calendarDate('Fin prévue du contrat')
      .nullish()
      .transform((v) => v ?? null),
    workPermit: optionalText(120),
    tutorName: optionalText(120),
    workplace: optionalText(200),
  })
  .superRefine((v, ctx) => {
    const nirIssue =
      v.socialSecurityNumber && isValidNir(v.socialSecurityNumber)
        ? nirMismatch(v.socialSecurityNumber, v.sex, v.birthDate)
        : null;
    if (nirIssue) ctx.addIssue({ code: 'custom', path: ['socialSecurityNumber'], message: nirIssue });
    if (v.contractType === 'internship' && !v.tutorName)
      ctx.addIssue({
        code: 'custom',
        path: ['tutorName'],
        message: 'Un stagiaire a un tuteur : indiquez ses nom et prénoms (registre du personnel).',
      });
    if (v.contractEnd && v.contractEnd < v.hireDate)
      ctx.addIssue({
        code: 'custom',
        path: ['contractEnd'],
        message: 'La fin prévue du contrat ne peut précéder la date d’entrée.',
      });
    if (v.contractType !== 'cdi' && !v.contractEnd)
      ctx.addIssue({
        code: 'custom',
        path: ['contractEnd'],
        message: 'Un CDD, un apprentissage ou un stage a une fin prévue : indiquez-la.',
      });
  });
export type EmployeeInput = z.output<typeof employeeInput>;

export const departureInput = z.object({
  leftOn: calendarDate('Date de sortie'),
  reason: z.enum(departureReasons, 'Motif de sortie inconnu.'),
});
export type DepartureInput = z.output<typeof departureInput>;

export const employeeDto = z.object({
  id: z.string(),
  registerNumber: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  sex: z.enum(['F', 'M']),
  birthDate: z.string(),
  nationality: z.string(),
  socialSecurityNumber: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  jobTitle: z.string(),
  qualification: z.string().nullable(),
  category: z.enum(employeeCategories),
  contractType: z.enum(contractTypes),
  weeklyHours: z.number(),
  monthlyGross: z.number(),
  taxRate: z.number(),
  hireDate: z.string(),
  contractEnd: z.string().nullable(),
  leftOn: z.string().nullable(),
  departureReason: z.enum(departureReasons).nullable(),
  workPermit: z.string().nullable(),
  tutorName: z.string().nullable(),
  workplace: z.string().nullable(),
});
export type EmployeeDto = z.infer<typeof employeeDto>;
export const employeeList = z.object({ items: z.array(employeeDto) });
export type EmployeeList = z.infer<typeof employeeList>;

export const employeeStatuses = ['present', 'left'] as const;
export type EmployeeStatus = (typeof employeeStatuses)[number];

export const employeeListQuery = z.object({
  /** Present on that day (hired on or before, not left before); all employees when absent. */
  presentOn: calendarDate('Date').optional(),
  /** Part of a name, any case and accents: « elise » finds « Élise ». */
  q: text().max(100, '100 caractères au maximum.').optional(),
  /** Still with us today (no exit date, or one to come), or gone. */
  status: z.enum(employeeStatuses, 'Statut : present ou left.').optional(),
});
export type EmployeeListQuery = z.output<typeof employeeListQuery>;

/** A line of the registre unique du personnel (C. trav. L1221-13, D1221-23 and D1221-23-1 for trainees). */
export const registerLine = z.object({
  employeeId: z.string(),
  registerNumber: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  sex: z.enum(['F', 'M']),
  birthDate: z.string(),
  nationality: z.string(),
  jobTitle: z.string(),
  qualification: z.string().nullable(),
  contractType: z.enum(contractTypes),
  /** The words the register must carry (« Contrat à durée déterminée », « Salarié à temps partiel », « Apprenti »). */
  mentions: z.array(z.string()),
  hireDate: z.string(),
  contractEnd: z.string().nullable(),
  leftOn: z.string().nullable(),
  workPermit: z.string().nullable(),
  tutorName: z.string().nullable(),
  workplace: z.string().nullable(),
});
export type RegisterLine = z.infer<typeof registerLine>;

export const personnelRegister = z.object({
  /** The day the « present on » filter looked at, or null for every line ever entered. */
  presentOn: z.string().nullable(),
  /** Employees, in the order they were hired. */
  employees: z.array(registerLine),
  /** Trainees, in their own part of the register, in the order they arrived. */
  trainees: z.array(registerLine),
});
export type PersonnelRegister = z.infer<typeof personnelRegister>;

export const registerQuery = z.object({ presentOn: calendarDate('Date').optional() });
export type RegisterQuery = z.output<typeof registerQuery>;
