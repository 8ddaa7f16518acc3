import type { Kysely } from 'kysely';
import type { Db } from '../../kernel/db/index.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import type { ReferentielDto } from '../referentiel/contract.ts';
import type { TrainingStudentTable } from '../tables.ts';
import { EVIDENCE_ACTIONS, EVIDENCE_TARGETS, SALES_KINDS } from './actions.ts';
import type { EvidenceItemDto } from './contract.ts';

/** At most this many items per student: a portfolio is read by people, not scrolled for ever. */
const LIMIT = 2000;

/** The activity a code names: '1.2.t3' → '1.2', '1.2' → '1.2'. */
export const activityOf = (code: string) => code.replace(/\.t\d+$/, '');

/** The competencies an action's codes show: those of the référentiel whose activities include one. */
export function competenciesFor(codes: readonly string[], referentiel: ReferentielDto): string[] {
  const activities = new Set(codes.map(activityOf));
  return referentiel.blocks
    .flatMap((b) => b.competencies)
    .filter((c) => c.activities.some((a) => activities.has(a)))
    .map((c) => c.code);
}

type Labels = Map<string, { kind: string | null; label: string | null; path: string | null }>;

/** Names each document the events point at, one query per sandbox and table. */
async function documentLabels(db: Db, orgId: string, byTable: Map<string, Set<string>>): Promise<Labels> {
  const labels: Labels = new Map();
  // The tables are those of EVIDENCE_TARGETS (a fixed list), named dynamically.
  // biome-ignore lint/suspicious/noExplicitAny: dynamic table from the fixed list above
  const loose = db as unknown as Kysely<any>;
  for (const [entity, ids] of byTable) {
    const target = EVIDENCE_TARGETS[entity];
    if (!target) continue;
    const columns = ['id', ...(target.labelColumn ? [target.labelColumn] : [])];
    if (entity === 'relations_sales_document') columns.push('kind');
    if (entity === 'relations_invoice') columns.push('total');
    const rows: Record<string, unknown>[] = await loose
      .selectFrom(target.table)
      .select(columns)
      .where('org_id', '=', orgId)
      .where('id', 'in', [...ids])
      .execute();
    for (const row of rows) {
      const id = String(row.id);
      const raw = target.labelColumn ? row[target.labelColumn] : null;
      let kind = target.kind;
      let path = target.path(id);
      let label = raw === null || raw === undefined ? null : String(raw);
      if (entity === 'relations_sales_document') {
        const sales = SALES_KINDS[String(row.kind)];
        kind = sales?.kind ?? kind;
        path = sales ? `${sales.path}/${id}` : null;
      }
      if (entity === 'relations_reminder' && label) label = `niveau ${label}`;
      // An invoice is named by its number and its total incl. VAT: two students' invoices of the same
      // situation both read FA-<year>-00001 in their own sandboxes, their amounts tell them apart.
      if (entity === 'relations_invoice')
        label = [label, `${formatAmount(Number(row.total))} TTC`].filter(Boolean).join(' — ');
      labels.set(`${entity}:${id}`, { kind, label, path });
    }
  }
  return labels;
}

/**
 * What a student did in their sandboxes (issue 5 §7), oldest first: the audit events their own login left
 * in each sandbox organisation, for the actions EVIDENCE_ACTIONS lists, with the document each one
 * touched and the competencies it shows. A reset sandbox starts again from the template's trail, so the
 * work done before a reset is no longer evidence (decision 0023).
 */
export async function studentEvidence(
  db: Db,
  schoolId: string,
  student: Pick<TrainingStudentTable, 'id' | 'user_id'>,
  referentiel: ReferentielDto,
): Promise<EvidenceItemDto[]> {
  if (!student.user_id) return [];
  const sandboxes = await db
    .selectFrom('training_sandbox as sb')
    .innerJoin('training_handout as h', (j) =>
      j.onRef('h.org_id', '=', 'sb.org_id').onRef('h.id', '=', 'sb.handout_id'),
    )
    .innerJoin('training_scenario as sc', (j) =>
      j.onRef('sc.org_id', '=', 'h.org_id').onRef('sc.id', '=', 'h.scenario_id'),
    )
    .select(['sb.id', 'sb.sandbox_org_id', 'sc.title'])
    .where('sb.org_id', '=', schoolId)
    .where('sb.student_id', '=', student.id)
    .where('sb.status', '=', 'ready')
    .execute();
  if (sandboxes.length === 0) return [];
  const events = await db
    .selectFrom('audit_event')
    .select(['org_id', 'seq', 'at', 'action', 'entity', 'entity_id'])
    .where(
      'org_id',
      'in',
      sandboxes.map((s) => s.sandbox_org_id),
    )
    .where('actor_id', '=', student.user_id)
    .where('action', 'in', Object.keys(EVIDENCE_ACTIONS))
    .orderBy('at')
    .orderBy('seq')
    .limit(LIMIT)
    .execute();
  const competencyCache = new Map<string, string[]>();
  const items: EvidenceItemDto[] = [];
  for (const sandbox of sandboxes) {
    const own = events.filter((e) => e.org_id === sandbox.sandbox_org_id);
    const byTable = new Map<string, Set<string>>();
    for (const e of own) {
      if (!byTable.has(e.entity)) byTable.set(e.entity, new Set());
      byTable.get(e.entity)!.add(e.entity_id);
    }
    const labels = await documentLabels(db, sandbox.sandbox_org_id, byTable);
    for (const e of own) {
      const action = EVIDENCE_ACTIONS[e.action]!;
      let competencies = competencyCache.get(e.action);
      if (!competencies) {
        competencies = competenciesFor(action.codes, referentiel);
        competencyCache.set(e.action, competencies);
      }
      const doc = labels.get(`${e.entity}:${e.entity_id}`);
      items.push({
        id: `${sandbox.sandbox_org_id}:${e.seq}`,
        at: new Date(e.at).toISOString(),
        sandboxId: sandbox.id,
        sandboxOrgId: sandbox.sandbox_org_id,
        scenarioTitle: sandbox.title,
        action: e.action,
        label: action.label,
        documentKind: doc?.kind ?? EVIDENCE_TARGETS[e.entity]?.kind ?? null,
        documentLabel: doc?.label ?? null,
        path: doc?.path ? `/orgs/${sandbox.sandbox_org_id}/${doc.path}` : null,
        codes: [...action.codes],
        competencies,
      });
    }
  }
  return items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** How many evidence items show each competency. */
export function evidenceByCompetency(items: readonly EvidenceItemDto[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const c of item.competencies) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}
