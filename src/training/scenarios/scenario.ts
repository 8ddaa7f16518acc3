import { recordAudit } from '../../kernel/audit/audit.ts';
import { todayIn } from '../../kernel/dates/index.ts';
import type { Db, Dialect } from '../../kernel/db/index.ts';

/** The database and its dialect: a Store, or a test's handle on one. */
type DbHandle = { db: Db; dialect: Dialect };

import { notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import { organisationInput } from '../../kernel/organisations/contract.ts';
import { createOrganisation, setTrainingState } from '../../kernel/organisations/organisation.ts';
import { ensureLedger, openFiscalYear } from '../../ledger/index.ts';
import type { TrainingScope } from '../classes/access.ts';
import type { TrainingScenarioTable } from '../tables.ts';
import type { ScenarioDto, ScenarioInput } from './contract.ts';

/** What a shipped demo brings: its organisation, and the year of work it builds in it (src/demo). */
export type ScenarioDemo = {
  organisation: Parameters<typeof createOrganisation>[1];
  build: (store: DbHandle, orgId: string, userId: string | null, year: number) => Promise<void>;
};

export function toScenarioDto(row: TrainingScenarioTable): ScenarioDto {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    source: row.source,
    simulatedStart: row.simulated_start,
    templateOrgId: row.template_org_id,
    createdAt: row.created_at,
  };
}

// Fictitious identifiers with valid check digits, for a blank company (a SIREN is mandatory).
const BLANK_COMPANY = { siren: '552100554', vatNumber: 'FR96552100554', legalForm: 'SARL' };
// A fictitious address for any blank organisation: an invoice must print its seller's address, so
// without one a blank scenario could not issue its first invoice (the teacher may change it).
const BLANK_ADDRESS = { addressLine1: '1 rue de l’Exemple', postalCode: '69100', city: 'Villeurbanne' };

/**
 * A scenario: a template organisation (from scratch, or a fresh copy of a shipped demo with its year of
 * data), its simulated "today", and a description. The teacher who makes it owns the template, so they
 * can shape it in the ordinary screens before handing it to a class.
 */
export async function createScenario(
  store: DbHandle,
  scope: TrainingScope,
  input: ScenarioInput,
  demos: Record<'trading' | 'association', ScenarioDemo>,
): Promise<ScenarioDto> {
  const simulatedStart = input.simulatedStart ?? `${todayIn().slice(0, 4)}-12-01`;
  const year = Number(simulatedStart.slice(0, 4));
  const demo = input.source === 'blank' ? null : demos[input.source];
  const templateOrgId = await store.db.transaction().execute(async (trx) => {
    const organisation =
      demo?.organisation ??
      organisationInput.parse({
        name: input.title,
        kind: input.organisationKind,
        vatRegime: input.organisationKind === 'company' ? 'normal_monthly' : 'not_liable',
        ...BLANK_ADDRESS,
        ...(input.organisationKind === 'company' ? BLANK_COMPANY : {}),
      });
    const org = await createOrganisation(trx, organisation, scope.userId);
    await setTrainingState(trx, org.id, { isTemplate: true, simulatedToday: simulatedStart }, scope.userId);
    if (!demo) {
      await openFiscalYear(trx, org.id, { start: `${year}-01-01`, end: `${year}-12-31` }, scope.userId);
      await ensureLedger(trx, org.id, scope.userId);
    }
    return org.id;
  });
  // A demo's year of work runs in its own transactions (hundreds of documents), outside the one above.
  if (demo) await demo.build(store, templateOrgId, scope.userId, year);
  return store.db.transaction().execute(async (trx) => {
    const row: TrainingScenarioTable = {
      org_id: scope.orgId,
      id: newId(),
      template_org_id: templateOrgId,
      title: input.title,
      description: input.description,
      source: input.source,
      simulated_start: simulatedStart,
      created_by: scope.userId,
      created_at: new Date().toISOString(),
    };
    await trx.insertInto('training_scenario').values(row).execute();
    await recordAudit(trx, {
      orgId: scope.orgId,
      actorId: scope.userId,
      action: 'training.scenario.created',
      entity: 'training_scenario',
      entityId: row.id,
      after: { title: row.title, source: row.source, templateOrgId, simulatedStart },
    });
    return toScenarioDto(row);
  });
}

/** Scenarios are the school's: every teacher may hand any of them to their classes. */
export async function listScenarios(db: Db, scope: TrainingScope): Promise<ScenarioDto[]> {
  const rows = await db
    .selectFrom('training_scenario')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toScenarioDto);
}

export async function getScenario(db: Db, orgId: string, scenarioId: string): Promise<TrainingScenarioTable> {
  const row = await db
    .selectFrom('training_scenario')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', scenarioId)
    .executeTakeFirst();
  if (!row) throw notFound('Scénario');
  return row;
}
