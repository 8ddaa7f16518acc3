import type { Db } from '../../kernel/db/index.ts';
import {
  type CatalogueEntity,
  type CatalogueField,
  catalogueEntity,
  catalogueField,
  formatValue,
  OPERATOR_LABELS,
  UNARY_OPERATORS,
} from './check-catalogue.ts';
import type { CheckCondition } from './contract.ts';
import { SANDBOX_READERS, type SandboxRow, type Value } from './sandbox-rows.ts';

export type CheckDefinition = {
  entity: string;
  conditions: CheckCondition[];
  countMode: 'at_least' | 'exactly';
  expectedCount: number;
};
export type Evaluation = { passed: boolean; explanation: string };

/** Case, accents, apostrophes and spacing do not matter when comparing text typed by a student. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function testOne(field: CatalogueField, actual: string | number | null, c: CheckCondition): boolean {
  const filled = actual !== null && actual !== '';
  if (c.operator === 'filled') return filled;
  if (c.operator === 'empty') return !filled;
  if (!filled || c.value === null) return c.operator === 'ne';
  const numeric = field.type === 'money' || field.type === 'number';
  const a = numeric ? Number(actual) : field.type === 'text' ? fold(String(actual)) : String(actual);
  const e = numeric ? Number(c.value) : field.type === 'text' ? fold(String(c.value)) : String(c.value);
  switch (c.operator) {
    case 'eq':
      return a === e;
    case 'ne':
      return a !== e;
    case 'contains':
      return String(a).includes(String(e));
    case 'starts':
      return String(a).startsWith(String(e));
    case 'gte':
      return a >= e;
    case 'lte':
      return a <= e;
  }
  return false;
}

export function testCondition(field: CatalogueField, actual: Value, c: CheckCondition): boolean {
  if (!Array.isArray(actual)) return testOne(field, actual, c);
  if (c.operator === 'filled') return actual.length > 0;
  if (c.operator === 'empty') return actual.length === 0;
  if (c.operator === 'ne') return actual.every((v) => testOne(field, v, c));
  return actual.some((v) => testOne(field, v, c));
}

/** "total TTC = 1 234,56 €": one condition in words. */
export function describeCondition(entity: CatalogueEntity, c: CheckCondition): string {
  const field = catalogueField(entity, c.field);
  if (!field) return c.field;
  if (UNARY_OPERATORS.includes(c.operator)) return `${field.label} ${OPERATOR_LABELS[c.operator]}`;
  return `${field.label} ${OPERATOR_LABELS[c.operator]} ${formatValue(field, c.value)}`;
}

export function describeConditions(entity: CatalogueEntity, conditions: CheckCondition[]): string {
  return conditions.map((c) => describeCondition(entity, c)).join(', ');
}

function formatActual(field: CatalogueField, actual: Value): string {
  if (Array.isArray(actual))
    return actual.length === 0 ? 'aucun' : actual.map((v) => formatValue(field, v)).join(', ');
  return formatValue(field, actual);
}

/** Why one row misses one condition, in words: "total TTC 1 200,00 € au lieu de 1 234,56 €". */
function describeMiss(field: CatalogueField, actual: Value, c: CheckCondition): string {
  const is = formatActual(field, actual);
  const expected = c.value === null ? '' : formatValue(field, c.value);
  switch (c.operator) {
    case 'eq':
      return `${field.label} ${is} au lieu de ${expected}`;
    case 'ne':
      return `${field.label} vaut ${expected}`;
    case 'contains':
      return `${field.label} ${is} ne contient pas ${expected}`;
    case 'starts':
      return `${field.label} ${is} ne commence pas par ${expected}`;
    case 'gte':
      return `${field.label} ${is} (au moins ${expected} attendu)`;
    case 'lte':
      return `${field.label} ${is} (au plus ${expected} attendu)`;
    case 'filled':
      return `${field.label} non renseigné`;
    case 'empty':
      return `${field.label} renseigné (${is})`;
  }
}

const MAX_LISTED = 3;

/** The engine, on rows already read: pure, so the unit tests exercise it without a database. */
export function evaluateRows(check: CheckDefinition, rows: SandboxRow[]): Evaluation {
  const entity = catalogueEntity(check.entity);
  if (!entity) return { passed: false, explanation: `Objet inconnu : « ${check.entity} ».` };
  const scored = rows.map((row) => {
    const misses: string[] = [];
    for (const c of check.conditions) {
      const field = catalogueField(entity, c.field);
      if (!field) {
        misses.push(`champ inconnu « ${c.field} »`);
        continue;
      }
      const actual = row.values[c.field] ?? null;
      if (!testCondition(field, actual, c)) misses.push(describeMiss(field, actual, c));
    }
    return { row, misses };
  });
  const matches = scored.filter((s) => s.misses.length === 0);
  const m = matches.length;
  const n = check.expectedCount;
  const passed = check.countMode === 'exactly' ? m === n : m >= n;
  const summary = describeConditions(entity, check.conditions);
  const refs = (list: typeof scored) =>
    list
      .slice(0, MAX_LISTED)
      .map((s) => s.row.ref)
      .join(', ') + (list.length > MAX_LISTED ? '…' : '');
  const count = (k: number) => `${k} ${k > 1 ? entity.plural : entity.label}`;

  if (passed) {
    if (m === 0) {
      const none = entity.none.charAt(0).toLowerCase() + entity.none.slice(1);
      return { passed, explanation: `Réussi : ${none} ne remplit ces conditions, comme attendu.` };
    }
    return { passed, explanation: `Réussi : ${count(m)} conforme${m > 1 ? 's' : ''} (${refs(matches)}).` };
  }
  if (m > n) {
    return {
      passed,
      explanation: `${count(m)} rempli${m > 1 ? 'ssent' : 't'} les conditions (${summary}) au lieu de ${n} exactement : ${refs(matches)}.`,
    };
  }
  if (rows.length === 0) {
    return { passed, explanation: `${entity.none} dans le bac à sable (attendu : ${summary}).` };
  }
  // The closest of the rows that miss: the fewest conditions missed, the most recent first.
  const others = scored.filter((s) => s.misses.length > 0).sort((a, b) => a.misses.length - b.misses.length);
  const nearest = others[0];
  const head =
    m === 0
      ? `${entity.none} ne remplit toutes les conditions (${summary})`
      : `${count(m)} seulement rempli${m > 1 ? 'ssent' : 't'} les conditions (${summary}) sur ${n} attendu${n > 1 ? 's' : ''}`;
  const tail = nearest ? ` ; la plus proche : ${nearest.row.ref}, ${nearest.misses.join(', ')}` : '';
  return { passed, explanation: `${head}${tail}.` };
}

/** Runs one check over a sandbox organisation, reading its current state. */
export async function evaluateCheck(
  db: Db,
  sandboxOrgId: string,
  check: CheckDefinition,
): Promise<Evaluation> {
  const reader = SANDBOX_READERS[check.entity];
  if (!reader) return { passed: false, explanation: `Objet inconnu : « ${check.entity} ».` };
  return evaluateRows(check, await reader(db, sandboxOrgId));
}
