import {
  type addressKinds,
  type PartyDto,
  type PartyInput,
  partyInput,
} from '../../../../src/kernel/parties/contract.ts';
import type { PartyKind, PartyRole } from './party-search.ts';

export type AddressKind = (typeof addressKinds)[number];

// `key` only keeps React's rows stable while the lists change; the schema drops it.
export type ContactValues = { key: string; name: string; jobTitle: string; email: string; phone: string };
export type AddressValues = {
  key: string;
  kind: AddressKind;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
};

export type PartyFormValues = {
  kind: PartyKind;
  name: string;
  roles: PartyRole[];
  legalForm: string;
  siren: string;
  siret: string;
  vatNumber: string;
  email: string;
  phone: string;
  website: string;
  iban: string;
  bic: string;
  notes: string;
  contacts: ContactValues[];
  addresses: AddressValues[];
};

let counter = 0;
const rowKey = () => `row-${++counter}`;

export const emptyContact = (): ContactValues => ({
  key: rowKey(),
  name: '',
  jobTitle: '',
  email: '',
  phone: '',
});

export const emptyAddress = (): AddressValues => ({
  key: rowKey(),
  kind: 'billing',
  line1: '',
  line2: '',
  postalCode: '',
  city: '',
  country: 'FR',
});

export function toFormValues(party?: PartyDto): PartyFormValues {
  if (!party)
    return {
      kind: 'organisation',
      name: '',
      roles: [],
      legalForm: '',
      siren: '',
      siret: '',
      vatNumber: '',
      email: '',
      phone: '',
      website: '',
      iban: '',
      bic: '',
      notes: '',
      contacts: [],
      addresses: [],
    };
  return {
    kind: party.kind,
    name: party.name,
    roles: [...party.roles],
    legalForm: party.legalForm ?? '',
    siren: party.siren ?? '',
    siret: party.siret ?? '',
    vatNumber: party.vatNumber ?? '',
    email: party.email ?? '',
    phone: party.phone ?? '',
    website: party.website ?? '',
    iban: party.iban ?? '',
    bic: party.bic ?? '',
    notes: party.notes ?? '',
    contacts: party.contacts.map((c) => ({
      key: c.id,
      name: c.name,
      jobTitle: c.jobTitle ?? '',
      email: c.email ?? '',
      phone: c.phone ?? '',
    })),
    addresses: party.addresses.map((a) => ({
      key: a.id,
      kind: a.kind,
      line1: a.line1,
      line2: a.line2 ?? '',
      postalCode: a.postalCode,
      city: a.city,
      country: a.country,
    })),
  };
}

/** The request body: the contract's own parse, so the server gets what it would make of the input. */
export function toPartyInput(values: PartyFormValues): PartyInput {
  return partyInput.parse(values);
}
