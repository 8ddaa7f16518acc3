import { formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { isEmail, isPhone } from '../../kernel/identifiers/index.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import { sortKey } from '../../kernel/parties/sort-key.ts';
import { settledEntryIds } from '../../ledger/index.ts';
import { orgToday } from '../requests/request.ts';
import type { AnomalyDto, AnomalyKind, AnomalyReportDto } from './contract.ts';

// The anomaly report: what a careful assistant would check in the parties and the invoices before a
// mailing or a dunning run. Reads only; each finding says what is wrong in French.

/** Legal forms that need no SIREN to be in order (associations not registered, public bodies have one). */
const NO_SIREN_NEEDED = /association|syndic|copropri|particulier/i;

/** « SARL Dupont & Fils » and « Dupont et fils » compare equal: no accents, case, punctuation or legal form. */
export function normalisedName(name: string): string {
  return sortKey(name)
    .replace(/\b(sarl|sas|sasu|eurl|sa|sci|snc|ei|eirl|scop|et|and)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, '');
}

function groups<T>(items: readonly T[], keyOf: (item: T) => string | null): T[][] {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key) map.set(key, [...(map.get(key) ?? []), item]);
  }
  return [...map.values()].filter((g) => g.length > 1);
}

export async function anomalyReport(db: Db, orgId: string): Promise<AnomalyReportDto> {
  const asOf = await orgToday(db, orgId);
  const parties = await db
    .selectFrom('party')
    .select(['id', 'kind', 'name', 'legal_form', 'siren', 'email', 'phone'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .orderBy('sort_key')
    .orderBy('id')
    .execute();
  const addresses = await db
    .selectFrom('party_address')
    .select(['party_id', 'postal_code'])
    .where('org_id', '=', orgId)
    .orderBy('position')
    .execute();
  const contacts = await db
    .selectFrom('party_contact')
    .select(['party_id', 'name', 'email', 'phone'])
    .where('org_id', '=', orgId)
    .execute();
  const postcodes = new Map<string, Set<string>>();
  for (const a of addresses)
    postcodes.set(a.party_id, (postcodes.get(a.party_id) ?? new Set()).add(a.postal_code.replace(/\s/g, '')));
  const live = new Set(parties.map((p) => p.id));
  const items: AnomalyDto[] = [];
  const add = (kind: AnomalyKind, message: string, partyIds: string[], invoiceId: string | null = null) =>
    items.push({ kind, message, partyIds, invoiceId });
  const names = (g: { name: string }[]) => g.map((p) => `« ${p.name} »`).join(', ');

  for (const g of groups(parties, (p) => p.siren))
    add(
      'duplicate_siren',
      `Même SIREN ${g[0]!.siren} pour ${names(g)}.`,
      g.map((p) => p.id),
    );
  const byNamePostcode = parties.flatMap((p) =>
    [...(postcodes.get(p.id) ?? [])].map((postcode) => ({
      ...p,
      key: `${normalisedName(p.name)}|${postcode}`,
    })),
  );
  for (const g of groups(byNamePostcode, (p) => (p.key.startsWith('|') ? null : p.key))) {
    const unique = [...new Map(g.map((p) => [p.id, p])).values()];
    if (unique.length > 1)
      add(
        'duplicate_name_postcode',
        `Doublon probable (même nom, code postal ${g[0]!.key.split('|')[1]}) : ${names(unique)}.`,
        unique.map((p) => p.id),
      );
  }
  for (const g of groups(parties, (p) => p.email?.toLowerCase() ?? null))
    add(
      'duplicate_email',
      `Même adresse électronique ${g[0]!.email} pour ${names(g)}.`,
      g.map((p) => p.id),
    );
  for (const p of parties) {
    if (p.kind === 'organisation' && !p.siren && !NO_SIREN_NEEDED.test(p.legal_form ?? ''))
      add('missing_siren', `« ${p.name} » est une organisation sans SIREN.`, [p.id]);
    if (p.email && !isEmail(p.email))
      add('invalid_email', `Adresse électronique invalide pour « ${p.name} » : ${p.email}.`, [p.id]);
    if (p.phone && !isPhone(p.phone))
      add('invalid_phone', `Numéro de téléphone invalide pour « ${p.name} » : ${p.phone}.`, [p.id]);
  }
  for (const c of contacts) {
    if (!live.has(c.party_id)) continue;
    if (c.email && !isEmail(c.email))
      add('invalid_email', `Adresse électronique invalide du contact « ${c.name} » : ${c.email}.`, [
        c.party_id,
      ]);
    if (c.phone && !isPhone(c.phone))
      add('invalid_phone', `Numéro de téléphone invalide du contact « ${c.name} » : ${c.phone}.`, [
        c.party_id,
      ]);
  }

  // Overdue: validated invoices past their due date whose receivable (411) line is not lettered yet.
  const due = await db
    .selectFrom('relations_invoice as i')
    .innerJoin('party as p', (j) => j.onRef('p.org_id', '=', 'i.org_id').onRef('p.id', '=', 'i.customer_id'))
    .select(['i.id', 'i.number', 'i.due_date', 'i.total', 'i.ledger_entry_id', 'i.customer_id', 'p.name'])
    .where('i.org_id', '=', orgId)
    .where('i.kind', '=', 'invoice')
    .where('i.status', '=', 'validated')
    .where('i.due_date', '<', asOf)
    .orderBy('i.due_date')
    .execute();
  const entryIds = due.flatMap((i) => (i.ledger_entry_id ? [i.ledger_entry_id] : []));
  const settled = await settledEntryIds(db, orgId, entryIds, { accountPrefix: '411', asOf });
  for (const i of due) {
    if (!i.ledger_entry_id || settled.has(i.ledger_entry_id)) continue;
    add(
      'overdue_invoice',
      `Facture ${i.number} de « ${i.name} » (${formatAmount(Number(i.total))}) échue le ${formatDateFr(String(i.due_date))} et non lettrée.`,
      [i.customer_id],
      i.id,
    );
  }
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  return { asOf, items, counts };
}
