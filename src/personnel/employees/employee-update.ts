import { recordAudit } from '../../kernel/audit/audit.ts';
import { formatDateFr, nowInstant } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { type FieldIssue, invalid } from '../../kernel/errors/domain-error.ts';
import type { EmployeeDto, EmployeeInput } from './contract.ts';
import { columnsOf, getEmployee } from './employee.ts';

// The correction of a personnel file (decision 0035). The register's order number and the date of entry
// are written once: the register is kept in the order of hiring, its entries are indelible (C. trav.
// L1221-13, D1221-23), so an entry made for the wrong day is not moved — its departure is recorded and the
// person entered again. A trainee stands in a part of the register of their own: a trainee hired
// afterwards is a new entry, not a change of contract. Everything else is a correction of the file.

/** The fields the audit shows as « changed » without their values: whoever reads the audit trail (the
 * accountant) is not entitled to the social security number. */
const MASKED: ReadonlySet<keyof EmployeeInput> = new Set(['socialSecurityNumber']);

export async function updateEmployee(
  trx: Db,
  orgId: string,
  employeeId: string,
  input: EmployeeInput,
  actorId: string | null,
): Promise<EmployeeDto> {
  const before = await getEmployee(trx, orgId, employeeId);
  const issues: FieldIssue[] = [];
  if (input.hireDate !== before.hireDate)
    issues.push({
      field: 'hireDate',
      message: `La date d’entrée inscrite au registre (${formatDateFr(before.hireDate)}) ne se modifie pas.`,
    });
  if ((input.contractType === 'internship') !== (before.contractType === 'internship'))
    issues.push({
      field: 'contractType',
      message:
        before.contractType === 'internship'
          ? 'Un stagiaire embauché devient un salarié : enregistrez sa sortie de stage et son entrée comme salarié.'
          : 'Un salarié ne devient pas stagiaire : les stagiaires ont leur propre partie du registre.',
    });
  if (issues.length > 0) throw invalid(issues[0]!.message, issues);

  const changed = (Object.keys(input) as (keyof EmployeeInput)[]).filter(
    (k) => (input[k] ?? null) !== (before[k] ?? null),
  );
  if (changed.length === 0) return before;
  await trx
    .updateTable('personnel_employee')
    .set({ ...columnsOf(input), updated_at: nowInstant() })
    .where('org_id', '=', orgId)
    .where('id', '=', employeeId)
    .execute();
  const show = (dto: EmployeeDto | EmployeeInput) =>
    Object.fromEntries(changed.map((k) => [k, MASKED.has(k) ? '(modifié)' : (dto[k] ?? null)]));
  await recordAudit(trx, {
    orgId,
    actorId,
    action: 'personnel.employee.updated',
    entity: 'personnel_employee',
    entityId: employeeId,
    before: show(before),
    after: show(input),
  });
  return getEmployee(trx, orgId, employeeId);
}
