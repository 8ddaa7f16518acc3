import type { PartyDto } from '../../kernel/parties/contract.ts';

// Mail merge: a letter or an e-mail written once with {{placeholders}}, filled per recipient. The
// placeholders are French words, since the people who write the letters read them.

export const PARTY_FIELDS = [
  'nom',
  'civilite',
  'contact',
  'adresse',
  'code_postal',
  'ville',
  'email',
  'organisation',
  'date',
] as const;
export const EVENT_FIELDS = ['evenement', 'date_evenement', 'heure', 'lieu'] as const;

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** The placeholders of a template that are not in `allowed` (to refuse the template with a clear message). */
export function unknownPlaceholders(template: string, allowed: readonly string[]): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER))
    if (!allowed.includes(match[1]!)) unknown.add(match[1]!);
  return [...unknown];
}

export function unknownPlaceholderMessage(unknown: string[], allowed: readonly string[]): string {
  return `Champ de fusion inconnu : ${unknown.map((u) => `{{${u}}}`).join(', ')}. Champs possibles : ${allowed
    .map((a) => `{{${a}}}`)
    .join(', ')}.`;
}

export function mergeTemplate(template: string, fields: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => fields[name] ?? whole);
}

/**
 * The fields of a party. The party record holds no title (Madame, Monsieur), so {{civilite}} is the
 * neutral French salutation; {{contact}} is the first contact person, or the party itself.
 */
export function partyFields(
  party: PartyDto,
  organisationName: string,
  dateFr: string,
): Record<string, string> {
  const address = party.addresses.find((a) => a.kind === 'billing') ?? party.addresses[0];
  return {
    nom: party.name,
    civilite: 'Madame, Monsieur',
    contact: party.contacts[0]?.name ?? party.name,
    adresse: address ? [address.line1, address.line2].filter(Boolean).join(', ') : '',
    code_postal: address?.postalCode ?? '',
    ville: address?.city ?? '',
    email: party.email ?? party.contacts.find((c) => c.email)?.email ?? '',
    organisation: organisationName,
    date: dateFr,
  };
}

/** Where to e-mail a party: its own address, else its first contact's. */
export function emailOf(party: PartyDto): string | null {
  return party.email ?? party.contacts.find((c) => c.email)?.email ?? null;
}

/** The postal block of a letter: name, contact, street lines, postcode and city. */
export function postalLines(party: PartyDto): string[] {
  const address = party.addresses.find((a) => a.kind === 'billing') ?? party.addresses[0];
  const lines = [party.name];
  if (party.kind === 'organisation' && party.contacts[0])
    lines.push(`À l’attention de ${party.contacts[0].name}`);
  if (address) {
    lines.push(address.line1);
    if (address.line2) lines.push(address.line2);
    lines.push(`${address.postalCode} ${address.city}`);
    if (address.country !== 'FR') lines.push(address.country);
  }
  return lines;
}
