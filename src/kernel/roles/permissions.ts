import type { Role } from '../organisations/tables.ts';

export type { Role };
export const ROLES: readonly Role[] = [
  'owner',
  'assistant',
  'accountant',
  'hr',
  'viewer',
  'teacher',
  'student',
];

export const ROLE_LABELS_FR: Record<Role, string> = {
  owner: 'Responsable',
  assistant: 'Assistant(e) de gestion',
  accountant: 'Comptable',
  hr: 'Ressources humaines',
  viewer: 'Lecture seule',
  teacher: 'Enseignant(e)',
  student: 'Élève',
};

/**
 * The permission table: who may do what in an organisation. Every route names one permission and
 * `can()` is the only check. Personal and payroll data are reserved to the roles that need them.
 */
export const PERMISSIONS = {
  'org.read': ['owner', 'assistant', 'accountant', 'hr', 'viewer', 'teacher', 'student'],
  'org.manage': ['owner', 'teacher'],
  'users.read': ['owner', 'teacher'],
  'users.manage': ['owner'],
  'parties.read': ['owner', 'assistant', 'accountant', 'hr', 'viewer', 'teacher', 'student'],
  'parties.write': ['owner', 'assistant', 'accountant', 'teacher', 'student'],
  'documents.read': ['owner', 'assistant', 'accountant', 'hr', 'viewer', 'teacher', 'student'],
  'documents.write': ['owner', 'assistant', 'accountant', 'hr', 'teacher', 'student'],
  'audit.read': ['owner', 'accountant', 'teacher'],
  // Personnel files (area 3). A student works them in their sandboxes, on simulated people; in the school's
  // own organisation STUDENT_IN_SCHOOL keeps them out (decision 0035).
  'personnel.read': ['owner', 'hr', 'teacher', 'student'],
  'personnel.write': ['owner', 'hr', 'teacher', 'student'],
  'ledger.read': ['owner', 'assistant', 'accountant', 'viewer', 'teacher', 'student'],
  'ledger.write': ['owner', 'assistant', 'accountant', 'teacher', 'student'],
  'ledger.close': ['owner', 'accountant', 'teacher'],
  'sales.read': ['owner', 'assistant', 'accountant', 'viewer', 'teacher', 'student'],
  'sales.write': ['owner', 'assistant', 'accountant', 'teacher', 'student'],
  // Supplier bills and their payments (area 2), as sales.
  'purchases.read': ['owner', 'assistant', 'accountant', 'viewer', 'teacher', 'student'],
  'purchases.write': ['owner', 'assistant', 'accountant', 'teacher', 'student'],
  // The rest of area 2 (workplace: meetings, internal notices, staff postings...): everyone reads, the
  // assistant, HR and the owner write (decision 0044).
  'production.read': ['owner', 'assistant', 'accountant', 'hr', 'viewer', 'teacher', 'student'],
  'production.write': ['owner', 'assistant', 'hr', 'teacher', 'student'],
  // Outbox: recipients and subjects are seen by those who send mail; the SMTP account only by the owner.
  'mail.read': ['owner', 'assistant', 'teacher', 'student'],
  'mail.write': ['owner', 'assistant', 'teacher', 'student'],
  'mail.manage': ['owner', 'teacher'],
  // Events and prospecting campaigns (activity 1.1): relations work, not accounting.
  'prospecting.read': ['owner', 'assistant', 'viewer', 'teacher', 'student'],
  'prospecting.write': ['owner', 'assistant', 'teacher', 'student'],
  // GDPR: a person's full export and the erasure of their data (decision 0016).
  'privacy.manage': ['owner', 'teacher'],
  // Training mode, in the school's organisation. Which classes, students and sandboxes a teacher or a
  // student reaches is narrowed further by src/training/classes/access.ts (their own only).
  'training.read': ['owner', 'teacher', 'student'],
  'training.manage': ['owner', 'teacher'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * A student works with every screen in their sandboxes (copies of a scenario), but in the school itself —
 * an ordinary organisation, which may keep its own books in Agora — reads only their training and the
 * school's name. The guard applies it (src/server/guard.ts).
 */
export const STUDENT_IN_SCHOOL: ReadonlySet<Permission> = new Set(['org.read', 'training.read']);

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
