import { formatDateFr } from '../../kernel/dates/index.ts';
import type { Db } from '../../kernel/db/index.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import { getParty } from '../../kernel/parties/party.ts';
import { getComplaint } from '../complaints/complaint.ts';
import { listRequests } from '../requests/request.ts';
import { listConsents } from './consents.ts';

// GDPR art. 15 and 20: everything the organisation holds on a person, as data (JSON) and as a letter a
// person can read (text).

export async function personalData(db: Db, orgId: string, partyId: string) {
  const party = await getParty(db, orgId, partyId);
  const org = await db
    .selectFrom('organisation')
    .select('name')
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const requests = await listRequests(db, orgId, { partyId, limit: 500, offset: 0 });
  const complaintIds = await db
    .selectFrom('relations_complaint')
    .select('id')
    .where('org_id', '=', orgId)
    .where('party_id', '=', partyId)
    .orderBy('number')
    .execute();
  const complaints = await Promise.all(complaintIds.map((c) => getComplaint(db, orgId, c.id)));
  const invoices = await db
    .selectFrom('relations_invoice')
    .select(['id', 'kind', 'status', 'number', 'issue_date', 'total_net', 'total'])
    .where('org_id', '=', orgId)
    .where('customer_id', '=', partyId)
    .orderBy('issue_date')
    .execute();
  return {
    exportedAt: new Date().toISOString(),
    controller: org.name,
    person: party,
    consents: (await listConsents(db, orgId, partyId)).history,
    requests: requests.items,
    complaints,
    invoices: invoices.map((i) => ({
      id: i.id,
      kind: i.kind,
      status: i.status,
      number: i.number,
      issueDate: i.issue_date,
      totalNet: Number(i.total_net),
      total: Number(i.total),
    })),
  };
}

export type PersonalData = Awaited<ReturnType<typeof personalData>>;

const PURPOSES: Record<string, string> = {
  newsletter: 'lettre d’information',
  prospecting: 'prospection commerciale',
  photos: 'droit à l’image (photos)',
  partner_sharing: 'transmission à des partenaires',
};

/** The same data as a plain French text, for a person who asked « what do you hold on me? ». */
export function personalDataText(data: PersonalData): string {
  const p = data.person;
  const lines = [
    `Données personnelles détenues par ${data.controller}`,
    `Extraites le ${formatDateFr(data.exportedAt.slice(0, 10))} (RGPD, articles 15 et 20)`,
    '',
    '== Identité et coordonnées ==',
    `Nom : ${p.name}`,
    `Adresse électronique : ${p.email ?? '—'}`,
    `Téléphone : ${p.phone ?? '—'}`,
    ...p.addresses.map(
      (a) =>
        `Adresse : ${[a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(', ')}`,
    ),
    ...p.contacts.map(
      (c) => `Contact : ${c.name}${c.email ? `, ${c.email}` : ''}${c.phone ? `, ${c.phone}` : ''}`,
    ),
    ...(p.iban ? [`IBAN : ${p.iban}`] : []),
    ...(p.notes ? [`Notes : ${p.notes}`] : []),
    '',
    '== Consentements ==',
    ...(data.consents.length === 0
      ? ['Aucun consentement enregistré.']
      : data.consents.map(
          (c) =>
            `${formatDateFr(c.givenOn)} : ${c.granted ? 'accord' : 'refus ou retrait'} pour ${PURPOSES[c.purpose] ?? c.purpose} (${c.source})`,
        )),
    '',
    '== Demandes ==',
    ...(data.requests.length === 0
      ? ['Aucune demande.']
      : data.requests.flatMap((r) => [
          `${formatDateFr(r.receivedAt.slice(0, 10))} — ${r.subject}`,
          `  Message : ${r.message}`,
          ...(r.answer ? [`  Réponse : ${r.answer}`] : []),
        ])),
    '',
    '== Réclamations ==',
    ...(data.complaints.length === 0
      ? ['Aucune réclamation.']
      : data.complaints.flatMap((c) => [
          `${c.number} du ${formatDateFr(c.receivedOn)} — ${c.subject}`,
          `  ${c.description}`,
          ...c.steps.map((s) => `  ${formatDateFr(s.stepDate)} : ${s.note}`),
        ])),
    '',
    '== Factures et avoirs ==',
    ...(data.invoices.length === 0
      ? ['Aucune facture.']
      : data.invoices.map(
          (i) =>
            `${i.kind === 'credit_note' ? 'Avoir' : 'Facture'} ${i.number ?? '(brouillon)'}${i.issueDate ? ` du ${formatDateFr(i.issueDate)}` : ''} : ${formatAmount(i.total)} TTC`,
        )),
    '',
  ];
  return lines.join('\n');
}
