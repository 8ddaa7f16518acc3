import { formatDateFr } from '../../../kernel/dates/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { ruleBroken } from '../../../kernel/errors/domain-error.ts';
import type { OrganisationDto } from '../../../kernel/organisations/contract.ts';
import { getOrganisation } from '../../../kernel/organisations/organisation.ts';
import type { PartyDto } from '../../../kernel/parties/contract.ts';
import { getParty } from '../../../kernel/parties/party.ts';
import { CONTRACT_KIND_LABELS_FR, type ContractDto } from './contract.ts';
import { getContract, termsOf } from './contract-read.ts';
import { noticeDeadline, periodOn } from './deadlines.ts';
import { type BusinessLetter, businessLetterPdf } from './letter-pdf.ts';

// The termination letter (lettre de résiliation) of a terminated contract, sent by registered letter with
// acknowledgement of receipt: the contract's reference, the notice respected and the day it ends.

/** « 1er avril 2025 », « 20 janvier 2027 »: a letter's dates in words. */
export function longDate(date: string): string {
  const text = new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
  return text.replace(/^1 /, '1er ');
}

const notice = (c: ContractDto) =>
  c.noticeUnit === 'months'
    ? `${c.noticeValue} mois`
    : `${c.noticeValue} jour${c.noticeValue > 1 ? 's' : ''}`;

function addressOf(party: PartyDto): string[] {
  const address =
    party.addresses.find((a) => a.kind === 'head_office') ??
    party.addresses.find((a) => a.kind === 'billing') ??
    party.addresses[0];
  if (!address) return [];
  return [address.line1, address.line2, `${address.postalCode} ${address.city}`].filter((l): l is string =>
    Boolean(l),
  );
}

function senderOf(org: OrganisationDto): string[] {
  return [
    org.name,
    org.addressLine1,
    org.addressLine2,
    org.postalCode || org.city ? `${org.postalCode ?? ''} ${org.city ?? ''}`.trim() : null,
    org.siret ? `SIRET ${org.siret}` : null,
    org.phone ? `Tél. ${org.phone}` : null,
    org.email,
  ].filter((l): l is string => Boolean(l));
}

export function terminationLetter(
  c: ContractDto,
  org: OrganisationDto,
  provider: PartyDto,
  deadline: string | null,
): BusinessLetter {
  const ref = c.reference ? `n° ${c.reference}` : `« ${c.object} »`;
  const sentOn = c.terminationSentOn!;
  const end = c.terminatedOn!;
  const what = `le contrat ${c.reference ? `n° ${c.reference} ` : ''}« ${c.object} » (${CONTRACT_KIND_LABELS_FR[c.kind].toLowerCase()}) qui nous lie depuis le ${longDate(c.startDate)}`;
  const paragraphs = ['Madame, Monsieur,'];
  if (c.terminationChatel) {
    paragraphs.push(
      `Par la présente, je vous notifie la résiliation de ${what}.`,
      'Ce contrat a été reconduit tacitement sans que vous nous ayez informés, par écrit et dans les délais, de la possibilité de ne pas le reconduire, comme l’exige l’article L215-1 du Code de la consommation, applicable à notre organisation en vertu de l’article L215-3.',
      `En application du deuxième alinéa de ce même article, nous y mettons fin sans frais à compter du ${longDate(end)}. Nous vous demandons de nous rembourser, dans un délai de trente jours à compter de cette date, les sommes versées au titre de la période postérieure.`,
    );
  } else if (!c.tacitRenewal) {
    paragraphs.push(
      `Par la présente, je vous informe que nous ne souhaitons pas poursuivre ${what}.`,
      `Conformément à ses conditions, ce contrat prendra fin à son terme, le ${longDate(end)}, et ne sera ni renouvelé ni prolongé.`,
    );
  } else {
    paragraphs.push(
      `Par la présente, je vous notifie la résiliation de ${what}, et m’oppose à sa reconduction tacite.`,
      `Le contrat prévoit un préavis de ${notice(c)} avant son échéance. Envoyée le ${longDate(sentOn)}, la présente lettre respecte ce préavis, dont la date limite était le ${longDate(deadline!)}. La résiliation prendra donc effet à l’échéance du ${longDate(end)}, au soir de laquelle le contrat prendra fin.`,
    );
  }
  paragraphs.push(
    'Je vous remercie de bien vouloir m’adresser une confirmation écrite de cette résiliation et de ne plus émettre de facture ni de prélèvement pour une période postérieure à cette date.',
    'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
  );
  return {
    title: `Résiliation du contrat ${ref}`,
    sender: senderOf(org),
    recipient: [provider.name, ...addressOf(provider)],
    placeAndDate: `${org.city ? `${org.city}, le` : 'Le'} ${longDate(sentOn)}`,
    sending: 'Lettre recommandée avec accusé de réception',
    subject: `Résiliation du contrat ${ref}${c.reference ? ` — ${c.object}` : ''}`,
    references: [
      `Contrat : ${c.reference ?? 'sans référence'}, conclu le ${formatDateFr(c.startDate)}`,
      ...(c.covered ? [`Matériel ou site couvert : ${c.covered}`] : []),
    ],
    paragraphs,
    signature: [`Pour ${org.name},`, '', '', '(nom, qualité et signature)'],
  };
}

/** The letter of a terminated contract, as a PDF; read outside any transaction (PDF work is slow). */
export async function terminationLetterPdf(db: Db, orgId: string, id: string, asOf: string) {
  const contract = await getContract(db, orgId, id, asOf);
  if (contract.status !== 'terminated')
    throw ruleBroken('Résiliez d’abord le contrat : la lettre reprend la date d’envoi et la date de fin.');
  const [org, provider, row] = await Promise.all([
    getOrganisation(db, orgId),
    getParty(db, orgId, contract.providerId),
    db
      .selectFrom('production_workplace_contract')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
  ]);
  const terms = termsOf(row);
  const deadline = terms.tacitRenewal ? noticeDeadline(terms, periodOn(terms, contract.terminatedOn!)) : null;
  const bytes = await businessLetterPdf(terminationLetter(contract, org, provider, deadline));
  const slug = (contract.reference ?? contract.object).replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 40);
  return { bytes, fileName: `resiliation-${slug}.pdf` };
}
